// Model-based property testing of the engine core: random docker command sequences run in-process
// through execute() with a fixed clock (advanced between commands) and a fixed seed, with the
// daemon's invariants checked after every step by reading the listings back through the CLI.
//
// Invariants (createChecker), after every step:
// - every command, the checks' own included: exit code in {0,1,125,126,127}; no JavaScript stack
//   trace, TypeError…, "internal error", "[object Object]", "undefined" or "NaN" in its output;
// - ps -q ⊆ ps -aq; ps -aq --no-trunc: unique 64-hex IDs, exactly the containers in the state;
//   ps -q: exactly the running ones; names unique; ps -a STATUS agrees with the record (Exited (N)
//   with its exit code, Created, Up, Up … (Paused), Restarting (N)); PORTS empty unless running;
// - a host (address, protocol, port) is bound by at most one running container; containers that
//   are not running hold no bindings; a running container's fixed -p ports are bound; `docker port`
//   lists exactly the record's bindings (running) or nothing (the step's stopped containers);
// - a container removed in the step: `container inspect <id>` (and <name>, unless reused) says
//   "No such container"; a container nothing removed does not vanish (except --rm on exit);
// - containers the step did not act on keep their state: exited/created stay so with the same exit
//   code; running ones may only end by themselves, with the code their command exits with (true: 0,
//   sh -c 'exit K': K, sleep: 0; nginx never, unless an earlier signal scheduled its shutdown);
// - containers the step stopped/killed end with a code the signal explains (kill: 137, …);
// - the records are self-consistent (Running/Paused/Restarting vs Status, Pid and process);
// - images: `images` lists exactly the state's images and tags; a tag rmi untagged stays gone until
//   tag/pull/run/create brings it back (checked after commands that can touch images, and at the end).
// Opt-in (CheckOptions), because known engine bugs break them today (regressions.test.ts): --rm
// containers vanish however they stop, paused containers stay paused, restart policies work,
// a container whose image was force-removed starts.
import fc from 'fast-check';
import { execute, type ExecuteResult } from '../../src/cli/dispatch.js';
import { createEnv } from '../../src/runtime.js';
import { createInitialState } from '../../src/engine/initial-state.js';
import { decodeState } from '../../src/store/store.js';
import { decodeStateFile, encodeStateFile } from '../../src/store/state-file.js';
import type { ContainerRecord, EngineState } from '../../src/engine/state.js';
import type { EngineEnv } from '../../src/engine/env.js';

export const START_MS = Date.UTC(2026, 10, 28, 3, 0, 0);
export const SEED = 20261128;

// ---- abstract commands ------------------------------------------------------------------------

/** A container reference, resolved against the session when the step runs. */
export type Ref =
  | { ref: 'known'; i: number; form: 'full' | 'short' | 'name' } // i-th container ever created (mod count)
  | { ref: 'pool'; name: string } // a name from the pool, whether or not it exists
  | { ref: 'status'; status: 'running' | 'paused' | 'exited' | 'created'; i: number } // i-th container now in that state (else like 'known')
  | { ref: 'bogus' };
export type Arg = string | Ref;
export interface Step {
  args: Arg[];
  /** Clock advance after the step (and its checks), before the next command. */
  delayMs: number;
  /** The last step of a run: every check, including the image listing, runs. */
  final?: boolean;
}

export const NAMES = ['web', 'db', 'cache', 'app_1'];
export const PUBLISH = ['8080:80', '8081:80', '127.0.0.1:8082:80', '8080:80/udp'];
const IMAGES_REFS = ['busybox', 'nginx', 'mybox:1', 'mybox:2', 'nginx:latest', 'nosuchimage'];

const nameArb = fc.constantFrom(...NAMES);
const refArb: fc.Arbitrary<Ref> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ ref: fc.constant('known' as const), i: fc.oneof(fc.nat(1), fc.nat(7)), form: fc.constantFrom('full' as const, 'short' as const, 'name' as const) }) },
  { weight: 2, arbitrary: nameArb.map((name): Ref => ({ ref: 'pool', name })) },
  { weight: 1, arbitrary: fc.constant<Ref>({ ref: 'bogus' }) },
);
/** A reference that more often names a container the command can act on (pause → running…). */
const refIn = (...statuses: ('running' | 'paused' | 'exited' | 'created')[]): fc.Arbitrary<Ref> => fc.oneof(
  { weight: 1, arbitrary: fc.record({ ref: fc.constant('status' as const), status: fc.constantFrom(...statuses), i: fc.nat(3) }) },
  { weight: 1, arbitrary: refArb },
);
const workloadArb: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 20 }).map((n) => ['busybox', 'sleep', String(n)]) },
  { weight: 1, arbitrary: fc.constant<string[]>(['busybox', 'true']) },
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 2, 3, 42, 255).map((k) => ['busybox', 'sh', '-c', `exit ${k}`]) },
  { weight: 3, arbitrary: fc.constant<string[]>(['nginx']) },
);
export interface GenOptions {
  /** Also generate --restart policies (always, unless-stopped, on-failure:2) for run/create. */
  restartPolicies?: boolean;
}

type CreateOpts = { name?: string; publish?: string; all: boolean; rm: boolean; restart?: string; workload: string[] };
const createOpts = (g: GenOptions): fc.Arbitrary<CreateOpts> =>
  fc.record({
    name: fc.option(nameArb, { nil: undefined }),
    publish: fc.option(fc.constantFrom(...PUBLISH), { nil: undefined }),
    all: fc.boolean(),
    rm: fc.boolean(),
    restart: g.restartPolicies ? fc.option(fc.constantFrom('always', 'unless-stopped', 'on-failure:2'), { nil: undefined, freq: 2 }) : fc.constant(undefined),
    workload: workloadArb,
  });
function createArgs(verb: string[], o: CreateOpts): Arg[] {
  const a: Arg[] = [...verb];
  if (o.name) a.push('--name', o.name);
  if (o.publish) a.push('-p', o.publish);
  if (o.all) a.push('-P');
  // Docker refuses --rm with a restart policy ("Conflicting options"); keep that one rare.
  if (o.restart) a.push('--restart', o.restart);
  else if (o.rm) a.push('--rm');
  return [...a, ...o.workload];
}

const refs = fc.array(refArb, { minLength: 1, maxLength: 2 });
const argsArb = (g: GenOptions): fc.Arbitrary<Arg[]> => fc.oneof(
  { weight: 8, arbitrary: createOpts(g).map((o) => createArgs(['run', '-d'], o)) },
  { weight: 3, arbitrary: createOpts(g).map((o) => createArgs(['create'], o)) },
  { weight: 4, arbitrary: fc.array(refIn('exited', 'created'), { minLength: 1, maxLength: 2 }).map((r): Arg[] => ['start', ...r]) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom([], ['-t', '0'], ['-t', '1']), refIn('running', 'paused')).map(([t, r]): Arg[] => ['stop', ...t, r]) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom([], ['-s', 'KILL'], ['-s', 'TERM']), refIn('running', 'paused')).map(([s, r]): Arg[] => ['kill', ...s, r]) },
  { weight: 2, arbitrary: refIn('running').map((r): Arg[] => ['pause', r]) },
  { weight: 2, arbitrary: refIn('paused').map((r): Arg[] => ['unpause', r]) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom([], ['-t', '0'], ['-t', '1']), refArb).map(([t, r]): Arg[] => ['restart', ...t, r]) },
  { weight: 3, arbitrary: fc.tuple(fc.boolean(), refs).map(([f, r]): Arg[] => ['rm', ...(f ? ['-f'] : []), ...r]) },
  { weight: 2, arbitrary: fc.tuple(refArb, fc.oneof(nameArb, fc.constantFrom('-bad', 'x'))).map(([r, n]): Arg[] => ['rename', r, n]) },
  { weight: 2, arbitrary: fc.constantFrom<Arg[]>(['ps'], ['ps', '-a'], ['ps', '-q'], ['ps', '-aq'], ['ps', '-a', '--no-trunc'], ['ps', '-a', '-q', '--no-trunc']) },
  { weight: 1, arbitrary: refArb.map((r): Arg[] => ['port', r]) },
  { weight: 1, arbitrary: refArb.map((r): Arg[] => ['logs', r]) },
  { weight: 1, arbitrary: fc.constantFrom<Arg[]>(['images'], ['images', '-a'], ['images', '-q']) },
  { weight: 2, arbitrary: fc.tuple(fc.boolean(), fc.constantFrom(...IMAGES_REFS)).map(([f, i]): Arg[] => ['rmi', ...(f ? ['-f'] : []), i]) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('busybox', 'nginx', 'mybox:1'), fc.constantFrom('mybox:1', 'mybox:2')).map(([s, t]): Arg[] => ['tag', s, t]) },
  { weight: 1, arbitrary: fc.constantFrom<Arg[]>(['pull', 'busybox'], ['pull', 'nginx']) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom<Arg[]>(
        ['ps', '--bogus'], ['run', '-d', '--bogus', 'busybox'], ['run', '-d', '-p', '99999:80', 'nginx'], ['rm'], ['frobnicate'],
        ['run', '-d', 'nosuchimage'], ['start'], ['run', '-d', 'busybox', 'nosuchbinary'], ['run', '-d', '--name', 'a', 'busybox', 'true'],
        ['run', '-d', '--rm', 'busybox', 'nosuchbinary'], ['images', '--bogus'], ['rmi'], ['tag', 'nosuchimage', 'x:1'],
        ['run', '-d', '--restart', 'sometimes', 'busybox', 'true'], ['run', '-d', '--rm', '--restart', 'always', 'busybox', 'true'],
      ),
      refArb.map((r): Arg[] => ['stop', '-t', 'x', r]),
      refArb.map((r): Arg[] => ['kill', '-s', 'NOPE', r]),
      refArb.map((r): Arg[] => ['rename', r]),
      refArb.map((r): Arg[] => ['pause', '--bogus', r]),
    ),
  },
);
export const stepArb = (g: GenOptions = {}): fc.Arbitrary<Step> => fc.record({ args: argsArb(g), delayMs: fc.integer({ min: 1, max: 5000 }) });
/** Up to maxLength steps; `size: 'max'` so long sequences are common, not rare. */
export const stepsArb = (maxLength = 30, g: GenOptions = {}) => fc.array(stepArb(g), { minLength: 1, maxLength, size: 'max' });

// ---- session ----------------------------------------------------------------------------------

export interface Entry {
  argv: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
  waitedMs: number;
}

const preparedCache = new Map<number, { json: string; now: number }>();

export class Session {
  state: EngineState;
  now: number;
  readonly env: EngineEnv;
  readonly transcript: Entry[] = [];
  /** Every container ID ever seen, in order of appearance. */
  readonly known: string[] = [];
  /** The argv of each step as it ran (references resolved), for failure messages. */
  readonly steps: string[][] = [];
  /** Encode and decode the state after every command, as the file store does. */
  roundTrip = false;

  constructor(seed = SEED, startMs = START_MS) {
    this.now = startMs;
    this.env = createEnv({ now: () => this.now, seed });
    this.state = createInitialState(seed, startMs);
  }

  /** A session with busybox and nginx pulled (the pulls are done once and the state reused). */
  static prepared(seed = SEED): Session {
    let base = preparedCache.get(seed);
    if (!base) {
      const s = new Session(seed);
      for (const img of ['busybox', 'nginx']) {
        const r = s.exec(['pull', img]);
        if (r.exitCode !== 0) throw new Error(`pull ${img} failed: ${r.stderr}`);
      }
      base = { json: JSON.stringify(s.state), now: s.now + 1000 };
      preparedCache.set(seed, base);
    }
    const s = new Session(seed);
    s.state = decodeState(base.json, 'prepared');
    s.now = base.now;
    return s;
  }

  /** The engine's idea of now: the wall clock plus the virtual waiting carried in the state. */
  engineNow(): number {
    return this.now + (this.state.clockSkewMs ?? 0);
  }

  /** One command at the current clock. */
  exec(argv: string[]): ExecuteResult {
    const r = execute(this.state, argv, { env: this.env });
    // As the file store keeps it: state.json's layout, read back from bytes with lazy records.
    this.state = this.roundTrip ? decodeStateFile(new TextEncoder().encode(encodeStateFile(r.state)), 'round trip') : r.state;
    // Virtual waiting (stop timeouts) is carried in the state as clock skew, so the wall clock
    // here does not move for it, as in the CLI.
    this.transcript.push({ argv, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, waitedMs: r.waitedMs });
    for (const c of sortedContainers(this.state)) if (!this.known.includes(c.id)) this.known.push(c.id);
    return r;
  }

  resolve(arg: Arg): string {
    if (typeof arg === 'string') return arg;
    if (arg.ref === 'bogus') return 'no_such_ctr';
    if (arg.ref === 'pool') return arg.name;
    if (arg.ref === 'status') {
      const matching = sortedContainers(this.state).filter((c) => c.state.Status === arg.status);
      if (matching.length) return matching[arg.i % matching.length].id;
    }
    if (this.known.length === 0) return NAMES[arg.i % NAMES.length];
    // Counted from the newest, so small indexes (which the generator favours) hit live containers.
    const id = this.known[this.known.length - 1 - (arg.i % this.known.length)];
    if (arg.ref === 'status' || arg.form === 'full') return id;
    if (arg.form === 'short') return id.slice(0, 12);
    return this.state.containers[id]?.name ?? id;
  }
}

export function sortedContainers(state: EngineState): ContainerRecord[] {
  return Object.values(state.containers).sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
}

// ---- invariants -------------------------------------------------------------------------------

interface Observed {
  status: string;
  exitCode: number;
  name: string;
  autoRemove: boolean;
}
type Snapshot = Map<string, Observed>;

function snapshot(state: EngineState): Snapshot {
  const m: Snapshot = new Map();
  for (const c of Object.values(state.containers)) {
    m.set(c.id, { status: c.state.Status, exitCode: c.state.ExitCode, name: c.name, autoRemove: c.hostConfig.AutoRemove });
  }
  return m;
}

/** The exit code the container's command ends with by itself, or undefined (a service: never). */
export function naturalExitCode(c: Pick<ContainerRecord, 'path' | 'args'>): number | undefined {
  if (c.path === 'true') return 0;
  if (c.path === 'sleep') return 0;
  if (c.path === 'sh' && c.args[0] === '-c') {
    const m = /^exit (\d+)$/.exec(c.args[1] ?? '');
    if (m) return Number(m[1]);
  }
  return undefined;
}

const STACK_RE = /^\s+at |TypeError|ReferenceError|RangeError|SyntaxError|internal error|\[object Object\]|\bundefined\b|\bNaN\b/m;
const ALLOWED_EXIT = new Set([0, 1, 125, 126, 127]);
/** Commands that may change the image store (run and create pull missing images). */
const LIFECYCLE_VERBS = new Set(['start', 'stop', 'kill', 'restart', 'rm', 'pause', 'unpause']);
const IMAGE_VERBS = new Set(['rmi', 'tag', 'pull', 'run', 'create', 'images']);

export interface Checker {
  /** Runs a step and checks every invariant; returns the violations (empty: all hold). */
  step(step: Step): string[];
}

export interface CheckOptions {
  /** Also require that --rm containers never stay behind in the exited state. */
  autoRemoveInvariant?: boolean;
  /** Also require that a paused container stays paused until something targets it. */
  pausedStaysPaused?: boolean;
  /** Also require that a container whose image was force-removed (rmi -f) still starts. */
  imagelessStart?: boolean;
  /** Also require that restart policies restart containers that end by themselves (unless stopped by the user). */
  restartPolicies?: boolean;
}

function wouldRestart(c: ContainerRecord, code: number): boolean {
  const p = c.hostConfig.RestartPolicy;
  if (p.Name === 'always' || p.Name === 'unless-stopped') return true;
  if (p.Name === 'on-failure') return code !== 0 && (p.MaximumRetryCount === 0 || c.restartCount < p.MaximumRetryCount);
  return false;
}

function policyText(c: ContainerRecord): string {
  const p = c.hostConfig.RestartPolicy;
  return p.Name === 'on-failure' && p.MaximumRetryCount ? `on-failure:${p.MaximumRetryCount}` : p.Name;
}

export function outputViolations(e: Entry): string[] {
  const v: string[] = [];
  const cmd = `docker ${e.argv.join(' ')}`;
  if (!Number.isInteger(e.exitCode) || !ALLOWED_EXIT.has(e.exitCode)) v.push(`${cmd}: exit code ${e.exitCode} not in {0,1,125,126,127}`);
  for (const [stream, text] of [['stdout', e.stdout], ['stderr', e.stderr]] as const) {
    const m = STACK_RE.exec(text);
    if (m) v.push(`${cmd}: ${stream} contains ${JSON.stringify(m[0])}: ${JSON.stringify(text.slice(0, 300))}`);
  }
  if (!Number.isFinite(e.waitedMs) || e.waitedMs < 0) v.push(`${cmd}: waitedMs ${e.waitedMs}`);
  return v;
}

function portLine(key: string, ip: string, port: string): string {
  return `${key} -> ${ip.includes(':') ? `[${ip}]` : ip}:${port}`;
}

export function createChecker(s: Session, opts: CheckOptions = {}): Checker {
  let prev = snapshot(s.state);
  const removedTags = new Set<string>();
  /** Containers the user stopped or killed and has not started since (restart policies leave them alone). */
  const manualStop = new Set<string>();

  /** Runs a read-only check command; its own output is checked too. */
  const read = (argv: string[], violations: string[]): ExecuteResult => {
    const r = s.exec(argv);
    violations.push(...outputViolations(s.transcript[s.transcript.length - 1]));
    return r;
  };

  return {
    step(step: Step): string[] {
      const v: string[] = [];
      const before = s.state;
      const argv = step.args.map((a) => s.resolve(a));
      s.steps.push(argv);
      const cmdStart = s.engineNow();
      // Containers the step names (resolved against the state before it runs).
      const targeted = new Set<string>();
      for (const a of argv.slice(1)) {
        const c = before.containers[a] ?? Object.values(before.containers).find((x) => x.name === a)
          ?? (/^[0-9a-f]{1,64}$/.test(a) ? Object.values(before.containers).find((x) => x.id.startsWith(a)) : undefined);
        if (c) targeted.add(c.id);
      }
      const r = s.exec(argv);
      const cmd = `docker ${argv.join(' ')}`;
      v.push(...outputViolations(s.transcript[s.transcript.length - 1]));

      // -- listings: ps -aq ⊇ ps -q, IDs 64-hex and unique, exactly the containers in state.
      // Every command first brings the daemon up to the clock (processes that ended meanwhile), so
      // the record to compare with is the state after the first read; reads at the same clock
      // change nothing more.
      const all = read(['ps', '-aq', '--no-trunc'], v).stdout.split('\n').filter(Boolean);
      const state = s.state;
      const running = read(['ps', '-q', '--no-trunc'], v).stdout.split('\n').filter(Boolean);
      const allSet = new Set(all);
      if (allSet.size !== all.length) v.push(`ps -aq --no-trunc lists an ID twice: ${all.join(' ')}`);
      for (const id of all) if (!/^[0-9a-f]{64}$/.test(id)) v.push(`ps -aq --no-trunc: ${JSON.stringify(id)} is not a 64-hex ID`);
      for (const id of running) if (!allSet.has(id)) v.push(`ps -q lists ${id} but ps -aq does not`);
      const stateIds = Object.keys(state.containers);
      for (const id of stateIds) if (!allSet.has(id)) v.push(`container ${id} (${state.containers[id].name}) is in the state but not in ps -a`);
      for (const id of all) if (!state.containers[id]) v.push(`ps -a lists ${id}, which is not in the state`);
      const runningExpected = stateIds.filter((id) => state.containers[id].state.Running).sort();
      if (JSON.stringify([...running].sort()) !== JSON.stringify(runningExpected)) v.push(`ps -q lists ${running.join(',')} but the running containers are ${runningExpected.join(',')}`);

      // -- names unique; per-container status and ports columns agree with the record.
      const rows = read(['ps', '-a', '--no-trunc', '--format', '{{.ID}}\t{{.Names}}\t{{.Status}}\t{{.Ports}}'], v).stdout.split('\n').filter(Boolean).map((l) => l.split('\t'));
      const names = rows.map((row) => row[1]);
      if (new Set(names).size !== names.length) v.push(`container names not unique: ${names.join(',')}`);
      for (const [id, name, status, ports] of rows) {
        const c = state.containers[id];
        if (!c) continue;
        if (name !== c.name) v.push(`ps shows ${id.slice(0, 12)} as ${name}, the record says ${c.name}`);
        const st = c.state;
        if (st.Status === 'exited') {
          const m = /^Exited \((\d+)\) /.exec(status);
          if (!m || Number(m[1]) !== st.ExitCode) v.push(`${c.name}: status ${JSON.stringify(status)} but exited with ${st.ExitCode}`);
        } else if (st.Status === 'created') {
          if (status !== 'Created') v.push(`${c.name}: status ${JSON.stringify(status)} for a created container`);
        } else if (st.Status === 'paused') {
          if (!/^Up .* \(Paused\)$/.test(status)) v.push(`${c.name}: status ${JSON.stringify(status)} for a paused container`);
        } else if (st.Status === 'running') {
          if (!/^Up /.test(status) || status.includes('Paused')) v.push(`${c.name}: status ${JSON.stringify(status)} for a running container`);
        } else if (st.Status === 'restarting') {
          const m = /^Restarting \((\d+)\) /.exec(status);
          if (!m || Number(m[1]) !== st.ExitCode) v.push(`${c.name}: status ${JSON.stringify(status)} for a container restarting after exit ${st.ExitCode}`);
        }
        if (!st.Running && ports !== '') v.push(`${c.name} is ${st.Status} but ps shows ports ${JSON.stringify(ports)}`);
      }

      // -- ports: each (address, protocol, port) bound at most once; only running containers bind.
      const bound = new Map<string, string>();
      for (const c of Object.values(state.containers)) {
        const bindings = Object.entries(c.ports).flatMap(([key, bs]) => (bs ?? []).map((b) => ({ key, ...b })));
        if (!c.state.Running || c.state.Restarting) {
          if (bindings.length) v.push(`${c.name} is ${c.state.Status} but holds ${bindings.map((b) => portLine(b.key, b.HostIp, b.HostPort)).join(', ')}`);
          continue;
        }
        for (const b of bindings) {
          const k = `${b.HostIp}/${b.key.split('/')[1]}/${b.HostPort}`;
          const holder = bound.get(k);
          if (holder) v.push(`host port ${k} bound by both ${holder} and ${c.name}`);
          bound.set(k, c.name);
        }
        for (const [key, reqs] of Object.entries(c.hostConfig.PortBindings)) {
          for (const req of reqs) {
            if (req.HostPort === '' || req.HostPort.includes('-')) continue;
            if (!(c.ports[key] ?? []).some((b) => b.HostPort === req.HostPort)) v.push(`${c.name} is running but its -p ${req.HostPort}:${key} is not bound`);
          }
        }
        if (bindings.length) {
          const lines = read(['port', c.id], v).stdout.split('\n').filter(Boolean).sort();
          const expected = bindings.map((b) => portLine(b.key, b.HostIp, b.HostPort)).sort();
          if (JSON.stringify(lines) !== JSON.stringify(expected)) v.push(`docker port ${c.name}: ${JSON.stringify(lines)} but the record binds ${JSON.stringify(expected)}`);
        }
      }

      // -- a container the step named that is not running publishes nothing.
      for (const id of targeted) {
        const c = state.containers[id];
        if (!c || c.state.Running) continue;
        const p = read(['port', id], v);
        if (p.exitCode !== 0 || p.stdout !== '') v.push(`docker port ${c.name} (${c.state.Status}): exit ${p.exitCode}, ${JSON.stringify(p.stdout + p.stderr)}`);
      }

      // -- removed containers are gone from every lookup.
      for (const [id, old] of prev) {
        if (state.containers[id]) continue;
        const byId = read(['container', 'inspect', id], v);
        if (byId.exitCode !== 1 || !byId.stderr.includes(`No such container: ${id}`)) v.push(`removed ${id.slice(0, 12)} still inspectable: ${JSON.stringify(byId.stderr || byId.stdout.slice(0, 100))}`);
        if (!Object.values(state.containers).some((c) => c.name === old.name)) {
          const byName = read(['container', 'inspect', old.name], v);
          if (byName.exitCode !== 1 || !byName.stderr.includes(`No such container: ${old.name}`)) v.push(`removed ${old.name} still inspectable by name`);
        }
      }

      // -- exit codes and stopped containers: nothing changes a container the step did not target,
      // except its own process ending (with the code its command exits with), its restart policy
      // and --rm removal.
      const verb = argv[0];
      for (const [id, old] of prev) {
        const c = state.containers[id];
        // Only commands that act on a container's life may change it (logs, port, rename… may not).
        const isTarget = targeted.has(id) && r.exitCode !== 125 && LIFECYCLE_VERBS.has(verb);
        if (!c) {
          if (!isTarget && !(old.autoRemove && (old.status === 'running' || (old.status === 'paused' && !opts.pausedStaysPaused)))) v.push(`${old.name} (${old.status}) vanished though ${cmd} did not name it`);
          continue;
        }
        const now = c.state;
        const natural = naturalExitCode(c);
        if (!isTarget) {
          if (old.status === 'exited' || old.status === 'created') {
            if (now.Status !== old.status || now.ExitCode !== old.exitCode) v.push(`${c.name} was ${old.status} (${old.exitCode}) and became ${now.Status} (${now.ExitCode}) under ${cmd}, which did not name it`);
          } else if (old.status === 'paused' && opts.pausedStaysPaused && now.Status !== 'paused') {
            v.push(`${c.name} was paused and became ${now.Status} (${now.ExitCode}) under ${cmd}, which did not name it`);
          } else if (now.Status === 'exited' || now.Status === 'restarting') {
            // A service ends by itself only after a signal that it handles by shutting down (a
            // kill -s TERM earlier): then with the code its shutdown scheduled.
            const scheduled = before.containers[id]?.process;
            if (natural === undefined) {
              if (scheduled?.exitAtMs === undefined || ![0, 137, 143].includes(now.ExitCode)) v.push(`${c.name} (${c.path}) ended by itself (${now.Status}, ${now.ExitCode})`);
            } else if (now.ExitCode !== natural) v.push(`${c.name} (${c.path} ${c.args.join(' ')}) ended by itself with ${now.ExitCode}, expected ${natural}`);
            if (now.Status === 'restarting' && c.hostConfig.RestartPolicy.Name === 'no') v.push(`${c.name} is restarting without a restart policy`);
            // (Unless its restart failed to start, a port taken meanwhile: moby then leaves it
            // stopped with the start's error, observed on 28.5.2.)
            const restartFailed = now.Error.includes('port is already allocated');
            if (now.Status === 'exited' && opts.restartPolicies && wouldRestart(c, now.ExitCode) && !manualStop.has(id) && !restartFailed) {
              v.push(`${c.name} (--restart ${policyText(c)}, restarted ${c.restartCount}x) ended by itself with ${now.ExitCode} and stays exited${c.manuallyStopped ? ' (the engine still counts it as manually stopped)' : ''}`);
            }
          }
        } else if (now.Status === 'exited' && (old.status !== 'exited' || ['start', 'restart'].includes(verb))) {
          // It ended under this command: the code must be one its command or the signal explains.
          const oldProc = before.containers[id]?.process;
          const due = ((old.status === 'running' || (old.status === 'paused' && !opts.pausedStaysPaused)) && oldProc?.exitAtMs !== undefined && oldProc.exitAtMs <= cmdStart)
            // Waiting to restart: the daemon may run it again (and it may end again) before the command acts.
            || old.status === 'restarting';
          const allowed = new Set<number>([137]);
          if (natural !== undefined) allowed.add(natural);
          if (c.path === '/docker-entrypoint.sh' && verb !== 'kill') allowed.add(0); // nginx: graceful on SIGTERM
          if (verb === 'kill' && !argv.includes('TERM')) { allowed.clear(); allowed.add(137); }
          if (verb === 'kill' && argv.includes('TERM')) allowed.add(0).add(143);
          // Its process had already ended by itself when the command began (a service: shutting
          // down after an earlier signal).
          // (With a restart policy the daemon may already have started it again when the command
          // began, so the command can still stop the new run: 137 stays possible.)
          if (due) { allowed.clear(); allowed.add(natural ?? oldProc?.exitCode ?? 0); if (wouldRestart(c, natural ?? oldProc?.exitCode ?? 0)) allowed.add(137); }
          // Starting a container whose image was force-removed (see knownImageless).
          if (['start', 'restart'].includes(verb) && !state.images[c.imageId] && !opts.imagelessStart) allowed.add(126).add(127);
          if (!allowed.has(now.ExitCode)) v.push(`${c.name} (${c.path} ${c.args.join(' ')}) exited with ${now.ExitCode} under ${cmd}; expected one of ${[...allowed].join(',')}`);
        }
        if (isTarget && opts.pausedStaysPaused && old.status === 'paused' && verb === 'unpause' && r.exitCode !== 0) {
          v.push(`${cmd} failed on the paused ${c.name}: ${JSON.stringify(r.stderr.trim())}`);
        }
        if (isTarget && r.exitCode === 0) {
          if (verb === 'stop' || verb === 'kill') manualStop.add(id);
          // `start` of a running container changes nothing (dockerd answers "not modified"), so
          // an earlier kill still counts as a manual stop.
          if (verb === 'restart' || (verb === 'start' && old.status !== 'running' && old.status !== 'paused' && old.status !== 'restarting')) manualStop.delete(id);
        }
      }

      // -- each record is self-consistent.
      for (const c of Object.values(state.containers)) {
        const st = c.state;
        const bad = (what: string) => v.push(`${c.name}: ${what} (${JSON.stringify({ Status: st.Status, Running: st.Running, Paused: st.Paused, Restarting: st.Restarting, Pid: st.Pid, process: !!c.process })}) after ${cmd}`);
        if (st.Running !== ['running', 'paused', 'restarting'].includes(st.Status)) bad('Running disagrees with Status');
        if (st.Paused !== (st.Status === 'paused')) bad('Paused disagrees with Status');
        if (st.Restarting !== (st.Status === 'restarting')) bad('Restarting disagrees with Status');
        if ((st.Status === 'running' || st.Status === 'paused') && (!(st.Pid > 0) || !c.process)) bad('running without a process');
        if ((st.Status === 'exited' || st.Status === 'created') && (st.Pid !== 0 || c.process)) bad('stopped but holds a process');
        const p = c.hostConfig.RestartPolicy;
        if (p.Name === 'on-failure' && p.MaximumRetryCount > 0 && c.restartCount > p.MaximumRetryCount) bad(`restarted ${c.restartCount} times, more than on-failure:${p.MaximumRetryCount}`);
      }

      // -- inspect agrees with the listing for the containers the step named.
      // (inspect is costly: only after the commands that end containers, and at the end.)
      for (const id of ['stop', 'kill'].includes(verb) || step.final ? targeted : []) {
        const c = state.containers[id];
        if (!c) continue;
        const ins = read(['container', 'inspect', '--format', '{{.Name}} {{.State.Status}} {{.State.ExitCode}} {{.State.Running}} {{.State.Paused}}', id], v);
        const want = `/${c.name} ${c.state.Status} ${c.state.ExitCode} ${c.state.Running} ${c.state.Paused}\n`;
        if (ins.exitCode !== 0 || ins.stdout !== want) v.push(`container inspect ${c.name}: ${JSON.stringify(ins.stdout + ins.stderr)}, the record says ${JSON.stringify(want)}`);
        const row = rows.find((x) => x[0] === id);
        if (row && c.state.Status === 'exited' && !row[2].startsWith(`Exited (${c.state.ExitCode})`)) v.push(`ps -a status ${row[2]} disagrees with inspect's exit code ${c.state.ExitCode}`);
      }
      if (opts.autoRemoveInvariant) {
        for (const c of Object.values(state.containers)) {
          if (c.hostConfig.AutoRemove && c.state.Status === 'exited') v.push(`--rm container ${c.name} is still there after it exited (${c.state.ExitCode}) under ${cmd}`);
        }
      }

      // -- images: the listing is exactly the state; a removed tag is gone.
      if (verb === 'rmi' && r.exitCode === 0) {
        for (const line of r.stdout.split('\n')) {
          const m = /^Untagged: (.*)$/.exec(line);
          if (m && !m[1].includes('@')) removedTags.add(m[1]);
        }
      }
      // The image listing is read after commands that can change images (and at the end, see
      // finish()); the comparison itself is cheap, the listing is not.
      if (IMAGE_VERBS.has(verb) || step.final) checkImages(state, verb, cmd, v);

      prev = snapshot(state);
      s.now += step.delayMs;
      return v;
    },
  };

  function checkImages(state: EngineState, verb: string, cmd: string, v: string[]): void {
      const imgRows = read(['images', '--no-trunc', '--format', '{{.ID}}\t{{.Repository}}:{{.Tag}}'], v).stdout.split('\n').filter(Boolean);
      const expectedImg = Object.values(state.images).filter((img) => !img.deleted).flatMap((img) => (img.repoTags.length ? img.repoTags : ['<none>:<none>']).map((t) => `${img.id}\t${t}`));
      if (JSON.stringify([...new Set(imgRows)].sort()) !== JSON.stringify(expectedImg.sort())) v.push(`images lists ${JSON.stringify(imgRows)}, the state holds ${JSON.stringify(expectedImg)}`);
      const tagsNow = new Set(Object.values(state.images).filter((img) => !img.deleted).flatMap((img) => img.repoTags));
      for (const t of [...removedTags]) {
        if (tagsNow.has(t)) {
          // Re-created since (tag, pull): no longer removed.
          if (['tag', 'pull', 'run', 'create'].includes(verb)) removedTags.delete(t);
          else v.push(`image ${t} was removed but is listed again after ${cmd}`);
        }
      }
      for (const row of imgRows) {
        const t = row.split('\t')[1];
        if (removedTags.has(t)) v.push(`removed image ${t} still in images`);
      }
  }
}

// ---- running whole sequences ------------------------------------------------------------------

export interface RunOutcome {
  session: Session;
  violations: string[];
  /** Index of the step the first violation appeared after, or -1. */
  failedAt: number;
}

export function runChecked(steps: Step[], opts: CheckOptions = {}): RunOutcome {
  const s = Session.prepared();
  const checker = createChecker(s, opts);
  for (let i = 0; i < steps.length; i++) {
    const v = checker.step(i === steps.length - 1 ? { ...steps[i], final: true } : steps[i]);
    if (v.length) return { session: s, violations: v, failedAt: i };
  }
  return { session: s, violations: [], failedAt: -1 };
}

/** Runs the steps without checks (resolving references the same way); the transcript is the result. */
export function runPlain(steps: Step[], session = Session.prepared(), from = 0, to = steps.length): Session {
  for (let i = from; i < to; i++) {
    const argv = steps[i].args.map((a) => session.resolve(a));
    session.steps.push(argv);
    session.exec(argv);
    // A read after every command, so time-driven changes (exits, --rm) show in the transcript.
    session.exec(['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Names}} {{.Status}} {{.Ports}}']);
    session.now += steps[i].delayMs;
  }
  return session;
}

/** The steps as they ran (references resolved), one command a line, for failure messages. */
export function describeRun(s: Session, steps: Step[]): string {
  return s.steps.map((argv, i) => `docker ${argv.map((a) => (/^[\w.:/-]+$/.test(a) ? a : `'${a}'`)).join(' ')}   # then +${steps[i].delayMs}ms`).join('\n');
}

export function formatTranscript(entries: Entry[]): string {
  return entries.map((e) => `$ docker ${e.argv.join(' ')}   [exit ${e.exitCode}${e.waitedMs ? `, waited ${e.waitedMs}ms` : ''}]\n${e.stdout}${e.stderr}`).join('');
}

/** Throws with the neighbourhood of the first difference (whole states are too long to print). */
export function expectSameText(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 300), i + 200));
  throw new Error(`${what} differ at character ${i} of ${expected.length}:\n  expected …${around(expected)}…\n  actual   …${around(actual)}…`);
}
