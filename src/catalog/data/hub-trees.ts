import type { TreeSource } from '../trees.js';

export const HUB_TREES: Record<string, TreeSource> = {};
