// The daemon's volume service: create (local driver option checks), lookup, list filters,
// removal (refused while a container references the volume) and prune.
import { ownEntry } from '../daemon.js';
import type { Daemon } from '../daemon.js';
import type { VolumeRecord } from '../state.js';
import { DaemonError } from '../errors.js';
import type { Filters } from '../filters.js';
import { ANONYMOUS_LABEL, createVolume, VOLUME_NAME, volumeUsers } from './mounts.js';
import { untilFilter } from '../networks/networks.js';

const LOCAL_OPTIONS = ['type', 'device', 'o', 'size'];

export interface VolumeCreateRequest {
  name?: string;
  driver: string;
  labels: Record<string, string>;
  options: Record<string, string>;
}

export function createVolumeFromRequest(d: Daemon, req: VolumeCreateRequest): VolumeRecord {
  const anonymous = req.name === undefined || req.name === '';
  const name = anonymous ? d.random.hex(64) : req.name!;
  const fail = (msg: string, status: DaemonError['status'] = 'invalid') => new DaemonError(`create ${name}: ${msg}`, status);
  if (req.driver !== 'local') throw fail(`error looking up volume plugin ${req.driver}: plugin "${req.driver}" not found`, 'not-found');
  if (!VOLUME_NAME.test(name)) {
    throw fail(`"${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`);
  }
  const existing = ownEntry(d.state.volumes, name);
  if (existing) return existing;
  for (const key of Object.keys(req.options)) if (!LOCAL_OPTIONS.includes(key)) throw fail(`invalid option: ${JSON.stringify(key)}`);
  const type = req.options.type ?? '';
  const device = req.options.device ?? '';
  if (type !== '' || device !== '') {
    if (type === '') throw fail('missing required option: "type"');
    if (device === '') throw fail('missing required option: "device"');
  }
  if ('size' in req.options) throw fail('quota size requested but no quota support');
  return createVolume(d, name, { driver: req.driver, labels: req.labels, options: req.options, anonymous });
}

export function getVolume(d: Daemon, name: string): VolumeRecord {
  const v = ownEntry(d.state.volumes, name);
  if (!v) throw new DaemonError(`get ${name}: no such volume`, 'not-found');
  return v;
}

/** `volume rm`: refused while any container (running or not) references the volume. */
export function removeVolume(d: Daemon, name: string, force: boolean): void {
  const v = ownEntry(d.state.volumes, name);
  if (!v) {
    if (force) return;
    throw new DaemonError(`get ${name}: no such volume`, 'not-found');
  }
  const users = volumeUsers(d, name);
  if (users.length) throw new DaemonError(`remove ${name}: volume is in use - [${users.map((c) => c.id).join(' ')}]`, 'conflict');
  delete d.state.volumes[name];
  d.event('volume', 'destroy', name, { driver: v.driver });
}

function labelMatch(labels: Record<string, string>, filter: string): boolean {
  const eq = filter.indexOf('=');
  return eq < 0 ? filter in labels : labels[filter.slice(0, eq)] === filter.slice(eq + 1);
}

/** `volume ls` filters (unordered; the CLI sorts by name). */
export function listVolumes(d: Daemon, f: Filters): VolumeRecord[] {
  for (const key of f.keys()) if (!['dangling', 'driver', 'label', 'name'].includes(key)) throw new DaemonError(`invalid filter '${key}'`, 'invalid');
  const dangling = f.get('dangling');
  let wantDangling: boolean | undefined;
  if (dangling) {
    for (const v of dangling) {
      if (!['true', 'false', '1', '0'].includes(v.toLowerCase())) throw new DaemonError(`invalid filter 'dangling=[${dangling.join(' ')}]'`, 'invalid');
    }
    wantDangling = ['true', '1'].includes(dangling[0].toLowerCase());
  }
  return Object.values(d.state.volumes).filter((v) => {
    const names = f.get('name');
    if (names && !names.some((n) => v.name.includes(n))) return false;
    const drivers = f.get('driver');
    if (drivers && !drivers.includes(v.driver)) return false;
    const labels = f.get('label');
    if (labels && !labels.every((l) => labelMatch(v.labels, l))) return false;
    if (wantDangling !== undefined && wantDangling !== (volumeUsers(d, v.name).length === 0)) return false;
    return true;
  });
}

/**
 * `volume prune`: unused local volumes without driver options; only anonymous ones unless
 * `all`. Returns the removed names in the daemon's order (creation order).
 */
export function pruneVolumes(d: Daemon, f: Filters, all: boolean): string[] {
  for (const key of f.keys()) if (!['label', 'label!', 'all', 'until'].includes(key)) throw new DaemonError(`invalid filter '${key}'`, 'invalid');
  const allValues = f.get('all');
  const pruneAll = all || (allValues !== undefined && allValues.some((v) => ['true', '1'].includes(v.toLowerCase())));
  const labels = f.get('label') ?? [];
  const notLabels = f.get('label!') ?? [];
  const until = untilFilter(d, f.get('until'));
  const removed: string[] = [];
  const vols = Object.values(d.state.volumes).slice().sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
  for (const v of vols) {
    if (v.driver !== 'local' || v.options) continue;
    if (!pruneAll && !(ANONYMOUS_LABEL in v.labels)) continue;
    if (volumeUsers(d, v.name).length) continue;
    if (!labels.every((l) => labelMatch(v.labels, l))) continue;
    if (notLabels.some((l) => labelMatch(v.labels, l))) continue;
    if (until !== undefined && !(Date.parse(v.created) < until)) continue;
    delete d.state.volumes[v.name];
    d.event('volume', 'destroy', v.name, { driver: v.driver });
    removed.push(v.name);
  }
  return removed;
}

/** Bytes a volume's files take (what `system df -v` shows as SIZE). */
export function volumeSize(v: VolumeRecord): number {
  let n = 0;
  for (const node of Object.values(v.data)) {
    if (node && node.type === 'file') n += node.size ?? (node.content !== undefined ? new TextEncoder().encode(node.content).length : 0);
  }
  return n;
}
