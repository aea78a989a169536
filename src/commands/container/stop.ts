import type { CommandDef } from '../../cli/command.js';
import { flagString } from '../../cli/command.js';
import { stopContainer } from '../../engine/containers/runtime.js';
import { normalizeSignal } from '../../engine/signals.js';
import { forEachContainer } from './multi.js';

export const stopCommand: CommandDef = {
  invocations: ['stop', 'container stop'],
  args: { kind: 'min', n: 1 },
  run(ctx, refs) {
    const timeout = flagString(ctx, 'timeout');
    const signal = flagString(ctx, 'signal');
    return forEachContainer(ctx, refs, (c) => {
      stopContainer(ctx.d, c, timeout !== undefined ? Number(timeout) : undefined, signal ? normalizeSignal(signal) : undefined);
    });
  },
};
