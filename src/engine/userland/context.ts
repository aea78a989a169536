// Shared state of one simulated process tree (the container's view: fs, identity, clock, output).

import type { ContainerFs, FsNode } from '../fs/types.js';
import type { ContainerProcess, OutputChunk, ProcessRequest, ServiceBehaviour, StreamName } from './types.js';

/** Kernel and machine facts the container sees (keep in line with `docker info`). */
export const KERNEL_RELEASE = '6.18.44-fc-v595';
export const KERNEL_VERSION = '#1 SMP PREEMPT_DYNAMIC @0';
export const MACHINE = 'x86_64';
export const NCPU = 2;
/** Memory in KiB as `free` reports it. */
export const MEM_TOTAL_KB = 24684096;

/** Which family of tools the image carries. */
export type Flavor = 'busybox' | 'gnu';
/** Which shell is interpreting: busybox ash, Debian's dash, or bash. */
export type ShellKind = 'ash' | 'dash' | 'bash';

export function flavorOf(imageFlavor: string): Flavor {
  const repo = imageFlavor.toLowerCase().split('/').pop()!.split(':')[0]!;
  return repo === 'busybox' || repo === 'alpine' || repo.endsWith('-alpine') ? 'busybox' : 'gnu';
}

/** Thrown to stop the simulation: the process blocks forever from here (until signalled). */
export class Blocked {
  constructor(
    readonly program: string,
    readonly extra: Partial<ServiceBehaviour> = {},
    /** A loop that never ends, whose simulation ran ahead of the clock (its PIDs are not yet taken). */
    readonly ranAhead = false,
  ) {}
}

/** Thrown by `exit` (and by fatal shell errors). */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/** Extra request fields an engine may pass (all optional). */
export interface ProcessRequestExtras {
  /** Mount destinations of the container (for df). */
  mounts?: string[];
}

/**
 * Threads of runc's init process. They take the PIDs after the one it becomes (the container's
 * PID 1, or an exec'd command), so the next process is 6 further on (observed: 1 then 7, an
 * exec at 7 then 13; now and then a sixth thread makes it 7).
 */
const RUNC_INIT_THREADS = 5;
/** Where docker-init puts the command it starts: the first PID after runc's threads. */
const INIT_CHILD_PID = 1 + RUNC_INIT_THREADS + 1;

/** docker-init as PID 1 of a container run with --init, starting `argv`. */
export function dockerInitProcess(argv: string[]): ContainerProcess {
  return { pid: 1, ppid: 0, comm: 'docker-init', args: ['/sbin/docker-init', '--', ...argv].join(' ') };
}

/** The command docker-init starts, as ps lists it. */
export function initChildProcess(comm: string, args: string): ContainerProcess {
  return { pid: INIT_CHILD_PID, ppid: 1, comm, args };
}

/** The last PID a container's start takes: runc's threads after PID 1, or docker-init's child. */
export function lastPidAtStart(init: boolean): number {
  return init ? INIT_CHILD_PID : 1 + RUNC_INIT_THREADS;
}

export interface User {
  uid: number;
  gid: number;
  name: string | undefined;
  groupName: string | undefined;
  home: string;
}

/** The process-wide simulation: clock and output. */
export class Sim {
  readonly req: ProcessRequest & ProcessRequestExtras;
  readonly fs: ContainerFs;
  readonly flavor: Flavor;
  readonly output: OutputChunk[] = [];
  /** Simulated milliseconds since start. */
  timeMs = 0;
  /** Loop iterations budget (while true; …). */
  steps = 0;
  readonly user: User;
  /** PID of the request's own process: docker-init's child under --init, else req.pid. */
  readonly mainPid: number;
  /** docker-init, PID 1, when the container runs with --init. */
  readonly initProcess: ContainerProcess | undefined;
  /** The running processes from the request's own down to the current one (each the parent of the next). */
  readonly lineage: ContainerProcess[] = [];
  /**
   * The processes as they first wait (sleep or block): what a ps from outside sees soon after
   * the start, and the last PID taken by then (undefined when a loop ran ahead of the clock).
   */
  firstWait: { tree: ContainerProcess[]; lastPid: number | undefined } | undefined;
  private nextPid: number;

  constructor(req: ProcessRequest) {
    this.req = req;
    this.fs = req.fs;
    this.flavor = flavorOf(req.imageFlavor);
    this.user = resolveUser(req.fs, req.user);
    const withInit = req.pid === 1 && req.init === true;
    this.mainPid = withInit ? INIT_CHILD_PID : req.pid;
    this.initProcess = withInit ? dockerInitProcess(req.argv) : undefined;
    this.nextPid = withInit ? INIT_CHILD_PID + 1 : req.pid + RUNC_INIT_THREADS + 1;
    this.syncClock();
  }

  write(stream: StreamName, text: string): void {
    if (!text) return;
    const last = this.output[this.output.length - 1];
    if (last && last.stream === stream && last.atMs === this.timeMs) last.text += text;
    else this.output.push({ stream, text, atMs: this.timeMs });
  }

  get nowMs(): number {
    return this.req.nowMs + this.timeMs;
  }

  sleep(ms: number): void {
    if (ms > 0) this.firstWait ??= { tree: this.processTree(), lastPid: this.lastPid };
    this.timeMs += Math.max(0, Math.round(ms));
    this.syncClock();
  }

  syncClock(): void {
    const f = this.fs as { setNow?: (ms: number) => void };
    if (typeof f.setNow === 'function') f.setNow(this.nowMs);
  }

  allocPid(): number {
    return this.nextPid++;
  }

  /** docker-init (if any) and the lineage, as the container's PID namespace shows them now. */
  processTree(): ContainerProcess[] {
    return [...(this.initProcess ? [this.initProcess] : []), ...this.lineage].map((p) => ({ ...p }));
  }

  /** Records the processes when a Blocked leaves a program (before they unwind), if nothing waited before. */
  noteBlocked(e: Blocked): void {
    this.firstWait ??= { tree: this.processTree(), lastPid: e.ranAhead ? undefined : this.lastPid };
  }

  /** The last PID taken in the container's namespace (the next process gets the one after it). */
  get lastPid(): number {
    return this.nextPid - 1;
  }
}

export function parsePasswd(fs: ContainerFs): { name: string; uid: number; gid: number; home: string; shell: string }[] {
  const txt = fs.readFile('/etc/passwd') ?? '';
  return txt
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const f = l.split(':');
      return { name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), home: f[5] ?? '/', shell: f[6] ?? '' };
    });
}

export function parseGroup(fs: ContainerFs): { name: string; gid: number; members: string[] }[] {
  const txt = fs.readFile('/etc/group') ?? '';
  return txt
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const f = l.split(':');
      return { name: f[0]!, gid: Number(f[2]), members: (f[3] ?? '').split(',').filter(Boolean) };
    });
}

export function userName(fs: ContainerFs, uid: number): string | undefined {
  return parsePasswd(fs).find((u) => u.uid === uid)?.name;
}

export function groupName(fs: ContainerFs, gid: number): string | undefined {
  return parseGroup(fs).find((g) => g.gid === gid)?.name;
}

export function resolveUser(fs: ContainerFs, spec: string): User {
  const [u = '', g] = (spec || 'root').split(':');
  const pw = parsePasswd(fs);
  let uid = 0;
  let gid = 0;
  let name: string | undefined = 'root';
  let home = '/root';
  const byName = pw.find((p) => p.name === u);
  if (/^\d+$/.test(u)) {
    uid = Number(u);
    const e = pw.find((p) => p.uid === uid);
    name = e?.name;
    gid = e?.gid ?? 0;
    home = e?.home ?? '/';
  } else if (byName) {
    uid = byName.uid;
    gid = byName.gid;
    name = byName.name;
    home = byName.home;
  } else if (u === 'root' || u === '') {
    name = pw.length ? pw.find((p) => p.uid === 0)?.name ?? 'root' : 'root';
  }
  if (g !== undefined) {
    const grp = parseGroup(fs);
    gid = /^\d+$/.test(g) ? Number(g) : grp.find((x) => x.name === g)?.gid ?? 0;
  }
  const groupNameV = parseGroup(fs).find((x) => x.gid === gid)?.name ?? (gid === 0 && !fs.readFile('/etc/group') ? 'root' : undefined);
  return { uid, gid, name, groupName: groupNameV, home };
}

/** Whether `node` grants `bit` (4 read, 2 write, 1 exec) to the user. Root passes r/w always, x if any x bit. */
export function canAccess(node: FsNode, user: User, bit: 4 | 2 | 1): boolean {
  if (user.uid === 0) return bit !== 1 || node.type === 'dir' || (node.mode & 0o111) !== 0;
  const m = node.mode;
  if (node.uid === user.uid) return ((m >> 6) & bit) !== 0;
  if (node.gid === user.gid) return ((m >> 3) & bit) !== 0;
  return (m & bit) !== 0;
}
