import type { Daemon } from '../daemon.js';
import type { ContainerRecord } from '../state.js';
import { DaemonError } from '../errors.js';
import { finishContainer, killEvent } from './runtime.js';

/** `docker rm`: refuses running/paused containers unless forced (then SIGKILL first). */
export function removeContainer(d: Daemon, c: ContainerRecord, typedName: string, opts: { force: boolean; volumes: boolean }): void {
  if (c.state.Paused && !opts.force) {
    throw new DaemonError(`cannot remove container "${typedName}": container is paused and must be unpaused first`, 'conflict');
  }
  if (c.state.Running && !opts.force) {
    throw new DaemonError(`cannot remove container "${typedName}": container is running: stop the container before removing or force remove`, 'conflict');
  }
  if (c.state.Running) {
    killEvent(d, c, 'SIGKILL');
    finishContainer(d, c, 137, d.now());
  }
  removeContainerRecord(d, c, opts.volumes);
}

/** Drops the container and, if asked, its anonymous volumes. */
export function removeContainerRecord(d: Daemon, c: ContainerRecord, removeAnonymousVolumes: boolean): void {
  if (removeAnonymousVolumes) {
    for (const m of c.mounts) {
      if (m.Type === 'volume' && m.Name) {
        const v = d.state.volumes[m.Name];
        if (v?.anonymous) delete d.state.volumes[m.Name];
      }
    }
  }
  delete d.state.containers[c.id];
  const img = d.state.images[c.imageId];
  if (img?.deleted && !d.containerList().some((o) => o.imageId === img.id)) delete d.state.images[img.id];
  d.event('container', 'destroy', c.id, { image: c.config.Image, name: c.name });
}
