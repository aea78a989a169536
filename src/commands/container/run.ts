// docker run: create, start, and either print the ID (-d) or stay attached until the
// container's main process exits, passing its output through and returning its exit code.
import type { CommandDef } from '../../cli/command.js';
import { DaemonError } from '../../engine/errors.js';
import { advance, startContainer } from '../../engine/containers/runtime.js';
import { removeContainerRecord } from '../../engine/containers/remove.js';
import { createFromArgs, runExitCodeFor, wrapped } from './create-flow.js';

export const runCommand: CommandDef = {
  invocations: ['run', 'container run'],
  args: { kind: 'min', n: 1 },
  interspersed: false,
  run(ctx, args) {
    const { container: c, options } = createFromArgs(ctx, 'run', args);
    const d = ctx.d;
    if (options.detach) ctx.out(`${c.id}\n`);
    const logStart = c.logs.length;
    if (!options.detach) d.event('container', 'attach', c.id, { image: c.config.Image, name: c.name });
    try {
      startContainer(d, c, { stdin: ctx.stdin });
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      if (c.hostConfig.AutoRemove) removeContainerRecord(d, c, true);
      throw wrapped('run', `Error response from daemon: ${e.message}`, runExitCodeFor(e.message));
    }
    if (options.detach) return 0;

    // Attached: wait for the process to end (virtual time), then replay its output.
    const proc = c.process;
    if (proc?.exitAtMs !== undefined) d.wait(proc.exitAtMs - d.now());
    const id = c.id;
    const exitCode = proc?.exitAtMs !== undefined ? (proc.exitCode ?? 0) : undefined;
    // Everything the process printed up to now (a long runner's start-up output included).
    const logs = c.logs.slice(logStart);
    const tty = c.config.Tty;
    for (const l of logs) {
      const text = l.text; // the userland already writes \r\n under a TTY
      if (tty || l.stream === 'stdout') { if (c.config.AttachStdout) ctx.out(text); }
      else if (c.config.AttachStderr) ctx.err(text);
    }
    if (exitCode === undefined) {
      // A long-running process stays attached; the adapter decides how to wait (see cli-main).
      ctx.attachedTo = id;
      if (c.config.Tty && c.config.OpenStdin) ctx.interactive = { containerId: id, mode: 'main', shell: c.path };
      return 0;
    }
    advance(d);
    return exitCode;
  },
};
