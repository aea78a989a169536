// The daemon's image listing: newest first, dangling/intermediate rules, filters.
import type { Daemon } from '../daemon.js';
import type { ImageRecord } from '../state.js';
import { DaemonError } from '../errors.js';
import { validateFilterKeys, type Filters } from '../filters.js';
import { findImage, normalizedRefForError } from './resolve.js';
import { parseTime } from '../time.js';

export function hasChildren(d: Daemon, img: ImageRecord): boolean {
  return d.imageList().some((o) => o.parent === img.id);
}

export function listImages(d: Daemon, opts: { all: boolean; filters: Filters }): ImageRecord[] {
  const f = opts.filters;
  validateFilterKeys(f, ['before', 'dangling', 'label', 'reference', 'since', 'until']);
  const dangling = f.get('dangling');
  if (dangling) for (const v of dangling) if (!['true', 'false', '1', '0'].includes(v.toLowerCase())) {
    throw new DaemonError(`invalid filter 'dangling=[${dangling.join(' ')}]'`, 'invalid');
  }
  const before = f.get('before')?.map((r) => findOrFail(d, r));
  const since = f.get('since')?.map((r) => findOrFail(d, r));
  const out = d.imageList().filter((img) => {
    const untagged = img.repoTags.length === 0;
    if (untagged && !opts.all && hasChildren(d, img)) return false;
    if (dangling) {
      const want = ['true', '1'].includes(dangling[0].toLowerCase());
      if (want !== (untagged && img.repoDigests.length === 0)) return false;
    }
    const labels = f.get('label');
    if (labels && !labels.every((l) => {
      const eq = l.indexOf('=');
      const lab = img.config.Labels ?? {};
      return eq < 0 ? l in lab : lab[l.slice(0, eq)] === l.slice(eq + 1);
    })) return false;
    if (before && !before.every((b) => parseTime(img.created) < parseTime(b.created))) return false;
    if (since && !since.every((s) => parseTime(img.created) > parseTime(s.created))) return false;
    return true;
  });
  return out.sort((a, b) => parseTime(b.created) - parseTime(a.created) || (a.id < b.id ? -1 : 1));
}

function findOrFail(d: Daemon, ref: string): ImageRecord {
  const img = findImage(d, ref);
  if (!img) throw new DaemonError(`No such image: ${normalizedRefForError(ref)}`, 'not-found');
  return img;
}
