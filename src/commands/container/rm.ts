import type { CommandDef } from '../../cli/command.js';
import { flagBool } from '../../cli/command.js';
import { removeContainer } from '../../engine/containers/remove.js';
import { forEachContainer } from './multi.js';

export const rmCommand: CommandDef = {
  invocations: ['rm', 'container rm', 'container remove'],
  args: { kind: 'min', n: 1 },
  run(ctx, refs) {
    const force = flagBool(ctx, 'force');
    return forEachContainer(ctx, refs, (c, ref) => removeContainer(ctx.d, c, ref, { force, volumes: flagBool(ctx, 'volumes') }), {
      ignoreNotFound: force,
    });
  },
};
