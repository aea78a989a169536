// docker ps / docker container ls
import { type CommandDef, flagBool, flagList, flagString } from '../../cli/command.js';
import { parseFilters } from '../../engine/filters.js';
import { listContainers } from '../../engine/containers/list.js';
import { containerContext, CONTAINER_HEADERS, PS_DEFAULT_TABLE } from '../../format/container.js';
import type { FormatSpec } from '../../format/render.js';
import { prepareListFormat, writeList } from '../list-output.js';
import { containerSizes } from '../../engine/containers/size.js';
import { storedListing } from '../../engine/containers/view.js';
import { renderPsListing, type PsListing } from '../../format/ps-listing.js';

export const psCommand: CommandDef = {
  invocations: ['ps', 'container ls', 'container list', 'container ps'],
  args: { kind: 'none' },
  readOnly: true,
  run(ctx) {
    const d = ctx.d;
    const quiet = flagBool(ctx, 'quiet');
    const noTrunc = flagBool(ctx, 'no-trunc');
    let format = flagString(ctx, 'format') ?? '';
    if (quiet && format !== '') ctx.err('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    if (quiet) format = '{{.ID}}';
    let size = flagBool(ctx, 'size');
    const sizeExplicit = ctx.changed.has('size');
    let table = format === '' || format === 'table' ? PS_DEFAULT_TABLE : format;
    if (size && (format === '' || format === 'table')) table += '\t{{.Size}}';
    // Size is fetched when running the template would read it, as docker/cli finds out with a
    // dry run: .Size, or {{json .}} (which prints every field). The keyword `json` is not run as
    // a template there, so its Size is "0B" unless -s is given (observed on the engine).
    if (!sizeExplicit && (/\.Size\b/.test(table) || /\{\{\s*json\s+\.\s*\}\}/.test(table))) size = true;
    const last = Number(flagString(ctx, 'last') ?? '-1');
    const limit = last > 0 ? last : flagBool(ctx, 'latest') && !ctx.changed.has('last') ? 1 : -1;
    const all = flagBool(ctx, 'all');
    const filters = flagList(ctx, 'filter');
    const now = d.now();
    // The default table of every container (or of all running ones) from the listing stored with
    // the state, when there is one: no container is formatted at start-up (format/ps-listing.ts),
    // and the default template needs no parsing.
    if (table === PS_DEFAULT_TABLE && !noTrunc && limit <= 0 && filters.length === 0) {
      const listing = storedListing(d.state) as PsListing | undefined;
      const text = listing && renderPsListing(listing, now, all);
      if (text !== undefined) {
        ctx.out(text);
        return;
      }
    }
    const spec: FormatSpec = { format: table, defaultTable: PS_DEFAULT_TABLE, headers: CONTAINER_HEADERS, typeName: '*formatter.ContainerContext' };
    const prepared = prepareListFormat(spec);
    const containers = listContainers(d, { all, limit, filters: parseFilters(filters) });
    // Sizes need the container's layers: only then is the record itself opened.
    const rows = containers.map((c) => containerContext(d, c, { trunc: !noTrunc, nowMs: now, size: size ? containerSizes(d, d.containerById(c.id)!) : undefined }));
    writeList(ctx, prepared, spec, rows);
  },
};
