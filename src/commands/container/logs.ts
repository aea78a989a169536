// docker logs: what the container's processes printed, split back onto stdout and stderr.
import { CliError, type CommandDef, flagBool, flagString } from '../../cli/command.js';
import { parseTime, rfc3339NanoFixed } from '../../engine/time.js';
import { DaemonError } from '../../engine/errors.js';

/** --since/--until: RFC 3339 time, Unix seconds, or a Go duration relative to now. */
export function parseTimeArg(name: string, value: string, nowMs: number): number {
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const dur = /^((?:\d+(?:\.\d+)?(?:ns|us|\u00b5s|ms|s|m|h))+)$/.exec(value);
  if (dur) {
    let ms = 0;
    for (const m of value.matchAll(/(\d+(?:\.\d+)?)(ns|us|\u00b5s|ms|s|m|h)/g)) {
      const n = Number(m[1]);
      ms += m[2] === 'h' ? n * 3600000 : m[2] === 'm' ? n * 60000 : m[2] === 's' ? n * 1000 : m[2] === 'ms' ? n : n / 1000;
    }
    return nowMs - ms;
  }
  const t = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  if (!Number.isNaN(t) && /^\d{4}-\d{2}-\d{2}/.test(value)) return parseTime(value) || t;
  throw new CliError(`invalid value for "${name}": failed to parse value as time or duration: ${JSON.stringify(value)}`, 1);
}

export const logsCommand: CommandDef = {
  invocations: ['logs', 'container logs'],
  args: { kind: 'exact', n: 1 },
  readOnly: true,
  run(ctx, [ref]) {
    const d = ctx.d;
    const c = d.getContainer(ref);
    if (c.state.Dead || c.state.Status === 'removing') throw new DaemonError('can not get logs from container which is dead or marked for removal');
    const now = d.now();
    const sinceRaw = flagString(ctx, 'since');
    const untilRaw = flagString(ctx, 'until');
    const since = sinceRaw !== undefined && sinceRaw !== '' ? parseTimeArg('since', sinceRaw, now) : undefined;
    const until = untilRaw !== undefined && untilRaw !== '' ? parseTimeArg('until', untilRaw, now) : undefined;
    let entries = c.logs.filter((l) => {
      const t = parseTime(l.time);
      return t <= now && (since === undefined || t >= since) && (until === undefined || t <= until);
    });
    const tail = flagString(ctx, 'tail') ?? 'all';
    if (/^\d+$/.test(tail)) entries = Number(tail) === 0 ? [] : entries.slice(-Number(tail));
    const stamps = flagBool(ctx, 'timestamps');
    const details = flagBool(ctx, 'details');
    for (const l of entries) {
      let text = l.text;
      // --details: the log's attributes (none here: no --log-opt labels/env), then a space.
      if (details) text = ` ${text}`;
      if (stamps) text = `${rfc3339NanoFixed(l.time)} ${text}`;
      (c.config.Tty || l.stream === 'stdout' ? ctx.out : ctx.err)(text);
    }
  },
};
