// docker container prune: every container that is not running (created, exited, dead).
import { type CommandDef, flagBool, flagList } from '../../cli/command.js';
import type { Daemon } from '../../engine/daemon.js';
import { DaemonError } from '../../engine/errors.js';
import { parseFilters, type Filters } from '../../engine/filters.js';
import { removeContainerRecord } from '../../engine/containers/remove.js';
import { layerBytes } from '../../engine/containers/size.js';
import { untilFilter } from '../../engine/networks/networks.js';
import { parseTime } from '../../engine/time.js';
import { confirmPrune, printPruneResult } from '../system/prune.js';

function labelMatch(labels: Record<string, string>, filter: string): boolean {
  const eq = filter.indexOf('=');
  return eq < 0 ? filter in labels : labels[filter.slice(0, eq)] === filter.slice(eq + 1);
}

/** Removes stopped containers (newest first); returns their IDs and the bytes their layers held. */
export function pruneContainers(d: Daemon, f: Filters): { ids: string[]; reclaimed: number } {
  for (const key of f.keys()) if (!['label', 'label!', 'until'].includes(key)) throw new DaemonError(`invalid filter '${key}'`, 'invalid');
  const until = untilFilter(d, f.get('until'));
  const labels = f.get('label') ?? [];
  const notLabels = f.get('label!') ?? [];
  const ids: string[] = [];
  let reclaimed = 0;
  const list = d.containerList().slice().sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0));
  for (const c of list) {
    if (c.state.Running || c.state.Paused || c.state.Restarting) continue;
    const l = c.config.Labels ?? {};
    if (!labels.every((x) => labelMatch(l, x)) || notLabels.some((x) => labelMatch(l, x))) continue;
    if (until !== undefined && !(parseTime(c.created) < until)) continue;
    reclaimed += layerBytes(c.upper);
    removeContainerRecord(d, c, false);
    ids.push(c.id);
  }
  return { ids, reclaimed };
}

export const containerPruneCommand: CommandDef = {
  invocations: ['container prune'],
  args: { kind: 'none' },
  run(ctx) {
    const filters = parseFilters(flagList(ctx, 'filter'));
    if (!flagBool(ctx, 'force') && !confirmPrune(ctx, 'WARNING! This will remove all stopped containers.')) return 0;
    const { ids, reclaimed } = pruneContainers(ctx.d, filters);
    printPruneResult(ctx, 'Deleted Containers:', ids, reclaimed);
  },
};
