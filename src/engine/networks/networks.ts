// User-defined networks: create (dockerd's subnet pools, first fit), lookup, list filters,
// removal and prune. Endpoints (what containers get on a network) live in attach.ts.
import { ownEntry } from '../daemon.js';
import type { Daemon } from '../daemon.js';
import type { ContainerRecord, NetworkIpamConfig, NetworkRecord } from '../state.js';
import { DaemonError } from '../errors.js';
import { goRegexp, type Filters } from '../filters.js';
import { cidrSize, defaultPools, formatCidr, formatIp, overlaps, parseCidr, parseIp, type Cidr } from './ipv4.js';

export const BUILTIN_NETWORKS = ['bridge', 'host', 'none'];

export function isBuiltin(n: NetworkRecord): boolean {
  return (n.name === 'bridge' && n.options['com.docker.network.bridge.default_bridge'] === 'true') || n.driver === 'host' || n.driver === 'null';
}

/** moby's FindNetwork: full ID, then exact name, then a unique ID prefix. */
export function findNetwork(d: Daemon, ref: string): NetworkRecord | undefined {
  const byId = ownEntry(d.state.networks, ref);
  if (byId) return byId;
  const all = Object.values(d.state.networks);
  const byName = all.find((n) => n.name === ref);
  if (byName) return byName;
  if (ref === '') return undefined;
  const prefix = all.filter((n) => n.id.startsWith(ref));
  if (prefix.length > 1) throw new DaemonError(`network ${ref} is ambiguous (${prefix.length} matches found based on ID prefix)`, 'invalid');
  return prefix[0];
}

export function getNetwork(d: Daemon, ref: string): NetworkRecord {
  const n = findNetwork(d, ref);
  if (!n) throw new DaemonError(`network ${ref} not found`, 'not-found');
  return n;
}

/** The gateway containers get: the configured one, else the subnet's first address. */
export function effectiveGateway(n: NetworkRecord): string {
  if (n.gateway) return n.gateway;
  const p = parseCidr(n.subnet);
  return p ? formatIp(p.cidr.base + 1) : '';
}

/** IPAM config entries as `network inspect` shows them (null for host/none). */
export function ipamConfig(n: NetworkRecord): NetworkIpamConfig[] | null {
  if (n.ipamConfig) return n.ipamConfig;
  if (!n.subnet) return null;
  return [n.gateway ? { Subnet: n.subnet, Gateway: n.gateway } : { Subnet: n.subnet }];
}

/** Containers with a live endpoint (running) on the network, in attach order. */
export function activeEndpoints(d: Daemon, n: NetworkRecord): { container: ContainerRecord; name: string }[] {
  const out: { container: ContainerRecord; name: string }[] = [];
  for (const c of d.containerList()) {
    for (const [name, ep] of Object.entries(c.endpoints)) {
      if (ep.networkId === n.id && ep.endpointId && c.state.Running) out.push({ container: c, name });
    }
  }
  return out;
}

export interface NetworkCreateRequest {
  name: string;
  driver: string;
  /** IPAM config from the CLI (already consolidated): subnet, optional range and gateway. */
  ipam: { Subnet: string; IPRange?: string; Gateway?: string }[];
  internal: boolean;
  attachable: boolean;
  ipv6: boolean;
  labels: Record<string, string>;
  options: Record<string, string>;
}

function usedSubnets(d: Daemon): Cidr[] {
  const out: Cidr[] = [];
  for (const n of Object.values(d.state.networks)) {
    for (const cfg of ipamConfig(n) ?? []) {
      const p = parseCidr(cfg.Subnet);
      if (p) out.push(p.cidr);
    }
  }
  return out;
}

function randomUla(d: Daemon): string {
  const hex = (n: number) => d.random.int(n).toString(16);
  return `fd${hex(256).padStart(2, '0')}:${hex(65536)}:${hex(65536)}::`;
}

export function createNetwork(d: Daemon, req: NetworkCreateRequest): NetworkRecord {
  if (req.name === '') throw new DaemonError('invalid name: name is empty', 'invalid');
  if (Object.values(d.state.networks).some((n) => n.name === req.name)) {
    throw new DaemonError(`network with name ${req.name} already exists`, 'conflict');
  }
  const driver = req.driver;
  if (driver === 'host' || driver === 'null') throw new DaemonError(`only one instance of "${driver}" network is allowed`, 'conflict');
  if (driver === 'overlay') {
    throw new DaemonError('This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.', 'server');
  }
  if (driver !== 'bridge') throw new DaemonError(`plugin "${driver}" not found`, 'not-found');

  const v4 = req.ipam.filter((c) => !c.Subnet.includes(':'));
  for (const cfg of req.ipam) {
    const p = parseCidr(cfg.Subnet);
    if (!p) throw new DaemonError(`invalid network config:\ninvalid subnet ${cfg.Subnet}: invalid CIDR block notation`, 'invalid');
    if (!p.exact) throw new DaemonError(`invalid network config:\ninvalid subnet ${cfg.Subnet}: it should be ${formatCidr(p.cidr)}`, 'invalid');
  }
  if (v4.length > 1) throw new DaemonError("bridge driver doesn't support multiple subnets", 'invalid');

  let config: NetworkIpamConfig[];
  let subnet: Cidr;
  let gateway: string;
  if (v4.length === 1) {
    subnet = parseCidr(v4[0].Subnet)!.cidr;
    if (usedSubnets(d).some((s) => overlaps(s, subnet))) {
      throw new DaemonError('invalid pool request: Pool overlaps with other one on this address space', 'conflict');
    }
    if (v4[0].Gateway !== undefined) {
      const gw = parseIp(v4[0].Gateway);
      if (gw === subnet.base || gw === subnet.base + cidrSize(subnet) - 1) {
        throw new DaemonError(`failed to allocate gateway (${v4[0].Gateway}): Address already in use`, 'conflict');
      }
      gateway = v4[0].Gateway;
    } else {
      // Not shown in the IPAM config; containers still get the subnet's first address.
      gateway = '';
    }
    const entry: NetworkIpamConfig = { Subnet: formatCidr(subnet) };
    if (v4[0].IPRange) entry.IPRange = v4[0].IPRange;
    if (v4[0].Gateway !== undefined) entry.Gateway = v4[0].Gateway;
    config = [entry];
  } else {
    const used = usedSubnets(d);
    let found: Cidr | undefined;
    for (const pool of defaultPools()) {
      if (!used.some((s) => overlaps(s, pool))) { found = pool; break; }
    }
    if (!found) throw new DaemonError('could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network', 'server');
    subnet = found;
    gateway = formatIp(subnet.base + 1);
    config = [{ Subnet: formatCidr(subnet), Gateway: gateway }];
  }
  if (req.ipv6) {
    const v6 = req.ipam.find((c) => c.Subnet.includes(':'));
    if (v6) config.push({ ...v6 });
    else {
      const prefix = randomUla(d);
      config.push({ Subnet: `${prefix}/64`, Gateway: `${prefix}1` });
    }
  }
  const n: NetworkRecord = {
    id: d.random.hex(64),
    name: req.name,
    driver,
    scope: 'local',
    created: d.timestamp(),
    internal: req.internal,
    attachable: req.attachable,
    ipv6: req.ipv6,
    subnet: formatCidr(subnet),
    gateway,
    labels: req.labels,
    options: req.options,
    nextHost: 2,
    ipamConfig: config,
  };
  if (v4[0]?.IPRange) n.ipRange = v4[0].IPRange;
  d.state.networks[n.id] = n;
  d.event('network', 'create', n.id, { name: n.name, type: n.driver });
  return n;
}

/** The daemon's error when active endpoints keep a network from being removed. */
function activeEndpointsError(d: Daemon, n: NetworkRecord): DaemonError {
  const eps = activeEndpoints(d, n)
    .slice()
    .sort((a, b) => (a.container.created < b.container.created ? 1 : -1))
    .map(({ container, name }) => `name:${JSON.stringify(container.name)} id:${JSON.stringify(container.endpoints[name].endpointId.slice(0, 12))}`);
  return new DaemonError(`error while removing network: network ${n.name} has active endpoints (${eps.join(', ')})`, 'conflict');
}

export function removeNetwork(d: Daemon, n: NetworkRecord): void {
  if (isBuiltin(n)) throw new DaemonError(`${n.name} is a pre-defined network and cannot be removed`, 'conflict');
  if (activeEndpoints(d, n).length) throw activeEndpointsError(d, n);
  delete d.state.networks[n.id];
  d.event('network', 'destroy', n.id, { name: n.name, type: n.driver });
}

function labelMatch(labels: Record<string, string>, filter: string): boolean {
  const eq = filter.indexOf('=');
  return eq < 0 ? filter in labels : labels[filter.slice(0, eq)] === filter.slice(eq + 1);
}

const NETWORK_FILTERS = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];

/** `network ls` filters, checked and applied like the daemon (unordered; the CLI sorts). */
export function listNetworks(d: Daemon, f: Filters): NetworkRecord[] {
  for (const key of f.keys()) if (!NETWORK_FILTERS.includes(key)) throw new DaemonError(`invalid filter '${key}'`, 'invalid');
  const types = f.get('type') ?? [];
  for (const t of types) if (t !== 'custom' && t !== 'builtin') throw new DaemonError(`invalid filter: 'type'='${t}'`, 'invalid');
  const dangling = f.get('dangling');
  let wantDangling: boolean | undefined;
  if (dangling) {
    for (const v of dangling) {
      if (!['true', 'false', '1', '0'].includes(v.toLowerCase())) {
        throw new DaemonError(`invalid value for filter 'dangling', must be "true" (or "1"), or "false" (or "0")`, 'invalid');
      }
    }
    wantDangling = ['true', '1'].includes(dangling[0].toLowerCase());
  }
  const names = (f.get('name') ?? []).map(goRegexp);
  const ids = (f.get('id') ?? []).map(goRegexp);
  return Object.values(d.state.networks).filter((n) => {
    if (names.length && !names.some((re) => re.test(n.name))) return false;
    if (ids.length && !ids.some((re) => re.test(n.id))) return false;
    const drivers = f.get('driver');
    if (drivers && !drivers.includes(n.driver)) return false;
    const scopes = f.get('scope');
    if (scopes && !scopes.includes(n.scope)) return false;
    const labels = f.get('label');
    if (labels && !labels.every((l) => labelMatch(n.labels, l))) return false;
    if (types.length && !types.includes(isBuiltin(n) ? 'builtin' : 'custom')) return false;
    // The daemon decides from the network list's Containers, which the list never fills in:
    // every custom network counts as dangling, even with containers running on it (observed).
    if (wantDangling !== undefined && wantDangling !== !isBuiltin(n)) return false;
    return true;
  });
}

/** `network prune`: custom networks without running containers; returns their names. */
export function pruneNetworks(d: Daemon, f: Filters): string[] {
  const labels = f.get('label') ?? [];
  const notLabels = f.get('label!') ?? [];
  for (const key of f.keys()) if (!['label', 'label!', 'until'].includes(key)) throw new DaemonError(`invalid filter '${key}'`, 'invalid');
  const until = untilFilter(d, f.get('until'));
  const removed: string[] = [];
  const nets = Object.values(d.state.networks).slice().sort((a, b) => (a.created < b.created ? -1 : 1));
  for (const n of nets) {
    if (isBuiltin(n) || activeEndpoints(d, n).length) continue;
    if (!labels.every((l) => labelMatch(n.labels, l))) continue;
    if (notLabels.some((l) => labelMatch(n.labels, l))) continue;
    if (until !== undefined && !(Date.parse(n.created) < until)) continue;
    delete d.state.networks[n.id];
    d.event('network', 'destroy', n.id, { name: n.name, type: n.driver });
    removed.push(n.name);
  }
  return removed;
}

/** The prune filters' `until=<timestamp|duration>`, as ms since epoch. */
export function untilFilter(d: Daemon, values: string[] | undefined): number | undefined {
  if (!values || values.length === 0) return undefined;
  const v = values[0];
  const dur = /^(\d+(?:\.\d+)?)(ns|us|\u00b5s|ms|s|m|h)$/.exec(v);
  if (dur) {
    const mult: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
    return d.now() - Number(dur[1]) * mult[dur[2]];
  }
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new DaemonError(`invalid filter 'until=${v}'`, 'invalid');
  return t;
}
