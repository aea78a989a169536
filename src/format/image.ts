// The `docker images` formatter context and its default table.
import type { ImageRecord } from '../engine/state.js';
import { humanDuration, humanSize, humanSizeWithPrecision } from './units.js';
import { goTimeString, parseTime } from '../engine/time.js';

export const IMAGES_DEFAULT_TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
export const IMAGES_DIGEST_TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';

export const IMAGE_HEADERS: Record<string, string> = {
  ID: 'IMAGE ID', Repository: 'REPOSITORY', Tag: 'TAG', Digest: 'DIGEST', CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT', Size: 'SIZE', Containers: 'CONTAINERS', VirtualSize: 'SIZE', SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
};

export interface ImageRow {
  image: ImageRecord;
  repository: string;
  tag: string;
  digest: string;
}

export function imageContext(r: ImageRow, o: { trunc: boolean; nowMs: number; digests?: boolean }) {
  const created = parseTime(r.image.created);
  return {
    ID: () => (o.trunc ? r.image.id.slice(7, 19) : r.image.id),
    Repository: () => r.repository,
    Tag: () => r.tag,
    Digest: () => (o.digests === false ? '<none>' : r.digest),
    CreatedSince: () => (created <= Date.UTC(2000, 0, 1) ? 'N/A' : `${humanDuration(o.nowMs - created)} ago`),
    CreatedAt: () => goTimeString(created),
    Size: () => humanSizeWithPrecision(r.image.size, 3),
    Containers: () => 'N/A',
    VirtualSize: () => humanSize(r.image.size),
    SharedSize: () => 'N/A',
    UniqueSize: () => 'N/A',
  };
}

/**
 * One row per (repository, tag); digest-only refs give TAG <none>; dangling gives <none> <none>.
 * `repoDigests`: the digests the daemon reported (a reference filter keeps only those it matches).
 */
export function imageRows(img: ImageRecord, repoDigests: string[] = img.repoDigests): ImageRow[] {
  const rows: ImageRow[] = [];
  const digestOf = (repo: string) => repoDigests.find((d) => d.startsWith(`${repo}@`))?.split('@')[1] ?? '<none>';
  const repos = new Set<string>();
  for (const t of img.repoTags) { // in the daemon's order (sortedReferences)
    const i = t.lastIndexOf(':');
    const repo = t.slice(0, i);
    repos.add(repo);
    rows.push({ image: img, repository: repo, tag: t.slice(i + 1), digest: digestOf(repo) });
  }
  for (const dref of repoDigests) {
    const repo = dref.split('@')[0];
    if (repos.has(repo)) continue;
    repos.add(repo);
    rows.push({ image: img, repository: repo, tag: '<none>', digest: dref.split('@')[1] });
  }
  if (rows.length === 0) rows.push({ image: img, repository: '<none>', tag: '<none>', digest: '<none>' });
  return rows;
}
