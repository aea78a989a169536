// docker events / docker system events: the daemon's recorded events (state.events, the last
// 256 as the daemon buffers them) between --since and --until, filtered, printed as Docker's
// text lines or through --format.
//
// Streaming: the real command keeps waiting for new events unless --until is given. Here, with
// no --until, what exists is printed and the command then stays attached (ctx.attachedTo is set
// to the marker 'docker-events', not a container ID: the CLI adapter blocks until interrupted,
// as for an attached container). An --until in the future lets virtual time pass up to it first.
import { CliError, type CommandContext, type CommandDef, flagList, flagString } from '../../cli/command.js';
import type { Daemon } from '../../engine/daemon.js';
import type { EventRecord } from '../../engine/state.js';
import { parseFilters, type Filters } from '../../engine/filters.js';
import { advance } from '../../engine/containers/runtime.js';
import { asMap, asStruct } from '../../format/template/index.js';
import { executeTemplate, parseGoTemplate, TemplateFailure } from '../../format/template-bridge.js';

/** The daemon keeps this many events for replay (moby's eventsLimit). */
const BUFFERED = 256;

interface EventTime {
  seconds: number;
  nanos: number;
}

function eventTime(t: string): EventTime {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(t);
  if (!m) return { seconds: Math.floor(Date.parse(t) / 1000), nanos: 0 };
  return { seconds: Date.parse(`${m[1]}Z`) / 1000, nanos: Number((m[2] ?? '').padEnd(9, '0').slice(0, 9)) };
}

function totalNanos(t: EventTime): bigint {
  return BigInt(t.seconds) * 1_000_000_000n + BigInt(t.nanos);
}

/**
 * docker/cli's timetypes.GetTimestamp: a Go duration (relative to now), a Unix timestamp
 * ("1795832882", "1795832882.5"), or an RFC 3339-like date; returned in nanoseconds.
 */
export function parseEventTimestamp(value: string, nowMs: number): bigint {
  const dur = /^((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|ms|s|m|h))+$/.exec(value);
  if (dur && value !== '0') {
    let ms = 0;
    for (const part of value.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|ms|s|m|h)/g)) {
      const mult: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
      ms += Number(part[1]) * mult[part[2]];
    }
    return BigInt(Math.floor((nowMs - ms) / 1000)) * 1_000_000_000n;
  }
  const unix = /^(\d+)(?:\.(\d{1,9}))?$/.exec(value);
  if (unix) return BigInt(unix[1]) * 1_000_000_000n + BigInt((unix[2] ?? '').padEnd(9, '0') || '0');
  if (value.includes('-')) {
    let v = value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) v += 'T00:00:00Z';
    else if (!/[zZ+]|T.*-\d\d:?\d\d$/.test(v)) v += 'Z';
    const m = /^(\d{4}-\d{2}-\d{2}T\d{2}(?::\d{2}){0,2})(?:\.(\d+))?([zZ]|[+-]\d\d:\d\d)$/.exec(v);
    if (m) {
      const base = m[1].length === 13 ? `${m[1]}:00:00` : m[1].length === 16 ? `${m[1]}:00` : m[1];
      const ms = Date.parse(`${base}${m[3].toUpperCase()}`);
      if (!Number.isNaN(ms)) return BigInt(ms / 1000) * 1_000_000_000n + BigInt((m[2] ?? '').padEnd(9, '0').slice(0, 9) || '0');
    }
    throw new CliError(`parsing time ${JSON.stringify(value)} as ${JSON.stringify('2006-01-02T15:04:05Z07:00')}: cannot parse ${JSON.stringify(value)} as ${JSON.stringify('2006')}`, 1);
  }
  throw new CliError(`failed to parse value as time or duration: ${JSON.stringify(value)}`, 1);
}

function fuzzy(values: string[], id: string, name: string | undefined): boolean {
  return values.some((v) => v === id || (v.length > 0 && id.startsWith(v)) || (name !== undefined && v === name));
}

function labelMatch(attrs: Record<string, string>, filter: string): boolean {
  const eq = filter.indexOf('=');
  return eq < 0 ? filter in attrs : attrs[filter.slice(0, eq)] === filter.slice(eq + 1);
}

/**
 * moby's events filter: keys ANDed, values of one key ORed; a key only narrows its own kind.
 * Unknown keys are not rejected (observed: `--filter bogus=1` lists every event).
 */
export function eventMatches(ev: EventRecord, f: Filters): boolean {
  const get = (k: string) => f.get(k);
  const events = get('event');
  if (events && !events.includes(ev.action)) return false;
  const types = get('type');
  if (types && !types.includes(ev.type)) return false;
  const scope = get('scope');
  if (scope && !scope.includes('local')) return false;
  const labels = get('label');
  if (labels && !labels.every((l) => labelMatch(ev.attributes, l))) return false;
  const containers = get('container');
  if (containers && !(ev.type === 'container' && fuzzy(containers, ev.id, ev.attributes.name))) return false;
  const images = get('image');
  if (images) {
    const image = ev.type === 'image' ? ev.attributes.name : ev.attributes.image;
    if (!(ev.type === 'container' || ev.type === 'image')) return false;
    if (!images.some((i) => i === image || i === ev.id || (ev.type === 'image' && ev.id.replace(/^sha256:/, '').startsWith(i.replace(/^sha256:/, ''))))) return false;
  }
  const networks = get('network');
  if (networks && !(ev.type === 'network' && fuzzy(networks, ev.id, ev.attributes.name))) return false;
  const volumes = get('volume');
  if (volumes && !(ev.type === 'volume' && fuzzy(volumes, ev.id, undefined))) return false;
  for (const k of ['daemon', 'plugin', 'node', 'service', 'secret', 'config']) if (get(k)) return false;
  return true;
}

/** The default text line: RFC3339NanoFixed time, type, action, actor ID, sorted attributes. */
export function eventLine(ev: EventRecord): string {
  const t = eventTime(ev.time);
  const iso = new Date(t.seconds * 1000).toISOString().slice(0, 19);
  const keys = Object.keys(ev.attributes).sort();
  const attrs = keys.length ? ` (${keys.map((k) => `${k}=${ev.attributes[k]}`).join(', ')})` : '';
  return `${iso}.${String(t.nanos).padStart(9, '0')}Z ${ev.type} ${ev.action} ${ev.id}${attrs}`;
}

/** events.Message as the CLI decodes it, for templates (legacy status/id/from for containers and images). */
export function eventMessage(ev: EventRecord): object {
  const t = eventTime(ev.time);
  const legacy = ev.type === 'container' || ev.type === 'image';
  const actor = asStruct({ ID: ev.id, Attributes: asMap({ ...ev.attributes }, 'map[string]string') }, 'events.Actor');
  return asStruct({
    Status: legacy ? ev.action : '',
    ID: legacy ? ev.id : '',
    From: ev.type === 'container' ? ev.attributes.image ?? '' : '',
    Type: ev.type,
    Action: ev.action,
    Actor: actor,
    Scope: 'local',
    Time: BigInt(t.seconds),
    TimeNano: totalNanos(t),
  }, '*events.Message', { Status: 'status,omitempty', ID: 'id,omitempty', From: 'from,omitempty', Scope: 'scope', Time: 'time', TimeNano: 'timeNano' });
}

export function selectEvents(d: Daemon, since: bigint | undefined, until: bigint | undefined, f: Filters): EventRecord[] {
  if (since === undefined && until === undefined) return [];
  const buffered = d.state.events.slice(-BUFFERED);
  return buffered.filter((ev) => {
    const n = totalNanos(eventTime(ev.time));
    if (since !== undefined && n < since) return false;
    if (until !== undefined && n > until) return false;
    return eventMatches(ev, f);
  });
}

function printEvents(ctx: CommandContext, events: EventRecord[], format: string): void {
  if (format === '') {
    for (const ev of events) ctx.out(`${eventLine(ev)}\n`);
    return;
  }
  const text = format === 'json' ? '{{json .}}' : format;
  let t;
  try {
    t = parseGoTemplate(text);
    // The CLI tries the template on an empty message first: field errors show up before any event.
    executeTemplate(t, eventMessage({ time: '1970-01-01T00:00:00Z', type: '', action: '', id: '', attributes: {} }), '');
  } catch (e) {
    if (e instanceof TemplateFailure) throw new CliError(`Error parsing format: ${e.goMessage}`, 64);
    throw e;
  }
  for (const ev of events) {
    try {
      ctx.out(`${executeTemplate(t, eventMessage(ev), '')}\n`);
    } catch (e) {
      if (e instanceof TemplateFailure) throw new CliError(e.goMessage, 1);
      throw e;
    }
  }
}

export const eventsCommand: CommandDef = {
  invocations: ['events', 'system events'],
  args: { kind: 'none' },
  run(ctx) {
    const d = ctx.d;
    const filters = parseFilters(flagList(ctx, 'filter'));
    const now = d.now();
    const sinceRaw = flagString(ctx, 'since');
    const untilRaw = flagString(ctx, 'until');
    const since = sinceRaw !== undefined && sinceRaw !== '' ? parseEventTimestamp(sinceRaw, now) : undefined;
    const until = untilRaw !== undefined && untilRaw !== '' ? parseEventTimestamp(untilRaw, now) : undefined;
    if (until !== undefined) {
      const untilMs = Number(until / 1_000_000n);
      if (untilMs > now) {
        d.wait(untilMs - now);
        advance(d);
      }
    }
    printEvents(ctx, selectEvents(d, since, until, filters), flagString(ctx, 'format') ?? '');
    if (until === undefined) ctx.attachedTo = 'docker-events';
  },
};
