import { CliError, type CommandDef } from '../../cli/command.js';
import { flagBool } from '../../cli/command.js';
import { DaemonError } from '../../engine/errors.js';
import { advance, startContainer } from '../../engine/containers/runtime.js';
import { parseTime } from '../../engine/time.js';

export const startCommand: CommandDef = {
  invocations: ['start', 'container start'],
  args: { kind: 'min', n: 1 },
  run(ctx, refs) {
    // -i attaches too (stdin and the output streams), as on the engine.
    const attach = flagBool(ctx, 'attach') || flagBool(ctx, 'interactive');
    if (attach && refs.length > 1) throw new CliError('you cannot start and attach multiple containers at once', 1);
    const failed: string[] = [];
    for (const ref of refs) {
      try {
        const c = ctx.d.getContainer(ref);
        const wasRunning = c.state.Running;
        const logStart = c.logs.length;
        if (c.state.Paused) throw new DaemonError('cannot start a paused container, try unpause instead', 'conflict');
        if (attach) ctx.d.event('container', 'attach', c.id, { image: c.config.Image, name: c.name });
        if (!wasRunning) {
          c.manuallyStopped = false; // restart policies apply again
          startContainer(ctx.d, c, { stdin: ctx.stdin });
        }
        if (!attach) { ctx.out(`${ref}\n`); continue; }
        const proc = c.process;
        if (proc?.exitAtMs !== undefined) ctx.d.wait(proc.exitAtMs - ctx.d.now());
        const code = proc?.exitAtMs !== undefined ? proc.exitCode ?? 0 : undefined;
        for (const l of c.logs.slice(logStart)) {
          if (parseTime(l.time) > ctx.d.now() + 1) continue;
          const text = l.text; // the userland already writes \r\n under a TTY
          (c.config.Tty || l.stream === 'stdout' ? ctx.out : ctx.err)(text);
        }
        if (code === undefined) {
          ctx.attachedTo = c.id;
          if (c.config.Tty && c.config.OpenStdin && flagBool(ctx, 'interactive')) ctx.interactive = { containerId: c.id, mode: 'main', shell: c.path };
          return 0;
        }
        advance(ctx.d);
        return code;
      } catch (e) {
        if (!(e instanceof DaemonError)) throw e;
        if (attach) throw e;
        ctx.err(`Error response from daemon: ${e.message}\n`);
        failed.push(ref);
      }
    }
    if (failed.length) throw new CliError(`Error: failed to start containers: ${failed.join(', ')}`, 1);
  },
};
