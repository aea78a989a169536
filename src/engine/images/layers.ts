// Layer chain IDs, and which layers something still holds when an image goes: moby deletes a
// layer (and prints "Deleted: <chain ID>") only when no other image and no build cache record
// references it (observed: after a BuildKit build, `docker rmi` of its base or of the built image
// deletes the image only, until `docker builder prune` lets the cache's layers go).
import type { Daemon } from '../daemon.js';
import type { ImageRecord } from '../state.js';
import { sha256Hex } from '../../catalog/sha256.js';

/** ChainID(L0) = DiffID(L0); ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln)), bottom first. */
export function chainIdsOf(layers: readonly { diffId: string }[]): string[] {
  const out: string[] = [];
  for (const layer of layers) {
    const prev = out[out.length - 1];
    out.push(prev === undefined ? layer.diffId : `sha256:${sha256Hex(`${prev} ${layer.diffId}`)}`);
  }
  return out;
}

export function chainIds(img: ImageRecord): string[] {
  return chainIdsOf(img.layers);
}

/** A build cache record's hold on layers: the chains of the layer stack its result sits on. */
export interface CacheHold {
  holds?: string[];
}

/** The layer chains that stay when an image is deleted: those of the other images and of the build cache. */
function heldChains(d: Daemon): Set<string> {
  const held = new Set(d.imageList().flatMap((o) => chainIds(o)));
  const cache = (d.state as { buildCache?: Record<string, CacheHold> }).buildCache ?? {};
  for (const entry of Object.values(cache)) for (const chain of entry.holds ?? []) held.add(chain);
  return held;
}

/**
 * The layers of an image just taken out of the state that go with it, top first: those no other
 * image and no build cache record holds (rmi prints each as "Deleted: <chain ID>", prune counts their bytes).
 */
export function freedLayers(d: Daemon, img: ImageRecord): { chain: string; size: number }[] {
  const held = heldChains(d);
  return chainIds(img).map((chain, i) => ({ chain, size: img.layers[i].size })).filter((l) => !held.has(l.chain)).reverse();
}
