// The JSON of `GET /networks/{id}` (Docker Engine 28, local scope): network.Inspect with the
// endpoints of the containers running on it.
import type { Daemon } from '../../engine/daemon.js';
import type { NetworkRecord } from '../../engine/state.js';
import { encodeJSON, goMap } from './json.js';
import { NETWORK_INSPECT } from './schema.js';
import type { InspectItem } from './item.js';

const PREDEFINED = new Set(['bridge', 'host', 'none']);

/** The network's inspect JSON as a tree for encodeJSON. */
export function networkInspectTree(d: Daemon, n: NetworkRecord): Record<string, unknown> {
  const predefined = PREDEFINED.has(n.name) && (n.driver === 'bridge' || n.driver === 'host' || n.driver === 'null');
  const extra = n as NetworkRecord & { ipamDriver?: string; ipamOptions?: Record<string, string> | null; enableIPv4?: boolean; configOnly?: boolean; ingress?: boolean };
  const config = n.ipamConfig
    ? n.ipamConfig.map((c) => ({ Subnet: c.Subnet || undefined, IPRange: c.IPRange || undefined, Gateway: c.Gateway || undefined }))
    : n.subnet
      ? [{ Subnet: n.subnet, IPRange: n.ipRange || undefined, Gateway: n.gateway || undefined }]
      : predefined ? null : [];
  const containers = new Map<string, unknown>();
  for (const c of d.containerList()) {
    for (const ep of Object.values(c.endpoints)) {
      if (ep.networkId !== n.id || !ep.endpointId) continue;
      containers.set(c.id, {
        Name: c.name,
        EndpointID: ep.endpointId,
        MacAddress: ep.macAddress,
        IPv4Address: ep.ipAddress ? `${ep.ipAddress}/${ep.ipPrefixLen}` : '',
        IPv6Address: '',
      });
    }
  }
  return {
    Name: n.name,
    Id: n.id,
    Created: n.created,
    Scope: n.scope || 'local',
    Driver: n.driver,
    EnableIPv4: extra.enableIPv4 ?? true,
    EnableIPv6: n.ipv6,
    IPAM: {
      Driver: extra.ipamDriver ?? 'default',
      Options: extra.ipamOptions !== undefined ? goMap(extra.ipamOptions) : predefined ? null : new Map(),
      Config: config,
    },
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: extra.ingress ?? false,
    ConfigFrom: { Network: '' },
    ConfigOnly: extra.configOnly ?? false,
    Containers: containers,
    Options: goMap(n.options ?? {}),
    Labels: goMap(n.labels ?? {}),
  };
}

export function networkInspectJSON(d: Daemon, n: NetworkRecord): string {
  return encodeJSON(networkInspectTree(d, n), { escapeHTML: false });
}

/** For `docker network inspect` / `docker inspect`: the daemon's JSON and the CLI's type. */
export function networkInspectObject(d: Daemon, n: NetworkRecord): InspectItem {
  return { raw: networkInspectJSON(d, n), type: NETWORK_INSPECT };
}
