// docker exec: run a further command in a running container; attached by default (output passed
// through, its exit code returned), -d leaves it in the background.
import { CliError, flagBool, flagString, type CommandDef } from '../../cli/command.js';
import { collectEnv, RunOptionError } from './create-options.js';
import { execInContainer } from '../../engine/containers/exec.js';

export const execCommand: CommandDef = {
  invocations: ['exec', 'container exec'],
  args: { kind: 'min', n: 2 },
  interspersed: false,
  run(ctx, args) {
    const [ref, ...argv] = args;
    const detach = flagBool(ctx, 'detach');
    const tty = flagBool(ctx, 'tty');
    const interactive = flagBool(ctx, 'interactive');
    if (interactive && tty && !detach && !ctx.stdinIsTty) throw new CliError('the input device is not a TTY', 1);
    let env: string[];
    try {
      env = collectEnv(ctx);
    } catch (e) {
      // exec prints an env-file problem bare, with exit 1
      if (e instanceof RunOptionError) throw new CliError(e.message, 1);
      throw e;
    }
    const d = ctx.d;
    const c = d.getContainer(ref);
    const outcome = execInContainer(d, c, {
      ref,
      argv,
      env,
      workdir: flagString(ctx, 'workdir'),
      user: ctx.changed.has('user') ? flagString(ctx, 'user') : undefined,
      tty,
      interactive: interactive && !detach,
      stdin: ctx.stdin,
    });
    if (outcome.kind === 'start-failed') {
      if (detach) return 0;
      ctx.out(`${outcome.message}\r\n`); // the CLI prints the runtime's message with CRLF, TTY or not
      return outcome.exitCode;
    }
    if (detach) return 0;
    const ordered = outcome.output.map((ch, i) => ({ ch, i })).sort((a, b) => a.ch.atMs - b.ch.atMs || a.i - b.i);
    for (const { ch } of ordered) (tty || ch.stream === 'stdout' ? ctx.out : ctx.err)(ch.text);
    if (outcome.kind === 'running') {
      ctx.attachedTo = c.id;
      return 0;
    }
    d.wait(outcome.durationMs);
    return outcome.exitCode;
  },
};
