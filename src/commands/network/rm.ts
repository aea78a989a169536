// docker network rm [-f] NETWORK...: removed names echoed; errors printed together, followed by
// the CLI's "exit status 1" line.
import { CliError, type CommandDef, flagBool } from '../../cli/command.js';
import { DaemonError } from '../../engine/errors.js';
import { getNetwork, removeNetwork } from '../../engine/networks/networks.js';

export const networkRmCommand: CommandDef = {
  invocations: ['network rm', 'network remove'],
  args: { kind: 'min', n: 1 },
  run(ctx, refs) {
    const force = flagBool(ctx, 'force');
    const errors: string[] = [];
    for (const ref of refs) {
      try {
        removeNetwork(ctx.d, getNetwork(ctx.d, ref));
        ctx.out(`${ref}\n`);
      } catch (e) {
        if (!(e instanceof DaemonError)) throw e;
        if (force && e.status === 'not-found') continue;
        errors.push(`Error response from daemon: ${e.message}`);
      }
    }
    if (errors.length) throw new CliError(`${errors.join('\n')}\nexit status 1`, 1);
  },
};
