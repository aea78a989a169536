// System tools: env printenv hostname whoami id uname date sleep ps (in ps.ts) free nproc which yes clear.
import { Blocked, KERNEL_RELEASE, KERNEL_VERSION, MACHINE, MEM_TOTAL_KB, NCPU, parseGroup } from '../context.js';
import { dateString, strftime } from '../fsutil.js';
import { findInPath } from '../shell/interp.js';
import { hostsEntry } from './net.js';
import type { CommandImpl } from './types.js';
import type { ContainerFs } from '../../fs/types.js';

export const env: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  const vars = new Map(c.env);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-i' || a === '-') vars.clear();
    else if (a === '-u') vars.delete(args[++i] ?? '');
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) {
      const eq = a.indexOf('=');
      vars.set(a.slice(0, eq), a.slice(eq + 1));
    } else break;
  }
  if (i < args.length) return c.sh.runProgram(c.sh, args.slice(i), c.io, vars, c.sh.line);
  for (const [k, v] of vars) c.out(`${k}=${v}\n`);
  return 0;
};

export const printenv: CommandImpl = (c) => {
  const names = c.argv.slice(1);
  if (!names.length) {
    for (const [k, v] of c.env) c.out(`${k}=${v}\n`);
    return 0;
  }
  let st = 0;
  for (const n of names) {
    const v = c.env.get(n);
    if (v === undefined) st = 1;
    else c.out(v + '\n');
  }
  return st;
};

const BUSYBOX_HOSTNAME_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: hostname [-sidf] [HOSTNAME | -F FILE]

Show or set hostname or DNS domain name

\t-s\tShort
\t-i\tAddresses for the hostname
\t-d\tDNS domain name
\t-f\tFully qualified domain name
\t-F FILE\tUse FILE's content as hostname
`;

/**
 * hostname [-s|-f|-d|-i]: the name, its short form, or what resolving it through /etc/hosts gives
 * (canonical name, its domain part, IPv4 address). Observed with busybox 1.35 and Debian's
 * hostname: -f wins over -s, -s over -d, -d over -i; a name /etc/hosts lacks (--network none)
 * cannot be resolved.
 */
export const hostname: CommandImpl = (c) => {
  const name = c.sim.req.hostname || (c.sim.fs.readFile('/etc/hostname') ?? '').trim();
  const opts = new Set<string>();
  for (const a of c.argv.slice(1)) {
    if (!a.startsWith('-') || a === '-') continue;
    for (const ch of a.slice(1)) {
      if (!'sidf'.includes(ch)) {
        c.err(c.gnu ? `hostname: invalid option -- '${ch}'\n` : `hostname: invalid option -- '${ch}'\n${BUSYBOX_HOSTNAME_USAGE}`);
        return c.gnu ? 4 : 1;
      }
      opts.add(ch);
    }
  }
  if (opts.has('s') && !opts.has('f')) {
    c.out(`${name.split('.')[0]}\n`);
    return 0;
  }
  if (opts.size === 0) {
    c.out(`${name}\n`);
    return 0;
  }
  // The first line that names it, as the resolver answers.
  const entry = hostsEntry(c, name);
  if (!entry) {
    c.err(c.gnu ? 'hostname: Temporary failure in name resolution\n' : `hostname: ${name}: Host name lookup failure\n`);
    return 1;
  }
  const { canonical } = entry;
  if (opts.has('f')) c.out(`${canonical}\n`);
  else if (opts.has('d')) {
    const dot = canonical.indexOf('.');
    if (dot >= 0) c.out(`${canonical.slice(dot + 1)}\n`);
  } else c.out(`${entry.address}\n`);
  return 0;
};

export const whoami: CommandImpl = (c) => {
  const u = c.sim.user;
  if (u.name === undefined) {
    c.err(c.gnu ? `whoami: cannot find name for user ID ${u.uid}\n` : `whoami: unknown uid ${u.uid}\n`);
    return 1;
  }
  c.out(u.name + '\n');
  return 0;
};

export const id: CommandImpl = (c) => {
  const u = c.sim.user;
  const args = c.argv.slice(1);
  const groups = [u.gid];
  if (u.name) for (const g of parseGroup(c.sim.fs)) if (g.members.includes(u.name) && !groups.includes(g.gid)) groups.push(g.gid);
  const gname = (gid: number) => parseGroup(c.sim.fs).find((g) => g.gid === gid)?.name;
  if (args.includes('-u')) {
    c.out((args.includes('-n') ? u.name ?? String(u.uid) : String(u.uid)) + '\n');
    return 0;
  }
  if (args.includes('-g')) {
    c.out((args.includes('-n') ? gname(u.gid) ?? String(u.gid) : String(u.gid)) + '\n');
    return 0;
  }
  if (args.includes('-G')) {
    c.out(groups.join(' ') + '\n');
    return 0;
  }
  const fmt = (n: number, name: string | undefined) => (name !== undefined ? `${n}(${name})` : String(n));
  c.out(`uid=${fmt(u.uid, u.name)} gid=${fmt(u.gid, gname(u.gid))} groups=${groups.map((g) => fmt(g, gname(g))).join(',')}\n`);
  return 0;
};

export const uname: CommandImpl = (c) => {
  const f = new Set(c.argv.slice(1).join('').replace(/-/g, ''));
  const fields: [string, string][] = [
    ['s', 'Linux'],
    ['n', c.sim.req.hostname],
    ['r', KERNEL_RELEASE],
    ['v', KERNEL_VERSION],
    ['m', MACHINE],
    ['p', c.gnu ? 'unknown' : 'unknown'],
    ['i', 'unknown'],
    ['o', 'GNU/Linux'],
  ];
  let sel: string[];
  if (f.has('a')) sel = ['s', 'n', 'r', 'v', 'm', 'o'];
  else sel = fields.map(([k]) => k).filter((k) => f.has(k));
  if (!sel.length) sel = ['s'];
  c.out(fields.filter(([k]) => sel.includes(k)).map(([, v]) => v).join(' ') + '\n');
  return 0;
};

export const date: CommandImpl = (c) => {
  const fmt = c.argv.slice(1).find((a) => a.startsWith('+'));
  c.out((fmt ? strftime(fmt.slice(1), c.sim.nowMs) : dateString(c.sim.nowMs)) + '\n');
  return 0;
};

/** Parse a sleep duration: "5", "0.5", "2m", "1h", "infinity". */
export function parseDuration(s: string): number | undefined {
  if (s === 'infinity' || s === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  const mult = { '': 1000, s: 1000, m: 60000, h: 3600000, d: 86400000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * mult;
}

export const sleep: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  if (!args.length) {
    c.err(c.gnu ? "sleep: missing operand\nTry 'sleep --help' for more information.\n" : 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b7) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n');
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const d = parseDuration(a);
    if (d === undefined) {
      c.err(c.gnu ? `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n` : `sleep: invalid number '${a}'\n`);
      return 1;
    }
    total += d;
  }
  if (total === Infinity) throw new Blocked('sleep');
  c.sim.sleep(total);
  return 0;
};

export { ps } from './ps.js';

export const free: CommandImpl = (c) => {
  const total = MEM_TOTAL_KB;
  const used = 209404;
  const freeKb = 22360832;
  const shared = 8788;
  const buff = 2113860;
  const avail = 24169000;
  const args = c.argv.slice(1).join(' ');
  const conv = (k: number) => (args.includes('-m') ? Math.floor(k / 1024) : args.includes('-g') ? Math.floor(k / 1048576) : k);
  if (c.gnu) {
    c.out('               total        used        free      shared  buff/cache   available\n');
    c.out(`Mem:    ${[total, used, freeKb, shared, buff, avail].map((v) => String(conv(v)).padStart(11)).join(' ')}\n`);
    c.out(`Swap:   ${[0, 0, 0].map((v) => String(v).padStart(11)).join(' ')}\n`);
    return 0;
  }
  c.out('              total        used        free      shared  buff/cache   available\n');
  c.out(`Mem:   ${[total, used, freeKb, shared, buff, avail].map((v) => String(conv(v)).padStart(11)).join(' ')}\n`);
  c.out(`Swap:  ${[0, 0, 0].map((v) => String(v).padStart(11)).join(' ')}\n`);
  return 0;
};

export const nproc: CommandImpl = (c) => {
  c.out(`${NCPU}\n`);
  return 0;
};

export const which: CommandImpl = (c) => {
  let st = 0;
  for (const n of c.argv.slice(1).filter((a) => a !== '-a')) {
    const p = n.includes('/') ? (c.sim.fs.stat(c.abs(n))?.type === 'file' ? n : undefined) : findInPath(c.sh, n);
    if (p) c.out(p + '\n');
    else st = 1;
  }
  return st;
};

export const trueCmd: CommandImpl = () => 0;
export const falseCmd: CommandImpl = () => 1;

export const clear: CommandImpl = (c) => {
  c.out('\x1b[H\x1b[J');
  return 0;
};

export const yes: CommandImpl = (c) => {
  const text = (c.argv.slice(1).join(' ') || 'y') + '\n';
  c.out(text.repeat(1000));
  throw new Blocked('yes');
};

export const top: CommandImpl = () => {
  throw new Blocked('top');
};

// ---- busybox itself --------------------------------------------------------------------------

const BUSYBOX_HEAD = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.
BusyBox is copyrighted by many authors between 1998-2015.
Licensed under GPLv2. See source distribution for detailed
copyright notices.

Usage: busybox [function [arguments]...]
   or: busybox --list[-full]
   or: busybox --install [-s] [DIR]
   or: function [arguments]...

\tBusyBox is a multi-call binary that combines many common Unix
\tutilities into a single executable.  The shell in this build
\tis configured to run built-in utilities without $PATH search.
\tYou don't need to install a link to busybox for each utility.
\tTo run external program, use full path (/sbin/ip instead of ip).

Currently defined functions:
`;

/** Busybox's applets: the image links every one of them into /bin (269 in the engine's image). */
function busyboxApplets(fs: ContainerFs): string[] {
  return (fs.readdir('/bin') ?? []).slice().sort();
}

/** Whether `name` is an applet busybox runs when called as `busybox NAME`. */
export function isBusyboxApplet(fs: ContainerFs, name: string): boolean {
  return fs.readdir('/bin')?.includes(name) ?? false;
}

/**
 * `busybox` without an applet: its usage with the applets listed as busybox lays them out
 * (comma-separated after a tab, a line broken before a name that would reach column 79), or
 * `--list`; an unknown applet name is refused with 127 (observed).
 */
export const busybox: CommandImpl = (c) => {
  const arg = c.argv[1];
  const applets = busyboxApplets(c.sim.fs);
  if (arg === '--list') {
    c.out(applets.map((a) => `${a}\n`).join(''));
    return 0;
  }
  if (arg !== undefined && arg !== '--help') {
    c.err(`${arg}: applet not found\n`);
    return 127;
  }
  let text = BUSYBOX_HEAD;
  let col = 0;
  for (const name of applets) {
    const width = name.length + 2;
    if (col >= 79 - width) {
      text += ',\n';
      col = 0;
    }
    if (col === 0) {
      text += '\t';
      col = 6;
    } else text += ', ';
    text += name;
    col += width;
  }
  c.out(`${text}\n`);
  return 0;
};
