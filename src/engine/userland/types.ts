// Contract between the engine and the simulated userland: the engine asks "start this argv in this
// container"; the userland answers with what the process printed, what it did to the filesystem,
// and whether/when it exits. Everything here must stay JSON-serialisable (it is persisted).

import type { ContainerFs } from '../fs/types.js';

export type StreamName = 'stdout' | 'stderr';

/** One chunk of output, `atMs` milliseconds after the process started. */
export interface OutputChunk {
  stream: StreamName;
  text: string;
  atMs: number;
}

export interface ProcessRequest {
  /** The resolved argv (Entrypoint + Cmd, or exec's command). */
  argv: string[];
  /** KEY=VALUE list, as the container sees it (PATH, HOSTNAME, HOME, image Env, -e). */
  env: string[];
  cwd: string;
  /** '' or 'root' = root; otherwise user[:group] as given to -u / USER. */
  user: string;
  hostname: string;
  /** Repository of the image ('busybox', 'debian', 'nginx'…): picks busybox vs GNU tool texts. */
  imageFlavor: string;
  tty: boolean;
  /** Whether stdin is open (-i). With no stdin, an interactive shell reads EOF and exits 0. */
  interactive: boolean;
  /** Text fed on stdin (for exec -i / run -i with piped input), if any. */
  stdin?: string;
  /** Wall-clock time (ms since epoch) at start, for `date` and log lines. */
  nowMs: number;
  /** Deterministic randomness source: returns a float in [0,1). */
  random: () => number;
  /** The container's filesystem; the process may write to it (copy-on-write upper layer). */
  fs: ContainerFs;
  /**
   * Its PID in the container's PID namespace: 1 for the main process; for an exec'd one the
   * next free PID (the container's lastPid + 1).
   */
  pid: number;
  /** The container runs with --init: docker-init is PID 1 and the main process its child. */
  init?: boolean;
  /** What the container can reach on its networks (for ping, wget, nslookup). */
  network?: NetworkView;
  /** For an exec'd process: the container's processes (ps lists them), with the name ps shows as USER. */
  processes?: (ContainerProcess & { user: string })[];
}

/** A peer container reachable from this one. */
export interface NetworkPeer {
  ip: string;
  /** Names that resolve to it through Docker's embedded DNS (user-defined networks only). */
  names: string[];
  /** Open TCP ports and what answers there. */
  listeners: { port: number; program: string }[];
  /** Reads a file in the peer's filesystem (e.g. nginx's index.html). */
  readFile(path: string): string | undefined;
}

/** A network interface of the container besides lo (eth0, eth1…: one per connected network). */
export interface NetworkInterface {
  name: string;
  mac: string;
  ipv4: string;
  prefixLen: number;
  /** The network's gateway ('' when it has none). */
  gateway: string;
  /** Index of the host end of the veth pair ("eth0@if3266"). */
  peerIndex: number;
}

export interface NetworkView {
  /** This container's own IPs. */
  ips: string[];
  /** Its interfaces besides lo, in attachment order (none with --network none). */
  interfaces?: NetworkInterface[];
  /** Whether it is on a user-defined network (which has DNS at 127.0.0.11). */
  embeddedDns: boolean;
  peers: NetworkPeer[];
}

/**
 * How a process that keeps running reacts to signals later (docker stop/kill/restart).
 * `ignore` signals keep it running (PID 1 without a handler ignores TERM/INT/QUIT…).
 */
export interface SignalReaction {
  exitCode: number;
  /** Output printed while shutting down. */
  output: OutputChunk[];
  /** Milliseconds from the signal to the exit. */
  afterMs: number;
}

export interface ServiceBehaviour {
  /** Name of the program (e.g. 'nginx', 'redis-server', 'sleep', 'sh'), for `top`/`ps`. */
  program: string;
  /** Signal name (e.g. 'SIGTERM', 'SIGQUIT', 'SIGINT', 'SIGHUP') → reaction; absent = ignored (KILL always kills, 137). */
  signals: Record<string, SignalReaction>;
  /** For finite long runners (sleep 5 in background): exit by itself after this many ms. */
  exitAfterMs?: number;
  exitCode?: number;
}

/** A process as the container's PID namespace shows it (what ps lists). */
export interface ContainerProcess {
  pid: number;
  ppid: number;
  /** Executable name (what ps -o comm prints). */
  comm: string;
  /** Command line (ps -o args). */
  args: string;
}

export type ProcessOutcome =
  /** Finished (or will finish) by itself. `lastPid`: the last PID its process tree took. */
  | { kind: 'exited'; output: OutputChunk[]; exitCode: number; durationMs: number; service?: ServiceBehaviour; lastPid?: number }
  /** Keeps running until signalled (or until service.exitAfterMs); `tree`: its processes then. */
  | { kind: 'running'; output: OutputChunk[]; service: ServiceBehaviour; tree?: ContainerProcess[]; lastPid?: number }
  /** The runtime could not start it at all: Docker's OCI error (exit 127 not found, 126 permission / is a directory). */
  | { kind: 'start-failed'; reason: 'not-found' | 'permission-denied' | 'is-a-directory' | 'no-such-file'; executable: string };
