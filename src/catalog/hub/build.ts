// Builders for the images modelled on Docker Hub: a small text DSL for layer file trees, and a
// spec → CatalogImage builder that stacks a base image's layers and history under the image's
// own build steps, with deterministic made-up IDs and digests. Isomorphic: no node: imports.

import type { FsNode, LayerData } from '../../engine/fs/types.js';
import { utf8Length } from '../packed.js';
import { fakeDigest, fakeHex } from '../sha256.js';
import type { CatalogHistoryEntry, CatalogImage, CatalogLayer, ImageConfig } from '../types.js';

/**
 * Builds a layer tree from lines of the form
 *
 *   d PATH [MODE] [UID:GID]              directory
 *   f PATH SIZE|@ [MODE] [UID:GID]       file; '@' = text from contents[PATH] (size = its UTF-8 length)
 *   l PATH TARGET                        symlink
 *   w PATH                               whiteout
 *   # comment, blank lines ignored
 *
 * MODE is octal (default 755 for d, 644 for f). Missing parent directories are added (755, root).
 * `mtimeSec` is the modification time of every entry.
 */
export function layer(mtimeSec: number, spec: string, contents: Record<string, string> = {}): LayerData {
  const out: LayerData = {};
  const mtimeMs = mtimeSec * 1000;
  const addParents = (path: string) => {
    const parts = path.split('/');
    for (let i = 2; i < parts.length; i++) {
      const p = parts.slice(0, i).join('/');
      if (!(p in out)) out[p] = { type: 'dir', mode: 0o755, uid: 0, gid: 0, mtimeMs };
    }
  };
  for (const raw of spec.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [kind, path, ...rest] = line.split(/\s+/);
    if (!path.startsWith('/')) throw new Error(`layer spec: relative path in ${JSON.stringify(line)}`);
    addParents(path);
    const owner = (s: string | undefined): [number, number] => {
      if (!s || !s.includes(':')) return [0, 0];
      const [u, g] = s.split(':');
      return [Number(u), Number(g)];
    };
    let node: FsNode | null;
    if (kind === 'd') {
      const mode = rest[0] && !rest[0].includes(':') ? parseInt(rest[0], 8) : 0o755;
      const [uid, gid] = owner(rest.find((r) => r.includes(':')));
      node = { type: 'dir', mode, uid, gid, mtimeMs };
    } else if (kind === 'f') {
      const [sizeSpec, ...more] = rest;
      const mode = more[0] && !more[0].includes(':') ? parseInt(more[0], 8) : 0o644;
      const [uid, gid] = owner(more.find((r) => r.includes(':')));
      node = { type: 'file', mode, uid, gid, mtimeMs };
      if (sizeSpec === '@') {
        const content = contents[path];
        if (content === undefined) throw new Error(`layer spec: no content for ${path}`);
        node.content = content;
        node.size = utf8Length(content);
      } else node.size = Number(sizeSpec);
    } else if (kind === 'l') {
      node = { type: 'symlink', mode: 0o777, uid: 0, gid: 0, target: rest[0], mtimeMs };
    } else if (kind === 'w') {
      node = null;
    } else throw new Error(`layer spec: bad line ${JSON.stringify(line)}`);
    out[path] = node;
  }
  return out;
}

// Date arithmetic without Date: its first use costs tens of milliseconds at start-up in Node.

/** Milliseconds since the epoch of a UTC RFC 3339 time ('2026-11-28T02:06:22.5Z'). */
export function epochMs(rfc3339: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/.exec(rfc3339);
  if (!m) throw new Error(`not a UTC RFC 3339 time: ${rfc3339}`);
  let y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  // days from civil (Howard Hinnant's algorithm)
  y -= mo <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  const frac = m[7] ? Number(`0.${m[7]}`) : 0;
  return ((days * 24 + Number(m[4])) * 60 + Number(m[5])) * 60_000 + Number(m[6]) * 1000 + Math.floor(frac * 1000);
}

/** Seconds since the epoch of a UTC RFC 3339 time. */
export function epochSeconds(rfc3339: string): number {
  return Math.floor(epochMs(rfc3339) / 1000);
}

/** UTC RFC 3339 time, to the second ('2026-11-28T02:06:22Z'), of milliseconds since the epoch. */
export function isoSeconds(ms: number): string {
  const secs = Math.floor(ms / 1000);
  const days = Math.floor(secs / 86400);
  const rem = secs - days * 86400;
  // civil from days
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${y}-${p2(mo)}-${p2(d)}T${p2(Math.floor(rem / 3600))}:${p2(Math.floor((rem % 3600) / 60))}:${p2(rem % 60)}Z`;
}

/** A copy of `tree` with its entries filtered and some replaced or added. */
export function derive(tree: LayerData, opts: { drop?: (path: string) => boolean; set?: LayerData }): LayerData {
  const out: LayerData = {};
  for (const [p, n] of Object.entries(tree)) if (!opts.drop?.(p)) out[p] = n;
  return Object.assign(out, opts.set ?? {});
}

/** One build step of an image: a history entry, with a layer when `size` is given. */
export interface HubStep {
  /** created_by, exactly as `docker history --no-trunc` shows it. */
  by: string;
  /** Uncompressed layer size; absent for an empty layer (ENV, CMD, …). */
  size?: number;
  /** Compressed blob size (default: about 40% of size). */
  compressed?: number;
  /** Tree name of the layer's content (default: an empty tree). */
  tree?: string;
  /** Build seconds this step took (default: 0 for metadata, 1 + size/40MB for layers). */
  seconds?: number;
  /** Exact history `created` (default: derived from the build clock, with nanoseconds). */
  created?: string;
  /** History comment (default: buildkit.dockerfile.v0 for buildkit builds, none for classic). */
  comment?: string;
}

export interface HubSpec {
  /** Unique key, the seed of the made-up digests: 'python:3.12-slim'. */
  key: string;
  repository: string;
  tags: string[];
  /** The image it is built FROM (its layers and history come first), if any. */
  from?: CatalogImage;
  /** When the build started (RFC 3339); the first own step is 1 s later. Defaults to the base's created + 60 s. */
  start?: string;
  /** 'buildkit' (history comment buildkit.dockerfile.v0) or 'classic' (no comment, DockerVersion set). */
  builder?: 'buildkit' | 'classic';
  dockerVersion?: string;
  steps: HubStep[];
  /** The complete Config as `docker image inspect` prints it (keys in alphabetical order). */
  config: ImageConfig;
  /** `parentImage` of the catalogue entry. */
  parentImage?: string;
}

const EMPTY_TREE = 'hub/empty';

function rfc3339(ms: number, seed: string): string {
  // Buildkit writes nanoseconds; derive stable ones from the seed.
  const nanos = (parseInt(fakeHex(seed).slice(0, 8), 16) % 1_000_000_000).toString().padStart(9, '0');
  return isoSeconds(ms).replace(/Z$/, `.${nanos}Z`);
}

/** Builds the catalogue entry of a hub-modelled image. */
export function buildHubImage(spec: HubSpec): CatalogImage {
  const base = spec.from;
  const layers: CatalogLayer[] = base ? base.layers.map((l) => ({ ...l })) : [];
  const history: CatalogHistoryEntry[] = base ? base.history.map((h) => ({ ...h })) : [];
  const builder = spec.builder ?? 'buildkit';
  let t = spec.start ? epochMs(spec.start) : epochMs(base!.created) + 60_000;
  let created = '';
  spec.steps.forEach((step, i) => {
    t += (step.seconds ?? (step.size === undefined ? 0 : 1 + Math.floor(step.size / 40_000_000))) * 1000;
    created = step.created ?? rfc3339(t, `${spec.key}:created:${Math.floor(t / 1000)}`);
    const entry: CatalogHistoryEntry = { created, createdBy: step.by };
    if (step.comment !== undefined) entry.comment = step.comment;
    else if (builder === 'buildkit') entry.comment = 'buildkit.dockerfile.v0';
    if (step.size === undefined) entry.emptyLayer = true;
    else {
      layers.push({
        digest: fakeDigest(`layer:${spec.key}:${i}`),
        diffId: fakeDigest(`diff:${spec.key}:${i}`),
        size: step.size,
        compressedSize: step.compressed ?? Math.max(32, Math.round(step.size * 0.4)),
        tree: step.tree ?? EMPTY_TREE,
      });
    }
    history.push(entry);
  });
  const image: CatalogImage = {
    repository: spec.repository,
    tags: spec.tags,
    id: fakeDigest(`image:${spec.key}`),
    digest: fakeDigest(`manifest:${spec.key}`),
    created,
    architecture: 'amd64',
    os: 'linux',
    size: layers.reduce((n, l) => n + l.size, 0),
    config: spec.config,
    layers,
    history,
    dockerVersion: spec.dockerVersion ?? '',
    author: '',
    comment: history.at(-1)?.comment ?? '',
    source: 'hub',
    configSize: 1000 + history.reduce((n, h) => n + h.createdBy.length + 80, 0),
  };
  if (spec.parentImage) image.parentImage = spec.parentImage;
  return image;
}

/** Standard PATH of the official images. */
export const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** A complete inspect-style Config: always-present keys filled in, keys in Docker's (alphabetical) order. */
export function inspectConfig(c: ImageConfig): ImageConfig {
  const always: ImageConfig = { Cmd: null, Entrypoint: null, Env: [PATH_ENV], Labels: null, OnBuild: null, User: '', Volumes: null, WorkingDir: '' };
  const merged: Record<string, unknown> = { ...always, ...c };
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(merged).sort()) out[k] = merged[k];
  return out as ImageConfig;
}

export { EMPTY_TREE };
