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
  return ['tcp', 'udp', 'sctp'].includes(p);
}

/** Go's net.ParseIP for dotted IPv4: four fields up to 255, no leading zeros. */
function isIpv4(s: string): boolean {
  return /^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/.test(s) && s.split('.').every((x) => Number(x) <= 255);
}

/** Go's net.ParseIP for IPv6: eight hex groups, one "::" standing for at least one, an IPv4 tail. */
function isIpv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (text: string, last: boolean): number | undefined => {
    if (text === '') return 0;
    const fields = text.split(':');
    let count = 0;
    for (let i = 0; i < fields.length; i++) {
      if (last && i === fields.length - 1 && fields[i].includes('.')) {
        if (!isIpv4(fields[i])) return undefined;
        count += 2;
      } else if (/^[0-9a-fA-F]{1,4}$/.test(fields[i])) count += 1;
      else return undefined;
    }
    return count;
  };
  if (halves.length === 1) return groups(s, true) === 8;
  const head = groups(halves[0], false);
  const tail = groups(halves[1], true);
  return head !== undefined && tail !== undefined && head + tail <= 7;
}

export function isGoIp(s: string): boolean {
  return s.includes(':') ? isIpv6(s) : isIpv4(s);
}

/** The host of "[ip]" as Go's net.SplitHostPort(ip + ":") finds it, or its complaint. */
function unbracketHost(ip: string): string {
  const hostport = `${ip}:`;
  const lastColon = hostport.length - 1;
  const fail = (why: string) => new PortSpecError(`invalid IP address ${ip}: address ${hostport}: ${why}`);
  const close = hostport.indexOf(']');
  if (close < 0) throw fail("missing ']' in address");
  if (close + 1 !== lastColon) throw fail(hostport[close + 1] === ':' ? 'too many colons in address' : 'missing port in address');
  if (hostport.indexOf('[', 1) >= 0) throw fail("unexpected '[' in address");
  if (hostport.indexOf(']', close + 1) >= 0) throw fail("unexpected ']' in address");
  return hostport.slice(1, close);
}

/**
 * One -p value → port bindings ("80/tcp" → [{HostIp, HostPort}]), expanded per port, as the
 * CLI's go-connections parser reads "[ip:]hostPort:containerPort[/proto]": the last two
 * colon-separated fields are the ports, anything before them the IP ("[...]" for IPv6); the
 * protocol is the field after the first "/" (so "80/tcp/udp" is tcp). Errors come in its order:
 * IP, missing port, container port, host port, ranges, protocol.
 */
export function parsePublishSpec(raw: string): PortMapping[] {
  if (raw.includes('=')) return parseLongPublish(raw);
  const parts = raw.split(':');
  const containerField = parts[parts.length - 1];
  const hostPart = parts.length >= 2 ? parts[parts.length - 2] : '';
  let ip = parts.length >= 3 ? parts.slice(0, parts.length - 2).join(':') : '';
  const slashFields = containerField.split('/');
  const containerPart = slashFields[0];
  const protoGiven = slashFields.length > 1 && slashFields[1] !== '' ? slashFields[1] : 'tcp';
  const proto = protoGiven.toLowerCase();
  if (ip.startsWith('[')) ip = unbracketHost(ip);
  if (ip !== '' && !isGoIp(ip)) throw new PortSpecError(`invalid IP address: ${ip}`);
  if (containerPart === '') throw new PortSpecError(`no port specified: ${raw}<empty>`);
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
  if (!validProto(proto)) throw new PortSpecError(`invalid proto: ${protoGiven}`);
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

/**
 * The long form "target=80,published=8080,protocol=udp" as the run/create CLI rewrites it before
 * parsing: into "published:target/protocol"; other keys (mode, host_ip) are accepted and unused.
 */
function parseLongPublish(raw: string): PortMapping[] {
  const params = new Map<string, string>([['protocol', 'tcp']]);
  for (const field of raw.split(',')) {
    const eq = field.indexOf('=');
    if (eq <= 0) throw new PortSpecError(`invalid publish opts format (should be name=value but got '${field}')`);
    params.set(field.slice(0, eq), field.slice(eq + 1));
  }
  return parsePublishSpec(`${params.get('published') ?? ''}:${params.get('target') ?? ''}/${params.get('protocol')}`);
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
