import type { CommandDef } from '../../cli/command.js';
import { flagString } from '../../cli/command.js';
import { normalizeSignal, startContainer, stopContainer } from '../../engine/containers/runtime.js';
import { forEachContainer } from './multi.js';

export const restartCommand: CommandDef = {
  invocations: ['restart', 'container restart'],
  args: { kind: 'min', n: 1 },
  run(ctx, refs) {
    const timeout = flagString(ctx, 'timeout');
    const signal = flagString(ctx, 'signal');
    return forEachContainer(ctx, refs, (c) => {
      stopContainer(ctx.d, c, timeout !== undefined ? Number(timeout) : undefined, signal ? normalizeSignal(signal) : undefined);
      c.manuallyStopped = false;
      startContainer(ctx.d, c);
      c.restartCount = 0;
      ctx.d.event('container', 'restart', c.id, { image: c.config.Image, name: c.name });
    });
  },
};
