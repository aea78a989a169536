// docker network ls: the daemon's filters, then the CLI's natural sort by name.
import { type CommandDef, flagBool, flagList, flagString } from '../../cli/command.js';
import { parseFilters } from '../../engine/filters.js';
import { listNetworks } from '../../engine/networks/networks.js';
import { NETWORK_DEFAULT_TABLE, NETWORK_HEADERS, networkContext } from '../../format/network.js';
import { naturalCompare } from '../../format/strings.js';
import type { FormatSpec } from '../../format/render.js';
import { listFormat } from '../volume/list-format.js';
import { prepareListFormat, writeList } from '../list-output.js';

export const networkLsCommand: CommandDef = {
  invocations: ['network ls', 'network list'],
  args: { kind: 'none' },
  readOnly: true,
  run(ctx) {
    const format = listFormat(flagString(ctx, 'format') ?? '', flagBool(ctx, 'quiet'), {
      quiet: '{{.ID}}', raw: 'network_id: {{.ID}}\nname: {{.Name}}\ndriver: {{.Driver}}\nscope: {{.Scope}}\n', rawQuiet: 'network_id: {{.ID}}',
    });
    const spec: FormatSpec = { format, defaultTable: NETWORK_DEFAULT_TABLE, headers: NETWORK_HEADERS, typeName: '*network.networkContext' };
    const prepared = prepareListFormat(spec, 'parsing');
    const nets = listNetworks(ctx.d, parseFilters(flagList(ctx, 'filter'))).sort((a, b) => naturalCompare(a.name, b.name));
    const trunc = !flagBool(ctx, 'no-trunc');
    writeList(ctx, prepared, spec, nets.map((n) => networkContext(n, { trunc })), 'parsing');
  },
};
