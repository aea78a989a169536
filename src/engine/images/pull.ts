// Pulling from the built-in catalogue (our "registry"): the image record it creates, and the
// progress text the catalogue models.
import type { Daemon } from '../daemon.js';
import type { ImageRecord } from '../state.js';
import type { CatalogImage } from '../../catalog/types.js';
import { DaemonError } from '../errors.js';
import { ZERO_TIME } from '../time.js';
import { familiarName, familiarString, parseReference, ReferenceError, sortedReferences, withDefaultTag } from './reference.js';
import { pullErrorMessage, pullOutput, type PullLine } from '../../catalog/pull.js';

export interface PullResult {
  image: ImageRecord;
  lines: PullLine[];
}

export function imageFromCatalog(c: CatalogImage, d: Daemon): ImageRecord {
  return {
    id: c.id,
    repoTags: [],
    repoDigests: [`${c.repository}@${c.digest}`],
    parent: '',
    comment: c.comment ?? '',
    created: c.created,
    dockerVersion: c.dockerVersion ?? '',
    author: c.author ?? '',
    architecture: c.architecture,
    variant: c.variant,
    os: c.os,
    size: c.size,
    config: JSON.parse(JSON.stringify(c.config)),
    layers: c.layers.map((l) => ({ digest: l.digest, diffId: l.diffId, size: l.size, tree: l.tree })),
    history: c.history.map((h) => ({ ...h })),
    flavor: c.parentImage ? flavorOf(c) : c.repository,
    // Only `docker tag`, build and commit stamp LastTagTime; a pulled image keeps the zero time.
    lastTagTime: ZERO_TIME,
    pulledAt: d.timestamp(),
  };
}

function flavorOf(c: CatalogImage): string {
  return c.repository;
}

/** Adds `tag` (e.g. 'nginx:latest') to `img`, moving it off any other image. */
export function tagImage(d: Daemon, img: ImageRecord, tag: string, stamp = true): void {
  for (const other of d.imageList()) {
    if (other.id !== img.id && other.repoTags.includes(tag)) {
      other.repoTags = other.repoTags.filter((t) => t !== tag);
    }
  }
  if (!img.repoTags.includes(tag)) {
    img.repoTags = sortedReferences([...img.repoTags, tag]);
    if (stamp) img.lastTagTime = d.timestamp();
  }
}

/**
 * Pulls `ref` from the catalogue. Throws DaemonError with the registry's message when the
 * repository or tag does not exist.
 */
export function pullImage(d: Daemon, ref: string, command: 'pull' | 'run', quiet = false): PullResult {
  let parsed;
  try {
    parsed = withDefaultTag(parseReference(ref));
  } catch (e) {
    if (e instanceof ReferenceError) throw new DaemonError(e.message, 'invalid');
    throw e;
  }
  const repo = familiarName(parsed);
  const catalogImage = parsed.tag
    ? d.env.images.find(repo, parsed.tag)
    : d.env.images.findByDigest?.(repo, parsed.digest!);
  if (!catalogImage) {
    const known = d.env.images.hasRepository?.(repo) ?? false;
    throw new DaemonError(pullErrorMessage(ref, known ? 'manifest-unknown' : 'repository-not-found'));
  }
  const kept = d.state.images[catalogImage.id];
  // An image removed with rmi -f whose layers a stopped container kept comes back whole.
  if (kept?.deleted) kept.deleted = false;
  const existing = kept?.deleted === false && kept.repoTags.length === 0 && kept.repoDigests.length === 0 ? undefined : kept;
  const tag = parsed.tag ? familiarString(parsed) : undefined;
  const upToDate = !!existing && (tag ? existing.repoTags.includes(tag) : true);
  const present = new Set<string>();
  for (const img of d.imageList()) for (const l of img.layers) { present.add(l.digest); present.add(l.diffId); }
  const lines = pullOutput({
    image: catalogImage,
    reference: ref,
    presentLayers: present,
    imagePresent: !!existing,
    upToDate,
    command,
    announceMissing: command === 'run',
    quiet,
  });
  const image = existing ?? kept ?? imageFromCatalog(catalogImage, d);
  if (!existing && !kept) d.state.images[image.id] = image;
  if (tag) tagImage(d, image, tag, false);
  const digestRef = `${repo}@${catalogImage.digest}`;
  if (!image.repoDigests.includes(digestRef)) image.repoDigests = sortedReferences([...image.repoDigests, digestRef]);
  d.event('image', 'pull', tag ?? digestRef, { name: tag ?? digestRef });
  return { image, lines };
}
