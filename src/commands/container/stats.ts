// docker stats: one sample per container. Figures are made up but stable (seeded by the
// container ID, scaled by what runs in it) and laid out exactly as Docker's table and --format.
// Without --no-stream the real command keeps refreshing; here the first frames are printed and
// the command then stays attached (ctx.attachedTo = 'docker-stats', not a container ID) until
// interrupted.
import { CliError, type CommandDef, flagBool, flagString } from '../../cli/command.js';
import type { Daemon } from '../../engine/daemon.js';
import type { ContainerRecord } from '../../engine/state.js';
import { DaemonError } from '../../engine/errors.js';
import { MEM_TOTAL_KB } from '../../engine/userland/index.js';
import { bytesSize, humanSizeWithPrecision } from '../../format/units.js';
import type { FormatSpec } from '../../format/render.js';
import { prepareListFormat, writeList } from '../list-output.js';
import { containerProcesses, stableHash } from './top.js';

export const STATS_DEFAULT_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';

export const STATS_HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID', Name: 'NAME', Container: 'CONTAINER', CPUPerc: 'CPU %', MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %', NetIO: 'NET I/O', BlockIO: 'BLOCK I/O', PIDs: 'PIDS',
};

export interface StatsSample {
  cpuPercent: number;
  memUsage: number;
  memLimit: number;
  netRx: number;
  netTx: number;
  blockRead: number;
  blockWrite: number;
  pids: number;
}

/** A believable sample for a container right now (zeros unless it is running). */
export function statsSample(d: Daemon, c: ContainerRecord): StatsSample {
  if (!c.state.Running) return { cpuPercent: 0, memUsage: 0, memLimit: 0, netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0, pids: 0 };
  const h = stableHash(c.id);
  const procs = containerProcesses(c);
  const memLimit = c.hostConfig.Memory > 0 ? c.hostConfig.Memory : MEM_TOTAL_KB * 1024;
  const memUsage = procs.reduce((n, p) => n + p.memKb, 0) * 1024 + (h % 16) * 1024;
  const program = c.process?.program ?? '';
  const cpuPercent = program === 'redis-server' ? 0.1 + (h % 10) / 100 : 0;
  const uptimeS = Math.max(0, (d.now() - Date.parse(c.state.StartedAt)) / 1000);
  const networked = Object.values(c.endpoints).some((ep) => ep.ipAddress !== '');
  // Router solicitations and similar chatter arrive in the first seconds; the container sends two.
  const netRx = networked ? Math.min(1400, 536 + 74 * Math.floor(uptimeS / 2) + (h % 3) * 74) : 0;
  const netTx = networked ? 126 : 0;
  return {
    cpuPercent,
    memUsage: Math.max(memUsage, 200 * 1024),
    memLimit,
    netRx,
    netTx,
    blockRead: 0,
    blockWrite: 0,
    pids: procs.reduce((n, p) => n + p.threads, 0),
  };
}

export function statsContext(c: ContainerRecord, given: string, s: StatsSample, o: { trunc: boolean }) {
  const pct = (v: number) => `${v.toFixed(2)}%`;
  return {
    ID: () => (o.trunc ? c.id.slice(0, 12) : c.id),
    Name: () => c.name,
    Container: () => given,
    CPUPerc: () => pct(s.cpuPercent),
    MemUsage: () => `${bytesSize(s.memUsage)} / ${bytesSize(s.memLimit)}`,
    MemPerc: () => pct(s.memLimit ? (s.memUsage / s.memLimit) * 100 : 0),
    NetIO: () => `${humanSizeWithPrecision(s.netRx, 3)} / ${humanSizeWithPrecision(s.netTx, 3)}`,
    BlockIO: () => `${humanSizeWithPrecision(s.blockRead, 3)} / ${humanSizeWithPrecision(s.blockWrite, 3)}`,
    PIDs: () => String(s.pids),
  };
}

export const statsCommand: CommandDef = {
  invocations: ['stats', 'container stats'],
  args: { kind: 'any' },
  run(ctx, refs) {
    const d = ctx.d;
    const spec: FormatSpec = { format: flagString(ctx, 'format') ?? '', defaultTable: STATS_DEFAULT_TABLE, headers: STATS_HEADERS, typeName: '*container.statsContext' };
    const prepared = prepareListFormat(spec, 'parsing');
    let targets: { c: ContainerRecord; given: string }[];
    if (refs.length) {
      const errors: string[] = [];
      targets = [];
      for (const ref of refs) {
        try {
          targets.push({ c: d.getContainer(ref), given: ref });
        } catch (e) {
          if (!(e instanceof DaemonError)) throw e;
          errors.push(`Error response from daemon: ${e.message}`);
        }
      }
      if (errors.length) throw new CliError(errors.join('\n'), 1);
    } else {
      const all = flagBool(ctx, 'all');
      targets = d.containerList()
        .filter((c) => all || c.state.Running)
        .sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0))
        .map((c) => ({ c, given: c.id.slice(0, 12) }));
    }
    const trunc = !flagBool(ctx, 'no-trunc');
    const rows = targets.map(({ c, given }) => statsContext(c, given, statsSample(d, c), { trunc }));
    if (flagBool(ctx, 'no-stream')) {
      writeList(ctx, prepared, spec, rows, 'parsing');
      return;
    }
    // Streaming redraws in place (observed without a TTY too): cursor home and the table, then
    // each refresh as cursor home, every line followed by " ESC[K", and ESC[J. The first two
    // frames are printed, then the command stays attached until interrupted.
    let table = '';
    writeList({ ...ctx, out: (t: string) => { table += t; } }, prepared, spec, rows, 'parsing');
    ctx.out(`\x1b[H${table}`);
    ctx.out(`\x1b[H${table.split('\n').map((l) => `${l} \x1b[K\n`).join('')}\x1b[J`);
    ctx.attachedTo = 'docker-stats';
  },
};
