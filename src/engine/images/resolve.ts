// Finding images the way the daemon does: by reference (tag or digest) or by ID / ID prefix.
import type { Daemon } from '../daemon.js';
import type { ImageRecord } from '../state.js';
import { DaemonError } from '../errors.js';
import { familiarName, familiarString, parseReference, withDefaultTag } from './reference.js';

/** What finding an image reads: a Daemon, or a stored state's images (format/ps-listing.ts). */
export type ImageLookup = Pick<Daemon, 'state' | 'imageList'>;

/** Image for `ref`, or undefined. Throws DaemonError for an ambiguous ID prefix. */
export function findImage(d: ImageLookup, ref: string): ImageRecord | undefined {
  const idLike = /^(sha256:)?([a-f0-9]{1,64})$/.exec(ref);
  if (idLike) {
    const hex = idLike[2];
    const full = d.state.images[`sha256:${hex}`];
    if (full && !full.deleted) return full;
    // A bare hex string is also a valid repository name; the daemon tries the reference first.
    if (!idLike[1]) {
      const byName = findByReference(d, ref);
      if (byName) return byName;
    }
    const matches = d.imageList().filter((img) => img.id.slice(7).startsWith(hex));
    if (matches.length > 1) throw new DaemonError(`ambiguous image ID: ${ref}`, 'invalid');
    if (matches.length === 1) return matches[0];
    return undefined;
  }
  return findByReference(d, ref);
}

function findByReference(d: ImageLookup, ref: string): ImageRecord | undefined {
  let parsed;
  try {
    parsed = parseReference(ref);
  } catch {
    return undefined;
  }
  if (parsed.digest) {
    const want = `${familiarName(parsed)}@${parsed.digest}`;
    return d.imageList().find((img) => img.repoDigests.includes(want));
  }
  const want = familiarString(withDefaultTag(parsed));
  return d.imageList().find((img) => img.repoTags.includes(want));
}

/** "nginx" → "nginx:latest" (the name Docker prints in not-found errors). */
export function normalizedRefForError(ref: string): string {
  if (/^sha256:[a-f0-9]+$/.test(ref)) return ref;
  try {
    return familiarString(withDefaultTag(parseReference(ref)));
  } catch {
    return ref;
  }
}

/** Containers (any state) using the image. */
export function containersUsing(d: Daemon, imageId: string) {
  return d.containerList().filter((c) => c.imageId === imageId);
}
