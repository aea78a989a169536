// Commands that act on several containers (stop, kill, rm, pause…): each success echoes the
// argument as typed; errors are collected and printed together at the end, exit 1.
import { CliError, type CommandContext } from '../../cli/command.js';
import { DaemonError } from '../../engine/errors.js';
import type { ContainerRecord } from '../../engine/state.js';

export function forEachContainer(
  ctx: CommandContext,
  refs: string[],
  action: (c: ContainerRecord, ref: string) => void,
  opts: { errorPrefix?: (ref: string) => string; ignoreNotFound?: boolean } = {},
): number {
  const errors: string[] = [];
  for (const ref of refs) {
    try {
      const c = ctx.d.getContainer(ref);
      action(c, ref);
      ctx.out(`${ref}\n`);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      if (opts.ignoreNotFound && e.status === 'not-found') {
        // rm -f: a missing container is reported but does not fail the command.
        ctx.err(`Error response from daemon: ${e.message}\n`);
        continue;
      }
      errors.push(`Error response from daemon: ${opts.errorPrefix ? opts.errorPrefix(ref) : ''}${e.message}`);
    }
  }
  if (errors.length) throw new CliError(errors.join('\n'), 1);
  return 0;
}
