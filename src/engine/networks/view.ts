// What a container can reach: peers on the networks it shares with them, with the names Docker's
// embedded DNS answers for (user-defined networks only; the default bridge has no DNS) and the
// ports their programs listen on. The userland's ping, wget and nslookup work from this.
import type { Daemon } from '../daemon.js';
import type { ContainerRecord } from '../state.js';
import type { NetworkPeer, NetworkView } from '../userland/types.js';
import { openFs } from '../containers/runtime.js';

const LISTENERS: Record<string, number[]> = {
  nginx: [80], 'redis-server': [6379], httpd: [80], postgres: [5432],
};

function isUserDefined(d: Daemon, networkId: string): boolean {
  const n = d.state.networks[networkId];
  return !!n && !['bridge', 'host', 'none'].includes(n.name);
}

export function networkView(d: Daemon, c: ContainerRecord): NetworkView {
  const mine = Object.values(c.endpoints).filter((e) => e.ipAddress);
  const peers: NetworkPeer[] = [];
  for (const o of d.containerList()) {
    if (o.id === c.id || !o.state.Running || o.state.Paused) continue;
    for (const ep of Object.values(o.endpoints)) {
      if (!ep.ipAddress || !mine.some((m) => m.networkId === ep.networkId)) continue;
      const dns = isUserDefined(d, ep.networkId);
      const program = o.process?.program ?? o.path;
      peers.push({
        ip: ep.ipAddress,
        names: dns ? [o.name, ...(ep.aliases ?? []), o.id.slice(0, 12)] : [],
        listeners: (LISTENERS[program.split('/').pop() ?? ''] ?? []).map((port) => ({ port, program })),
        readFile: (path) => openFs(d, o).readFile(path),
      });
    }
  }
  // The host end of each veth pair has some interface index on the host; derived from the
  // endpoint ID so that it stays the same for the endpoint's life.
  const interfaces = mine.map((e, i) => ({
    name: `eth${i}`, mac: e.macAddress, ipv4: e.ipAddress, prefixLen: e.ipPrefixLen, gateway: e.gateway,
    peerIndex: 100 + (parseInt(e.endpointId.slice(0, 6), 16) % 9000 || 0),
  }));
  return { ips: mine.map((e) => e.ipAddress), interfaces, embeddedDns: mine.some((e) => isUserDefined(d, e.networkId)), peers };
}
