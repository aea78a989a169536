// docker top CONTAINER [ps OPTIONS]: the host's `ps` view of the container's processes. The
// process tree is modelled from what the main process is (nginx master + one worker per CPU,
// redis, a shell running a command…); host PIDs come from the container's recorded PID.
import { CliError, type CommandDef } from '../../cli/command.js';
import type { Daemon } from '../../engine/daemon.js';
import type { ContainerRecord } from '../../engine/state.js';
import { DaemonError } from '../../engine/errors.js';
import { NCPU } from '../../engine/userland/index.js';
import { parseTime } from '../../engine/time.js';
import { baseName } from '../../engine/fs/path.js';
import { tabwrite } from '../../format/tabwriter.js';

export interface ModelProcess {
  pid: number;
  ppid: number;
  uid: number;
  /** Full command line as ps shows it (args). */
  args: string;
  /** Executable name (comm). */
  comm: string;
  rssKb: number;
  vszKb: number;
  /** What the process adds to the cgroup's memory usage (less than RSS: shared pages). */
  memKb: number;
  startMs: number;
  /** Threads (for the PIDS column of stats). */
  threads: number;
}

/** Host user names for UIDs (the recording host's /etc/passwd; unknown UIDs print as numbers). */
const HOST_USERS: Record<number, string> = { 0: 'root', 101: 'postgres', 65534: 'nobody' };
/** Container user names whose UID the image defines. */
const IMAGE_USERS: Record<string, number> = { root: 0, nginx: 101, redis: 999, nobody: 65534, daemon: 1, www: 33, 'www-data': 33 };

export function hostUser(uid: number): string {
  return HOST_USERS[uid] ?? String(uid);
}

/** FNV-1a of a string: a stable per-container seed for made-up figures. */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function configUid(c: ContainerRecord, fallback: number): number {
  const user = c.config.User.split(':')[0];
  if (user === '') return fallback;
  if (/^\d+$/.test(user)) return Number(user);
  return IMAGE_USERS[user] ?? 1000;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);
const SHELL_BUILTINS = new Set(['echo', 'printf', ':', 'true', 'false', 'set', 'export', 'cd', 'trap', 'read', 'test', '[', 'while', 'until', 'for', 'do', 'done', 'if', 'then', 'else', 'fi', 'exit', 'wait', 'local', 'shift', 'unset']);

/** The first external command a `sh -c` script runs in the foreground (what ps shows as its child). */
function scriptChild(script: string): string | undefined {
  if (/^\s*exec\s/.test(script)) return undefined;
  for (const segment of script.split(/;|&&|\|\||\n|\||&/)) {
    const words = segment.trim().split(/\s+/).filter(Boolean);
    while (words.length && SHELL_BUILTINS.has(words[0])) words.shift();
    if (words.length === 0) continue;
    if (/=/.test(words[0])) continue;
    return words.join(' ');
  }
  return undefined;
}

/** The container's processes as the host sees them; empty unless it is running. */
export function containerProcesses(c: ContainerRecord): ModelProcess[] {
  if (!c.state.Running || !c.state.Pid) return [];
  const h = stableHash(c.id);
  const pid = c.state.Pid;
  const shim = pid - 12 - (h % 20);
  const startMs = parseTime(c.state.StartedAt);
  if (c.hostConfig.Init !== true) return commandProcesses(c, pid, shim, h, startMs);
  // --init: docker-init is the container's first process and the command its child.
  const init: ModelProcess = {
    pid, ppid: shim, uid: 0, args: ['/sbin/docker-init', '--', c.path, ...c.args].join(' '), comm: 'docker-init',
    rssKb: 880 + (h % 40), vszKb: 1032, memKb: 180 + (h % 20), startMs, threads: 1,
  };
  return [init, ...commandProcesses(c, pid + 15 + (h % 5), pid, h, startMs)];
}

/** The command's processes: `pid` its main process, a child of `ppid`. */
function commandProcesses(c: ContainerRecord, pid: number, ppid: number, h: number, startMs: number): ModelProcess[] {
  let argv = [c.path, ...c.args];
  const program = c.process?.program ?? baseName(c.path);
  // Entrypoint scripts exec the real program.
  if (argv.length > 1 && /entrypoint/.test(baseName(argv[0])) && program !== baseName(argv[0])) argv = argv.slice(1);
  const base = { startMs, threads: 1 };
  if (program === 'nginx') {
    const master: ModelProcess = { ...base, pid, ppid, uid: configUid(c, 0), args: `nginx: master process ${argv.join(' ')}`, comm: 'nginx', rssKb: 6200 + (h % 400), vszKb: 11400, memKb: 1480 + (h % 200) };
    const workers: ModelProcess[] = [];
    for (let i = 0; i < NCPU; i++) {
      workers.push({ ...base, pid: pid + 50 + (h % 9) + i, ppid: pid, uid: 101, args: 'nginx: worker process', comm: 'nginx', rssKb: 2900 + ((h >> 4) % 300), vszKb: 11860, memKb: 640 + ((h >> 4) % 40) });
    }
    return [master, ...workers];
  }
  if (program === 'redis-server') {
    return [{ ...base, pid, ppid, uid: configUid(c, 999), args: 'redis-server *:6379', comm: 'redis-server', rssKb: 11800 + (h % 400), vszKb: 141900, memKb: 3980 + (h % 100), threads: 5 }];
  }
  const main: ModelProcess = { ...base, pid, ppid, uid: configUid(c, 0), args: argv.join(' '), comm: baseName(argv[0]).slice(0, 15), rssKb: 1400 + (h % 80), vszKb: 2268, memKb: 300 + (h % 60) };
  if (SHELLS.has(baseName(argv[0])) && argv[1] === '-c' && argv[2] !== undefined) {
    const child = scriptChild(argv[2]);
    if (child) {
      const comm = baseName(child.split(' ')[0]);
      return [main, { ...base, pid: pid + 14 + (h % 6), ppid: pid, uid: main.uid, args: child, comm: comm.slice(0, 15), rssKb: 1300 + ((h >> 3) % 60), vszKb: 2268, memKb: 240 + ((h >> 3) % 40) }];
    }
  }
  return [main];
}

function hhmm(ms: number): string {
  const t = new Date(ms);
  return `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ps's STIME/START: HH:MM today, "Nov27" before. */
function psStart(startMs: number, nowMs: number): string {
  const a = new Date(startMs);
  const b = new Date(nowMs);
  if (a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth() && a.getUTCDate() === b.getUTCDate()) return hhmm(startMs);
  return `${MONTHS[a.getUTCMonth()]}${String(a.getUTCDate()).padStart(2, '0')}`;
}

function elapsed(ms: number): string {
  let s = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${days ? `${days}-` : ''}${hh || days ? `${two(hh)}:` : ''}${two(mm)}:${two(ss)}`;
}

type Column = { header: string; value: (p: ModelProcess) => string };

/** Process group and session of a container's process (see processGroups). */
type Groups = (p: ModelProcess) => { pgid: number; sid: number };

/**
 * The container's first process leads its session and process group; docker-init puts its
 * child in a group of its own, which the child's processes share (observed with -o pgid,sid).
 */
function processGroups(procs: ModelProcess[]): Groups {
  const root = procs[0];
  const initChild = root?.comm === 'docker-init' ? procs.find((p) => p.ppid === root.pid) : undefined;
  return (p) => ({ pgid: initChild && p !== root ? initChild.pid : root?.pid ?? p.pid, sid: root?.pid ?? p.pid });
}

function columnFor(field: string, tty: string, nowMs: number, mainPid: number, groups: Groups): Column | undefined {
  const f = field.toLowerCase();
  switch (f) {
    case 'pid': return { header: 'PID', value: (p) => String(p.pid) };
    case 'ppid': return { header: 'PPID', value: (p) => String(p.ppid) };
    case 'user': case 'euser': case 'uname': return { header: 'USER', value: (p) => hostUser(p.uid) };
    case 'uid': case 'euid': return { header: 'UID', value: (p) => String(p.uid) };
    case 'comm': case 'ucmd': case 'ucomm': return { header: 'COMMAND', value: (p) => p.comm };
    case 'args': case 'command': return { header: 'COMMAND', value: (p) => p.args };
    case 'cmd': return { header: 'CMD', value: (p) => p.args };
    case 'etime': return { header: 'ELAPSED', value: (p) => elapsed(nowMs - p.startMs) };
    case 'time': case 'cputime': return { header: 'TIME', value: () => '00:00:00' };
    case 'stime': case 'start_time': return { header: f === 'stime' ? 'STIME' : 'START', value: (p) => psStart(p.startMs, nowMs) };
    case 'tty': case 'tt': return { header: 'TT', value: () => tty };
    case 'c': return { header: 'C', value: () => '0' };
    case 'pcpu': case '%cpu': return { header: '%CPU', value: () => '0.0' };
    case 'pmem': case '%mem': return { header: '%MEM', value: () => '0.0' };
    case 'rss': case 'rssize': return { header: 'RSS', value: (p) => String(p.rssKb) };
    case 'vsz': case 'vsize': return { header: 'VSZ', value: (p) => String(p.vszKb) };
    case 'stat': case 's': return { header: 'STAT', value: (p) => (p.pid === mainPid ? 'Ss' : 'S') };
    case 'nlwp': case 'thcount': return { header: 'NLWP', value: (p) => String(p.threads) };
    case 'pgid': case 'pgrp': return { header: f.toUpperCase(), value: (p) => String(groups(p).pgid) };
    case 'sid': case 'sess': case 'session': return { header: f === 'sid' ? 'SID' : 'SESS', value: (p) => String(groups(p).sid) };
    case 'tpgid': return { header: 'TPGID', value: () => '-1' };
    default: return undefined;
  }
}

/** The ps table for the given ps arguments (default -ef). */
/**
 * The ps table for the given ps arguments (default -ef). Understood: -ef/-f, aux, x/ax (BSD
 * job view), -e/-A, -j, and -o/-eo with a field list; other option sets are refused.
 */
export function topTable(d: Daemon, c: ContainerRecord, psArgs: string[]): { titles: string[]; rows: string[][] } {
  const procs = containerProcesses(c);
  const now = d.now();
  const tty = c.config.Tty ? 'pts/0' : '?';
  const main = c.state.Pid;
  const groups = processGroups(procs);
  const col = (f: string) => columnFor(f, tty, now, main, groups)!;
  const args = psArgs.length ? psArgs : ['-ef'];
  const oIndex = args.findIndex((a) => /^-[a-zA-Z]*o$/.test(a) || a === 'o');
  const letters = args.filter((_, i) => i !== oIndex + 1 || oIndex < 0).join(' ');
  const bsd = /(^| )-?a?ux( |$)/.test(letters);
  let columns: Column[];
  if (oIndex >= 0) {
    if (bsd) throw new DaemonError('ps: error: conflicting format options');
    const fields = (args[oIndex + 1] ?? '').split(',').filter(Boolean);
    const cols = fields.map((f) => columnFor(f, tty, now, main, groups));
    const bad = cols.findIndex((x) => x === undefined);
    if (bad >= 0 || fields.length === 0) throw new DaemonError(`ps: error: unknown user-defined format specifier "${fields[bad] ?? ''}"`);
    columns = cols as Column[];
  } else if (bsd) {
    columns = [
      { header: 'USER', value: (p) => hostUser(p.uid) },
      col('pid'),
      { header: '%CPU', value: () => '0.0' },
      { header: '%MEM', value: () => '0.0' },
      col('vsz'),
      col('rss'),
      { header: 'TTY', value: () => tty },
      col('stat'),
      { header: 'START', value: (p) => psStart(p.startMs, now) },
      { header: 'TIME', value: () => '0:00' },
      col('args'),
    ];
  } else if (/^-?a?x$/.test(letters)) {
    columns = [col('pid'), { header: 'TTY', value: () => tty }, col('stat'), { header: 'TIME', value: () => '0:00' }, col('args')];
  } else if (/^(-ef|-fe|-f|-e -f|-f -e)$/.test(letters)) {
    columns = [
      { header: 'UID', value: (p) => hostUser(p.uid) },
      col('pid'), col('ppid'), col('c'), col('stime'),
      { header: 'TTY', value: () => tty },
      col('time'), col('cmd'),
    ];
  } else if (/^-[eA]$/.test(letters)) {
    columns = [col('pid'), { header: 'TTY', value: () => tty }, col('time'), { header: 'CMD', value: (p) => p.comm }];
  } else if (/^-e?j$/.test(letters)) {
    columns = [
      col('pid'), col('pgid'), col('sid'),
      { header: 'TTY', value: () => tty },
      col('time'),
      { header: 'CMD', value: (p) => p.comm },
    ];
  } else {
    throw new DaemonError('ps: error: unsupported option (BSD syntax)');
  }
  if (!columns.some((x) => x.header === 'PID')) throw new DaemonError(`Couldn't find PID field in ps output`);
  return { titles: columns.map((x) => x.header), rows: procs.map((p) => columns.map((x) => x.value(p))) };
}

export const topCommand: CommandDef = {
  invocations: ['top', 'container top'],
  args: { kind: 'min', n: 1 },
  interspersed: false,
  run(ctx, [ref, ...psArgs]) {
    const c = ctx.d.getContainer(ref);
    if (!c.state.Running || c.state.Restarting) throw new DaemonError(`container ${c.id} is not running`, 'conflict');
    let table;
    try {
      table = topTable(ctx.d, c, psArgs);
    } catch (e) {
      if (e instanceof DaemonError) throw new CliError(`Error response from daemon: ${e.message}`, 1);
      throw e;
    }
    const text = [table.titles, ...table.rows].map((r) => r.join('\t')).join('\n') + '\n';
    // docker/cli: tabwriter.NewWriter(out, 20, 1, 3, ' ', 0)
    ctx.out(tabwrite(text, { minWidth: 20, padding: 3 }));
  },
};
