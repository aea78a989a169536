// docker volume prune [-a] [-f]: unused anonymous (or, with -a, all) local volumes.
import { type CommandDef, flagBool, flagList } from '../../cli/command.js';
import { parseFilters } from '../../engine/filters.js';
import { pruneVolumes } from '../../engine/volumes/volumes.js';
import { confirmPrune, printPruneResult } from '../system/prune.js';

export const VOLUME_PRUNE_WARNING = 'WARNING! This will remove anonymous local volumes not used by at least one container.';
export const VOLUME_PRUNE_ALL_WARNING = 'WARNING! This will remove all local volumes not used by at least one container.';

export const volumePruneCommand: CommandDef = {
  invocations: ['volume prune'],
  args: { kind: 'none' },
  run(ctx) {
    const all = flagBool(ctx, 'all');
    const filters = parseFilters(flagList(ctx, 'filter'));
    if (!flagBool(ctx, 'force') && !confirmPrune(ctx, all ? VOLUME_PRUNE_ALL_WARNING : VOLUME_PRUNE_WARNING)) return 0;
    const removed = pruneVolumes(ctx.d, filters, all);
    printPruneResult(ctx, 'Deleted Volumes:', removed, 0);
  },
};
