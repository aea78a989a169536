// Hidden commands the CLI adapter uses to finish an interactive session it drives line by line.
// They are not Docker commands and are not listed anywhere.
import type { CommandDef } from '../cli/command.js';
import { advance, finishContainer } from '../engine/containers/runtime.js';
import { removeContainerRecord } from '../engine/containers/remove.js';

/** `__fakedocker-main-exit CONTAINER CODE`: the container's interactive main process exited. */
export const mainExitCommand: CommandDef = {
  invocations: ['__fakedocker-main-exit'],
  args: { kind: 'exact', n: 2 },
  run(ctx, [ref, code]) {
    const c = ctx.d.getContainer(ref);
    if (!c.state.Running) return 0;
    finishContainer(ctx.d, c, Number(code) || 0, ctx.d.now());
    if (c.hostConfig.AutoRemove) removeContainerRecord(ctx.d, c, true);
    advance(ctx.d);
    return 0;
  },
};

/** `__fakedocker-shell-info CONTAINER`: prints "<flavor> <hostname> <workdir> <program>" for the prompt. */
export const shellInfoCommand: CommandDef = {
  invocations: ['__fakedocker-shell-info'],
  args: { kind: 'exact', n: 1 },
  run(ctx, [ref]) {
    const c = ctx.d.getContainer(ref);
    const img = ctx.d.state.images[c.imageId];
    ctx.out(`${img?.flavor ?? ''}\t${c.config.Hostname}\t${c.config.WorkingDir || '/'}\t${c.process?.program ?? c.path}\t${c.state.Running ? 'running' : 'stopped'}\n`);
    return 0;
  },
};
