// ping, wget and nslookup (busybox applets) over a NetworkView; texts as observed on Docker
// Engine 28.5.2 with busybox:latest (1.35.0) talking to nginx/redis peers (fixtures network-dns/).
import { describe, expect, it } from 'vitest';
import type { LayerData } from '../../src/engine/fs/types.js';
import type { NetworkView } from '../../src/engine/userland/types.js';
import { busyboxTree, NOW, run } from './helpers.js';

const INDEX = '<!DOCTYPE html>\n<html>\n<title>Welcome to nginx!</title>\n</html>\n';

function tree(): LayerData {
  const l = busyboxTree();
  for (const a of ['ping', 'wget', 'nslookup', 'ip']) l['/bin/' + a] = { ...l['/bin/ls']! };
  const hosts = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n172.18.0.4\tprobe\n';
  l['/etc/hosts'] = { type: 'file', mode: 0o644, uid: 0, gid: 0, content: hosts, size: hosts.length, mtimeMs: NOW };
  return l;
}

function view(embeddedDns = true): NetworkView {
  return {
    ips: ['172.18.0.4'],
    embeddedDns,
    peers: [
      { ip: '172.18.0.2', names: embeddedDns ? ['web', 'www', 'abcdef012345'] : [], listeners: [{ port: 80, program: 'nginx' }], readFile: (p) => (p === '/usr/share/nginx/html/index.html' ? INDEX : undefined) },
      { ip: '172.18.0.3', names: embeddedDns ? ['red'] : [], listeners: [{ port: 6379, program: 'redis-server' }], readFile: () => undefined },
    ],
  };
}

const bb = (argv: string[], network: NetworkView | undefined = view(), extra = {}) => run(tree(), argv, { network, ...extra });
const blankTimes = (s: string) => s.replace(/time=[0-9.]+/g, 'time=T').replace(/= [0-9./]+ ms/, '= T ms');

describe('ping', () => {
  it('pings a peer by name, with statistics', () => {
    const r = bb(['ping', '-c', '2', 'web']);
    expect(r.code).toBe(0);
    expect(blankTimes(r.stdout)).toBe(`PING web (172.18.0.2): 56 data bytes
64 bytes from 172.18.0.2: seq=0 ttl=64 time=T ms
64 bytes from 172.18.0.2: seq=1 ttl=64 time=T ms

--- web ping statistics ---
2 packets transmitted, 2 packets received, 0% packet loss
round-trip min/avg/max = T ms
`);
    expect(r.stdout).toMatch(/time=\d+\.\d{3} ms/);
    // one second between packets
    expect(r.outcome.kind === 'exited' && r.outcome.durationMs).toBeGreaterThanOrEqual(1000);
    const m = /= (\d+\.\d+)\/(\d+\.\d+)\/(\d+\.\d+) ms/.exec(r.stdout)!;
    expect(Number(m[1])).toBeLessThanOrEqual(Number(m[2]));
    expect(Number(m[2])).toBeLessThanOrEqual(Number(m[3]));
  });

  it('-q prints only the header and statistics', () => {
    const r = bb(['ping', '-c', '1', '-q', 'www']);
    expect(blankTimes(r.stdout)).toBe('PING www (172.18.0.2): 56 data bytes\n\n--- www ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = T ms\n');
  });

  it('bad address: unknown names, and container names on the default bridge', () => {
    expect(bb(['ping', '-c', '1', 'nosuch'])).toMatchObject({ stderr: "ping: bad address 'nosuch'\n", stdout: '', code: 1 });
    expect(bb(['ping', '-c', '1', 'web'], view(false))).toMatchObject({ stderr: "ping: bad address 'web'\n", code: 1 });
  });

  it('by IP on the default bridge, localhost and its own hostname', () => {
    expect(bb(['ping', '-c', '1', '172.18.0.2'], view(false)).stdout).toContain('64 bytes from 172.18.0.2: seq=0');
    expect(bb(['ping', '-c', '1', 'localhost']).stdout).toContain('PING localhost (127.0.0.1): 56 data bytes\n64 bytes from 127.0.0.1');
    expect(bb(['ping', '-c', '1', 'probe']).stdout).toContain('PING probe (172.18.0.4)');
  });

  it('an address nobody answers: 100% loss after the wait, exit 1', () => {
    const r = bb(['ping', '-c', '1', '-W', '1', '172.17.0.9']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('PING 172.17.0.9 (172.17.0.9): 56 data bytes\n\n--- 172.17.0.9 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n');
  });

  it('no network (--network none)', () => {
    const r = bb(['ping', '-c', '1', '172.18.0.2'], { ips: [], embeddedDns: false, peers: [] });
    expect(r).toMatchObject({ stdout: 'PING 172.18.0.2 (172.18.0.2): 56 data bytes\n', stderr: 'ping: sendto: Network is unreachable\n', code: 1 });
  });

  it('usage and bad numbers', () => {
    const u = bb(['ping']);
    expect(u.code).toBe(1);
    expect(u.stderr).toMatch(/^BusyBox v1\.35\.0 .*\n\nUsage: ping \[OPTIONS\] HOST\n/);
    expect(bb(['ping', '-c', 'x', 'web'])).toMatchObject({ stderr: "ping: invalid number 'x'\n", code: 1 });
  });

  it('without -c it runs until stopped', () => {
    const r = bb(['ping', 'web']);
    expect(r.outcome.kind).toBe('running');
    expect(r.stdout).toMatch(/^PING web \(172\.18\.0\.2\): 56 data bytes\n64 bytes from 172\.18\.0\.2: seq=0 ttl=64 time=\d+\.\d{3} ms\n$/);
  });
});

describe('wget', () => {
  it('-qO- prints the page', () => {
    expect(bb(['wget', '-qO-', 'web'])).toMatchObject({ stdout: INDEX, stderr: '', code: 0 });
  });

  it('-O- shows progress on stderr', () => {
    const r = bb(['wget', '-O-', 'http://web/']);
    expect(r.stdout).toBe(INDEX);
    const n = String(INDEX.length).padStart(6);
    expect(r.stderr).toBe(`Connecting to web (172.18.0.2:80)\nwriting to stdout\n-                    100% |********************************|${n}  0:00:00 ETA\nwritten to stdout\n`);
  });

  it('saves index.html, refuses to overwrite it', () => {
    const r = run(tree(), ['sh', '-c', 'cd /tmp; wget web; echo rc=$?; cat index.html; wget web; echo rc=$?; wget -O /dev/null web'], { network: view() });
    expect(r.stdout).toBe(`rc=0\n${INDEX}rc=1\n`);
    expect(r.stderr).toContain("saving to 'index.html'\nindex.html           100% |");
    expect(r.stderr).toContain("'index.html' saved\nConnecting to web (172.18.0.2:80)\nwget: can't open 'index.html': File exists\n");
    expect(r.stderr).toContain("saving to '/dev/null'\nnull                 100% |");
  });

  it('errors: refused, 404, not HTTP, bad address, unreachable', () => {
    expect(bb(['wget', '-qO-', 'web:81'])).toMatchObject({ stderr: "wget: can't connect to remote host (172.18.0.2): Connection refused\n", code: 1 });
    expect(bb(['wget', '-O-', 'web:81']).stderr).toBe("Connecting to web:81 (172.18.0.2:81)\nwget: can't connect to remote host (172.18.0.2): Connection refused\n");
    expect(bb(['wget', '-O-', 'web/nope'])).toMatchObject({ stderr: 'Connecting to web (172.18.0.2:80)\nwget: server returned error: HTTP/1.1 404 Not Found\n', code: 1 });
    expect(bb(['wget', '-O-', 'red:6379'])).toMatchObject({ stderr: 'Connecting to red:6379 (172.18.0.3:6379)\nwget: error getting response\n', code: 1 });
    expect(bb(['wget', '-O-', 'nosuch'])).toMatchObject({ stderr: "wget: bad address 'nosuch'\n", code: 1 });
    expect(bb(['wget', '-qO-', 'web'], view(false))).toMatchObject({ stderr: "wget: bad address 'web'\n", code: 1 });
    expect(bb(['wget', '-qO-', '172.18.0.2'], { ips: [], embeddedDns: false, peers: [] }).stderr).toBe("wget: can't connect to remote host (172.18.0.2): Network is unreachable\n");
  });

  it('--spider', () => {
    expect(bb(['wget', '--spider', 'web'])).toMatchObject({ stdout: '', stderr: 'Connecting to web (172.18.0.2:80)\nremote file exists\n', code: 0 });
    expect(bb(['wget', '-q', '--spider', 'web'])).toMatchObject({ stderr: '', code: 0 });
    expect(bb(['wget', '--spider', 'web/x']).code).toBe(1);
  });

  it('usage', () => {
    expect(bb(['wget']).stderr).toMatch(/^BusyBox v1\.35\.0 .*\n\nUsage: wget \[-cqS\]/);
  });
});

describe('nslookup', () => {
  it('answers peer names from 127.0.0.11', () => {
    expect(bb(['nslookup', 'web'])).toMatchObject({
      stdout: 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.2\n\nNon-authoritative answer:\n\n',
      code: 0,
    });
  });

  it('NXDOMAIN for unknown names (and for localhost: DNS only)', () => {
    const r = bb(['nslookup', 'nosuch']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can't find nosuch: NXDOMAIN\n\n** server can't find nosuch: NXDOMAIN\n\n");
    expect(bb(['nslookup', 'localhost']).code).toBe(1);
  });

  it('usage', () => {
    expect(bb(['nslookup'])).toMatchObject({ code: 1 });
    expect(bb(['nslookup']).stderr).toContain('Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
  });
});

describe('curl (nginx image)', () => {
  const nginxTree = () => {
    const l = tree();
    l['/usr/bin/curl'] = { ...l['/bin/ls']! };
    l['/usr/share'] = { type: 'dir', mode: 0o755, uid: 0, gid: 0, mtimeMs: NOW };
    l['/usr/share/nginx'] = { type: 'dir', mode: 0o755, uid: 0, gid: 0, mtimeMs: NOW };
    l['/usr/share/nginx/html'] = { type: 'dir', mode: 0o755, uid: 0, gid: 0, mtimeMs: NOW };
    l['/usr/share/nginx/html/index.html'] = { type: 'file', mode: 0o644, uid: 0, gid: 0, content: INDEX, size: INDEX.length, mtimeMs: NOW };
    return l;
  };
  const cu = (argv: string[], extra = {}) => run(nginxTree(), ['curl', ...argv], { network: view(), image: 'nginx', ...extra });

  it('fetches a peer page, and its own server when exec’d', () => {
    expect(cu(['-s', 'http://web/'])).toMatchObject({ stdout: INDEX, stderr: '', code: 0 });
    expect(cu(['-s', 'localhost'], { pid: 12 })).toMatchObject({ stdout: INDEX, code: 0 });
    expect(cu(['-s', 'localhost'])).toMatchObject({ stdout: '', code: 7 });
  });

  it('404 page, -f, -w, errors', () => {
    expect(cu(['-s', 'web/nope']).stdout).toContain('<head><title>404 Not Found</title></head>\r\n');
    expect(cu(['-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'web/nope']).stdout).toBe('404\n');
    expect(cu(['-sf', 'web/nope'])).toMatchObject({ stderr: '', code: 22 });
    expect(cu(['-f', '-sS', 'web/nope'])).toMatchObject({ stderr: 'curl: (22) The requested URL returned error: 404\n', code: 22 });
    expect(cu(['-sS', 'nosuch'])).toMatchObject({ stderr: 'curl: (6) Could not resolve host: nosuch\n', code: 6 });
    expect(cu(['-sS', 'web:81']).stderr).toMatch(/^curl: \(7\) Failed to connect to web port 81 after \d+ ms: Couldn't connect to server\n$/);
    expect(cu([])).toMatchObject({ stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", code: 2 });
    expect(cu(['-sI', 'web']).stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.22\.1\r\n/);
  });
});

describe('ip', () => {
  const FOREVER = '       valid_lft forever preferred_lft forever';
  const bridged = (): NetworkView => ({ ...view(false), ips: ['172.17.0.2'], interfaces: [{ name: 'eth0', mac: '66:e5:85:74:5c:bb', ipv4: '172.17.0.2', prefixLen: 16, gateway: '172.17.0.1', peerIndex: 3266 }] });
  const none = (): NetworkView => ({ ips: [], interfaces: [], embeddedDns: false, peers: [] });

  it('lists lo alone with --network none', () => {
    expect(bb(['ip', '-o', 'link'], none()).stdout).toBe('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n');
    expect(bb(['ip', 'route'], none())).toMatchObject({ stdout: '', code: 0 });
  });
  it('shows the veth end and the addresses of a bridged container', () => {
    expect(bb(['ip', 'link'], bridged()).stdout).toBe([
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000',
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      '2: eth0@if3266: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue ',
      '    link/ether 66:e5:85:74:5c:bb brd ff:ff:ff:ff:ff:ff', ''].join('\n'));
    expect(bb(['ip', 'a', 'show', 'eth0'], bridged()).stdout).toBe([
      '2: eth0@if3266: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue ',
      '    link/ether 66:e5:85:74:5c:bb brd ff:ff:ff:ff:ff:ff',
      '    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0', FOREVER, ''].join('\n'));
    expect(bb(['ip', '-o', 'addr'], bridged()).stdout).toBe([
      `1: lo    inet 127.0.0.1/8 scope host lo\\${FOREVER}`,
      `1: lo    inet6 ::1/128 scope host \\${FOREVER}`,
      `2: eth0    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\\${FOREVER}`, ''].join('\n'));
    expect(bb(['ip', '-6', 'addr'], bridged()).stdout).toBe(`1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qlen 1000\n    inet6 ::1/128 scope host \n${FOREVER}\n`);
    expect(bb(['ip', 'route'], bridged()).stdout).toBe('default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n');
  });
  it('reports an unknown device or object as busybox does', () => {
    expect(bb(['ip', 'link', 'show', 'eth9'], bridged())).toMatchObject({ stderr: "ip: can't find device 'eth9'\n", code: 2 });
    const usage = bb(['ip', 'bogus'], bridged());
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/^BusyBox v1\.35\.0 .*\n\nUsage: ip \[OPTIONS\] address\|route\|link/);
  });
});
