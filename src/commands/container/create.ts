import type { CommandDef } from '../../cli/command.js';
import { createFromArgs } from './create-flow.js';

export const createCommand: CommandDef = {
  invocations: ['create', 'container create'],
  args: { kind: 'min', n: 1 },
  interspersed: false,
  run(ctx, args) {
    const { container } = createFromArgs(ctx, 'create', args);
    ctx.out(`${container.id}\n`);
  },
};
