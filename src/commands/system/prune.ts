// docker system prune, and what every prune command shares: the confirmation prompt (stdout, no
// newline after it; anything but "y"/"yes" on stdin, including no input at all, cancels with
// exit 0) and the "Deleted …:" / "Total reclaimed space:" report.
import { type CommandContext, type CommandDef, flagBool, flagList } from '../../cli/command.js';
import { parseFilters } from '../../engine/filters.js';
import { pruneNetworks } from '../../engine/networks/networks.js';
import { pruneVolumes } from '../../engine/volumes/volumes.js';
import { humanSize } from '../../format/units.js';
import { pruneContainers } from '../container/prune.js';
import { pruneImages } from '../image/prune.js';

/** Prints the warning and the question; true when stdin answers yes. */
export function confirmPrune(ctx: CommandContext, warning: string): boolean {
  ctx.out(`${warning}\nAre you sure you want to continue? [y/N] `);
  const line = (ctx.stdin ?? '').split('\n')[0].trim().toLowerCase();
  return line === 'y' || line === 'yes';
}

/** "Deleted X:\n<items>\n\n" when anything went, then "Total reclaimed space: …". */
export function printPruneResult(ctx: CommandContext, title: string, items: string[], reclaimed: number): void {
  if (items.length) ctx.out(`${title}\n${items.map((i) => `${i}\n`).join('')}\n`);
  ctx.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
}

function systemPruneWarning(all: boolean, volumes: boolean): string {
  const lines = ['  - all stopped containers', '  - all networks not used by at least one container'];
  if (volumes) lines.push('  - all anonymous volumes not used by at least one container');
  lines.push(all ? '  - all images without at least one container associated to them' : '  - all dangling images');
  lines.push(all ? '  - all build cache' : '  - unused build cache');
  return `WARNING! This will remove:\n${lines.join('\n')}\n`;
}

export const systemPruneCommand: CommandDef = {
  invocations: ['system prune'],
  args: { kind: 'none' },
  run(ctx) {
    const all = flagBool(ctx, 'all');
    const volumes = flagBool(ctx, 'volumes');
    const filterValues = flagList(ctx, 'filter');
    if (!flagBool(ctx, 'force') && !confirmPrune(ctx, systemPruneWarning(all, volumes))) return 0;
    const d = ctx.d;
    let reclaimed = 0;
    let text = '';
    const section = (title: string, items: string[]) => {
      if (items.length) text += `${title}\n${items.map((i) => `${i}\n`).join('')}\n`;
    };
    const containers = pruneContainers(d, parseFilters(filterValues));
    reclaimed += containers.reclaimed;
    section('Deleted Containers:', containers.ids);
    const netFilters = parseFilters(filterValues);
    section('Deleted Networks:', pruneNetworks(d, netFilters));
    if (volumes) section('Deleted Volumes:', pruneVolumes(d, parseFilters(filterValues), false));
    const images = pruneImages(d, parseFilters(filterValues), all);
    reclaimed += images.reclaimed;
    section('Deleted Images:', images.lines);
    ctx.out(text);
    ctx.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
  },
};
