// Network tools (busybox applets): ping, wget, nslookup. They work from the request's NetworkView:
// peers on shared networks, the names Docker's embedded DNS answers for (user-defined networks
// only), and the ports the peers' programs listen on. Texts are busybox 1.35's, as observed.
import { Blocked } from '../context.js';
import type { NetworkPeer } from '../types.js';
import type { Cmd, CommandImpl } from './types.js';

const BB = 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n';

const PING_USAGE = `${BB}Usage: ping [OPTIONS] HOST

Send ICMP ECHO_REQUESTs to HOST

\t-4,-6\t\tForce IP or IPv6 name resolution
\t-c CNT\t\tSend only CNT pings
\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)
\t-i SECS\t\tInterval
\t-A\t\tPing as soon as reply is received
\t-t TTL\t\tSet TTL
\t-I IFACE/IP\tSource interface or IP address
\t-W SEC\t\tSeconds to wait for the first response (default 10)
\t\t\t(after all -c CNT packets are sent)
\t-w SEC\t\tSeconds until ping exits (default:infinite)
\t\t\t(can exit earlier with -c CNT)
\t-q\t\tQuiet, only display output at start/finish
\t-p HEXBYTE\tPayload pattern
`;

const WGET_USAGE = `${BB}Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
\t[--post-data STR | --post-file FILE] [-Y on/off]
\t[--no-check-certificate] [-P DIR] [-U AGENT] URL...

Retrieve files via HTTP or FTP

\t--spider\tOnly check URL existence: $? is 0 if exists
\t--header STR\tAdd STR (of form 'header: value') to headers
\t--post-data STR\tSend STR using POST method
\t--post-file FILE\tSend FILE using POST method
\t--no-check-certificate\tDon't validate the server's certificate
\t-c\t\tContinue retrieval of aborted transfer
\t-q\t\tQuiet
\t-P DIR\t\tSave to DIR (default .)
\t-S    \t\tShow server response
\t-O FILE\t\tSave to FILE ('-' for stdout)
\t-o LOGFILE\tLog messages to FILE
\t-U STR\t\tUse STR for User-Agent header
\t-Y on/off\tUse proxy
`;

const NSLOOKUP_USAGE = `${BB}Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any
`;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The first IPv4 line of /etc/hosts that names `host`: its address and canonical (first) name. */
export function hostsEntry(c: Cmd, host: string): { address: string; canonical: string } | undefined {
  const hosts = c.sim.fs.readFile('/etc/hosts') ?? '';
  for (const line of hosts.split('\n')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    if (f.length >= 2 && IPV4.test(f[0]!) && f.slice(1).includes(host)) return { address: f[0]!, canonical: f[1]! };
  }
  return undefined;
}

/** Resolve a host name as the container's libc would: IP literal, /etc/hosts, embedded DNS. */
export function resolveHost(c: Cmd, host: string): string | undefined {
  if (IPV4.test(host)) return host;
  return hostsEntry(c, host)?.address ?? dnsLookup(c, host);
}

/** What Docker's embedded DNS (127.0.0.11) answers: peers' names on user-defined networks. */
function dnsLookup(c: Cmd, host: string): string | undefined {
  const net = c.sim.req.network;
  if (!net || !net.embeddedDns) return undefined;
  const h = host.replace(/\.$/, '');
  return net.peers.find((p) => p.names.includes(h))?.ip;
}

type Target = { kind: 'self' } | { kind: 'peer'; peer: NetworkPeer } | { kind: 'gateway' } | { kind: 'lost' } | { kind: 'unreachable' };

/** Who answers at `ip` from this container. */
function reach(c: Cmd, ip: string): Target {
  if (ip.startsWith('127.')) return { kind: 'self' };
  const net = c.sim.req.network;
  const ips = net?.ips ?? [];
  if (!ips.length) return { kind: 'unreachable' };
  if (ips.includes(ip)) return { kind: 'self' };
  const peer = net!.peers.find((p) => p.ip === ip);
  if (peer) return { kind: 'peer', peer };
  for (const mine of ips) {
    const m = IPV4.exec(mine);
    if (m && ip === `${m[1]}.${m[2]}.0.1`) return { kind: 'gateway' };
  }
  return { kind: 'lost' };
}

/** Milliseconds with 3 decimals, from microseconds (busybox's %u.%03u). */
function fmtUs(us: number): string {
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}

export const ping: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const ch = a[k]!;
        if ('csiItWwp'.includes(ch)) {
          opts.set(ch, a.slice(k + 1) || args[++i] || '');
          break;
        }
        flags.add(ch);
      }
    } else operands.push(a);
  }
  if (operands.length !== 1) {
    c.err(PING_USAGE);
    return 1;
  }
  const num = (k: string, float = false): number | undefined | null => {
    const v = opts.get(k);
    if (v === undefined) return undefined;
    if (float ? !/^(\d+(\.\d*)?|\.\d+)$/.test(v) : !/^\d+$/.test(v)) {
      c.err(`ping: invalid number '${v}'\n`);
      return null;
    }
    return Number(v);
  };
  const count = num('c');
  const size = num('s');
  const interval = num('i', true);
  const waitFirst = num('W');
  const deadline = num('w');
  if (count === null || size === null || interval === null || waitFirst === null || deadline === null) return 1;
  const host = operands[0]!;
  const ip = resolveHost(c, host);
  if (!ip) {
    c.err(`ping: bad address '${host}'\n`);
    return 1;
  }
  const bytes = size ?? 56;
  c.out(`PING ${host} (${ip}): ${bytes} data bytes\n`);
  const target = reach(c, ip);
  if (target.kind === 'unreachable') {
    c.err('ping: sendto: Network is unreachable\n');
    return 1;
  }
  const answers = target.kind !== 'lost';
  const quiet = flags.has('q');
  const stepMs = interval !== undefined ? interval * 1000 : 1000;
  const forever = !count && deadline === undefined;
  const n = count || (deadline !== undefined ? Math.max(1, Math.ceil((deadline * 1000) / stepMs)) : 1);
  const rtt = (seq: number): number => {
    const r = c.sim.req.random();
    // First packet pays for ARP resolution; later ones are fast.
    return seq === 0 ? (target.kind === 'self' ? 30 + Math.floor(r * 150) : 100 + Math.floor(r * 900)) : 40 + Math.floor(r * 110);
  };
  const times: number[] = [];
  for (let seq = 0; seq < n; seq++) {
    if (seq > 0) c.sim.sleep(stepMs);
    if (answers) {
      const us = rtt(seq);
      times.push(us);
      if (!quiet) c.out(`${bytes + 8} bytes from ${ip}: seq=${seq} ttl=64 time=${fmtUs(us)} ms\n`);
    }
    if (forever) throw new Blocked('ping');
  }
  if (!answers) c.sim.sleep(deadline !== undefined ? Math.max(0, deadline * 1000 - (n - 1) * stepMs) : (waitFirst ?? 10) * 1000);
  else if (deadline !== undefined && !count) c.sim.sleep(Math.max(1, deadline * 1000 - (n - 1) * stepMs));
  else c.sim.sleep(1);
  const recv = times.length;
  c.out(`\n--- ${host} ping statistics ---\n${n} packets transmitted, ${recv} packets received, ${Math.floor(((n - recv) * 100) / n)}% packet loss\n`);
  if (recv) {
    const sum = times.reduce((a, b) => a + b, 0);
    c.out(`round-trip min/avg/max = ${fmtUs(Math.min(...times))}/${fmtUs(Math.floor(sum / recv))}/${fmtUs(Math.max(...times))} ms\n`);
  }
  return recv ? 0 : 1;
};

/** Document roots of the HTTP servers the simulation knows. */
const HTTP_ROOTS: Record<string, string> = {
  nginx: '/usr/share/nginx/html',
  'nginx-debug': '/usr/share/nginx/html',
  httpd: '/usr/local/apache2/htdocs',
  'httpd-foreground': '/usr/local/apache2/htdocs',
};

function progressLine(name: string, size: number): string {
  let scaled = size;
  let k = 0;
  while (scaled >= 100000) {
    scaled = Math.floor(scaled / 1024);
    k++;
  }
  const label = name.length > 20 ? name.slice(0, 20) : name.padEnd(20);
  return `${label} 100% |${'*'.repeat(32)}|${String(scaled).padStart(6)}${' kMGTPEZY'[k]} 0:00:00 ETA\n`;
}

export const wget: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  let quiet = false;
  let spider = false;
  let output: string | undefined;
  let prefix: string | undefined;
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--spider') spider = true;
    else if (a === '--quiet') quiet = true;
    else if (/^--(header|post-data|post-file|user-agent|output-document|directory-prefix|timeout|proxy|output-file)$/.test(a)) {
      const v = args[++i] ?? '';
      if (a === '--output-document') output = v;
      if (a === '--directory-prefix') prefix = v;
    } else if (a.startsWith('--')) {
      const m = /^--(output-document|directory-prefix)=(.*)$/.exec(a);
      if (m) {
        if (m[1] === 'output-document') output = m[2];
        else prefix = m[2];
      }
    } else if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const ch = a[k]!;
        if ('OoPUYT'.includes(ch)) {
          const v = a.slice(k + 1) || args[++i] || '';
          if (ch === 'O') output = v;
          if (ch === 'P') prefix = v;
          break;
        }
        if (ch === 'q') quiet = true;
      }
    } else urls.push(a);
  }
  if (!urls.length) {
    c.err(WGET_USAGE);
    return 1;
  }
  let status = 0;
  for (const url of urls) {
    const st = fetchOne(c, url, { quiet, spider, output, prefix });
    if (st) status = st;
    if (st) break;
  }
  return status;
};

function fetchOne(c: Cmd, url: string, o: { quiet: boolean; spider: boolean; output?: string; prefix?: string }): number {
  const say = (s: string) => {
    if (!o.quiet) c.err(s);
  };
  const m = /^(?:([a-zA-Z]+):\/\/)?([^/:?#]*)(?::(\d*))?([^?#]*)?/.exec(url)!;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const host = m[2] ?? '';
  const defPort = scheme === 'https' ? 443 : scheme === 'ftp' ? 21 : 80;
  const port = m[3] ? Number(m[3]) : defPort;
  const path = m[4] || '/';
  const ip = resolveHost(c, host);
  if (!ip) {
    c.err(`wget: bad address '${host}'\n`);
    return 1;
  }
  say(`Connecting to ${host}${m[3] ? `:${m[3]}` : ''} (${ip}:${port})\n`);
  const target = reach(c, ip);
  c.sim.sleep(1);
  if (target.kind === 'unreachable') {
    c.err(`wget: can't connect to remote host (${ip}): Network is unreachable\n`);
    return 1;
  }
  if (target.kind === 'lost') {
    c.sim.sleep(130_000);
    c.err(`wget: can't connect to remote host (${ip}): Connection timed out\n`);
    return 1;
  }
  const server = target.kind === 'peer' ? target.peer : target.kind === 'self' ? selfServer(c) : undefined;
  const listener = server?.listeners.find((l) => l.port === port);
  if (!listener || !server) {
    c.err(`wget: can't connect to remote host (${ip}): Connection refused\n`);
    return 1;
  }
  const root = HTTP_ROOTS[listener.program.split('/').pop() ?? ''];
  if (!root || scheme !== 'http') {
    c.err('wget: error getting response\n');
    return 1;
  }
  let file = decodeURIComponent(path);
  if (file.endsWith('/')) file += 'index.html';
  const body = server.readFile(root + file);
  if (body === undefined) {
    c.err('wget: server returned error: HTTP/1.1 404 Not Found\n');
    return 1;
  }
  if (o.spider) {
    say('remote file exists\n');
    return 0;
  }
  const toStdout = o.output === '-';
  let dest = o.output ?? (path.split('/').pop() || 'index.html');
  if (!toStdout && o.prefix && !o.output) dest = `${o.prefix.replace(/\/$/, '')}/${dest}`;
  if (toStdout) {
    say('writing to stdout\n');
    c.out(body);
    say(progressLine('-', body.length));
    say('written to stdout\n');
    return 0;
  }
  const abs = c.abs(dest);
  if (o.output === undefined && c.sim.fs.lstat(abs)) {
    c.err(`wget: can't open '${dest}': File exists\n`);
    return 1;
  }
  say(`saving to '${dest}'\n`);
  if (abs !== '/dev/null') {
    try {
      c.sim.fs.writeFile(abs, body, { mode: 0o644, uid: c.sim.user.uid, gid: c.sim.user.gid });
    } catch {
      c.err(`wget: can't open '${dest}': No such file or directory\n`);
      return 1;
    }
  }
  say(progressLine(dest.split('/').pop() ?? dest, body.length));
  say(`'${dest}' saved\n`);
  return 0;
}

export const nslookup: CommandImpl = (c) => {
  const operands = c.argv.slice(1).filter((a) => !a.startsWith('-'));
  const qtype = /^-(?:type|query|q|t)=(\w+)$/i.exec(c.argv.slice(1).find((a) => /^-(?:type|query|q|t)=/i.test(a)) ?? '')?.[1]?.toLowerCase();
  if (!operands.length) {
    c.err(NSLOOKUP_USAGE);
    return 1;
  }
  const host = operands[0]!;
  const net = c.sim.req.network;
  const resolv = c.sim.fs.readFile('/etc/resolv.conf') ?? '';
  const fromConf = /^nameserver\s+(\S+)/m.exec(resolv)?.[1];
  const server = operands[1] ?? (net?.embeddedDns ? '127.0.0.11' : fromConf ?? '127.0.0.11');
  const embedded = server === '127.0.0.11' && !!net?.embeddedDns;
  if (!net?.ips.length && !server.startsWith('127.')) {
    c.err(`nslookup: can't connect to remote host (${server}): Network is unreachable\n`);
    return 1;
  }
  c.out(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  const m = IPV4.exec(host);
  if (m) {
    const rev = `${m[4]}.${m[3]}.${m[2]}.${m[1]}.in-addr.arpa`;
    const peer = embedded ? net!.peers.find((p) => p.ip === host && p.names.length) : undefined;
    if (peer) {
      c.out(`Non-authoritative answer:\n${rev}\tname = ${peer.names[0]}\n\n`);
      return 0;
    }
    c.out(`** server can't find ${rev}: NXDOMAIN\n\n`);
    return 1;
  }
  const ip = embedded ? dnsLookup(c, host) : undefined;
  if (!ip) {
    c.out(`** server can't find ${host}: NXDOMAIN\n\n** server can't find ${host}: NXDOMAIN\n\n`);
    return 1;
  }
  // Default: an A and an AAAA query (the AAAA answer is empty; the two arrive in either order).
  if (qtype !== 'aaaa') c.out(`Non-authoritative answer:\nName:\t${host}\nAddress: ${ip}\n\n`);
  if (qtype === undefined || qtype === 'aaaa') c.out('Non-authoritative answer:\n\n');
  return 0;
};

// ---- curl (Debian-based images such as nginx ship curl 7.88.1) ----------------------------------

const NGINX_404 = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';

/** Servers listening inside this container, seen from an exec'd process (the image's main program). */
function selfServer(c: Cmd): NetworkPeer | undefined {
  if (c.sim.req.pid === 1) return undefined;
  const repo = c.sim.req.imageFlavor.toLowerCase().split('/').pop()!.split(':')[0]!;
  const program = repo === 'nginx' ? 'nginx' : repo === 'httpd' ? 'httpd' : repo === 'redis' ? 'redis-server' : undefined;
  if (!program) return undefined;
  const port = program === 'redis-server' ? 6379 : 80;
  return { ip: '127.0.0.1', names: [], listeners: [{ port, program }], readFile: (p) => c.sim.fs.readFile(p) };
}

const METER_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
const METER_ZERO = '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

function meterSize(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  return `${Math.round(n / 1024)}k`.padStart(5);
}

export const curl: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  let silent = false;
  let showErr = false;
  let fail = false;
  let head = false;
  let include = false;
  let outFile: string | undefined;
  let remoteName = false;
  let writeOut: string | undefined;
  const urls: string[] = [];
  const withValue = new Set(['-o', '-w', '-X', '-H', '-d', '-m', '-u', '-A', '-e', '--output', '--write-out', '--request', '--header', '--data', '--max-time', '--connect-timeout', '--user', '--user-agent', '--retry']);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      if (a === '--silent') silent = true;
      else if (a === '--show-error') showErr = true;
      else if (a === '--fail') fail = true;
      else if (a === '--head') head = true;
      else if (a === '--include') include = true;
      else if (a === '--remote-name') remoteName = true;
      else if (withValue.has(a)) {
        const v = args[++i] ?? '';
        if (a === '--output') outFile = v;
        if (a === '--write-out') writeOut = v;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const ch = a[k]!;
        if (withValue.has('-' + ch)) {
          const v = a.slice(k + 1) || args[++i] || '';
          if (ch === 'o') outFile = v;
          if (ch === 'w') writeOut = v;
          break;
        }
        if (ch === 's') silent = true;
        else if (ch === 'S') showErr = true;
        else if (ch === 'f') fail = true;
        else if (ch === 'I') head = true;
        else if (ch === 'i') include = true;
        else if (ch === 'O') remoteName = true;
      }
      continue;
    }
    urls.push(a);
  }
  if (!urls.length) {
    c.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const url = urls[0]!;
  const meter = !silent;
  const errMsg = (code: number, msg: string, nl = true): number => {
    if (!silent || showErr) c.err(`${meter && nl ? '\n' : ''}curl: (${code}) ${msg}\n`);
    return code;
  };
  if (meter) c.err(METER_HEAD + METER_ZERO);
  const m = /^(?:([a-zA-Z]+):\/\/)?([^/:?#]*)(?::(\d*))?([^?#]*)?/.exec(url)!;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const host = m[2] ?? '';
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const path = m[4] || '/';
  const ip = host === 'localhost' ? '127.0.0.1' : resolveHost(c, host);
  if (!ip) return errMsg(6, `Could not resolve host: ${host}`, false);
  const target = reach(c, ip);
  const self = target.kind === 'self' ? selfServer(c) : undefined;
  const peer = target.kind === 'peer' ? target.peer : self;
  const listener = peer?.listeners.find((l) => l.port === port);
  const ms = Math.floor(c.sim.req.random() * 3);
  if (target.kind === 'lost') {
    c.sim.sleep(130_000);
    if (meter) c.err(METER_ZERO);
    return errMsg(28, `Failed to connect to ${host} port ${port} after 130000 ms: Couldn't connect to server`);
  }
  if (!peer || !listener) {
    if (meter) c.err(METER_ZERO);
    return errMsg(7, `Failed to connect to ${host} port ${port} after ${ms} ms: Couldn't connect to server`);
  }
  const root = HTTP_ROOTS[listener.program.split('/').pop() ?? ''];
  if (!root || scheme !== 'http') {
    if (meter) c.err(METER_ZERO);
    return errMsg(scheme === 'https' ? 35 : 1, scheme === 'https' ? 'OpenSSL/3.0.11: error:0A00010B:SSL routines::wrong version number' : 'Received HTTP/0.9 when not allowed');
  }
  let file = decodeURIComponent(path);
  if (file.endsWith('/')) file += 'index.html';
  const found = peer.readFile(root + file);
  const status = found === undefined ? 404 : 200;
  const body = found ?? NGINX_404;
  const date = new Date(c.sim.nowMs).toUTCString();
  const headers = `HTTP/1.1 ${status === 200 ? '200 OK' : '404 Not Found'}\r\nServer: nginx/1.22.1\r\nDate: ${date}\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n`;
  if (status >= 400 && fail) {
    if (meter) c.err(METER_ZERO);
    return errMsg(22, `The requested URL returned error: ${status}`);
  }
  const payload = head ? headers : include ? headers + body : body;
  const dest = outFile ?? (remoteName ? path.split('/').pop() || 'index.html' : undefined);
  if (dest === undefined || dest === '-') c.out(payload);
  else if (c.abs(dest) !== '/dev/null') {
    try {
      c.sim.fs.writeFile(c.abs(dest), payload, { mode: 0o644, uid: c.sim.user.uid, gid: c.sim.user.gid });
    } catch {
      return errMsg(23, `Failure writing output to destination`);
    }
  }
  if (meter) {
    const n = payload.length;
    const speed = Math.round(n * (40 + c.sim.req.random() * 160));
    c.err(`\r100 ${meterSize(n)}  100 ${meterSize(n)}    0     0 ${meterSize(speed)}      0 --:--:-- --:--:-- --:--:-- ${meterSize(speed)}\n`);
  }
  if (writeOut !== undefined) {
    const w = writeOut
      .replace(/%\{http_code\}|%\{response_code\}/g, String(status))
      .replace(/%\{size_download\}/g, String(head ? 0 : body.length))
      .replace(/%\{url_effective\}/g, url.includes('://') ? url : `http://${url}${m[4] ? '' : '/'}`)
      .replace(/\\n/g, '\n')
      .replace(/\\t/g, '\t');
    c.out(w);
  }
  return 0;
};

// ---- ip (busybox): link, addr and route of the container's network namespace -------------------

const IP_USAGE = `${BB}Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]

OPTIONS := -f[amily] inet|inet6|link | -o[neline]

ip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]
ip route list|flush|add|del|change|append|replace|test ROUTE
ip link set IFACE [up|down] [arp on|off] [multicast on|off]
\t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]
\t[master IFACE | nomaster] [netns PID]
ip tunnel add|change|del|show [NAME]
\t[mode ipip|gre|sit] [remote ADDR] [local ADDR] [ttl TTL]
ip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]
ip rule [list] | add|del SELECTOR ACTION
`;

/** One interface as `ip` lists it: its header line, link line and addresses. */
interface IpLink {
  index: number;
  /** Name as listed by `ip link` ("eth0@if3266") and as used in addresses ("eth0"). */
  shown: string;
  name: string;
  flags: string;
  tail: string;
  link: string;
  inet: string[];
  inet6: string[];
}

function ipLinks(c: Cmd): IpLink[] {
  const forever = '       valid_lft forever preferred_lft forever';
  const links: IpLink[] = [{
    index: 1, shown: 'lo', name: 'lo', flags: '<LOOPBACK,UP,LOWER_UP> mtu 65536', tail: 'qlen 1000',
    link: '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
    inet: [`    inet 127.0.0.1/8 scope host lo`, forever], inet6: ['    inet6 ::1/128 scope host ', forever],
  }];
  for (const [i, itf] of (c.sim.req.network?.interfaces ?? []).entries()) {
    const ip = itf.ipv4.split('.').reduce((n, o) => n * 256 + Number(o), 0);
    const hostBits = 2 ** (32 - itf.prefixLen) - 1;
    const brd = ip - (ip % (hostBits + 1)) + hostBits;
    const brdText = [24, 16, 8, 0].map((s) => Math.floor(brd / 2 ** s) % 256).join('.');
    links.push({
      index: i + 2, shown: `${itf.name}@if${itf.peerIndex}`, name: itf.name,
      flags: '<BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500', tail: '',
      link: `    link/ether ${itf.mac} brd ff:ff:ff:ff:ff:ff`,
      inet: [`    inet ${itf.ipv4}/${itf.prefixLen} brd ${brdText} scope global ${itf.name}`, forever], inet6: [],
    });
  }
  return links;
}

export const ip: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  let oneline = false;
  let family: 'inet' | 'inet6' | 'link' | undefined;
  while (args[0]?.startsWith('-')) {
    const opt = args.shift()!;
    if (opt === '-o' || opt === '-oneline') oneline = true;
    else if (opt === '-4') family = 'inet';
    else if (opt === '-6') family = 'inet6';
    else if (opt === '-0') family = 'link';
    else if (opt === '-f' || opt === '-family') family = args.shift() as typeof family;
    else { c.err(IP_USAGE); return 1; }
  }
  const object = args.shift() ?? '';
  const isObject = (full: string) => object !== '' && full.startsWith(object);
  if (isObject('route') || isObject('neigh') || isObject('rule') || isObject('tunnel')) {
    if (!isObject('route')) return 0;
    for (const itf of c.sim.req.network?.interfaces ?? []) {
      if (itf === c.sim.req.network?.interfaces?.[0] && itf.gateway) c.out(`default via ${itf.gateway} dev ${itf.name} \n`);
      const ipNum = itf.ipv4.split('.').reduce((n, o) => n * 256 + Number(o), 0);
      const size = 2 ** (32 - itf.prefixLen);
      const net = ipNum - (ipNum % size);
      c.out(`${[24, 16, 8, 0].map((s) => Math.floor(net / 2 ** s) % 256).join('.')}/${itf.prefixLen} dev ${itf.name} scope link  src ${itf.ipv4} \n`);
    }
    return 0;
  }
  const addresses = isObject('address');
  if (!addresses && !isObject('link')) { c.err(IP_USAGE); return 1; }
  // [show] [dev] IFACE
  if (args[0] === 'show' || args[0] === 'list') args.shift();
  if (args[0] === 'dev') args.shift();
  let links = ipLinks(c);
  const wanted = args[0];
  if (wanted !== undefined) {
    links = links.filter((l) => l.name === wanted);
    if (!links.length) { c.err(`ip: can't find device '${wanted}'\n`); return 2; }
  }
  const print = (lines: string[]) => c.out(oneline ? `${lines.join('\\')}\n` : lines.map((l) => `${l}\n`).join(''));
  for (const l of links) {
    // busybox asks for the queueing discipline only when it lists every family.
    const header = `${l.index}: ${l.shown}: ${l.flags}${family === 'inet6' ? '' : ' qdisc noqueue'}${l.tail ? ` ${l.tail}` : ' '}`;
    if (!addresses) { print([header, l.link]); continue; }
    const inet = family === 'inet6' ? [] : l.inet;
    const inet6 = family === 'inet' ? [] : l.inet6;
    if (family && family !== 'link' && !inet.length && !inet6.length) continue;
    if (oneline) {
      for (let i = 0; i < inet.length; i += 2) c.out(`${l.index}: ${l.name}${inet[i]}\\${inet[i + 1]}\n`);
      for (let i = 0; i < inet6.length; i += 2) c.out(`${l.index}: ${l.name}${inet6[i]}\\${inet6[i + 1]}\n`);
      continue;
    }
    print([header, ...(family === 'inet' || family === 'inet6' ? [] : [l.link]), ...inet, ...inet6]);
  }
  return 0;
};
