// The text of a stored daemon, laid out so that a command can start without decoding every
// container: one JSON document whose first line holds the rest of the state, the earliest time a
// container is due to change and `docker ps`'s stored listing (format/ps-listing.ts); the second
// line the daemon's recent events; the third the containers' listing views (view.ts); then one
// container record per line.
//
//   {"format":"fakedocker-state/5","state":{…without containers and events…},"nextDue":…,"listing":{…},"events":[
//   {…event…},{…event…}],"views":[
//   […view 1…],[…view 2…]],"records":[
//   {…container 1…},
//   {…container 2…}
//   ]}
//
// Still plain JSON (jq reads it). Each view is an array of its fields in a fixed order (packView):
// JSON.parse builds arrays several times faster than objects with named keys. Decoding reads the
// first line only (from a ByteReader, the rest of the file is not even read): the events and the
// views are parsed the first time something asks for them (the default `ps` table needs only the
// listing), a container record the first time something reads it (state.containers is a proxy
// until then). Encoding writes back the stored text of every record that was not replaced.
// Isomorphic: no node: imports; bytes are decoded with TextDecoder. Layouts 2 (views as objects),
// 3 (views on the first line, no listing) and 4 (events in the state, views on the second line)
// are still read.
import type { ContainerRecord, EngineState, EventRecord } from '../engine/state.js';
import { attachStoredViews, containerView, detachStoredViews, nextDueOf, type ContainerView, type ListedState } from '../engine/containers/view.js';
import { asPsListing, psListing } from '../format/ps-listing.js';
import { StateDamagedError, decodeState, validateState } from './store.js';

const FORMAT = 'fakedocker-state/5';
const PREFIX = `{"format":"${FORMAT}",`;
/** Layout 4 keeps the events in the state on the first line. */
const PREFIX_4 = '{"format":"fakedocker-state/4",';
/** Layout 3 keeps the views on the first line and has no listing. */
const PREFIX_3 = '{"format":"fakedocker-state/3",';
/** Layout 2 differs from 3 only in its views, which are objects. */
const PREFIX_2 = '{"format":"fakedocker-state/2",';
/** How the line of events ends (and the views' list starts), and the line of views. */
const EVENTS_END = '],"views":[';
const VIEWS_END = '],"records":[';
const NEWLINE = 10;

/** Random access to a file's bytes, so that a decoder reads only what it needs. */
export interface ByteReader {
  readonly size: number;
  /** The bytes from `start` up to `end` (exclusive); both within the file. */
  read(start: number, end: number): Uint8Array;
}

/** A stored view: its fields in packView's order, the state's flattened into it. */
type PackedView = unknown[];

function packView(v: ContainerView): PackedView {
  const s = v.state;
  // dueAtMs last, and only when set: most containers have none.
  const packed: PackedView = [v.id, v.name, v.created, v.createdMs, v.image, v.imageId, v.command, v.labels, v.ports, v.portsText, v.mounts, v.endpoints, v.networkMode, v.networksConfigured,
    s.Status, s.Running, s.Paused, s.Restarting, s.Dead, s.ExitCode, s.startedMs, s.finishedMs];
  if (v.dueAtMs !== undefined) packed.push(v.dueAtMs);
  return packed;
}

function unpackView(a: PackedView): ContainerView {
  const v: ContainerView = {
    id: a[0] as string, name: a[1] as string, created: a[2] as string, createdMs: a[3] as number, image: a[4] as string, imageId: a[5] as string,
    command: a[6] as string, labels: a[7] as ContainerView['labels'],
    state: {
      Status: a[14] as ListedState['Status'], Running: a[15] as boolean, Paused: a[16] as boolean, Restarting: a[17] as boolean, Dead: a[18] as boolean,
      ExitCode: a[19] as number, startedMs: a[20] as number, finishedMs: a[21] as number,
    },
    ports: a[8] as ContainerView['ports'], portsText: a[9] as string, mounts: a[10] as ContainerView['mounts'], endpoints: a[11] as ContainerView['endpoints'],
    networkMode: a[12] as string, networksConfigured: a[13] as boolean,
  };
  if (a.length > 22) v.dueAtMs = a[22] as number;
  return v;
}

/** The stored form of a record: its JSON text and its listing view. */
interface StoredRecord {
  text: string;
  view: ContainerView;
}

/** Records decoded from a file, with the stored form they came from. */
const sources = new WeakMap<ContainerRecord, StoredRecord>();
/** Lazily decoded `containers` objects: the records not decoded yet. */
const lazyMaps = new WeakMap<object, { unread(id: string): StoredRecord | undefined }>();

export function encodeStateFile(state: EngineState): string {
  const containers = state.containers;
  // `containers: null` keeps the key's place in the state, so a decoded state lists its keys
  // in the order they were written.
  const rest = { ...state, containers: null, events: null };
  const lazy = lazyMaps.get(containers);
  const lines: string[] = [];
  const views: ContainerView[] = [];
  // Reflect.ownKeys asks for the keys only: records not decoded stay so and are written as read.
  for (const id of Reflect.ownKeys(containers)) {
    if (typeof id !== 'string') continue;
    const stored = lazy?.unread(id) ?? sources.get(containers[id]);
    if (stored) {
      lines.push(stored.text);
      views.push(stored.view);
    } else {
      const record = containers[id];
      lines.push(JSON.stringify(record));
      views.push(containerView(record));
    }
  }
  const listing = psListing(state, views) ?? null;
  const head = `${PREFIX}"state":${JSON.stringify(rest)},"nextDue":${JSON.stringify(nextDueOf(views))},"listing":${JSON.stringify(listing)},"events":[`;
  const eventLine = `${state.events.map((e) => JSON.stringify(e)).join(',')}${EVENTS_END}`;
  const viewLine = `${views.map((v) => JSON.stringify(packView(v))).join(',')}${VIEWS_END}`;
  return lines.length ? `${head}\n${eventLine}\n${viewLine}\n${lines.join(',\n')}\n]}\n` : `${head}\n${eventLine}\n${viewLine}\n]}\n`;
}

/**
 * Decodes any layout: this one (text, UTF-8 bytes or a reader of them), layouts 2 to 4, or the
 * whole state as one JSON value (files written before them, snapshots).
 */
export function decodeStateFile(data: string | Uint8Array | ByteReader, location: string): EngineState {
  const source = typeof data === 'string' ? textSource(data) : byteSource(data);
  const layout = source.startsWith(PREFIX) ? 5 : source.startsWith(PREFIX_4) ? 4 : source.startsWith(PREFIX_3) ? 3 : source.startsWith(PREFIX_2) ? 2 : 0;
  if (layout === 0) return decodeState(source.text(0, source.length), location);
  const damaged = (reason: string) => new StateDamagedError(location, reason);
  const firstBreak = source.indexOfNewline(0);
  if (firstBreak < 0) throw damaged('it ends after its first line');
  // Truncation, the usual damage, is caught here; a damaged record when it is decoded.
  if (!source.endsWith(']}\n') && !source.endsWith(']}')) throw damaged('it is cut short (it does not end with "]}")');
  let head: { state?: unknown; views?: unknown; nextDue?: unknown; listing?: unknown };
  try {
    head = JSON.parse(`${source.text(0, firstBreak)}]}`);
  } catch (e) {
    throw damaged(`not valid JSON: ${(e as Error).message}`);
  }
  const stored = head.state as Record<string, unknown> | null;
  if (!stored || typeof stored !== 'object' || stored.containers !== null || (layout === 5 && stored.events !== null)) throw damaged('not a fakedocker state');
  const checkViews = (list: unknown): ContainerView[] => {
    if (!Array.isArray(list)) throw damaged('its container views are not a list of containers');
    const views = layout === 2 ? (list as ContainerView[]) : list.map((v) => (Array.isArray(v) ? unpackView(v) : (v as ContainerView)));
    if (views.some((v) => !v || typeof v.id !== 'string')) throw damaged('its container views are not a list of containers');
    return views;
  };

  // The lines after the first (events, views) are found, and parsed, only when something asks.
  const lineEnds = [firstBreak];
  const lineEnd = (n: number) => {
    while (lineEnds.length <= n) {
      const end = source.indexOfNewline(lineEnds[lineEnds.length - 1] + 1);
      if (end < 0) throw damaged(`it ends after line ${lineEnds.length}`);
      lineEnds.push(end);
    }
    return lineEnds[n];
  };
  /** The JSON list on line n (from 0), whose text ends with `end`. */
  const listOnLine = (n: number, end: string, what: string): unknown[] => {
    const text = source.text(lineEnd(n - 1) + 1, lineEnd(n));
    if (!text.endsWith(end)) throw damaged(`line ${n + 1} is not the list of ${what}`);
    try {
      return JSON.parse(`[${text.slice(0, -end.length)}]`);
    } catch (e) {
      throw damaged(`its ${what} are not valid JSON: ${(e as Error).message}`);
    }
  };
  const viewsLine = layout === 5 ? 2 : layout === 4 ? 1 : 0;
  let views: ContainerView[] | undefined = viewsLine === 0 ? checkViews(head.views) : undefined;
  const readViews = (): ContainerView[] => (views ??= checkViews(listOnLine(viewsLine, VIEWS_END, 'container views')));
  const recordsStart = () => lineEnd(viewsLine) + 1;

  // Where each record's line is: found on the first decode, checked against the views then.
  let lines: { start: number; end: number }[] | undefined;
  const locate = () => {
    const found: { start: number; end: number }[] = [];
    const count = readViews().length;
    let pos = recordsStart();
    for (let i = 0; i < count; i++) {
      const end = source.indexOfNewline(pos);
      if (end < 0) throw damaged(`it ends inside container record ${i + 1} of ${count}`);
      found.push({ start: pos, end: i < count - 1 ? end - 1 : end }); // without the comma
      pos = end + 1;
    }
    if (source.text(pos, source.length).replace(/\n$/, '') !== ']}') throw damaged('it has more container records than views');
    return found;
  };
  const storedRecord = (i: number): StoredRecord => {
    lines ??= locate();
    return { text: source.text(lines[i].start, lines[i].end), view: readViews()[i] };
  };
  const load = (i: number): ContainerRecord => {
    const s = storedRecord(i);
    let record: ContainerRecord;
    try {
      record = JSON.parse(s.text);
    } catch (e) {
      throw damaged(`container record ${i + 1} is not valid JSON: ${(e as Error).message}`);
    }
    if (!record || record.id !== s.view.id) throw damaged(`container record ${i + 1} is not the container its view names`);
    sources.set(record, s);
    return record;
  };
  const containers = lazyContainers(() => readViews().map((v) => v.id), load, storedRecord);
  stored.containers = containers;
  const state = validateState(stored, location);
  const nextDueMs = head.nextDue === null || typeof head.nextDue === 'number' ? head.nextDue : undefined;
  const listing = layout >= 4 ? asPsListing(head.listing) : undefined;
  attachStoredViews(containers, views ?? readViews, { nextDueMs: layout >= 4 ? nextDueMs : undefined, listing: listing && { value: listing, images: state.images } });
  if (layout === 5) lazyEvents(state, () => listOnLine(1, EVENTS_END, 'events') as EventRecord[]);
  return state;
}

/**
 * state.events read from the file the first time something asks for them (only `docker events`
 * and commands that record one do). A getter in the key's own place, so the state lists its keys
 * in the stored order; immer copies it as a plain value when a command changes the state.
 */
function lazyEvents(state: EngineState, read: () => EventRecord[]): void {
  let events: EventRecord[] | undefined;
  Object.defineProperty(state, 'events', {
    configurable: true,
    enumerable: true,
    get: () => (events ??= read()),
    set: (value: EventRecord[]) => {
      events = value;
    },
  });
}

/**
 * A `containers` object whose records are decoded on first access. Keys keep the stored order;
 * any change to the object detaches the stored views (they would no longer describe it).
 */
function lazyContainers(storedIds: () => string[], load: (i: number) => ContainerRecord, stored: (i: number) => StoredRecord): Record<string, ContainerRecord> {
  const target: Record<string, ContainerRecord> = {};
  // Built on first use: a listing answered from the views never needs them.
  let index: { unread: Map<string, number>; order: string[] } | undefined;
  const state = () => {
    if (!index) {
      const ids = storedIds();
      index = { unread: new Map(ids.map((id, i) => [id, i])), order: ids };
    }
    return index;
  };
  const decode = (key: string | symbol) => {
    if (typeof key !== 'string') return;
    const { unread } = state();
    const i = unread.get(key);
    if (i === undefined) return;
    target[key] = load(i);
    unread.delete(key);
  };
  /** Before a key is set: a new key joins the order; the stored views stop describing the object. */
  const changing = (t: object, key: string | symbol) => {
    if (typeof key !== 'string') return;
    const { unread, order } = state();
    if (!unread.has(key) && !Object.hasOwn(t, key)) order.push(key);
    detachStoredViews(proxy);
    unread.delete(key);
  };
  const proxy: Record<string, ContainerRecord> = new Proxy(target, {
    get(t, key, receiver) {
      decode(key);
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      return (typeof key === 'string' && state().unread.has(key)) || Reflect.has(t, key);
    },
    ownKeys(t) {
      return [...state().order, ...Reflect.ownKeys(t).filter((k) => typeof k === 'symbol')];
    },
    getOwnPropertyDescriptor(t, key) {
      decode(key);
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
    defineProperty(t, key, desc) {
      changing(t, key);
      return Reflect.defineProperty(t, key, desc);
    },
    set(t, key, value) {
      changing(t, key);
      t[key as string] = value;
      return true;
    },
    deleteProperty(t, key) {
      if (typeof key === 'string') {
        const { unread, order } = state();
        const at = order.indexOf(key);
        if (at >= 0) order.splice(at, 1);
        unread.delete(key);
        detachStoredViews(proxy);
      }
      return Reflect.deleteProperty(t, key);
    },
  });
  lazyMaps.set(proxy, {
    unread: (id) => {
      const i = state().unread.get(id);
      return i === undefined ? undefined : stored(i);
    },
  });
  return proxy;
}

interface Source {
  length: number;
  startsWith(s: string): boolean;
  endsWith(s: string): boolean;
  indexOfNewline(from: number): number;
  text(start: number, end: number): string;
}

function textSource(s: string): Source {
  return {
    length: s.length,
    startsWith: (p) => s.startsWith(p),
    endsWith: (p) => s.endsWith(p),
    indexOfNewline: (from) => s.indexOf('\n', from),
    text: (start, end) => s.slice(start, end),
  };
}

/**
 * UTF-8 bytes, decoded piece by piece (decoding the whole file would cost more than the rest). From
 * a reader, bytes are read from the start as far as something asks: a listing reads the first line.
 */
function byteSource(data: Uint8Array | ByteReader): Source {
  const decoder = new TextDecoder();
  const reader: ByteReader = data instanceof Uint8Array ? { size: data.length, read: (start, end) => data.subarray(start, end) } : data;
  const size = reader.size;
  let bytes = data instanceof Uint8Array ? data : new Uint8Array(0); // the first bytes of the file, as far as read
  const readTo = (end: number) => {
    if (end <= bytes.length) return;
    // Few large reads: each growth copies what was read (a first line of 1,000 containers is ~130 KB).
    const to = Math.min(size, Math.max(end, bytes.length * 4, 1 << 18));
    const more = new Uint8Array(to);
    more.set(bytes);
    more.set(reader.read(bytes.length, to), bytes.length);
    bytes = more;
  };
  const text = (start: number, end: number) => {
    readTo(end);
    return decoder.decode(bytes.subarray(start, end));
  };
  return {
    length: size,
    startsWith: (p) => size >= p.length && text(0, p.length) === p,
    // The end is read on its own: checking it must not read the whole file.
    endsWith: (p) => size >= p.length && decoder.decode(reader.read(size - p.length, size)) === p,
    indexOfNewline: (from) => {
      for (;;) {
        const found = bytes.indexOf(NEWLINE, from);
        if (found >= 0 || bytes.length >= size) return found;
        from = Math.max(from, bytes.length);
        readTo(bytes.length + 1);
      }
    },
    text,
  };
}
