// `docker ps`'s default table, prepared when the state is stored, so that listing a thousand
// containers needs no per-container formatting at start-up: every cell that does not depend on
// the clock is kept already padded, and only CREATED and STATUS are made when the table is printed.
// The cells come from the same ContainerContext fields as the general path (ps.ts renders through
// render.ts when there is no stored listing, or when the listing does not fit the request).
import type { EngineState } from '../engine/state.js';
import type { ContainerView } from '../engine/containers/view.js';
import { newestFirst } from '../engine/containers/view.js';
import { liveImages } from '../engine/daemon.js';
import type { ImageLookup } from '../engine/images/resolve.js';
import { CONTAINER_HEADERS, ContainerContext, PS_DEFAULT_TABLE, statusParts } from './container.js';
import { columnWidth, displayWidth, TABLE_OPTIONS } from './tabwriter.js';
import { humanDuration } from './units.js';

/** The default table's fields, in its order (ID, Image, Command, RunningFor, Status, Ports, Names). */
const FIELDS = PS_DEFAULT_TABLE.match(/\.\w+/g)!.map((f) => f.slice(1));
const HEADERS = FIELDS.map((f) => CONTAINER_HEADERS[f]);
/** The clock's columns sit between the three before them and the two after. */
const CREATED = FIELDS.indexOf('RunningFor');
const STATUS = FIELDS.indexOf('Status');

/** Values kept per container in `rows`, in this order. */
const ROW = { prefix: 0, createdMs: 1, running: 2, statusHead: 3, statusSinceMs: 4, statusTail: 5, suffix: 6 } as const;
const ROW_LENGTH = 7;

/**
 * What is stored (JSON). Rows are newest first, ROW_LENGTH values each: the padded cells before
 * CREATED, the creation time, 1 if running (listed without -a), the status in parts (head,
 * since-time or null, tail: see StatusParts), and the cells after STATUS, the last unpadded and
 * followed by the line's end.
 */
export interface PsListing {
  /** Tabwriter widths of the columns before CREATED, then of those after STATUS but the last. */
  widths: number[];
  rows: (string | number | null)[];
}

const CELL_BREAK = /[\t\n\v\f\r]/;

/** A cell whose width is its length, with nothing the tabwriter would read as a cell or line end. */
function isPlainCell(cell: string): boolean {
  return !CELL_BREAK.test(cell) && displayWidth(cell) === cell.length;
}

/**
 * The listing of every container, or undefined when a cell is not plain (a wide character or a
 * tab changes how the tabwriter measures or splits it: the general path handles those).
 */
export function psListing(state: EngineState, views: readonly ContainerView[]): PsListing | undefined {
  const images: ImageLookup = { state, imageList: () => liveImages(state.images) };
  const sorted = views.slice().sort(newestFirst);
  const fixed = FIELDS.map((f, j) => (j === CREATED || j === STATUS ? undefined : [] as string[]));
  for (const v of sorted) {
    const ctx = new ContainerContext(images, v, { trunc: true, nowMs: 0 }) as unknown as Record<string, () => string>;
    for (let j = 0; j < FIELDS.length; j++) {
      const column = fixed[j];
      if (!column) continue;
      const cell = ctx[FIELDS[j]]();
      if (!isPlainCell(cell)) return undefined;
      column.push(cell);
    }
  }
  const last = FIELDS.length - 1;
  const widthOf = (j: number) => {
    let widest = HEADERS[j].length;
    for (const cell of fixed[j]!) if (cell.length > widest) widest = cell.length;
    return columnWidth(widest, TABLE_OPTIONS);
  };
  const before = FIELDS.slice(0, CREATED).map((_, j) => widthOf(j));
  const after = FIELDS.slice(STATUS + 1, last).map((_, k) => widthOf(STATUS + 1 + k));
  const rows: PsListing['rows'] = [];
  sorted.forEach((v, i) => {
    let prefix = '';
    for (let j = 0; j < CREATED; j++) prefix += fixed[j]![i].padEnd(before[j]);
    let suffix = '';
    for (let j = STATUS + 1; j < last; j++) suffix += fixed[j]![i].padEnd(after[j - STATUS - 1]);
    suffix += `${fixed[last]![i]}\n`;
    const status = statusParts(v.state);
    rows.push(prefix, v.createdMs, v.state.Running ? 1 : 0, status.head, status.sinceMs ?? null, status.tail, suffix);
  });
  return { widths: [...before, ...after], rows };
}

/** A stored listing as read back, or undefined when it is not one (it is then not used). */
export function asPsListing(value: unknown): PsListing | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { widths, rows } = value as Partial<PsListing>;
  const columns = CREATED + FIELDS.length - 1 - STATUS - 1;
  if (!Array.isArray(widths) || widths.length !== columns || !widths.every((w) => typeof w === 'number')) return undefined;
  if (!Array.isArray(rows) || rows.length % ROW_LENGTH !== 0) return undefined;
  return { widths, rows };
}

/**
 * The default `ps` table from a stored listing: of every container (`all`), or of the running
 * ones. Undefined when that is not every container of the listing (the stored widths are those
 * of all of them): the caller then formats the containers themselves.
 */
export function renderPsListing(listing: PsListing, nowMs: number, all: boolean): string | undefined {
  const { rows, widths } = listing;
  const count = rows.length / ROW_LENGTH;
  if (!all) for (let k = ROW.running; k < rows.length; k += ROW_LENGTH) if (rows[k] !== 1) return undefined;
  // A row's two clock cells repeat the row before's more often than not (containers made
  // together, listed together): a repeat reuses its text, as it reuses its padding below.
  const created = new Array<string>(count);
  const status = new Array<string>(count);
  let widestCreated = HEADERS[CREATED].length;
  let widestStatus = HEADERS[STATUS].length;
  let lastCreatedSeconds = NaN;
  let lastCreated = '';
  let lastHead: unknown;
  let lastTail: unknown;
  let lastStatusSeconds = NaN;
  let lastStatus = '';
  for (let i = 0, k = 0; i < count; i++, k += ROW_LENGTH) {
    // humanDuration(ms) depends on whole seconds only (every bound it uses is a whole second).
    const createdSeconds = Math.trunc((nowMs - (rows[k + ROW.createdMs] as number)) / 1000);
    if (createdSeconds !== lastCreatedSeconds) {
      lastCreatedSeconds = createdSeconds;
      lastCreated = `${humanDuration(createdSeconds * 1000)} ago`;
      if (lastCreated.length > widestCreated) widestCreated = lastCreated.length;
    }
    created[i] = lastCreated;
    const head = rows[k + ROW.statusHead];
    const since = rows[k + ROW.statusSinceMs];
    const tail = rows[k + ROW.statusTail];
    const statusSeconds = since === null ? Infinity : Math.trunc((nowMs - (since as number)) / 1000);
    if (head !== lastHead || tail !== lastTail || statusSeconds !== lastStatusSeconds) {
      lastHead = head;
      lastTail = tail;
      lastStatusSeconds = statusSeconds;
      lastStatus = since === null ? (head as string) : `${head}${humanDuration(statusSeconds * 1000)}${tail}`;
      if (lastStatus.length > widestStatus) widestStatus = lastStatus.length;
    }
    status[i] = lastStatus;
  }
  const createdWidth = columnWidth(widestCreated, TABLE_OPTIONS);
  const statusWidth = columnWidth(widestStatus, TABLE_OPTIONS);
  let header = '';
  for (let j = 0; j < CREATED; j++) header += HEADERS[j].padEnd(widths[j]);
  header += HEADERS[CREATED].padEnd(createdWidth) + HEADERS[STATUS].padEnd(statusWidth);
  for (let j = STATUS + 1; j < FIELDS.length - 1; j++) header += HEADERS[j].padEnd(widths[CREATED + j - STATUS - 1]);
  // Pieces joined once at the end (see tabwriteColumns); the stored suffix ends the line.
  const out: string[] = [header, HEADERS[FIELDS.length - 1], '\n'];
  let lastC: string | undefined;
  let lastS: string | undefined;
  let lastPadded = '';
  for (let i = 0, k = 0; i < count; i++, k += ROW_LENGTH) {
    const c = created[i];
    const s = status[i];
    // The clock cells padded: one string, made again only when the row before's differed.
    if (c !== lastC || s !== lastS) {
      lastC = c;
      lastS = s;
      lastPadded = c.padEnd(createdWidth) + s.padEnd(statusWidth);
    }
    out.push(rows[k + ROW.prefix] as string, lastPadded, rows[k + ROW.suffix] as string);
  }
  return out.join('');
}
