// docker volume rm [-f] VOLUME...: each removed name is echoed; errors are printed together.
import { CliError, type CommandDef, flagBool } from '../../cli/command.js';
import { DaemonError } from '../../engine/errors.js';
import { removeVolume } from '../../engine/volumes/volumes.js';

export const volumeRmCommand: CommandDef = {
  invocations: ['volume rm', 'volume remove'],
  args: { kind: 'min', n: 1 },
  run(ctx, names) {
    const force = flagBool(ctx, 'force');
    const errors: string[] = [];
    for (const name of names) {
      try {
        removeVolume(ctx.d, name, force);
        ctx.out(`${name}\n`);
      } catch (e) {
        if (!(e instanceof DaemonError)) throw e;
        errors.push(`Error response from daemon: ${e.message}`);
      }
    }
    if (errors.length) throw new CliError(errors.join('\n'), 1);
  },
};
