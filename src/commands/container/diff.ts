// docker diff: the container's changes against its image (A added, C changed, D deleted).
import type { CommandDef } from '../../cli/command.js';
import { diffChanges, formatChanges } from '../../engine/fs/index.js';
import { imageLowers } from '../../engine/containers/runtime.js';
import { tmpfsMounts } from '../../engine/volumes/mounts.js';

export const diffCommand: CommandDef = {
  invocations: ['diff', 'container diff'],
  args: { kind: 'exact', n: 1 },
  readOnly: true,
  run(ctx, [ref]) {
    const c = ctx.d.getContainer(ref);
    const mounts = [...c.mounts.map((m) => m.Destination), ...tmpfsMounts(c).map((t) => t.dest)];
    const changes = diffChanges(imageLowers(ctx.d, c), c.upper, { mounts });
    ctx.out(formatChanges(changes));
  },
};
