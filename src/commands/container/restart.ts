import type { CommandDef } from '../../cli/command.js';
import { flagString } from '../../cli/command.js';
import { parseSignal, startContainer, stopContainer } from '../../engine/containers/runtime.js';
import { DaemonError } from '../../engine/errors.js';
import { forEachContainer } from './multi.js';

export const restartCommand: CommandDef = {
  invocations: ['restart', 'container restart'],
  args: { kind: 'min', n: 1 },
  run(ctx, refs) {
    const timeout = flagString(ctx, 'timeout');
    const signal = flagString(ctx, 'signal');
    return forEachContainer(ctx, refs, (c, ref) => {
      const parsed = signal ? parseSignal(signal, c.config.StopSignal ?? 'SIGTERM') : undefined;
      if (parsed && 'error' in parsed) throw new DaemonError(`Cannot restart container ${ref}: ${parsed.error}`, 'invalid');
      stopContainer(ctx.d, c, timeout !== undefined ? Number(timeout) : undefined, parsed?.sig);
      c.manuallyStopped = false;
      startContainer(ctx.d, c);
      c.restartCount = 0;
      ctx.d.event('container', 'restart', c.id, { image: c.config.Image, name: c.name });
    });
  },
};
