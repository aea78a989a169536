// docker network inspect: the daemon's JSON (see format/inspect/network.ts), or a template.
import { type CommandDef, flagString } from '../../cli/command.js';
import { runInspect } from '../../format/inspect/inspector.js';
import { inspectNetwork } from '../../format/inspect/lookup.js';

export const networkInspectCommand: CommandDef = {
  invocations: ['network inspect'],
  args: { kind: 'min', n: 1 },
  readOnly: true,
  run(ctx, refs) {
    return runInspect(ctx, refs, flagString(ctx, 'format') ?? '', (ref) => inspectNetwork(ctx.d, ref));
  },
};
