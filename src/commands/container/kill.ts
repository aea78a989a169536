import type { CommandDef } from '../../cli/command.js';
import { flagString } from '../../cli/command.js';
import { DaemonError } from '../../engine/errors.js';
import { normalizeSignal, signalContainer, finishContainer } from '../../engine/containers/runtime.js';
import { forEachContainer } from './multi.js';

export const killCommand: CommandDef = {
  invocations: ['kill', 'container kill'],
  args: { kind: 'min', n: 1 },
  run(ctx, refs) {
    const raw = flagString(ctx, 'signal') ?? 'KILL';
    return forEachContainer(
      ctx,
      refs,
      (c) => {
        const sig = normalizeSignal(raw);
        if (!sig) throw new DaemonError(`invalid signal: ${raw}`, 'invalid');
        if (!c.state.Running || c.state.Restarting) throw new DaemonError(`container ${c.id} is not running`, 'conflict');
        c.manuallyStopped = true;
        if (c.state.Paused && sig !== 'SIGKILL') return;
        const r = signalContainer(ctx.d, c, sig);
        if (r.ended && c.state.Running && c.process?.exitAtMs !== undefined && c.process.exitAtMs <= ctx.d.now()) {
          finishContainer(ctx.d, c, c.process.exitCode ?? 0, c.process.exitAtMs);
        }
        ctx.d.event('container', 'kill', c.id, { image: c.config.Image, name: c.name, signal: String(sig) });
      },
      { errorPrefix: (ref) => `cannot kill container: ${ref}: ` },
    );
  },
};
