// docker history / docker image history
import { flagBool, flagString, type CommandDef } from '../../cli/command.js';
import { HISTORY_DEFAULT_TABLE, HISTORY_HEADERS, HISTORY_NON_HUMAN_TABLE, historyContext, historyRows } from '../../format/history.js';
import type { FormatSpec } from '../../format/render.js';
import { prepareListFormat, writeList } from '../list-output.js';
import { findImage, normalizedRefForError } from '../../engine/images/resolve.js';
import { noSuchImage } from '../../engine/errors.js';

export const historyCommand: CommandDef = {
  invocations: ['history', 'image history'],
  args: { kind: 'exact', n: 1 },
  readOnly: true,
  run(ctx, [ref]) {
    const human = ctx.flags.human !== false && ctx.flags.human !== 'false';
    const noTrunc = flagBool(ctx, 'no-trunc');
    let format = flagString(ctx, 'format') ?? '';
    if (flagBool(ctx, 'quiet')) format = '{{.ID}}';
    const def = human ? HISTORY_DEFAULT_TABLE : HISTORY_NON_HUMAN_TABLE;
    const spec: FormatSpec = { format: format === '' || format === 'table' ? def : format, defaultTable: def, headers: HISTORY_HEADERS, typeName: '*formatter.historyContext' };
    const prepared = prepareListFormat(spec);
    const img = findImage(ctx.d, ref);
    if (!img) throw noSuchImage(normalizedRefForError(ref));
    const now = ctx.d.now();
    const rows = historyRows(img, ctx.d.state.images).map((r) => historyContext(r, { trunc: !noTrunc, human, nowMs: now }));
    writeList(ctx, prepared, spec, rows);
  },
};
