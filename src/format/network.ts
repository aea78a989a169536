// The `docker network ls` formatter context and its default table.
import type { NetworkRecord } from '../engine/state.js';
import { joinLabels } from './volume.js';

export const NETWORK_DEFAULT_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';

export const NETWORK_HEADERS: Record<string, string> = {
  ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv6: 'IPV6', IPv4: 'IPV4',
  Internal: 'INTERNAL', Labels: 'LABELS', CreatedAt: 'CREATED AT',
};

/** Go's time.Time.String() of an RFC 3339 UTC time, nanoseconds kept: "2026-11-28 02:05:37.216088872 +0000 UTC". */
export function goTimeStringNano(rfc3339: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(rfc3339);
  if (!m) return rfc3339;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  return `${m[1]} ${m[2]}${frac ? `.${frac}` : ''} +0000 UTC`;
}

export function networkContext(n: NetworkRecord, o: { trunc: boolean }) {
  const labels = n.labels ?? {};
  return {
    ID: () => (o.trunc ? n.id.slice(0, 12) : n.id),
    Name: () => n.name,
    Driver: () => n.driver,
    Scope: () => n.scope,
    IPv6: () => String(n.ipv6),
    IPv4: () => 'true',
    Internal: () => String(n.internal),
    Labels: () => joinLabels(labels),
    Label: (name: string) => labels[name] ?? '',
    CreatedAt: () => goTimeStringNano(n.created),
  };
}
