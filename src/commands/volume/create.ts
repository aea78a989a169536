// docker volume create [OPTIONS] [VOLUME]
import { CliError, type CommandDef, flagList, flagString } from '../../cli/command.js';
import { parseLabels } from '../container/create-options.js';
import { createVolumeFromRequest } from '../../engine/volumes/volumes.js';

/** -o k=v values (a "map" flag; a value without '=' sets an empty value). */
export function parseOpts(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) out[v] = '';
    else out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}

export const volumeCreateCommand: CommandDef = {
  invocations: ['volume create'],
  args: { kind: 'max', n: 1 },
  run(ctx, args) {
    const nameFlag = flagString(ctx, 'name');
    const name = args[0] ?? nameFlag;
    if (args[0] !== undefined && nameFlag !== undefined && nameFlag !== args[0]) {
      throw new CliError(`conflicting options: cannot specify a volume-name through both --name and as a positional arg`, 1);
    }
    const v = createVolumeFromRequest(ctx.d, {
      name,
      driver: flagString(ctx, 'driver') ?? 'local',
      labels: parseLabels(flagList(ctx, 'label')),
      options: parseOpts(flagList(ctx, 'opt')),
    });
    ctx.out(`${v.name}\n`);
  },
};
