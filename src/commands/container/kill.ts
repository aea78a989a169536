import { CliError, type CommandDef } from '../../cli/command.js';
import { flagString } from '../../cli/command.js';
import { DaemonError } from '../../engine/errors.js';
import { parseSignal, signalContainer, finishContainer, killEvent } from '../../engine/containers/runtime.js';
import { forEachContainer } from './multi.js';

export const killCommand: CommandDef = {
  invocations: ['kill', 'container kill'],
  args: { kind: 'min', n: 1 },
  run(ctx, refs) {
    const raw = flagString(ctx, 'signal') ?? 'KILL';
    // The daemon checks the signal before it looks the container up.
    const parsed = parseSignal(raw, 'SIGKILL');
    if ('error' in parsed) {
      throw new CliError(refs.map((ref) => `Error response from daemon: cannot kill container: ${ref}: ${parsed.error}`).join('\n'), 1);
    }
    return forEachContainer(
      ctx,
      refs,
      (c) => {
        const sig = parsed.sig;
        if (!c.state.Running || c.state.Restarting) throw new DaemonError(`container ${c.id} is not running`, 'conflict');
        c.manuallyStopped = true;
        killEvent(ctx.d, c, sig); // logged as the signal is sent, before the exit it causes
        if (c.state.Paused && sig !== 'SIGKILL') return;
        const r = signalContainer(ctx.d, c, sig);
        if (r.ended && c.state.Running && c.process?.exitAtMs !== undefined && c.process.exitAtMs <= ctx.d.now()) {
          finishContainer(ctx.d, c, c.process.exitCode ?? 0, c.process.exitAtMs);
        }
      },
      { errorPrefix: (ref) => `cannot kill container: ${ref}: ` },
    );
  },
};
