// Endpoints: what a running container gets on its networks (IP, MAC, endpoint ID), and
// `network connect` / `disconnect`.
import type { Daemon } from '../daemon.js';
import type { ContainerRecord, EndpointRecord, NetworkRecord } from '../state.js';
import { DaemonError } from '../errors.js';
import { formatIp, parseCidr, parseIp } from './ipv4.js';
import { effectiveGateway, isBuiltin } from './networks.js';
import { mountEvents, unmountEvents } from '../volumes/mounts.js';

export function networkByName(d: Daemon, name: string): NetworkRecord | undefined {
  return Object.values(d.state.networks).find((n) => n.name === name);
}

function usedIps(d: Daemon, networkId: string): Set<string> {
  const used = new Set<string>();
  for (const c of d.containerList()) for (const e of Object.values(c.endpoints)) if (e.networkId === networkId && e.ipAddress) used.add(e.ipAddress);
  return used;
}

function randomMac(d: Daemon): string {
  const bytes = [0x02 | (d.random.int(64) << 2)];
  for (let i = 0; i < 5; i++) bytes.push(d.random.int(256));
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** First free address: from the start of the --ip-range (or subnet), skipping the gateway. */
function allocateIp(d: Daemon, n: NetworkRecord): string | undefined {
  const subnet = parseCidr(n.subnet)?.cidr;
  if (!subnet) return undefined;
  const range = (n.ipRange ? parseCidr(n.ipRange)?.cidr : undefined) ?? subnet;
  const used = usedIps(d, n.id);
  const gw = parseIp(effectiveGateway(n));
  const broadcast = subnet.base + 2 ** (32 - subnet.bits) - 1;
  const end = Math.min(range.base + 2 ** (32 - range.bits) - 1, broadcast - 1);
  // The range's first address is never handed out (observed: --ip-range 10.10.0.128/25 → .129).
  for (let ip = Math.max(range.base + 1, subnet.base + 1); ip <= end; ip++) {
    if (ip === gw) continue;
    const s = formatIp(ip);
    if (!used.has(s)) return s;
  }
  throw new DaemonError(`no available IPv4 addresses on this network's address pools: ${n.name} (${n.id})`);
}

function blankEndpoint(n: NetworkRecord): EndpointRecord {
  return { networkId: n.id, endpointId: '', ipAddress: '', ipPrefixLen: 0, gateway: '', macAddress: '', aliases: null };
}

/** Gives an endpoint its live parts (ID, IP, MAC) and reports the connect event. */
function joinEndpoint(d: Daemon, c: ContainerRecord, n: NetworkRecord, ep: EndpointRecord): void {
  ep.networkId = n.id;
  ep.endpointId = d.random.hex(64);
  if (n.driver === 'bridge' && n.subnet) {
    ep.ipAddress = allocateIp(d, n) ?? '';
    ep.ipPrefixLen = Number(n.subnet.split('/')[1]);
    ep.gateway = effectiveGateway(n);
    ep.macAddress = randomMac(d);
  }
  d.event('network', 'connect', n.id, { container: c.id, name: n.name, type: n.driver });
}

/** The network-mode network: 'default' means bridge; container:/ modes have none of their own. */
function modeNetworkName(c: ContainerRecord): string | undefined {
  const mode = c.hostConfig.NetworkMode === 'default' ? 'bridge' : c.hostConfig.NetworkMode;
  return mode.startsWith('container:') ? undefined : mode;
}

/** The running container whose network namespace a `container:<ref>` mode joins. */
function namespaceOwner(d: Daemon, ref: string): ContainerRecord {
  const owner = d.findContainer(ref);
  if (!owner) throw new DaemonError(`joining network namespace of container: No such container: ${ref}`, 'not-found');
  if (!owner.state.Running) throw new DaemonError(`cannot join network namespace of a non running container: container ${ref} is ${owner.state.Status}`, 'conflict');
  return owner;
}

/**
 * Connects a starting container to its networks (its network mode's, then those added with
 * `network connect`); host/none get no IP. Also reports the volume mount events, which the
 * daemon emits just before the network is set up. Throws Docker's error for a missing network.
 */
export function connectDefaultNetwork(d: Daemon, c: ContainerRecord): EndpointRecord {
  const joined = c.hostConfig.NetworkMode.startsWith('container:') ? c.hostConfig.NetworkMode.slice('container:'.length) : undefined;
  if (joined !== undefined) namespaceOwner(d, joined);
  const mode = modeNetworkName(c);
  const names = Object.keys(c.endpoints).length || c.networksConfigured ? Object.keys(c.endpoints) : mode ? [mode] : [];
  // Resolve everything first: a missing network fails the start before anything is attached.
  const resolved: { name: string; n: NetworkRecord }[] = [];
  for (const name of names) {
    const ep = c.endpoints[name];
    const n = ep?.networkId ? d.state.networks[ep.networkId] : networkByName(d, name);
    if (!n) throw new DaemonError(`failed to set up container networking: network ${ep?.networkId || name} not found`, 'not-found');
    resolved.push({ name, n });
  }
  mountEvents(d, c);
  let first: EndpointRecord | undefined;
  for (const { name, n } of resolved) {
    const ep: EndpointRecord = c.endpoints[name] ?? blankEndpoint(n);
    c.endpoints[name] = ep;
    joinEndpoint(d, c, n, ep);
    first ??= ep;
  }
  c.networksConfigured = true;
  c.sandboxKey = `/var/run/docker/netns/${d.random.hex(12)}`;
  return first ?? { networkId: '', endpointId: d.random.hex(64), ipAddress: '', ipPrefixLen: 0, gateway: '', macAddress: '', aliases: null };
}

function leaveEndpoint(d: Daemon, c: ContainerRecord, name: string, ep: EndpointRecord): void {
  const wasLive = ep.endpointId !== '';
  ep.endpointId = '';
  ep.ipAddress = '';
  ep.ipPrefixLen = 0;
  ep.gateway = '';
  ep.macAddress = '';
  const n = d.state.networks[ep.networkId];
  if (wasLive && n) d.event('network', 'disconnect', n.id, { container: c.id, name: n.name, type: n.driver });
  void name;
}

/** Clears the runtime parts of the container's endpoints (it keeps its network memberships). */
export function releaseEndpoints(d: Daemon, c: ContainerRecord): void {
  const wasLive = Object.values(c.endpoints).some((ep) => ep.endpointId !== '') || c.sandboxKey !== '';
  for (const [name, ep] of Object.entries(c.endpoints)) leaveEndpoint(d, c, name, ep);
  if (wasLive) unmountEvents(d, c);
  c.sandboxKey = '';
}

/** Until its networks are configured, a container's empty endpoint map stands for its mode network's. */
function materializeModeEndpoint(d: Daemon, c: ContainerRecord): void {
  if (c.networksConfigured) return;
  c.networksConfigured = true;
  if (Object.keys(c.endpoints).length) return;
  const mode = modeNetworkName(c);
  const n = mode ? networkByName(d, mode) : undefined;
  if (mode && n) c.endpoints[mode] = blankEndpoint(n);
}

/** `docker network connect NETWORK CONTAINER`. */
export function connectNetwork(d: Daemon, c: ContainerRecord, n: NetworkRecord, opts: { aliases?: string[]; ip?: string } = {}): void {
  const mode = c.hostConfig.NetworkMode;
  if (n.driver === 'host') throw new DaemonError('cannot connect container to host network - container must be created in host network mode', 'invalid');
  if (mode === 'host' || mode.startsWith('container:')) {
    throw new DaemonError('container sharing network namespace with another container or host cannot be connected to any other network', 'invalid');
  }
  if (mode === 'none' || n.driver === 'null') {
    throw new DaemonError('container cannot be connected to multiple networks with one of the networks in private (none) mode', 'invalid');
  }
  const builtin = isBuiltin(n);
  if (opts.aliases?.length && builtin) {
    throw new DaemonError('invalid endpoint settings:\nnetwork-scoped alias is supported only for containers in user defined networks', 'invalid');
  }
  materializeModeEndpoint(d, c);
  const existing = Object.entries(c.endpoints).find(([, ep]) => ep.networkId === n.id);
  // A stopped container's endpoint settings are simply replaced.
  if (existing && c.state.Running) throw new DaemonError(`endpoint with name ${c.name} already exists in network ${n.name}`, 'conflict');
  if (existing) delete c.endpoints[existing[0]];
  const ep = blankEndpoint(n);
  ep.aliases = opts.aliases ?? [];
  ep.ipamConfig = {};
  ep.driverOpts = {};
  ep.dnsNames = builtin ? null : [c.name, ...(opts.aliases ?? []), c.id.slice(0, 12)];
  c.endpoints[n.name] = ep;
  if (c.state.Running) joinEndpoint(d, c, n, ep);
}

/** `docker network disconnect NETWORK CONTAINER`. */
export function disconnectNetwork(d: Daemon, c: ContainerRecord, n: NetworkRecord): void {
  materializeModeEndpoint(d, c);
  const entry = Object.entries(c.endpoints).find(([, ep]) => ep.networkId === n.id);
  if (!entry) throw new DaemonError(`container ${c.id} is not connected to network ${n.name}`, 'conflict');
  const [name, ep] = entry;
  leaveEndpoint(d, c, name, ep);
  delete c.endpoints[name];
}
