// The daemon's container listing: default set, filters, -n/-l limits, newest first.
import type { Daemon } from '../daemon.js';
import type { ImageRecord } from '../state.js';
import { newestFirst, viewNetworkNames, type ContainerView } from './view.js';
import { networkByName } from '../networks/attach.js';
import { DaemonError } from '../errors.js';
import { goRegexp, validateFilterKeys, type Filters } from '../filters.js';
import { findImage } from '../images/resolve.js';
import { parseTime } from '../time.js';

const PS_FILTER_KEYS = ['ancestor', 'before', 'exited', 'health', 'id', 'isolation', 'is-task', 'label', 'name', 'network', 'publish', 'expose', 'since', 'status', 'volume'];
const STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

export interface ListOptions {
  all: boolean;
  limit: number; // <= 0: no limit
  filters: Filters;
}

function parsePortFilter(key: string, value: string): { from: number; to: number; proto: string } {
  if (value.includes(':')) throw new DaemonError(`filter for '${key}' should not contain ':': ${value}`, 'invalid');
  const [range, proto = 'tcp'] = value.split('/');
  const [a, b] = range.split('-');
  for (const p of [a, b].filter((x) => x !== undefined)) {
    if (!/^\d+$/.test(p)) throw new DaemonError(`error while looking up for ${key} ${p}: strconv.ParseUint: parsing ${JSON.stringify(p)}: invalid syntax`, 'invalid');
  }
  return { from: Number(a), to: Number(b ?? a), proto };
}

function imageAncestry(d: Daemon, imageId: string): Set<string> {
  const ids = new Set<string>();
  let cur: ImageRecord | undefined = d.state.images[imageId];
  let guard = 0;
  while (cur && guard++ < 100) {
    ids.add(cur.id);
    cur = cur.parent ? d.state.images[cur.parent] : undefined;
  }
  return ids;
}

/** [name, ID] of the networks ps lists a container on (a never-started one: its mode's network). */
function listedNetworks(d: Daemon, c: ContainerView): [string, string][] {
  const attached = Object.entries(c.endpoints);
  if (attached.length || c.networksConfigured) return attached;
  return viewNetworkNames(c).map((name) => [name, networkByName(d, name)?.id ?? '']);
}

/** The containers `docker ps` shows, as listing views (see view.ts). */
export function listContainers(d: Daemon, opts: ListOptions): ContainerView[] {
  const f = opts.filters;
  validateFilterKeys(f, PS_FILTER_KEYS);
  for (const v of f.get('status') ?? []) {
    if (!STATES.includes(v)) throw new DaemonError(`invalid filter 'status=${v}': invalid value for state (${v}): must be one of ${STATES.join(', ')}`, 'invalid');
  }
  for (const v of f.get('exited') ?? []) {
    if (!/^[+-]?\d+$/.test(v)) throw new DaemonError(`invalid filter 'exited=${v}': strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`, 'invalid');
  }
  for (const v of f.get('health') ?? []) {
    if (!['none', 'starting', 'healthy', 'unhealthy'].includes(v)) throw new DaemonError(`invalid filter 'health=${v}': invalid value for health (${v}): must be one of none, starting, healthy, unhealthy`, 'invalid');
  }
  const isTask = f.get('is-task');
  if (isTask) for (const v of isTask) if (!['true', 'false', '1', '0'].includes(v)) throw new DaemonError(`invalid filter 'is-task=[${isTask.join(' ')}]'`, 'invalid');
  const publish = (f.get('publish') ?? []).map((v) => parsePortFilter('publish', v));
  const expose = (f.get('expose') ?? []).map((v) => parsePortFilter('expose', v));
  const nameRes = (f.get('name') ?? []).map(goRegexp);
  const idRes = (f.get('id') ?? []).map(goRegexp);
  const beforeRef = f.get('before')?.[0];
  const sinceRef = f.get('since')?.[0];
  const before = beforeRef !== undefined ? d.getContainer(beforeRef) : undefined;
  const since = sinceRef !== undefined ? d.getContainer(sinceRef) : undefined;
  const ancestors = (f.get('ancestor') ?? []).map((a) => {
    try { return findImage(d, a)?.id; } catch { return undefined; }
  });
  const all = opts.all || f.has('status') || opts.limit > 0;

  const st = f.get('status');
  const ex = f.get('exited')?.map(Number);
  const health = f.get('health');
  const labels = f.get('label');
  const vols = f.get('volume');
  const nets = f.get('network');
  const iso = f.get('isolation');

  const sorted = d.containerViews().slice().sort(newestFirst);
  const out: ContainerView[] = [];
  for (const c of sorted) {
    if (!all && !c.state.Running) continue;
    if (nameRes.length && !nameRes.some((re) => re.test(`/${c.name}`) || re.test(c.name))) continue;
    if (idRes.length && !idRes.some((re) => re.test(c.id))) continue;
    if (st && !st.includes(c.state.Status)) continue;
    if (ex && (c.state.Running || c.state.startedMs === 0 || !ex.includes(c.state.ExitCode))) continue;
    if (health && !health.includes('none')) continue;
    if (labels && !labels.every((l) => {
      const eq = l.indexOf('=');
      return eq < 0 ? Object.hasOwn(c.labels, l) : c.labels[l.slice(0, eq)] === l.slice(eq + 1);
    })) continue;
    if (before && !(c.createdMs < parseTime(before.created))) continue;
    if (since && !(c.createdMs > parseTime(since.created))) continue;
    if (ancestors.length) {
      const chain = imageAncestry(d, c.imageId);
      if (!ancestors.some((a) => a && chain.has(a))) continue;
    }
    if (vols && !c.mounts.some((m) => vols.includes(m.Name ?? '') || vols.includes(m.Source) || vols.includes(m.Destination))) continue;
    if (nets && !listedNetworks(d, c).some(([name, networkId]) => nets.some((n) => n === name || (n.length > 0 && networkId.startsWith(n))))) continue;
    if (publish.length && !publish.some((p) => Object.entries(c.ports).some(([key, bindings]) => {
      const proto = key.split('/')[1];
      return proto === p.proto && (bindings ?? []).some((b) => Number(b.HostPort) >= p.from && Number(b.HostPort) <= p.to);
    }))) continue;
    // dockerd matches the ports of the container's network settings: a container that is not
    // running exposes none (observed: a created nginx does not match expose=80).
    if (expose.length && !expose.some((p) => Object.keys(c.ports).some((key) => {
      const [port, proto] = key.split('/');
      return proto === p.proto && Number(port) >= p.from && Number(port) <= p.to;
    }))) continue;
    if (isTask && isTask.some((v) => v === 'true' || v === '1')) continue;
    if (iso && !iso.includes('default')) continue;
    out.push(c);
    if (opts.limit > 0 && out.length >= opts.limit) break;
  }
  return out;
}
