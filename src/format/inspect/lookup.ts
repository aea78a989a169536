// Finding the object behind an inspect reference, with the daemon's not-found errors.
import { ownEntry } from '../../engine/daemon.js';
import type { Daemon } from '../../engine/daemon.js';
import type { NetworkRecord, VolumeRecord } from '../../engine/state.js';
import { DaemonError, noSuchContainer, noSuchImage } from '../../engine/errors.js';
import { findImage, normalizedRefForError } from '../../engine/images/resolve.js';
import { parseReference, ReferenceError } from '../../engine/images/reference.js';
import { containerInspectItem } from './container.js';
import { imageInspectItem } from './image.js';
import { networkInspectObject } from './network.js';
import { volumeInspectObject } from './volume.js';
import type { InspectItem } from './item.js';

export function inspectContainer(d: Daemon, ref: string, size: boolean): InspectItem {
  const c = d.findContainer(ref);
  if (!c) throw noSuchContainer(ref);
  return containerInspectItem(d, c, { size });
}

export function inspectImage(d: Daemon, ref: string): InspectItem {
  const img = findImage(d, ref);
  if (img) return imageInspectItem(img);
  if (!/^(sha256:)?[a-f0-9]+$/.test(ref)) {
    try {
      parseReference(ref);
    } catch (e) {
      if (e instanceof ReferenceError) throw new DaemonError(e.message, 'invalid');
      throw e;
    }
  }
  throw noSuchImage(normalizedRefForError(ref));
}

/** Network by full ID, exact name, then unique ID prefix (as the daemon resolves it). */
export function findNetwork(d: Daemon, ref: string): NetworkRecord | undefined {
  const all = Object.values(d.state.networks);
  const byId = all.find((n) => n.id === ref);
  if (byId) return byId;
  const byName = all.find((n) => n.name === ref);
  if (byName) return byName;
  if (ref === '') return undefined;
  const prefix = all.filter((n) => n.id.startsWith(ref));
  if (prefix.length > 1) throw new DaemonError(`network ${ref} is ambiguous (${prefix.length} matches found on ID prefix)`, 'invalid');
  return prefix[0];
}

export function inspectNetwork(d: Daemon, ref: string): InspectItem {
  const n = findNetwork(d, ref);
  if (!n) throw new DaemonError(`network ${ref} not found`, 'not-found');
  return networkInspectObject(d, n);
}

export function findVolume(d: Daemon, ref: string): VolumeRecord | undefined {
  return ownEntry(d.state.volumes, ref);
}

export function inspectVolume(d: Daemon, ref: string): InspectItem {
  const v = findVolume(d, ref);
  if (!v) throw new DaemonError(`get ${ref}: no such volume`, 'not-found');
  return volumeInspectObject(d, v);
}

export const NOT_A_SWARM_MANAGER = 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';

export function inspectPlugin(_d: Daemon, ref: string): InspectItem {
  throw new DaemonError(`plugin "${ref}" not found`, 'not-found');
}

export function inspectSwarmObject(): InspectItem {
  throw new DaemonError(NOT_A_SWARM_MANAGER, 'server');
}
