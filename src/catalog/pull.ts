// What `docker pull` (and the implicit pull of `docker run` / `docker create`) prints for a
// catalogue image, as a non-TTY client shows it, and the error texts of failed pulls.
// Isomorphic: no node: imports.
//
// Recorded on the reference engine (Docker CLI 28.2.2, Engine 28.5.2, stdout not a TTY):
//
//   $ docker pull nginx                       (stdout; debian's layer already present)
//   Using default tag: latest
//   latest: Pulling from library/nginx
//   9d8626e0c5bc: Already exists
//   665fc6849382: Pulling fs layer
//   …                                          (one "Pulling fs layer" per missing layer)
//   3d7596009768: Waiting                      (layers beyond the 3 concurrent downloads)
//   …
//   976ccbd1e080: Verifying Checksum
//   976ccbd1e080: Download complete            (as downloads finish: small layers first)
//   …
//   665fc6849382: Pull complete                (extraction: strictly in layer order)
//   …
//   Digest: sha256:430ba042…
//   Status: Downloaded newer image for nginx:latest
//   docker.io/library/nginx:latest
//
// `docker run` / `docker create` of a missing image print "Unable to find image 'nginx:latest'
// locally" and then the same lines on stderr, without "Using default tag" and without the final
// reference line. `-q` prints nothing of the pull (run/create) or only the reference (pull).
//
// The order of "Download complete" lines depends on timing in reality (two pulls of the same image
// can differ); here it comes from a deterministic model: 3 concurrent downloads, each taking
// DOWNLOAD_LATENCY_MS + compressed size / DOWNLOAD_BYTES_PER_MS; extraction one layer at a time in
// layer order, each taking EXTRACT_LATENCY_MS + size / EXTRACT_BYTES_PER_MS. With these constants
// the model reproduces the recorded orders of the reference machine's nginx and redis pulls.
// Real Docker occasionally drops a "Verifying Checksum" line of a tiny layer (progress updates are
// coalesced); this model always prints it, as most recorded pulls do.

import type { CatalogImage, CatalogLayer } from './types.js';
import { familiarName, parseReference as parseEngineReference } from '../engine/images/reference.js';

export const MAX_CONCURRENT_DOWNLOADS = 3;
export const DOWNLOAD_LATENCY_MS = 100;
export const DOWNLOAD_BYTES_PER_MS = 25_000; // ~25 MB/s
export const EXTRACT_LATENCY_MS = 30;
export const EXTRACT_BYTES_PER_MS = 150_000; // ~150 MB/s of uncompressed data

export type PullStream = 'stdout' | 'stderr';

export interface PullLine {
  stream: PullStream;
  /** One line, without its newline. */
  text: string;
  /** Milliseconds after the pull started at which the line appears. */
  atMs: number;
}

/** A parsed image reference, normalised as Docker does. */
export interface ImageReference {
  /** Registry domain: 'docker.io' for Docker Hub. */
  domain: string;
  /** Repository path in the registry: 'library/nginx', 'user/app'. */
  path: string;
  /** Familiar repository name: 'nginx', 'user/app', 'ghcr.io/x/y'. */
  repository: string;
  /** The tag given, if any (undefined when none was given). */
  tag?: string;
  /** The digest given ('sha256:…'), if any. */
  digest?: string;
}

/**
 * Parses an image reference the way the Docker CLI normalises it ('nginx' → docker.io/library/nginx),
 * with the engine's parser. Returns undefined for a syntactically invalid reference.
 */
export function parseReference(ref: string): ImageReference | undefined {
  try {
    const r = parseEngineReference(ref);
    return { domain: r.domain, path: r.path, repository: familiarName(r), tag: r.tag, digest: r.digest };
  } catch {
    return undefined;
  }
}

/** 'nginx:latest', 'busybox@sha256:…', 'user/app:1' (tag latest when none was given). */
export function familiarReference(ref: ImageReference): string {
  if (ref.digest) return `${ref.repository}@${ref.digest}`;
  return `${ref.repository}:${ref.tag ?? 'latest'}`;
}

/** 'docker.io/library/nginx:latest' — what `docker pull` prints last. */
export function canonicalReference(ref: ImageReference): string {
  if (ref.digest) return `${ref.domain}/${ref.path}@${ref.digest}`;
  return `${ref.domain}/${ref.path}:${ref.tag ?? 'latest'}`;
}

export interface PullRequest {
  /** The catalogue image the reference resolves to. */
  image: CatalogImage;
  /** The reference as the user typed it ('nginx', 'nginx:latest', 'busybox@sha256:…'). */
  reference: string;
  /**
   * Layers already in the local store, by compressed digest or by diff ID. A layer shows
   * "Already exists" only when it and every layer below it are present (Docker compares chain
   * IDs), so only the longest present prefix of the image's layers counts.
   */
  presentLayers?: Iterable<string>;
  /** The image itself (its ID) is already in the local store, under any name: no layer lines. */
  imagePresent?: boolean;
  /** The reference already points at this image locally: "Image is up to date for …". */
  upToDate?: boolean;
  /**
   * 'pull': `docker pull` — stdout, "Using default tag: latest" when no tag was given, and the
   * canonical reference as the last line. 'run': the implicit pull of `docker run`/`docker create`
   * — stderr, neither of those two lines.
   */
  command?: 'pull' | 'run';
  /**
   * run/create only: print "Unable to find image '…' locally" first (default true; false for
   * `--pull always`, which pulls without looking locally first).
   */
  announceMissing?: boolean;
  /** -q / --quiet. */
  quiet?: boolean;
}

interface TimedEvent {
  at: number;
  seq: number;
  text: string;
}

function shortId(layer: CatalogLayer): string {
  return layer.digest.replace(/^sha256:/, '').slice(0, 12);
}

/** How many of the image's layers (from the bottom) count as already present. */
export function presentLayerPrefix(image: CatalogImage, present: Iterable<string> | undefined): number {
  if (!present) return 0;
  const set = new Set(present);
  let n = 0;
  while (n < image.layers.length && (set.has(image.layers[n].digest) || set.has(image.layers[n].diffId))) n++;
  return n;
}

/** The layer progress lines (Docker's order and timing model), without the header and footer. */
function layerEvents(image: CatalogImage, presentCount: number): { events: TimedEvent[]; endMs: number } {
  const events: TimedEvent[] = [];
  let seq = 0;
  const push = (at: number, text: string) => events.push({ at, seq: seq++, text });
  const layers = image.layers;
  for (let i = 0; i < presentCount; i++) push(0, `${shortId(layers[i])}: Already exists`);
  const missing = layers.slice(presentCount);
  for (const l of missing) push(0, `${shortId(l)}: Pulling fs layer`);
  missing.forEach((l, i) => {
    if (i >= MAX_CONCURRENT_DOWNLOADS) push(0, `${shortId(l)}: Waiting`);
  });
  // Downloads: a slot pool of MAX_CONCURRENT_DOWNLOADS, taken in layer order.
  const slots: number[] = Array(Math.min(MAX_CONCURRENT_DOWNLOADS, missing.length)).fill(0);
  const downloaded: number[] = [];
  const doneEvents: { at: number; idx: number }[] = [];
  missing.forEach((l, i) => {
    let s = 0;
    for (let k = 1; k < slots.length; k++) if (slots[k] < slots[s]) s = k;
    const start = slots[s];
    const end = start + DOWNLOAD_LATENCY_MS + Math.ceil((l.compressedSize ?? l.size) / DOWNLOAD_BYTES_PER_MS);
    slots[s] = end;
    downloaded[i] = end;
    doneEvents.push({ at: end, idx: i });
  });
  // Completion lines in time order (ties: layer order).
  doneEvents.sort((a, b) => a.at - b.at || a.idx - b.idx);
  const timeline: { at: number; order: number; text: string }[] = [];
  let order = 0;
  for (const d of doneEvents) {
    timeline.push({ at: d.at, order: order++, text: `${shortId(missing[d.idx])}: Verifying Checksum` });
    timeline.push({ at: d.at, order: order++, text: `${shortId(missing[d.idx])}: Download complete` });
  }
  // Extraction: one at a time, in layer order.
  let t = 0;
  missing.forEach((l, i) => {
    t = Math.max(t, downloaded[i]) + EXTRACT_LATENCY_MS + Math.ceil(l.size / EXTRACT_BYTES_PER_MS);
    timeline.push({ at: t, order: order++, text: `${shortId(l)}: Pull complete` });
  });
  timeline.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const e of timeline) push(e.at, e.text);
  return { events, endMs: t };
}

/**
 * The lines a successful pull prints, in order, each with its stream and time. The caller has
 * already resolved the reference to `image` (see lookupReference in index.ts).
 */
export function pullOutput(req: PullRequest): PullLine[] {
  const ref = parseReference(req.reference);
  if (!ref) throw new Error(`invalid reference format: ${req.reference}`);
  const command = req.command ?? 'pull';
  const stream: PullStream = command === 'pull' ? 'stdout' : 'stderr';
  const lines: PullLine[] = [];
  const out = (text: string, atMs: number) => lines.push({ stream, text, atMs });
  const familiar = familiarReference(ref);

  if (req.quiet) {
    // -q: `docker pull` prints only the reference; run/create print nothing of the pull.
    if (command === 'pull') {
      const endMs = req.imagePresent ? 0 : layerEvents(req.image, presentLayerPrefix(req.image, req.presentLayers)).endMs;
      out(canonicalReference(ref), endMs + 1);
    }
    return lines;
  }
  if (command === 'run' && req.announceMissing !== false) out(`Unable to find image '${familiar}' locally`, 0);
  if (command === 'pull' && !ref.tag && !ref.digest) out('Using default tag: latest', 0);
  out(`${ref.digest ? canonicalReference(ref) : ref.tag ?? 'latest'}: Pulling from ${ref.path}`, 0);
  let endMs = 0;
  if (!req.imagePresent) {
    const le = layerEvents(req.image, presentLayerPrefix(req.image, req.presentLayers));
    for (const e of le.events) out(e.text, e.at);
    endMs = le.endMs;
  }
  out(`Digest: ${req.image.digest}`, endMs + 1);
  out(
    req.upToDate ? `Status: Image is up to date for ${familiar}` : `Status: Downloaded newer image for ${familiar}`,
    endMs + 1,
  );
  if (command === 'pull') out(canonicalReference(ref), endMs + 1);
  return lines;
}

/** pullOutput joined into the two streams' texts (each line ending in "\n"). */
export function pullText(req: PullRequest): { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  for (const l of pullOutput(req)) {
    if (l.stream === 'stdout') stdout += l.text + '\n';
    else stderr += l.text + '\n';
  }
  return { stdout, stderr };
}

/** Why a pull failed. */
export type PullErrorKind =
  /** The repository exists but not this tag/digest (Docker Hub: "manifest unknown"). */
  | 'manifest-unknown'
  /** No such repository (or private): Docker Hub's "pull access denied". */
  | 'repository-not-found';

/** The daemon's error message for a failed pull, as the CLI prints it after "Error response from daemon: ". */
export function pullErrorMessage(reference: string, kind: PullErrorKind): string {
  const ref = parseReference(reference);
  if (!ref) throw new Error(`invalid reference format: ${reference}`);
  if (kind === 'manifest-unknown') return `manifest for ${familiarReference(ref)} not found: manifest unknown: manifest unknown`;
  return `pull access denied for ${ref.repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
}

export interface CommandFailure {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * What a failed pull prints, whole: `docker pull` (exit 1) or the implicit pull of
 * `docker run` / `docker create` (exit 125). `message` overrides the daemon's message (e.g. a
 * network error), otherwise it comes from `kind`.
 *
 *   $ docker pull nosuchrepo                → stdout "Using default tag: latest\n"
 *   Error response from daemon: pull access denied for nosuchrepo, …     (stderr, exit 1)
 *   $ docker run nosuchrepo
 *   Unable to find image 'nosuchrepo:latest' locally
 *   docker: Error response from daemon: pull access denied for nosuchrepo, …
 *   (empty line)
 *   Run 'docker run --help' for more information                         (stderr, exit 125)
 */
export function pullFailure(
  reference: string,
  kind: PullErrorKind,
  opts: { command?: 'pull' | 'run' | 'create'; announceMissing?: boolean; quiet?: boolean; message?: string } = {},
): CommandFailure {
  const ref = parseReference(reference);
  if (!ref) throw new Error(`invalid reference format: ${reference}`);
  const message = `Error response from daemon: ${opts.message ?? pullErrorMessage(reference, kind)}`;
  const command = opts.command ?? 'pull';
  if (command === 'pull') {
    const stdout = !opts.quiet && !ref.tag && !ref.digest ? 'Using default tag: latest\n' : '';
    return { stdout, stderr: `${message}\n`, exitCode: 1 };
  }
  const announce = opts.announceMissing !== false && !opts.quiet ? `Unable to find image '${familiarReference(ref)}' locally\n` : '';
  return {
    stdout: '',
    stderr: `${announce}docker: ${message}\n\nRun 'docker ${command} --help' for more information\n`,
    exitCode: 125,
  };
}
