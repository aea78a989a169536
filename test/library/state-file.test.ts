// state.json's layout (src/store/state-file.ts): the whole state round-trips, the default ps
// table is answered from the first line (the stored listing), other listings from the stored
// views without decoding a record, records nobody replaced are written back as they were read,
// and damage is reported (truncation at once, a bad record when read).
// The property suite (test/properties, `roundTrip`) runs random command sequences through it too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execute, executeReadOnly } from '../../src/cli/dispatch.js';
import { containerView, storedListing, viewsOf } from '../../src/engine/containers/view.js';
import type { EngineState } from '../../src/engine/state.js';
import { createEnv } from '../../src/runtime.js';
import { decodeStateFile, encodeStateFile } from '../../src/store/state-file.js';
import { StateDamagedError } from '../../src/store/store.js';
import { createInitialState } from '../../src/engine/initial-state.js';

const START = Date.UTC(2026, 10, 28, 3, 0, 0);
let clock = START;
const env = createEnv({ now: () => clock, seed: 7 });

function run(state: EngineState, argv: string[]): { state: EngineState; stdout: string; stderr: string; exitCode: number } {
  clock += 1500;
  return execute(state, argv, { env });
}

/** A daemon with containers in several states, ports, labels, a volume and a user network. */
function busyState(): EngineState {
  clock = START;
  let s = createInitialState(7, START);
  for (const argv of [
    ['pull', 'busybox'], ['pull', 'nginx'],
    ['network', 'create', 'backend'],
    ['run', '-d', '--name', 'web', '-p', '8080:80', '-l', 'tier=front', 'nginx'],
    ['run', '-d', '--name', 'worker', '--network', 'backend', '-v', 'data:/data', 'busybox', 'sleep', '1000'],
    ['run', '--name', 'once', 'busybox', 'sh', '-c', 'echo "hi there"; exit 3'],
    ['create', '--name', 'fresh', 'busybox', 'echo', 'a b'],
    ['run', '-d', '--name', 'paused', 'busybox', 'sleep', '1000'],
    ['pause', 'paused'],
  ]) {
    const r = run(s, argv);
    expect(r.exitCode, `${argv.join(' ')}: ${r.stderr}`).toBe(argv.includes('once') ? 3 : 0);
    s = r.state;
  }
  return s;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const recordLines = (text: string) => text.split('\n').slice(3, -2).map((l) => l.replace(/,$/, ''));
/** The events (second line) and packed views (third line) of a text in this layout. */
const eventLine = (text: string): unknown[] => JSON.parse(`[${text.split('\n')[1].replace(/\],"views":\[$/, '')}]`);
const viewLine = (text: string): unknown[] => JSON.parse(`[${text.split('\n')[2].replace(/\],"records":\[$/, '')}]`);

describe('state.json layout', () => {
  it('round-trips a whole daemon, from text and from bytes', () => {
    const s = busyState();
    const text = encodeStateFile(s);
    expect(text.startsWith('{"format":"fakedocker-state/5",')).toBe(true);
    expect(JSON.parse(text).records).toHaveLength(5); // still one JSON document
    for (const decoded of [decodeStateFile(text, 'text'), decodeStateFile(bytes(text), 'bytes')]) {
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(s));
      expect(encodeStateFile(decodeStateFile(text, 'again'))).toBe(text);
    }
  });

  it('reads a state written as one JSON value (schema-1 files, snapshots)', () => {
    const s = busyState();
    expect(JSON.stringify(decodeStateFile(JSON.stringify(s), 'old'))).toBe(JSON.stringify(s));
  });

  it('stores each container\'s view as the engine computes it from the record', () => {
    const s = busyState();
    const text = encodeStateFile(s);
    expect(viewLine(text).every(Array.isArray)).toBe(true); // packed: arrays parse faster than objects
    const decoded = decodeStateFile(text, 'state.json');
    const expected = Object.values(s.containers).map((c) => JSON.parse(JSON.stringify(containerView(c))));
    expect(expected.some((v) => v.dueAtMs !== undefined) && expected.some((v) => v.dueAtMs === undefined)).toBe(true);
    expect(JSON.parse(JSON.stringify(viewsOf(decoded.containers)))).toEqual(expected);
  });

  it('reads layouts 2 (views as objects), 3 (packed views on the first line, no listing) and 4 (events in the state), and writes this one', () => {
    const s = busyState();
    const text = encodeStateFile(s);
    const [first, events, views, ...rest] = text.split('\n');
    const head = JSON.parse(`${first}]}`);
    const state = JSON.stringify({ ...head.state, events: eventLine(text) });
    const objectViews = Object.values(s.containers).map((c) => containerView(c));
    const layout2 = [`{"format":"fakedocker-state/2","state":${state},"views":${JSON.stringify(objectViews)},"records":[`, ...rest].join('\n');
    const layout3 = [`{"format":"fakedocker-state/3","state":${state},"views":${JSON.stringify(viewLine(text))},"records":[`, ...rest].join('\n');
    const layout4 = [`{"format":"fakedocker-state/4","state":${state},"nextDue":${JSON.stringify(head.nextDue)},"listing":${JSON.stringify(head.listing)},"views":[`, views, ...rest].join('\n');
    expect(events.length).toBeGreaterThan(100);
    for (const old of [layout2, layout3, layout4]) {
      const decoded = decodeStateFile(bytes(old), 'state.json');
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(s));
      for (const ps of [['ps', '-a', '--no-trunc'], ['ps', '-a'], ['ps']]) {
        expect(executeReadOnly(decoded, ps, { env })!.stdout).toBe(executeReadOnly(s, ps, { env })!.stdout);
      }
      expect(encodeStateFile(decoded)).toBe(text);
    }
  });

  it('reads no further than the first line for the default ps table (from a reader)', () => {
    const s = busyState();
    const file = bytes(encodeStateFile(s));
    const firstLineEnd = file.indexOf(10) + 1;
    // Pad the events so the file is much larger than one read: a listing must not read them.
    const padded = new Uint8Array([...file.subarray(0, firstLineEnd), ...bytes(' '.repeat(2_000_000)), ...file.subarray(firstLineEnd)]);
    const reads: [number, number][] = [];
    const reader = { size: padded.length, read: (a: number, b: number) => (reads.push([a, b]), padded.slice(a, b)) };
    const decoded = decodeStateFile(reader, 'state.json');
    expect(executeReadOnly(decoded, ['ps', '-a'], { env })!.stdout).toBe(executeReadOnly(s, ['ps', '-a'], { env })!.stdout);
    const farthest = Math.max(...reads.filter(([a]) => a < padded.length - 8).map(([, b]) => b));
    expect(farthest).toBeLessThan(firstLineEnd + 1_000_000);
    // A record is read when asked for, from the rest of the file.
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(s));
  });

  it('prints the default ps table from the stored listing as the containers themselves give it, at any later time', () => {
    clock = START;
    let s = createInitialState(5, START);
    for (const argv of [
      ['pull', 'busybox'], ['pull', 'nginx'],
      ['run', '-d', '--name', 'web', '-P', 'nginx'],
      ['run', '-d', '--name', 'long_sleeper', 'busybox', 'sleep', '999999999'],
      ['run', '--name', 'done', 'busybox', 'sh', '-c', 'exit 7'],
      ['create', '--name', 'never', 'busybox', 'echo', 'a very long command line that is cut'],
      ['run', '-d', '--name', 'frozen', '-p', '127.0.0.1:9000:80/udp', 'busybox', 'sleep', '999999999'],
      ['pause', 'frozen'],
      ['tag', 'busybox', 'mine:v1'], ['run', '-d', '--name', 'tagged', 'mine:v1', 'sleep', '999999999'], ['rmi', 'mine:v1'],
    ]) s = run(s, argv).state;
    const decoded = decodeStateFile(bytes(encodeStateFile(s)), 'state.json');
    const base = clock;
    for (const later of [0, 999, 59_000, 61_000, 3_600_000 * 5, 86_400_000 * 3, 86_400_000 * 800]) {
      clock = base + later;
      for (const ps of [['ps', '-a'], ['ps'], ['container', 'ls', '--all']]) {
        const fromListing = executeReadOnly(decoded, ps, { env })!;
        expect(fromListing.stdout).toBe(executeReadOnly(s, ps, { env })!.stdout);
      }
    }
    // The image shown as its ID (its tag removed), the created one, the paused one and the exited one are all there.
    const table = executeReadOnly(decoded, ['ps', '-a'], { env })!.stdout;
    expect(table).toMatch(/Exited \(7\)[^\n]*done/);
    expect(table).toMatch(/Up [^\n]*\(Paused\)/);
    expect(table).toContain(`"echo 'a very long c\u2026"`);
    expect(table).toMatch(/^[0-9a-f]{12} {3}[0-9a-f]{12} {3}"sleep 999999999" .* tagged$/m);
    expect(storedListing(decoded)).toBeDefined(); // (so the tables above came from it)
  });

  it('keeps no listing when a cell has a wide character, and lists from the views then', () => {
    clock = START;
    let s = createInitialState(5, START);
    s = run(s, ['pull', 'busybox']).state;
    s = run(s, ['create', '--name', 'wide', 'busybox', 'echo', '\u65e5\u672c\u8a9e']).state;
    const text = encodeStateFile(s);
    expect(JSON.parse(`${text.split('\n')[0]}]}`).listing).toBeNull();
    const decoded = decodeStateFile(text, 'state.json');
    expect(storedListing(decoded)).toBeUndefined();
    expect(executeReadOnly(decoded, ['ps', '-a'], { env })!.stdout).toBe(executeReadOnly(s, ['ps', '-a'], { env })!.stdout);
  });

  it('reads the events only for what needs them: damaged events are found by docker events, not by ps or inspect', () => {
    const s = busyState();
    const lines = encodeStateFile(s).split('\n');
    lines[1] = lines[1].replace('"type":"container"', '"type":"container"BROKEN');
    const damaged = decodeStateFile(bytes(lines.join('\n')), 'state.json');
    for (const argv of [['ps', '-a'], ['ps', '-a', '--no-trunc'], ['inspect', '-f', '{{.Name}}', 'web'], ['images']]) {
      expect(executeReadOnly(damaged, argv, { env })!.stdout).toBe(executeReadOnly(s, argv, { env })!.stdout);
    }
    expect(() => execute(damaged, ['events', '--since', '0', '--until', '1'], { env })).toThrow(/its events are not valid JSON/);
    // A command that records an event reads them first, and reports the damage too.
    expect(() => execute(damaged, ['stop', 'web'], { env })).toThrow(StateDamagedError);
  });

  it('answers ps from the views alone: a damaged record is found only when something reads it', () => {
    const s = busyState();
    const text = encodeStateFile(s);
    const lines = text.split('\n');
    const i = lines.findIndex((l, k) => k > 2 && l.includes('"name":"worker"'));
    lines[i] = lines[i].replace('"name":"worker"', '"name":"worker"BROKEN');
    const damaged = decodeStateFile(bytes(lines.join('\n')), 'state.json');
    const expected = executeReadOnly(s, ['ps', '-a', '--no-trunc'], { env })!;
    const ps = executeReadOnly(damaged, ['ps', '-a', '--no-trunc'], { env })!;
    expect(ps.stdout).toBe(expected.stdout);
    expect(ps.stdout).toContain('worker');
    expect(executeReadOnly(damaged, ['inspect', '-f', '{{.Name}}', 'web'], { env })!.stdout).toBe('/web\n');
    expect(() => executeReadOnly(damaged, ['inspect', 'worker'], { env })).toThrow(StateDamagedError);
    expect(() => execute(damaged, ['rm', '-f', 'web'], { env })).toThrow(/container record \d+ is not valid JSON/);
  });

  it('writes back the text of every record a command did not replace', () => {
    const s = busyState();
    const text = encodeStateFile(s);
    const decoded = decodeStateFile(text, 'state.json');
    // A change elsewhere (a network) leaves every record undecoded and unchanged.
    const r1 = run(decoded, ['network', 'create', 'other']);
    expect(r1.exitCode).toBe(0);
    expect(recordLines(encodeStateFile(r1.state))).toEqual(recordLines(text));
    // Stopping one container rewrites its record only.
    const r2 = run(decoded, ['stop', 'worker']);
    expect(r2.exitCode).toBe(0);
    const before = recordLines(text);
    const after = recordLines(encodeStateFile(r2.state));
    const changed = after.map((l, k) => (l === before[k] ? '' : JSON.parse(l).name)).filter(Boolean);
    expect(changed).toEqual(['worker']);
    expect(JSON.stringify(decodeStateFile(encodeStateFile(r2.state), 'x'))).toBe(JSON.stringify(r2.state));
  });

  it('reports a cut-short file, stray lines and records that are not the container their view names', () => {
    const text = encodeStateFile(busyState());
    const damagedWith = (t: string) => {
      try {
        const st = decodeStateFile(t, '/home/u/.fakedocker/state.json');
        JSON.stringify(st); // reads every record
        return '';
      } catch (e) {
        expect(e).toBeInstanceOf(StateDamagedError);
        expect((e as Error).message).toContain('/home/u/.fakedocker/state.json');
        return (e as Error).message;
      }
    };
    expect(damagedWith(text.slice(0, text.length - 40))).toMatch(/cut short/);
    expect(damagedWith(text.replace('\n]}', '\n{"id":"x"}\n]}'))).toMatch(/comma|more container records/);
    const lines = text.split('\n');
    [lines[3], lines[4]] = [lines[4].replace(/,?$/, ','), lines[3].replace(/,$/, ',')];
    expect(damagedWith(lines.join('\n'))).toMatch(/not the container its view names/);
    expect(damagedWith(text.replace('"events":[', '"events":{'))).toMatch(/not valid JSON/);
    expect(damagedWith(text.replace('],"views":[', '],"views":{'))).toMatch(/line 2 is not the list of events/);
    expect(damagedWith(text.replace('],"records":[', '],"records":{'))).toMatch(/line 3 is not the list of container views/);
    expect(damagedWith(text)).toBe('');
  });

  it('keeps arbitrary label and command text intact (quotes, newlines, non-ASCII)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), fc.string({ minLength: 1, maxLength: 20 }), (label, arg) => {
      clock = START;
      let s = createInitialState(3, START);
      s = run(s, ['pull', 'busybox']).state;
      const r = run(s, ['create', '--name', 'c1', '-l', `k=${label}`, 'busybox', 'echo', arg]);
      expect(r.exitCode).toBe(0);
      const decoded = decodeStateFile(bytes(encodeStateFile(r.state)), 'p');
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(r.state));
      const fmt = ['ps', '-a', '--no-trunc', '--format', '{{.Command}}|{{.Labels}}'];
      expect(executeReadOnly(decoded, fmt, { env })!.stdout).toBe(executeReadOnly(r.state, fmt, { env })!.stdout);
    }), { numRuns: 60 });
  });
});
