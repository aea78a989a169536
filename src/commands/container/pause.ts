import type { CommandDef } from '../../cli/command.js';
import { pauseContainer, unpauseContainer } from '../../engine/containers/runtime.js';
import { forEachContainer } from './multi.js';

export const pauseCommand: CommandDef = {
  invocations: ['pause', 'container pause'],
  args: { kind: 'min', n: 1 },
  run: (ctx, refs) => forEachContainer(ctx, refs, (c) => pauseContainer(ctx.d, c)),
};

export const unpauseCommand: CommandDef = {
  invocations: ['unpause', 'container unpause'],
  args: { kind: 'min', n: 1 },
  run: (ctx, refs) => forEachContainer(ctx, refs, (c) => unpauseContainer(ctx.d, c)),
};
