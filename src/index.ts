// fakedocker as a library: a Docker CLI you can embed in tests, tutorials and a browser page.
// Every command goes through the same `execute` the `fakedocker` executable uses; this module only
// splits command lines, keeps the state in a StateStore and offers read-only views for checks.
// Isomorphic: no Node built-ins are imported here (FileStore lives in ./store/file-store.js).
import { execute, type ExecuteResult } from './cli/dispatch.js';
import { createEnv } from './runtime.js';
import { createInitialState } from './engine/initial-state.js';
import type { ContainerRecord, ContainerStatus, EngineState, PortBinding } from './engine/state.js';
import { MemoryStore, StateDamagedError, decodeState, type StateStore } from './store/store.js';
import { BrowserStore, type BrowserStoreOptions, type StorageLike } from './store/browser-store.js';
import { CommandLineError, splitCommandLine, toArgv } from './quiz/command-line.js';

export { MemoryStore, StateDamagedError, decodeState, BrowserStore, CommandLineError, splitCommandLine, toArgv };
/** The CLI's state.json text (encode) and its reader, which also takes a plain JSON snapshot. */
export { encodeStateFile, decodeStateFile } from './store/state-file.js';
export type { StateStore, BrowserStoreOptions, StorageLike, EngineState };
export { expectContainer, expectNoContainer, expectImage, explain, explainCommand, type Check, type ContainerCheck, type ContainerExpectation, type Explanation, type ExplainedPart } from './quiz/index.js';

/** The whole simulated daemon: plain JSON (the same shape as $FAKEDOCKER_HOME/state.json). */
export type Snapshot = EngineState;

export interface DockerOptions {
  /** Seeds IDs, names and ports of a fresh daemon: the same seed and commands give the same output. */
  seed?: number;
  /** The wall clock (default Date.now). Virtual waits (stop timeouts, attached sleeps) are added on top. */
  now?: () => number | Date;
  /** Images to have pulled already, e.g. ['nginx', 'busybox:1.36'] (pulled quietly at creation). */
  images?: string[];
  /** Start from this snapshot (replaces whatever the store holds). */
  state?: Snapshot;
  /** Where the state lives between commands (default: a new MemoryStore). */
  store?: StateStore;
  /** Whether stdin and stdout count as terminals (default false, as for a script; the playground says true). */
  tty?: boolean;
  /** Host environment for `-e NAME` pass-through (default empty). */
  hostEnv?: Record<string, string | undefined>;
}

export interface RunOptions {
  /** Text piped to the command's stdin (for `docker run -i …`). */
  stdin?: string;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * Set when an attached command (`docker run nginx` without -d) left its container running: a real
   * terminal would stay attached until Ctrl-C. The output so far is in stdout/stderr.
   */
  attachedTo?: string;
}

export interface PublishedPort {
  /** Container name (without a leading '/'). */
  container: string;
  containerId: string;
  /** '80/tcp' */
  containerPort: string;
  port: number;
  protocol: string;
  hostIp: string;
  hostPort: number;
}

export interface ContainerView {
  id: string;
  shortId: string;
  name: string;
  /** The image as it was asked for ('nginx', 'nginx:alpine'). */
  image: string;
  imageId: string;
  /** Main process and its arguments, joined with spaces ('/docker-entrypoint.sh nginx -g daemon off;'). */
  command: string;
  status: ContainerStatus;
  running: boolean;
  paused: boolean;
  exitCode: number;
  created: string;
  startedAt: string;
  finishedAt: string;
  /** Exposed ports ('80/tcp'), from the image and --expose / -p. */
  exposed: string[];
  /** Published ports while running: container port → host port (first binding; IPv4 and IPv6 share it). */
  published: Record<string, number>;
  ports: PublishedPort[];
  /** Ports asked for with -p / -P (kept while stopped): container port → host port ('' means any). */
  portBindings: Record<string, string[]>;
  publishAll: boolean;
  env: Record<string, string>;
  labels: Record<string, string>;
  mounts: { type: string; name?: string; source: string; destination: string; readOnly: boolean }[];
  networks: string[];
  restartPolicy: string;
  autoRemove: boolean;
  tty: boolean;
  interactive: boolean;
}

export interface ImageView {
  id: string;
  shortId: string;
  /** 'nginx:latest', … (empty for a dangling image). */
  tags: string[];
  digests: string[];
  size: number;
  created: string;
}

export interface VolumeView {
  name: string;
  driver: string;
  anonymous: boolean;
  labels: Record<string, string>;
  created: string;
  /** Names of the containers that mount it. */
  usedBy: string[];
}

export interface NetworkView {
  id: string;
  name: string;
  driver: string;
  subnet: string;
  gateway: string;
  /** Names of the running containers attached to it (as docker network inspect lists them). */
  containers: string[];
}

/** Read-only views of the daemon at one moment; each call returns fresh plain objects. */
export interface DockerStateView {
  containers(): ContainerView[];
  /** A container by name, full ID or unique ID prefix. */
  container(ref: string): ContainerView | undefined;
  images(): ImageView[];
  volumes(): VolumeView[];
  networks(): NetworkView[];
  /** Every published port of every running container. */
  ports(): PublishedPort[];
}

export interface Docker {
  /** Runs one docker command: a shell-like line ('docker run -d -p 8080:80 nginx') or an argv array. */
  run(commandLine: string | string[], opts?: RunOptions): RunResult;
  /** Views of the current state (processes that ended by now are accounted for first). */
  state(): DockerStateView;
  /** A deep copy of the whole state, JSON-serialisable. */
  snapshot(): Snapshot;
  /** Replaces the state with a snapshot (validated; throws StateDamagedError when it is not one). */
  restore(snapshot: Snapshot): void;
  /** Forgets everything: a freshly installed daemon (with the `images` option pulled again). */
  reset(): void;
}

// ---- views --------------------------------------------------------------------------------------

function envMap(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of list) {
    const eq = e.indexOf('=');
    if (eq < 0) out[e] = '';
    else out[e.slice(0, eq)] = e.slice(eq + 1);
  }
  return out;
}

function publishedPorts(c: ContainerRecord): PublishedPort[] {
  const out: PublishedPort[] = [];
  if (!c.state.Running) return out;
  for (const [key, bindings] of Object.entries(c.ports)) {
    if (!bindings) continue;
    const [p, proto] = key.split('/');
    for (const b of bindings as PortBinding[]) {
      out.push({ container: c.name, containerId: c.id, containerPort: key, port: Number(p), protocol: proto, hostIp: b.HostIp, hostPort: Number(b.HostPort) });
    }
  }
  return out;
}

function containerView(c: ContainerRecord): ContainerView {
  const ports = publishedPorts(c);
  const published: Record<string, number> = {};
  for (const p of ports) if (!(p.containerPort in published)) published[p.containerPort] = p.hostPort;
  const portBindings: Record<string, string[]> = {};
  for (const [k, bs] of Object.entries(c.hostConfig.PortBindings ?? {})) portBindings[k] = (bs ?? []).map((b) => b.HostPort);
  const networks = Object.keys(c.endpoints);
  return {
    id: c.id,
    shortId: c.id.slice(0, 12),
    name: c.name,
    image: c.config.Image,
    imageId: c.imageId,
    command: [c.path, ...c.args].join(' '),
    status: c.state.Status,
    running: c.state.Running,
    paused: c.state.Paused,
    exitCode: c.state.ExitCode,
    created: c.created,
    startedAt: c.state.StartedAt,
    finishedAt: c.state.FinishedAt,
    exposed: Object.keys(c.config.ExposedPorts ?? {}),
    published,
    ports,
    portBindings,
    publishAll: c.hostConfig.PublishAllPorts,
    env: envMap(c.config.Env ?? []),
    labels: { ...(c.config.Labels ?? {}) },
    mounts: c.mounts.map((m) => ({ type: m.Type, ...(m.Name !== undefined ? { name: m.Name } : {}), source: m.Source, destination: m.Destination, readOnly: !m.RW })),
    networks,
    restartPolicy: c.hostConfig.RestartPolicy?.Name || 'no',
    autoRemove: c.hostConfig.AutoRemove,
    tty: c.config.Tty,
    interactive: c.config.OpenStdin,
  };
}

function byCreated<T extends { created: string }>(a: T, b: T): number {
  return a.created < b.created ? 1 : a.created > b.created ? -1 : 0;
}

function stateView(s: EngineState, order: string[]): DockerStateView {
  // In `docker ps -a` order (newest first), as the engine lists them.
  const rank = new Map(order.map((id, i) => [id, i]));
  const containers = () => Object.values(s.containers).map((c) => containerView(c))
    .sort((a, b) => (rank.get(a.id) ?? -1) - (rank.get(b.id) ?? -1));
  return {
    containers,
    container(ref: string) {
      const all = Object.values(s.containers);
      const name = ref.startsWith('/') ? ref.slice(1) : ref;
      const found = s.containers[ref] ?? all.find((c) => c.name === name)
        ?? (/^[a-f0-9]+$/.test(ref) ? (() => { const m = all.filter((c) => c.id.startsWith(ref)); return m.length === 1 ? m[0] : undefined; })() : undefined);
      return found ? containerView(found) : undefined;
    },
    images: () => Object.values(s.images).map((i) => ({
      id: i.id, shortId: i.id.replace(/^sha256:/, '').slice(0, 12), tags: [...i.repoTags], digests: [...i.repoDigests], size: i.size, created: i.created,
    })).sort(byCreated),
    volumes: () => Object.values(s.volumes).map((v) => ({
      name: v.name, driver: v.driver, anonymous: v.anonymous, labels: { ...v.labels }, created: v.created,
      usedBy: Object.values(s.containers).filter((c) => c.mounts.some((m) => m.Type === 'volume' && m.Name === v.name)).map((c) => c.name),
    })),
    networks: () => Object.values(s.networks).map((n) => ({
      id: n.id, name: n.name, driver: n.driver, subnet: n.subnet, gateway: n.gateway,
      containers: Object.values(s.containers).filter((c) => c.state.Running && c.endpoints[n.name] !== undefined).map((c) => c.name),
    })),
    ports: () => containers().flatMap((c) => c.ports),
  };
}

// ---- the Docker object --------------------------------------------------------------------------

function randomSeed(): number {
  const g = globalThis as { crypto?: { getRandomValues?(a: Uint32Array): Uint32Array } };
  if (g.crypto?.getRandomValues) return g.crypto.getRandomValues(new Uint32Array(1))[0];
  return Math.floor(Math.random() * 2 ** 32);
}

function cloneState(s: EngineState): EngineState {
  return JSON.parse(JSON.stringify(s)) as EngineState;
}

/** Creates an emulated Docker CLI with its own daemon state. */
export function createDocker(options: DockerOptions = {}): Docker {
  const store: StateStore = options.store ?? new MemoryStore();
  const clock = options.now ?? (() => Date.now());
  let offsetMs = 0;
  const now = () => {
    const t = clock();
    return (typeof t === 'number' ? t : t.getTime()) + offsetMs;
  };
  const env = createEnv({ now, seed: options.seed, hostEnv: options.hostEnv ?? {} });
  const tty = options.tty ?? false;
  const fresh = (): EngineState => createInitialState(options.seed ?? randomSeed(), now());

  const exec = (argv: string[], stdin?: string): ExecuteResult =>
    store.transact((state) => {
      const initial = state ?? fresh();
      const r = execute(initial, argv, { env, stdin, stdinIsTty: tty, stdoutIsTty: tty });
      return { state: r.state, result: r, changed: r.state !== state };
    });

  const replace = (next: EngineState) => {
    store.transact(() => ({ state: next, result: undefined, changed: true }));
  };

  const prePull = () => {
    for (const ref of options.images ?? []) {
      if (exec(['images', '-q', ref]).stdout.trim() !== '') continue;
      const r = exec(['pull', '-q', ref]);
      if (r.exitCode !== 0) throw new Error(`fakedocker: could not pre-pull ${ref}: ${r.stderr.trim()}`);
    }
  };

  if (options.state) replace(decodeState(JSON.stringify(options.state), 'the state option'));
  prePull();

  const docker: Docker = {
    run(commandLine, opts = {}) {
      let argv: string[];
      try {
        argv = toArgv(commandLine);
      } catch (e) {
        if (e instanceof CommandLineError) return { stdout: '', stderr: `fakedocker: ${e.message}\n`, exitCode: 2 };
        throw e;
      }
      const r = exec(argv, opts.stdin);
      offsetMs += r.waitedMs;
      const out: RunResult = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
      if (r.attachedTo) out.attachedTo = r.attachedTo;
      return out;
    },
    state() {
      // A harmless command lets the engine account for processes that ended by now, and gives
      // the order in which docker ps -a lists the containers.
      const r = exec(['ps', '-a', '-q', '--no-trunc']);
      return stateView(r.state, r.stdout.split('\n').filter((l) => l !== ''));
    },
    snapshot() {
      const s = store.transact((state) => {
        const current = state ?? fresh();
        return { state: current, result: current, changed: state === undefined };
      });
      return cloneState(s);
    },
    restore(snapshot) {
      replace(decodeState(JSON.stringify(snapshot), 'the snapshot'));
    },
    reset() {
      offsetMs = 0;
      replace(fresh());
      prePull();
    },
  };
  return docker;
}
