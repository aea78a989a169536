// The PORTS column: Docker's DisplayablePorts grouping of consecutive ports.
import type { PortBinding } from '../engine/state.js';

export interface ApiPort {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

/** The daemon's port list for a container (what /containers/json returns). */
export function apiPorts(ports: Record<string, PortBinding[] | null>): ApiPort[] {
  const out: ApiPort[] = [];
  for (const [key, bindings] of Object.entries(ports)) {
    const [p, proto] = key.split('/');
    if (!bindings || bindings.length === 0) {
      out.push({ PrivatePort: Number(p), Type: proto });
      continue;
    }
    for (const b of bindings) out.push({ IP: b.HostIp, PrivatePort: Number(p), PublicPort: Number(b.HostPort), Type: proto });
  }
  return out;
}

function joinHostPort(ip: string, port: number | string): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function displayablePorts(ports: ApiPort[]): string {
  if (ports.length === 0) return ''; // most rows of a listing
  const sorted = ports.slice().sort((a, b) =>
    cmp(a.PrivatePort, b.PrivatePort) || cmp(a.IP ?? '', b.IP ?? '') || cmp(a.PublicPort ?? 0, b.PublicPort ?? 0) || cmp(a.Type, b.Type));
  interface Group { first: number; last: number; firstPublic: number; lastPublic: number; }
  const groups = new Map<string, Group>();
  const order: string[] = [];
  const result: string[] = [];
  const hostMappings: string[] = [];
  const render = (key: string, g: Group): string => {
    const slash = key.lastIndexOf('/');
    const ip = slash >= 0 ? key.slice(0, slash) : '';
    const type = key.slice(slash + 1);
    const priv = g.first === g.last ? `${g.first}` : `${g.first}-${g.last}`;
    if (slash < 0 || ip === '') return `${priv}/${type}`;
    const pub = g.firstPublic === g.lastPublic ? `${g.firstPublic}` : `${g.firstPublic}-${g.lastPublic}`;
    return `${joinHostPort(ip, pub)}->${priv}/${type}`;
  };
  for (const p of sorted) {
    const ip = p.IP ?? '';
    const pub = p.PublicPort ?? 0;
    if (ip !== '' && pub !== p.PrivatePort) {
      hostMappings.push(`${joinHostPort(ip, pub)}->${p.PrivatePort}/${p.Type}`);
      continue;
    }
    const key = ip !== '' ? `${ip}/${p.Type}` : p.Type;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: p.PrivatePort, last: p.PrivatePort, firstPublic: pub, lastPublic: pub });
      order.push(key);
      continue;
    }
    if (p.PrivatePort === g.last + 1) {
      g.last = p.PrivatePort;
      g.lastPublic = pub;
      continue;
    }
    result.push(render(key, g));
    groups.set(key, { first: p.PrivatePort, last: p.PrivatePort, firstPublic: pub, lastPublic: pub });
  }
  for (const key of order) result.push(render(key, groups.get(key)!));
  result.push(...hostMappings);
  return result.join(', ');
}
