// Services and process start, against what Docker Engine 28.5.2 printed for the real images
// (nginx 1.22.1 with the official-style entrypoint, redis 7.0.15, hello-world).
import { describe, expect, it } from 'vitest';
import { createContainerFs, diffChanges, formatChanges } from '../../src/engine/fs/index.js';
import type { FsNode, LayerData } from '../../src/engine/fs/types.js';
import { applyExitEffects, HELLO_TEXT, reactToSignal } from '../../src/engine/userland/index.js';
import { busyboxTree, debianTree, NOW, run } from './helpers.js';

const T = Date.UTC(2026, 10, 28, 2, 5, 0);
const dir = (mode = 0o755): FsNode => ({ type: 'dir', mode, uid: 0, gid: 0, mtimeMs: T });
const file = (content = '', mode = 0o644): FsNode => ({ type: 'file', mode, uid: 0, gid: 0, content, size: content.length, mtimeMs: T });

const DEFAULT_CONF = 'server {\n    listen       80;\n    server_name  localhost;\n}\n';

function nginxTree(): LayerData {
  const l = debianTree();
  Object.assign(l, {
    '/docker-entrypoint.sh': file('#!/bin/sh\n', 0o775),
    '/docker-entrypoint.d': dir(),
    '/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh': file('#!/bin/sh\n', 0o775),
    '/docker-entrypoint.d/15-local-resolvers.envsh': file('#!/bin/sh\n', 0o775),
    '/docker-entrypoint.d/20-envsubst-on-templates.sh': file('#!/bin/sh\n', 0o775),
    '/docker-entrypoint.d/30-tune-worker-processes.sh': file('#!/bin/sh\n', 0o775),
    '/etc/nginx': dir(),
    '/etc/nginx/nginx.conf': file('user  nginx;\nworker_processes  auto;\n'),
    '/etc/nginx/conf.d': dir(),
    '/etc/nginx/conf.d/default.conf': file(DEFAULT_CONF),
    '/usr/sbin/nginx': { type: 'file', mode: 0o755, uid: 0, gid: 0, size: 1200000, mtimeMs: T },
    '/run': dir(),
    '/var/cache': dir(),
    '/var/cache/nginx': dir(),
  });
  return l;
}

const NGINX_STDOUT = `/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf
10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf
/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh
/docker-entrypoint.sh: Configuration complete; ready for start up
`;

function startNginx() {
  const layer = nginxTree();
  const fs = createContainerFs([layer], {}, { now: () => NOW });
  const r = run(layer, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], { image: 'nginx', fs, random: () => 0.5 });
  return { ...r, layer };
}

describe('nginx', () => {
  it('prints the entrypoint lines on stdout and the notices on stderr (observed)', () => {
    const r = startNginx();
    expect(r.outcome.kind).toBe('running');
    expect(r.stdout).toBe(NGINX_STDOUT);
    expect(r.stderr).toBe(`2026/11/28 02:10:00 [notice] 1#1: using the "epoll" event method
2026/11/28 02:10:00 [notice] 1#1: nginx/1.22.1
2026/11/28 02:10:00 [notice] 1#1: OS: Linux 6.18.44-fc-v595
2026/11/28 02:10:00 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 20000:20000
2026/11/28 02:10:00 [notice] 1#1: start worker processes
2026/11/28 02:10:00 [notice] 1#1: start worker process 25
2026/11/28 02:10:00 [notice] 1#1: start worker process 26
`);
    if (r.outcome.kind === 'running') {
      expect(r.outcome.service.program).toBe('nginx');
      const times = r.outcome.output.map((c) => c.atMs);
      expect(times[0]).toBe(0);
      expect(Math.max(...times)).toBeLessThan(50);
    }
  });

  it('docker diff while running matches the engine (set of changes)', () => {
    const r = startNginx();
    const out = formatChanges(diffChanges([r.layer], r.fs.upper()));
    expect(out.trim().split('\n').sort()).toEqual(
      `C /etc
C /etc/nginx
C /etc/nginx/conf.d
C /etc/nginx/conf.d/default.conf
C /run
A /run/nginx.pid
C /var
C /var/cache
C /var/cache/nginx
A /var/cache/nginx/proxy_temp
A /var/cache/nginx/scgi_temp
A /var/cache/nginx/uwsgi_temp
A /var/cache/nginx/client_temp
A /var/cache/nginx/fastcgi_temp`
        .split('\n')
        .sort(),
    );
    expect(r.fs.readFile('/etc/nginx/conf.d/default.conf')).toBe('server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n}\n');
    expect(r.fs.readFile('/run/nginx.pid')).toBe('1\n');
    expect(r.fs.stat('/var/cache/nginx/client_temp')).toMatchObject({ mode: 0o700, uid: 101, gid: 0 });
  });

  it('SIGQUIT (docker stop): graceful shutdown lines, exit 0, pid file removed (observed)', () => {
    const r = startNginx();
    if (r.outcome.kind !== 'running') throw new Error('not running');
    const at = Date.UTC(2026, 10, 28, 2, 10, 3);
    const q = reactToSignal(r.outcome.service, 'SIGQUIT', at)!;
    expect(q.exitCode).toBe(0);
    expect(q.output.map((c) => c.text).join('')).toBe(`2026/11/28 02:10:03 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down
2026/11/28 02:10:03 [notice] 26#26: gracefully shutting down
2026/11/28 02:10:03 [notice] 26#26: exiting
2026/11/28 02:10:03 [notice] 26#26: exit
2026/11/28 02:10:03 [notice] 25#25: gracefully shutting down
2026/11/28 02:10:03 [notice] 25#25: exiting
2026/11/28 02:10:03 [notice] 25#25: exit
2026/11/28 02:10:03 [notice] 1#1: signal 17 (SIGCHLD) received from 26
2026/11/28 02:10:03 [notice] 1#1: worker process 25 exited with code 0
2026/11/28 02:10:03 [notice] 1#1: worker process 26 exited with code 0
2026/11/28 02:10:03 [notice] 1#1: exit
`);
    applyExitEffects(r.outcome.service, r.fs);
    const after = formatChanges(diffChanges([r.layer], r.fs.upper()));
    expect(after).not.toContain('/run');
    expect(after.trim().split('\n')).toHaveLength(12);
    // The static map holds the same reactions (rendered for right after start-up).
    expect(Object.keys(r.outcome.service.signals).sort()).toEqual(['SIGINT', 'SIGQUIT', 'SIGTERM']);
  });

  it('SIGTERM and SIGINT: fast shutdown; SIGHUP reloads and keeps running (observed)', () => {
    const r = startNginx();
    if (r.outcome.kind !== 'running') throw new Error('not running');
    const at = Date.UTC(2026, 10, 28, 2, 10, 2);
    const t = reactToSignal(r.outcome.service, 'SIGTERM', at)!.output[0]!.text;
    expect(t.split('\n')[0]).toBe('2026/11/28 02:10:02 [notice] 1#1: signal 15 (SIGTERM) received, exiting');
    expect(t).toContain('[notice] 1#1: signal 29 (SIGIO) received\n');
    const i = reactToSignal(r.outcome.service, 'SIGINT', at)!.output[0]!.text;
    expect(i.split('\n').slice(0, 5).join('\n')).toBe(
      '2026/11/28 02:10:02 [notice] 1#1: signal 2 (SIGINT) received, exiting\n2026/11/28 02:10:02 [notice] 25#25: exiting\n2026/11/28 02:10:02 [notice] 26#26: exiting\n2026/11/28 02:10:02 [notice] 25#25: exit\n2026/11/28 02:10:02 [notice] 26#26: exit',
    );
    const h = reactToSignal(r.outcome.service, 'SIGHUP', at)!;
    expect(h.keepsRunning).toBe(true);
    expect(h.output[0]!.text).toContain('[notice] 1#1: signal 1 (SIGHUP) received, reconfiguring\n');
    expect(h.output[0]!.text).toContain('[notice] 1#1: start worker process 27\n');
  });

  it('a second start reports IPv6 already enabled; NGINX_ENTRYPOINT_QUIET_LOGS silences the entrypoint', () => {
    const layer = nginxTree();
    const fs = createContainerFs([layer], {}, { now: () => NOW });
    run(layer, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], { image: 'nginx', fs });
    const again = run(layer, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], { image: 'nginx', fs });
    expect(again.stdout).toContain('10-listen-on-ipv6-by-default.sh: info: IPv6 listen already enabled\n');
    const quiet = run(layer, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], { image: 'nginx', env: ['PATH=/usr/sbin:/usr/bin', 'NGINX_ENTRYPOINT_QUIET_LOGS=1'] });
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toContain('start worker processes');
  });

  it('the entrypoint runs other commands directly', () => {
    const r = run(nginxTree(), ['/docker-entrypoint.sh', 'echo', 'hi'], { image: 'nginx' });
    expect(r.all).toBe('hi\n');
    expect(run(nginxTree(), ['/docker-entrypoint.sh', 'nginx', '-v'], { image: 'nginx' }).stderr).toContain('nginx version: nginx/1.22.1\n');
  });
});

function redisTree(withDump = false): LayerData {
  const l = debianTree();
  Object.assign(l, {
    '/usr/local/bin': dir(),
    '/usr/local/bin/docker-entrypoint.sh': file('#!/bin/sh\n', 0o775),
    '/usr/local/bin/redis-server': { type: 'file', mode: 0o755, uid: 0, gid: 0, size: 9000000, mtimeMs: T },
    '/data': { type: 'dir', mode: 0o755, uid: 999, gid: 999, mtimeMs: T },
  });
  if (withDump) l['/data/dump.rdb'] = { ...file('REDIS'), mtimeMs: NOW - 60000 };
  return l;
}

describe('redis', () => {
  it('start-up log as docker logs shows it (observed format)', () => {
    const r = run(redisTree(), ['docker-entrypoint.sh', 'redis-server'], { image: 'redis', cwd: '/data', nowMs: Date.UTC(2026, 10, 28, 2, 9, 30, 637) });
    expect(r.outcome.kind).toBe('running');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`1:C 28 Nov 2026 02:09:30.637 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo
1:C 28 Nov 2026 02:09:30.637 # Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=1, just started
1:C 28 Nov 2026 02:09:30.637 # Configuration loaded
1:M 28 Nov 2026 02:09:30.637 * monotonic clock: POSIX clock_gettime
1:M 28 Nov 2026 02:09:30.638 * Running mode=standalone, port=6379.
1:M 28 Nov 2026 02:09:30.638 # Server initialized
1:M 28 Nov 2026 02:09:30.639 # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.
1:M 28 Nov 2026 02:09:30.639 * Ready to accept connections
`);
  });

  it('SIGTERM: shutdown lines, exit 0, dump.rdb written (observed)', () => {
    const r = run(redisTree(), ['docker-entrypoint.sh', 'redis-server'], { image: 'redis', cwd: '/data' });
    if (r.outcome.kind !== 'running') throw new Error('not running');
    const at = Date.UTC(2026, 10, 28, 2, 9, 32, 702);
    const s = reactToSignal(r.outcome.service, 'SIGTERM', at)!;
    expect(s.exitCode).toBe(0);
    expect(s.output.map((c) => c.text).join('')).toBe(`1:signal-handler (1795831772) Received SIGTERM scheduling shutdown...
1:M 28 Nov 2026 02:09:32.750 # User requested shutdown...
1:M 28 Nov 2026 02:09:32.750 * Saving the final RDB snapshot before exiting.
1:M 28 Nov 2026 02:09:32.754 * DB saved on disk
1:M 28 Nov 2026 02:09:32.755 # Redis is now ready to exit, bye bye...
`);
    applyExitEffects(r.outcome.service, r.fs);
    expect(r.fs.stat('/data/dump.rdb')?.type).toBe('file');
    // /data is a volume: docker diff shows nothing.
    expect(diffChanges([redisTree()], r.fs.upper(), { mounts: ['/data'] })).toEqual([]);
    expect(reactToSignal(r.outcome.service, 'SIGINT', at)!.output[0]!.text).toContain('Received SIGINT scheduling shutdown...');
  });

  it('on a terminal the logo replaces the "Running mode" line, lines end in CRLF (observed)', () => {
    const r = run(redisTree(), ['docker-entrypoint.sh', 'redis-server'], { image: 'redis', cwd: '/data', tty: true });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain("           _.-``__ ''-._                                             \r\n");
    expect(r.stdout).toContain(" |`-._`-._    `-.__.-'    _.-'_.-'|                                  \r\n");
    expect(r.stdout).toContain(' |    `-._   `._    /     _.-\'    |     PID: 1\r\n');
    expect(r.stdout).not.toContain('Running mode=standalone');
  });

  it('a restart loads the RDB written at the previous stop', () => {
    const r = run(redisTree(true), ['docker-entrypoint.sh', 'redis-server'], { image: 'redis', cwd: '/data' });
    expect(r.stdout).toContain('* Loading RDB produced by version 7.0.15\n');
    expect(r.stdout).toContain('* RDB age 60 seconds\n');
  });
});

describe('hello-world and start failures', () => {
  it('/hello prints the exact text and exits 0 (observed)', () => {
    const r = run({ '/': dir(), '/hello': { type: 'file', mode: 0o755, uid: 0, gid: 0, size: 13256 } }, ['/hello'], { image: 'hello-world' });
    expect(r.stdout).toBe(HELLO_TEXT);
    expect(HELLO_TEXT.startsWith('\nHello from Docker!\nThis message shows')).toBe(true);
    expect(r.outcome).toMatchObject({ kind: 'exited', exitCode: 0 });
  });

  it('a missing executable, a path that does not exist, a directory (OCI errors)', () => {
    // exec: "nope": executable file not found in $PATH (127) / stat /nope/x: no such file (127) / "/etc": permission denied (126)
    expect(run('busybox', ['nope']).outcome).toEqual({ kind: 'start-failed', reason: 'not-found', executable: 'nope' });
    expect(run('debian', ['/nope/x']).outcome).toEqual({ kind: 'start-failed', reason: 'no-such-file', executable: '/nope/x' });
    expect(run('busybox', ['/etc']).outcome).toEqual({ kind: 'start-failed', reason: 'permission-denied', executable: '/etc' });
  });

  it('a command the image lacks inside sh -c is the shell error, 127', () => {
    const r = run('debian', ['sh', '-c', 'ps aux']);
    expect(r.stderr).toBe('sh: 1: ps: not found\n');
    expect(r.code).toBe(127);
  });
});

describe('interactive shells and PID 1 signals', () => {
  it('sh without input exits 0 at once; with -i and nothing typed it waits', () => {
    expect(run('busybox', ['sh']).outcome).toMatchObject({ kind: 'exited', exitCode: 0, durationMs: 0 });
    const waiting = run('busybox', ['sh'], { interactive: true, tty: true });
    expect(waiting.outcome.kind).toBe('running');
    expect(waiting.stdout).toBe('/ # ');
    if (waiting.outcome.kind === 'running') {
      expect(waiting.outcome.service.program).toBe('sh');
      expect(waiting.outcome.service.signals.SIGTERM).toBeUndefined();
      expect(waiting.outcome.service.signals.SIGHUP?.exitCode).toBe(129);
    }
    expect(run('debian', ['bash'], { interactive: true, tty: true }).stdout).toBe('root@probe:/# ');
  });

  it('commands piped on stdin run as a script', () => {
    const r = run('busybox', ['sh'], { interactive: true, stdin: 'echo hi\nexit 4\n' });
    expect(r.all).toBe('hi\n');
    expect(r.code).toBe(4);
  });

  it('cat as PID 1 blocks with -i, ends at EOF without', () => {
    expect(run('busybox', ['cat'], { interactive: true }).outcome.kind).toBe('running');
    expect(run('busybox', ['cat']).outcome).toMatchObject({ kind: 'exited', exitCode: 0 });
  });

  it('sleep as PID 1 ignores SIGTERM; as an exec\'d process it dies with 143', () => {
    const main = run('busybox', ['sleep', '3600']);
    expect(main.outcome.kind).toBe('running');
    if (main.outcome.kind === 'running') expect(main.outcome.service.signals).toEqual({});
    const execd = run('busybox', ['sleep', '3600'], { pid: 12 });
    if (execd.outcome.kind === 'running') expect(execd.outcome.service.signals.SIGTERM?.exitCode).toBe(143);
  });

  it('top blocks; tty output has CRLF line ends', () => {
    expect(run('busybox', ['top']).outcome.kind).toBe('running');
    expect(run('busybox', ['echo', 'a'], { tty: true }).stdout).toBe('a\r\n');
  });

  it('exec form of echo and env in images', () => {
    expect(run('busybox', ['echo', 'hello', 'world']).stdout).toBe('hello world\n');
    expect(run(busyboxTree(), ['env'], { env: ['A=1'] }).stdout).toBe('A=1\nHOME=/root\n');
  });
});
