// docker network prune: custom networks no running container is attached to. Unlike the other
// prune commands it reports no reclaimed space.
import { type CommandDef, flagBool, flagList } from '../../cli/command.js';
import { parseFilters } from '../../engine/filters.js';
import { pruneNetworks } from '../../engine/networks/networks.js';
import { confirmPrune } from '../system/prune.js';

export const networkPruneCommand: CommandDef = {
  invocations: ['network prune'],
  args: { kind: 'none' },
  run(ctx) {
    const filters = parseFilters(flagList(ctx, 'filter'));
    if (!flagBool(ctx, 'force') && !confirmPrune(ctx, 'WARNING! This will remove all custom networks not used by at least one container.')) return 0;
    const removed = pruneNetworks(ctx.d, filters);
    if (removed.length) ctx.out(`Deleted Networks:\n${removed.map((n) => `${n}\n`).join('')}\n`);
  },
};
