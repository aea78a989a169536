// docker volume create [OPTIONS] [VOLUME]
import { type CommandDef, flagList, flagString } from '../../cli/command.js';
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
    const v = createVolumeFromRequest(ctx.d, {
      name: args[0],
      driver: flagString(ctx, 'driver') ?? 'local',
      labels: parseLabels(flagList(ctx, 'label')),
      options: parseOpts(flagList(ctx, 'opt')),
    });
    ctx.out(`${v.name}\n`);
  },
};
