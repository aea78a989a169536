import { CliError, type CommandDef, flagBool } from '../../cli/command.js';
import { DaemonError } from '../../engine/errors.js';
import { pullImage } from '../../engine/images/pull.js';
import { parseReference, ReferenceError } from '../../engine/images/reference.js';

export const pullCommand: CommandDef = {
  invocations: ['pull', 'image pull'],
  args: { kind: 'exact', n: 1 },
  run(ctx, [ref]) {
    const quiet = flagBool(ctx, 'quiet');
    try {
      parseReference(ref);
    } catch (e) {
      if (e instanceof ReferenceError) throw new CliError(e.message.replace(/^invalid reference format/, 'invalid reference format'), 1);
      throw e;
    }
    if (flagBool(ctx, 'all-tags')) throw new CliError('fakedocker: docker pull --all-tags is not supported by this emulator', 1);
    try {
      const res = pullImage(ctx.d, ref, 'pull', quiet);
      for (const l of res.lines) (l.stream === 'stdout' ? ctx.out : ctx.err)(`${l.text}\n`);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      const r = parseReference(ref);
      if (!quiet && !r.tag && !r.digest) ctx.out('Using default tag: latest\n');
      throw e;
    }
  },
};
