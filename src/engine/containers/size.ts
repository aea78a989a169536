// Sizes for `ps -s` and inspect -s: the writable layer's bytes and the whole root filesystem.
import type { Daemon } from '../daemon.js';
import type { ContainerRecord } from '../state.js';
import type { LayerData } from '../fs/types.js';

export function layerBytes(layer: LayerData): number {
  let n = 0;
  for (const node of Object.values(layer)) {
    if (!node || node.type !== 'file') continue;
    n += node.size ?? (node.content !== undefined ? new TextEncoder().encode(node.content).length : 0);
  }
  return n;
}

export function containerSizes(d: Daemon, c: ContainerRecord): { rw: number; rootFs: number } {
  const rw = layerBytes(c.upper);
  const img = d.state.images[c.imageId];
  return { rw, rootFs: (img?.size ?? 0) + rw };
}
