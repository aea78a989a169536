import type { CatalogImage } from '../types.js';

export const HUB_IMAGES: CatalogImage[] = [];
