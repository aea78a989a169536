// docker container inspect
import { type CommandDef, flagBool, flagString } from '../../cli/command.js';
import { runInspect } from '../../format/inspect/inspector.js';
import { inspectContainer } from '../../format/inspect/lookup.js';

export const containerInspectCommand: CommandDef = {
  invocations: ['container inspect'],
  args: { kind: 'min', n: 1 },
  readOnly: true,
  run(ctx, refs) {
    const size = flagBool(ctx, 'size');
    return runInspect(ctx, refs, flagString(ctx, 'format') ?? '', (ref) => inspectContainer(ctx.d, ref, size));
  },
};
