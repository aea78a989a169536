import { CliError, type CommandDef } from '../../cli/command.js';
import { findImage, normalizedRefForError } from '../../engine/images/resolve.js';
import { noSuchImage } from '../../engine/errors.js';
import { familiarString, parseReference, ReferenceError, withDefaultTag } from '../../engine/images/reference.js';
import { tagImage } from '../../engine/images/pull.js';

export const tagCommand: CommandDef = {
  invocations: ['tag', 'image tag'],
  args: { kind: 'exact', n: 2 },
  run(ctx, [source, target]) {
    let targetRef;
    try {
      targetRef = withDefaultTag(parseReference(target));
      if (targetRef.digest) throw new ReferenceError('refusing to create a tag with a digest reference');
    } catch (e) {
      if (e instanceof ReferenceError) throw new CliError(`Error parsing reference: ${JSON.stringify(target)} is not a valid repository/tag: ${e.message}`, 1);
      throw e;
    }
    const img = findImage(ctx.d, source);
    if (!img) throw noSuchImage(normalizedRefForError(source));
    const tag = familiarString(targetRef);
    tagImage(ctx.d, img, tag);
    ctx.d.event('image', 'tag', img.id, { name: tag });
  },
};
