// ps: the container's process tree (busybox's columns and -o; procps' default and aux views).
import { baseName } from '../../fs/path.js';
import { groupName } from '../context.js';
import type { ContainerProcess } from '../types.js';
import type { Cmd, CommandImpl } from './types.js';

/** A process as ps lists it, with what the -o columns need besides the tree. */
interface PsRow extends ContainerProcess {
  user: string;
  group: string;
  /** The ps process itself (running, the others sleep). */
  self: boolean;
}

/** Memory figures of a busybox process (KiB); the real ones vary a little from run to run. */
const BUSYBOX_VSZ_KB = 2268;
const BUSYBOX_RSS_KB = 1512;

/** A busybox -o column: default header, width, and whether values are right-aligned. */
interface ColumnSpec {
  header: string;
  width: number;
  right: boolean;
  value: (row: PsRow) => string;
}

/** Busybox's `ps -o` columns, in the order its error message lists them. */
const COLUMNS: Record<string, ColumnSpec> = {
  user: { header: 'USER', width: 8, right: false, value: (r) => r.user },
  group: { header: 'GROUP', width: 8, right: false, value: (r) => r.group },
  comm: { header: 'COMMAND', width: 16, right: false, value: (r) => r.comm },
  // Takes the rest of the line: columns after it are not printed.
  args: { header: 'COMMAND', width: 0, right: false, value: (r) => displayArgs(r) },
  pid: { header: 'PID', width: 5, right: true, value: (r) => String(r.pid) },
  ppid: { header: 'PPID', width: 5, right: true, value: (r) => String(r.ppid) },
  // Nothing in a container changes process groups or sessions: all are PID 1's.
  pgid: { header: 'PGID', width: 5, right: true, value: () => '1' },
  nice: { header: 'NI', width: 5, right: true, value: () => '0' },
  rgroup: { header: 'RGROUP', width: 8, right: false, value: (r) => r.group },
  ruser: { header: 'RUSER', width: 8, right: false, value: (r) => r.user },
  tty: { header: 'TT', width: 6, right: false, value: () => '?' },
  vsz: { header: 'VSZ', width: 4, right: true, value: () => String(BUSYBOX_VSZ_KB) },
  sid: { header: 'SID', width: 5, right: true, value: () => '1' },
  stat: { header: 'STAT', width: 4, right: false, value: (r) => (r.self ? 'R' : 'S') },
  rss: { header: 'RSS', width: 4, right: true, value: () => String(BUSYBOX_RSS_KB) },
};

/** What the busybox of the image prints on a usage error (observed). */
const USAGE = 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: ps [-o COL1,COL2=HEADER] [-T]\n\nShow list of processes\n\n\t-o COL1,COL2=HEADER\tSelect columns for display\n\t-T\t\t\tShow threads\n';

/** The default busybox view: `ps` without -o. */
const DEFAULT_COLUMNS = 'pid,user,args';

/** Kernel limit on a process name (TASK_COMM_LEN less the NUL). */
const COMM_MAX = 15;

/** Busybox shows the name in braces when the command line does not start with it (an applet run in a forked shell). */
function displayArgs(row: PsRow): string {
  const argv0 = row.args.split(' ')[0] ?? '';
  return baseName(argv0) === row.comm ? row.args : `{${row.comm}} ${row.args}`;
}

/** Every process the container has, PID order: docker-init, the engine's list, and ps's own ancestry. */
function processTable(c: Cmd): PsRow[] {
  const sim = c.sim;
  const user = sim.user.name ?? String(sim.user.uid);
  const group = groupName(sim.fs, sim.user.gid) ?? String(sim.user.gid);
  const byPid = new Map<number, PsRow>();
  const add = (p: ContainerProcess, who = user) => byPid.set(p.pid, { ...p, comm: p.comm.slice(0, COMM_MAX), user: who, group, self: false });
  for (const p of sim.req.processes ?? []) add(p, p.user);
  for (const p of sim.processTree()) add(p);
  const own = sim.lineage[sim.lineage.length - 1];
  if (own) byPid.get(own.pid)!.self = true;
  return [...byPid.values()].sort((a, b) => a.pid - b.pid);
}

interface Column extends ColumnSpec {
  /** A header given as NAME=HEADER (possibly empty). */
  custom?: string;
}

/** Parses the -o lists; returns the bad name instead when busybox has no such column. */
function parseColumns(lists: string[]): Column[] | { bad: string } {
  const columns: Column[] = [];
  for (const list of lists) {
    for (const item of list.split(',')) {
      const eq = item.indexOf('=');
      const name = eq < 0 ? item : item.slice(0, eq);
      const spec = Object.hasOwn(COLUMNS, name) ? COLUMNS[name] : undefined;
      if (!spec) return { bad: name };
      if (eq < 0) columns.push({ ...spec });
      else {
        const custom = item.slice(eq + 1);
        // A header of its own sets the column's width; an empty one keeps it.
        columns.push({ ...spec, custom, width: custom ? custom.length : spec.width });
      }
    }
  }
  return columns;
}

/** One cell: values cut to the width (numbers are never cut) and aligned; headers always left. */
function cell(col: Column, text: string, isHeader: boolean, last: boolean): string {
  if (col.width === 0) return text;
  if (col.right && !isHeader) return text.padStart(col.width);
  const cut = text.slice(0, col.width);
  return last ? cut : cut.padEnd(col.width);
}

function busyboxPs(c: Cmd, rows: PsRow[]): number {
  const lists: string[] = [];
  const args = c.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o') {
      const next = args[++i];
      if (next === undefined) {
        c.err("ps: option requires an argument -- 'o'\n" + USAGE);
        return 1;
      }
      lists.push(next);
    } else if (a.startsWith('-o')) lists.push(a.slice(2));
    // Other options (-A, -e, -w, -T) and BSD words (aux) change nothing in a container.
  }
  const parsed = parseColumns(lists.length ? lists : [DEFAULT_COLUMNS]);
  if (!Array.isArray(parsed)) {
    c.err(`ps: bad -o argument '${parsed.bad}', supported arguments: ${Object.keys(COLUMNS).join(',')}\n`);
    return 1;
  }
  const argsAt = parsed.findIndex((col) => col.width === 0);
  const columns = argsAt < 0 ? parsed : parsed.slice(0, argsAt + 1);
  // On a terminal busybox cuts lines to its width (80 columns, less one).
  const fit = (line: string) => (c.sim.req.tty ? line.slice(0, 79) : line);
  const line = (texts: string[], isHeader: boolean) => fit(texts.map((t, i) => cell(columns[i]!, t, isHeader, i === columns.length - 1)).join(' ')) + '\n';
  const headers = columns.map((col) => col.custom ?? col.header);
  let out = headers.some((h) => h !== '') ? line(headers, true) : '';
  for (const row of rows) out += line(columns.map((col) => col.value(row)), false);
  c.out(out);
  return 0;
}

function procpsPs(c: Cmd, rows: PsRow[]): number {
  const tty = c.sim.req.tty ? 'pts/0   ' : '?       ';
  const aux = c.argv.slice(1).some((a) => /a|e|x/.test(a));
  if (aux) {
    c.out('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n');
    const t = new Date(c.sim.nowMs);
    const start = `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
    for (const p of rows) c.out(`${p.user.padEnd(8)} ${String(p.pid).padStart(7)}  0.0  0.0   2576   920 ${tty} ${p.self ? 'R' : 'S'}s   ${start}   0:00 ${p.args}\n`);
    return 0;
  }
  c.out('    PID TTY          TIME CMD\n');
  for (const p of rows) c.out(`${String(p.pid).padStart(7)} ${tty} 00:00:00 ${p.comm}\n`);
  return 0;
}

export const ps: CommandImpl = (c) => {
  const rows = processTable(c);
  return c.gnu ? procpsPs(c, rows) : busyboxPs(c, rows);
};
