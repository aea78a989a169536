// Registry of the catalogue's layer file trees: packed trees recorded from the real engine
// (data/engine-trees.ts, format in packed.ts) and trees built by code for the hub-modelled images
// (data/hub-trees.ts). Each is decoded on first use and cached. Isomorphic: no node: imports.

import type { LayerData } from '../engine/fs/types.js';
import { ENGINE_TREES } from './data/engine-trees.js';
import { hubTrees } from './data/hub-trees.js';
import { decodePackedTree } from './packed.js';

export { decodePackedTree, type PackedTree } from './packed.js';

/** A tree built by code: receives getLayerTree to derive from other trees. */
export type TreeBuilder = (get: (treeName: string) => LayerData) => LayerData;

const cache = new Map<string, LayerData>();

/** Names of all the trees the catalogue can decode. */
export function layerTreeNames(): string[] {
  return [...Object.keys(ENGINE_TREES), ...Object.keys(hubTrees())];
}

/**
 * The file tree of one catalogue layer (`CatalogLayer.tree`): absolute path → node, null for a
 * whiteout. Decoded on first use and cached: treat the result as read-only (it is shared).
 * Throws for an unknown tree name.
 */
export function getLayerTree(treeName: string): LayerData {
  let tree = cache.get(treeName);
  if (tree) return tree;
  const packed = ENGINE_TREES[treeName];
  if (packed) tree = decodePackedTree(packed);
  else {
    const src = hubTrees()[treeName];
    if (!src) throw new Error(`unknown layer tree: ${treeName}`);
    tree = src(getLayerTree);
  }
  cache.set(treeName, tree);
  return tree;
}
