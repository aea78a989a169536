// docker volume inspect: the daemon's JSON (see format/inspect/volume.ts), or a template.
import { type CommandDef, flagString } from '../../cli/command.js';
import { runInspect } from '../../format/inspect/inspector.js';
import { inspectVolume } from '../../format/inspect/lookup.js';

export const volumeInspectCommand: CommandDef = {
  invocations: ['volume inspect'],
  args: { kind: 'min', n: 1 },
  readOnly: true,
  run(ctx, names) {
    return runInspect(ctx, names, flagString(ctx, 'format') ?? '', (name) => inspectVolume(ctx.d, name));
  },
};
