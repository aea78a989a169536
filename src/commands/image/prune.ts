// docker image prune: dangling images (no tag, no digest, no children), or with -a every image
// no container uses. Each image is untagged ref by ref, then deleted with the layers that no
// other image shares.
import { type CommandDef, flagBool, flagList } from '../../cli/command.js';
import type { Daemon } from '../../engine/daemon.js';
import type { ImageRecord } from '../../engine/state.js';
import { DaemonError } from '../../engine/errors.js';
import { parseFilters, type Filters } from '../../engine/filters.js';
import { hasChildren } from '../../engine/images/list.js';
import { containersUsing } from '../../engine/images/resolve.js';
import { untilFilter } from '../../engine/networks/networks.js';
import { parseTime } from '../../engine/time.js';
import { freedLayers } from '../../engine/images/layers.js';
import { confirmPrune, printPruneResult } from '../system/prune.js';

function labelMatch(labels: Record<string, string>, filter: string): boolean {
  const eq = filter.indexOf('=');
  return eq < 0 ? filter in labels : labels[filter.slice(0, eq)] === filter.slice(eq + 1);
}

function goLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Removes one image for prune; returns the report lines and the bytes of the layers freed. */
function pruneOne(d: Daemon, img: ImageRecord): { lines: string[]; bytes: number } {
  const lines: string[] = [];
  for (const ref of [...img.repoTags, ...img.repoDigests].sort(goLess)) {
    lines.push(`untagged: ${ref}`);
    d.event('image', 'untag', img.id, { name: img.id });
  }
  img.repoTags = [];
  img.repoDigests = [];
  delete d.state.images[img.id];
  d.event('image', 'delete', img.id, { name: img.id });
  lines.push(`deleted: ${img.id}`);
  let bytes = 0;
  for (const layer of freedLayers(d, img)) {
    lines.push(`deleted: ${layer.chain}`);
    bytes += layer.size;
  }
  return { lines, bytes };
}

export function pruneImages(d: Daemon, f: Filters, all: boolean): { lines: string[]; reclaimed: number } {
  for (const key of f.keys()) if (!['dangling', 'label', 'label!', 'until'].includes(key)) throw new DaemonError(`invalid filter '${key}'`, 'invalid');
  const dangling = f.get('dangling');
  const danglingOnly = dangling ? ['true', '1'].includes(dangling[0].toLowerCase()) : !all;
  const until = untilFilter(d, f.get('until'));
  const labels = f.get('label') ?? [];
  const notLabels = f.get('label!') ?? [];
  const lines: string[] = [];
  let reclaimed = 0;
  // Children go before their parents, so that a parent is free to go once its child has.
  const candidates = d.imageList().slice().sort((a, b) => parseTime(b.created) - parseTime(a.created) || goLess(a.id, b.id));
  for (const img of candidates) {
    if (!d.state.images[img.id]) continue;
    if (danglingOnly && (img.repoTags.length || img.repoDigests.length)) continue;
    if (hasChildren(d, img) || containersUsing(d, img.id).length) continue;
    const l = img.config.Labels ?? {};
    if (!labels.every((x) => labelMatch(l, x)) || notLabels.some((x) => labelMatch(l, x))) continue;
    if (until !== undefined && !(parseTime(img.created) < until)) continue;
    const r = pruneOne(d, img);
    lines.push(...r.lines);
    reclaimed += r.bytes;
  }
  return { lines, reclaimed };
}

export const imagePruneCommand: CommandDef = {
  invocations: ['image prune'],
  args: { kind: 'none' },
  run(ctx) {
    const all = flagBool(ctx, 'all');
    const filters = parseFilters(flagList(ctx, 'filter'));
    const warning = all ? 'WARNING! This will remove all images without at least one container associated to them.' : 'WARNING! This will remove all dangling images.';
    if (!flagBool(ctx, 'force') && !confirmPrune(ctx, warning)) return 0;
    const { lines, reclaimed } = pruneImages(ctx.d, filters, all);
    printPruneResult(ctx, 'Deleted Images:', lines, reclaimed);
  },
};
