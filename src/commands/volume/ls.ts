// docker volume ls: the daemon's filters, then the CLI's natural sort by name.
import { type CommandDef, flagBool, flagList, flagString } from '../../cli/command.js';
import { parseFilters } from '../../engine/filters.js';
import { listVolumes } from '../../engine/volumes/volumes.js';
import { VOLUME_DEFAULT_TABLE, VOLUME_HEADERS, volumeContext } from '../../format/volume.js';
import { naturalCompare } from '../../format/strings.js';
import type { FormatSpec } from '../../format/render.js';
import { listFormat } from './list-format.js';
import { prepareListFormat, writeList } from '../list-output.js';

export const volumeLsCommand: CommandDef = {
  invocations: ['volume ls', 'volume list'],
  args: { kind: 'none' },
  readOnly: true,
  run(ctx) {
    const format = listFormat(flagString(ctx, 'format') ?? '', flagBool(ctx, 'quiet'), {
      quiet: '{{.Name}}', raw: 'name: {{.Name}}\ndriver: {{.Driver}}\n', rawQuiet: 'name: {{.Name}}',
    });
    const spec: FormatSpec = { format, defaultTable: VOLUME_DEFAULT_TABLE, headers: VOLUME_HEADERS, typeName: '*formatter.volumeContext' };
    const prepared = prepareListFormat(spec, 'parsing');
    const volumes = listVolumes(ctx.d, parseFilters(flagList(ctx, 'filter'))).sort((a, b) => naturalCompare(a.name, b.name));
    writeList(ctx, prepared, spec, volumes.map((v) => volumeContext(v)), 'parsing');
  },
};
