// The built-in image catalogue: what the emulated registry serves. Isomorphic (bundled into the
// browser too): no node: imports, all data in TypeScript modules.
//
// - Images recorded from the real engine of the reference machine (source 'engine'): busybox,
//   hello-world, debian:bookworm (= latest), nginx, redis: exact IDs, digests, configs, history,
//   layer digests and sizes, and file trees from their layer tars (pruned, see README.md).
// - Images modelled on the official Docker Hub images (source 'hub'): real configs as published,
//   made-up deterministic IDs and digests, realistic sizes, plausible file trees.

import { ENGINE_IMAGES } from './data/engine-images.js';
import { hubImages } from './data/hub-images.js';
import { parseReference, type ImageReference, type PullErrorKind } from './pull.js';
import type { CatalogImage } from './types.js';

export type { CatalogImage, CatalogLayer, CatalogHistoryEntry, ImageConfig } from './types.js';
export { getLayerTree, layerTreeNames, decodePackedTree, type PackedTree } from './trees.js';
export { sha256Hex } from './sha256.js';
export {
  pullOutput,
  pullText,
  pullFailure,
  pullErrorMessage,
  presentLayerPrefix,
  parseReference,
  familiarReference,
  canonicalReference,
  MAX_CONCURRENT_DOWNLOADS,
  type PullLine,
  type PullRequest,
  type PullStream,
  type PullErrorKind,
  type ImageReference,
  type CommandFailure,
} from './pull.js';

/** Every image of the catalogue (engine-recorded first, then hub-modelled). */
let catalogCache: CatalogImage[] | undefined;
export function catalogImages(): CatalogImage[] {
  return (catalogCache ??= [...ENGINE_IMAGES, ...hubImages()]);
}

function familiarRepository(repository: string): string {
  return parseReference(repository)?.repository ?? repository;
}

/**
 * The catalogue image for a repository and tag. The repository may be given familiar ('nginx'),
 * with its Hub namespace ('library/nginx') or fully qualified ('docker.io/library/nginx').
 */
export function findCatalogImage(repository: string, tag: string): CatalogImage | undefined {
  const repo = familiarRepository(repository);
  return catalogImages().find((img) => img.repository === repo && img.tags.includes(tag));
}

/** The catalogue image with this manifest digest in this repository (pull by digest). */
export function findCatalogImageByDigest(repository: string, digest: string): CatalogImage | undefined {
  const repo = familiarRepository(repository);
  return catalogImages().find((img) => img.repository === repo && img.digest === digest);
}

/** The catalogue image with this image ID ('sha256:…' in full). */
export function findCatalogImageById(id: string): CatalogImage | undefined {
  return catalogImages().find((img) => img.id === id);
}

/** Every tag of a repository in the catalogue, e.g. for `docker pull -a` or a search. */
export function catalogTags(repository: string): string[] {
  const repo = familiarRepository(repository);
  return catalogImages().filter((img) => img.repository === repo).flatMap((img) => img.tags);
}

export type ReferenceLookup =
  | { ok: true; image: CatalogImage; ref: ImageReference }
  | { ok: false; error: PullErrorKind | 'invalid-reference'; ref?: ImageReference };

/**
 * Resolves what a `docker pull REFERENCE` would fetch: the image, or why the registry refuses
 * ('manifest-unknown' when the repository exists but not the tag/digest; 'repository-not-found'
 * for any other repository, including other registries than Docker Hub).
 */
export function lookupReference(reference: string): ReferenceLookup {
  const ref = parseReference(reference);
  if (!ref) return { ok: false, error: 'invalid-reference' };
  if (ref.domain !== 'docker.io') return { ok: false, error: 'repository-not-found', ref };
  const image = ref.digest ? findCatalogImageByDigest(ref.repository, ref.digest) : findCatalogImage(ref.repository, ref.tag ?? 'latest');
  if (image) return { ok: true, image, ref };
  const known = catalogImages().some((img) => img.repository === ref.repository);
  return { ok: false, error: known ? 'manifest-unknown' : 'repository-not-found', ref };
}
