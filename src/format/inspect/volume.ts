// The JSON of `GET /volumes/{name}` (Docker Engine 28): volume.Volume with its JSON tags.
import type { Daemon } from '../../engine/daemon.js';
import type { VolumeRecord } from '../../engine/state.js';
import { encodeJSON, goMap } from './json.js';
import { DOCKER_ROOT } from './paths.js';
import { VOLUME_INSPECT } from './schema.js';
import type { InspectItem } from './item.js';

/** The local driver reports the creation time of the volume directory, to the second. */
export function volumeCreatedAt(created: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(created);
  return m ? `${m[1]}${m[2]}` : created;
}

/** The volume's inspect JSON as a tree for encodeJSON. */
export function volumeInspectTree(_d: Daemon, v: VolumeRecord): Record<string, unknown> {
  const local = v.driver === 'local';
  return {
    CreatedAt: v.created ? volumeCreatedAt(v.created) : undefined,
    Driver: v.driver,
    Labels: v.labels && Object.keys(v.labels).length ? goMap(v.labels) : null,
    Mountpoint: local ? `${DOCKER_ROOT}/volumes/${v.name}/_data` : '',
    Name: v.name,
    Options: goMap(v.options),
    Scope: 'local',
  };
}

export function volumeInspectJSON(d: Daemon, v: VolumeRecord): string {
  return encodeJSON(volumeInspectTree(d, v), { escapeHTML: false });
}

/** For `docker volume inspect` / `docker inspect`: the daemon's JSON and the CLI's type. */
export function volumeInspectObject(d: Daemon, v: VolumeRecord): InspectItem {
  return { raw: volumeInspectJSON(d, v), type: VOLUME_INSPECT };
}
