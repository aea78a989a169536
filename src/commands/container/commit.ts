// docker commit: a new image from a container's changes; prints its sha256 ID.
import { CliError, flagList, flagString, type CommandDef } from '../../cli/command.js';
import { DaemonError } from '../../engine/errors.js';
import { familiarString, parseReference, ReferenceError, withDefaultTag } from '../../engine/images/reference.js';
import { commitContainer } from '../../engine/images/commit.js';

export const commitCommand: CommandDef = {
  invocations: ['commit', 'container commit'],
  args: { kind: 'range', min: 1, max: 2 },
  run(ctx, [ref, target]) {
    let tag: string | undefined;
    if (target !== undefined) {
      try {
        const r = withDefaultTag(parseReference(target));
        if (r.digest) throw new ReferenceError('refusing to create a tag with a digest reference');
        tag = familiarString(r);
      } catch (e) {
        if (e instanceof ReferenceError) throw new CliError(e.message, 1);
        throw e;
      }
    }
    const c = ctx.d.getContainer(ref);
    try {
      const img = commitContainer(ctx.d, c, {
        tag,
        message: flagString(ctx, 'message') ?? '',
        author: flagString(ctx, 'author') ?? '',
        changes: flagList(ctx, 'change'),
      });
      ctx.out(`${img.id}\n`);
    } catch (e) {
      if (e instanceof DaemonError) throw e;
      throw e;
    }
  },
};
