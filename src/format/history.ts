// The `docker history` formatter context and its default tables.
import type { ImageRecord } from '../engine/state.js';
import { humanDuration, humanSizeWithPrecision } from './units.js';
import { parseTime } from '../engine/time.js';
import { ellipsis } from './strings.js';

export const HISTORY_DEFAULT_TABLE = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
export const HISTORY_NON_HUMAN_TABLE = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';

export const HISTORY_HEADERS: Record<string, string> = {
  ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT',
};

export interface HistoryRow {
  /** sha256:… or '<missing>'. */
  id: string;
  created: string;
  createdBy: string;
  size: number;
  comment: string;
  tags: string[];
}

/**
 * The rows the daemon returns, newest first: each history entry with the size of the layer it
 * made (0 for empty layers); the top row of each image present locally in the parent chain
 * carries that image's ID, the others `<missing>`.
 */
export function historyRows(img: ImageRecord, images: Record<string, ImageRecord>): HistoryRow[] {
  const rows: HistoryRow[] = [];
  let layer = 0;
  for (const h of img.history) {
    const size = h.emptyLayer ? 0 : (img.layers[layer++]?.size ?? 0);
    rows.push({ id: '<missing>', created: h.created, createdBy: h.createdBy, size, comment: h.comment ?? '', tags: [] });
  }
  rows.reverse();
  let cur: ImageRecord | undefined = img;
  const seen = new Set<string>();
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    const idx = img.history.length - cur.history.length;
    if (idx >= 0 && idx < rows.length && rows[idx].id === '<missing>') {
      rows[idx].id = cur.id;
      rows[idx].tags = [...cur.repoTags];
    }
    cur = cur.parent ? images[cur.parent] : undefined;
  }
  return rows;
}

/** Go's time.Unix(sec, 0).Format(time.RFC3339) in UTC. */
function rfc3339Seconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function historyContext(r: HistoryRow, o: { trunc: boolean; human: boolean; nowMs: number }) {
  const createdMs = Math.floor(parseTime(r.created) / 1000) * 1000;
  const createdAt = () => rfc3339Seconds(createdMs);
  return {
    ID: () => (r.id === '<missing>' ? r.id : o.trunc ? r.id.replace(/^sha256:/, '').slice(0, 12) : r.id),
    CreatedSince: () => (o.human ? `${humanDuration(o.nowMs - createdMs)} ago` : createdAt()),
    CreatedAt: createdAt,
    CreatedBy: () => {
      const s = r.createdBy.replace(/\t/g, ' ');
      return o.trunc ? ellipsis(s, 45) : s;
    },
    Size: () => (o.human ? humanSizeWithPrecision(r.size, 3) : String(r.size)),
    Comment: () => r.comment,
  };
}
