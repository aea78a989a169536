import type { TreeBuilder } from '../trees.js';

export const HUB_TREES: Record<string, TreeBuilder> = {};
