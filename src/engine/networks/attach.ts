// Endpoints: what a running container gets on its networks (IP, MAC, endpoint ID).
import type { Daemon } from '../daemon.js';
import type { ContainerRecord, EndpointRecord, NetworkRecord } from '../state.js';

export function networkByName(d: Daemon, name: string): NetworkRecord | undefined {
  return Object.values(d.state.networks).find((n) => n.name === name);
}

function ipInSubnet(n: NetworkRecord, host: number): string {
  const [base] = n.subnet.split('/');
  const parts = base.split('.').map(Number);
  const value = ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3] + host;
  return [(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
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

/** Connects a starting container to its network (bridge by default); host/none get no IP. */
export function connectDefaultNetwork(d: Daemon, c: ContainerRecord): EndpointRecord {
  const mode = c.hostConfig.NetworkMode === 'default' ? 'bridge' : c.hostConfig.NetworkMode;
  const names = Object.keys(c.endpoints).length ? Object.keys(c.endpoints) : [mode];
  let first: EndpointRecord | undefined;
  for (const name of names) {
    const n = networkByName(d, name);
    if (!n) continue;
    const ep: EndpointRecord = c.endpoints[name] ?? { networkId: n.id, endpointId: '', ipAddress: '', ipPrefixLen: 0, gateway: '', macAddress: '', aliases: null };
    ep.endpointId = d.random.hex(64);
    if (n.driver === 'bridge' && n.subnet) {
      const used = usedIps(d, n.id);
      let host = 2;
      while (used.has(ipInSubnet(n, host))) host++;
      ep.ipAddress = ipInSubnet(n, host);
      ep.ipPrefixLen = Number(n.subnet.split('/')[1]);
      ep.gateway = n.gateway;
      ep.macAddress = randomMac(d);
    }
    c.endpoints[name] = ep;
    first ??= ep;
  }
  c.sandboxKey = `/var/run/docker/netns/${d.random.hex(12)}`;
  return first ?? { networkId: '', endpointId: d.random.hex(64), ipAddress: '', ipPrefixLen: 0, gateway: '', macAddress: '', aliases: null };
}

/** Clears the runtime parts of the container's endpoints (it keeps its network memberships). */
export function releaseEndpoints(_d: Daemon, c: ContainerRecord): void {
  for (const ep of Object.values(c.endpoints)) {
    ep.endpointId = '';
    ep.ipAddress = '';
    ep.ipPrefixLen = 0;
    ep.gateway = '';
    ep.macAddress = '';
  }
  c.sandboxKey = '';
}
