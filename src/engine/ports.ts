// Port specs (-p, --expose) as the Docker CLI parses them, and host-port allocation as dockerd
// does it: sequential per (host IP, protocol) from the start of the ephemeral range, wrapping,
// skipping ports in use; "0.0.0.0" and "::" share the number.
import type { Daemon } from './daemon.js';
import type { PortBinding } from './state.js';

export const EPHEMERAL_START = 32768;
export const EPHEMERAL_END = 60999;

export class PortSpecError extends Error {}

export interface PortMapping {
  /** "80/tcp" */
  port: string;
  binding: PortBinding;
}

function parseRange(s: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a > 65535 || b > 65535 || b < a) return undefined;
  return [a, b];
}

function validProto(p: string): boolean {
  return ['tcp', 'udp', 'sctp'].includes(p.toLowerCase());
}

function isIp(s: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) return s.split('.').every((x) => Number(x) <= 255);
  return /^[0-9a-fA-F:]+$/.test(s) && s.includes(':');
}

/** One -p value → port bindings ("80/tcp" → [{HostIp, HostPort}]), expanded per port. */
export function parsePublishSpec(raw: string): PortMapping[] {
  if (raw.includes('=')) return parseLongPublish(raw);
  let spec = raw;
  let proto = 'tcp';
  const slash = spec.lastIndexOf('/');
  if (slash >= 0) {
    proto = spec.slice(slash + 1);
    spec = spec.slice(0, slash);
    if (!validProto(proto)) throw new PortSpecError(`invalid proto: ${proto}`);
    proto = proto.toLowerCase();
  }
  // Split off an IPv6 host part in brackets first.
  let ip = '';
  let rest = spec;
  const v6 = /^\[([^\]]*)\]:(.*)$/.exec(spec);
  if (v6) {
    ip = v6[1];
    rest = v6[2];
  }
  const parts = rest.split(':');
  let hostPart = '';
  let containerPart: string;
  if (v6) {
    if (parts.length === 1) { containerPart = parts[0]; }
    else { hostPart = parts[0]; containerPart = parts.slice(1).join(':'); }
  } else if (parts.length === 1) {
    containerPart = parts[0];
  } else if (parts.length === 2) {
    hostPart = parts[0];
    containerPart = parts[1];
  } else {
    containerPart = parts[parts.length - 1];
    hostPart = parts[parts.length - 2];
    ip = parts.slice(0, parts.length - 2).join(':');
  }
  if (ip !== '' && !isIp(ip)) throw new PortSpecError(`invalid IP address: ${ip}`);
  if (containerPart === '') throw new PortSpecError(`no port specified: ${spec}<empty>`);
  const cRange = parseRange(containerPart);
  if (!cRange) throw new PortSpecError(`invalid containerPort: ${containerPart}`);
  let hRange: [number, number] | undefined;
  if (hostPart !== '') {
    hRange = parseRange(hostPart);
    if (!hRange) throw new PortSpecError(`invalid hostPort: ${hostPart}`);
  }
  const cCount = cRange[1] - cRange[0];
  if (hRange) {
    const hCount = hRange[1] - hRange[0];
    if (cCount !== hCount && cCount !== 0) {
      throw new PortSpecError(`invalid ranges specified for container and host Ports: ${containerPart} and ${hostPart}`);
    }
  }
  const out: PortMapping[] = [];
  for (let i = 0; i <= cCount; i++) {
    let hostPort = '';
    if (hRange) {
      if (cCount === 0 && hRange[1] !== hRange[0]) hostPort = `${hRange[0]}-${hRange[1]}`;
      else hostPort = String(hRange[0] + i);
    }
    out.push({ port: `${cRange[0] + i}/${proto}`, binding: { HostIp: ip, HostPort: hostPort } });
  }
  return out;
}

function parseLongPublish(raw: string): PortMapping[] {
  let target = '';
  let published = '';
  let protocol = 'tcp';
  let hostIp = '';
  for (const field of raw.split(',')) {
    const eq = field.indexOf('=');
    if (eq < 0) throw new PortSpecError(`invalid publish opts format (should be name=value but got '${field}')`);
    const key = field.slice(0, eq).toLowerCase();
    const value = field.slice(eq + 1);
    switch (key) {
      case 'protocol': protocol = value; break;
      case 'mode': break;
      case 'target': target = value; break;
      case 'published': published = value; break;
      case 'host_ip': hostIp = value; break;
      default: throw new PortSpecError(`invalid publish opts format (should be name=value but got '${field}')`);
    }
  }
  if (target === '') throw new PortSpecError('Missing target port');
  return parsePublishSpec(`${hostIp ? (hostIp.includes(':') ? `[${hostIp}]` : hostIp) + ':' : ''}${published ? published + ':' : ''}${target}/${protocol}`);
}

/** --expose value: "80", "80/udp", "7000-7001" → ["80/tcp", …]. */
export function parseExposeSpec(raw: string): string[] {
  if (raw.includes(':')) throw new PortSpecError(`invalid port format for --expose: ${raw}`);
  let spec = raw;
  let proto = 'tcp';
  const slash = spec.lastIndexOf('/');
  if (slash >= 0) {
    proto = spec.slice(slash + 1);
    spec = spec.slice(0, slash);
  }
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec);
  if (!m) {
    const bad = spec.split('-')[0];
    throw new PortSpecError(`invalid range format for --expose: ${raw}, error: strconv.ParseUint: parsing ${JSON.stringify(/^\d+$/.test(bad) ? spec.split('-')[1] ?? spec : bad)}: invalid syntax`);
  }
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  const out: string[] = [];
  for (let p = a; p <= b; p++) out.push(`${p}/${proto}`);
  return out;
}

export function splitPort(key: string): { port: number; proto: string } {
  const [p, proto] = key.split('/');
  return { port: Number(p), proto: proto ?? 'tcp' };
}

/** Sorts "80/tcp" keys as Go's sort of strings would (inspect maps). */
export function sortPortKeys(keys: string[]): string[] {
  return keys.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Host ports currently bound by running containers, as "ip/proto/port". */
export function boundPorts(d: Daemon, exceptId?: string): Set<string> {
  const used = new Set<string>();
  for (const c of d.containerList()) {
    if (c.id === exceptId) continue;
    for (const [key, bindings] of Object.entries(c.ports)) {
      const { proto } = splitPort(key);
      for (const b of bindings ?? []) used.add(`${b.HostIp}/${proto}/${b.HostPort}`);
    }
  }
  return used;
}

/**
 * Next free dynamic port, advancing the allocator sequentially and wrapping. dockerd keeps one
 * pointer per (IP, protocol), but on a real host the same range also serves the kernel's
 * outgoing connections and Docker 28 probes by binding, so recorded allocations practically never
 * repeat a number across protocols or addresses; one shared pointer reproduces what users see.
 */
export function allocateDynamicPort(d: Daemon, ips: string[], proto: string, used: Set<string>): number | undefined {
  const key = 'any';
  let last = d.state.portsLast[key] ?? EPHEMERAL_END;
  const size = EPHEMERAL_END - EPHEMERAL_START + 1;
  for (let i = 0; i < size; i++) {
    last = last >= EPHEMERAL_END ? EPHEMERAL_START : last + 1;
    if (ips.every((ip) => !used.has(`${ip}/${proto}/${last}`))) {
      d.state.portsLast[key] = last;
      return last;
    }
  }
  return undefined;
}
