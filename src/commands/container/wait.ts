// docker wait: blocks until each container stops, then prints its exit code.
import { CliError, type CommandDef } from '../../cli/command.js';
import { DaemonError } from '../../engine/errors.js';
import { advance } from '../../engine/containers/runtime.js';

export const waitCommand: CommandDef = {
  invocations: ['wait', 'container wait'],
  args: { kind: 'min', n: 1 },
  run(ctx, refs) {
    const errors: string[] = [];
    for (const ref of refs) {
      try {
        const c = ctx.d.getContainer(ref);
        if (c.state.Running && c.process?.exitAtMs !== undefined) {
          ctx.d.wait(c.process.exitAtMs - ctx.d.now());
          advance(ctx.d);
        }
        if (c.state.Running) {
          // Never ends by itself: real docker blocks until someone stops it.
          ctx.attachedTo = c.id;
          return 0;
        }
        ctx.out(`${c.state.ExitCode}\n`);
      } catch (e) {
        if (!(e instanceof DaemonError)) throw e;
        errors.push(`Error response from daemon: ${e.message}`);
      }
    }
    if (errors.length) throw new CliError(errors.join('\n'), 1);
  },
};
