// Long-running programs of the catalogue's images: nginx (with its entrypoint), redis-server,
// hello-world's /hello, and plausible models of postgres, httpd, python and node.
//
// Output timings (atMs, from the process start) follow what Docker Engine 28.5.2 showed for the
// real images: the nginx entrypoint's lines within ~30 ms, nginx's notices at ~36 ms; redis's
// start-up within ~3 ms. Signal reactions carry their output with atMs relative to the signal.
// Their log timestamps depend on when the signal arrives, which is not known at start: the
// `signals` map is rendered as if the signal came right after start-up, and reactToSignal()
// renders it for the real arrival time (use it when you can).

import type { ContainerFs } from '../../fs/types.js';
import { baseName, joinPath } from '../../fs/path.js';
import { Blocked, KERNEL_RELEASE, NCPU } from '../context.js';
import type { OutputChunk, ServiceBehaviour, SignalReaction } from '../types.js';
import { getopt, type Cmd, type CommandImpl } from '../commands/types.js';
import { REDIS_LOGO } from './redis-logo.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** nginx's log time: 2026/11/28 02:10:00 */
export function nginxTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** redis's log time: 28 Nov 2026 02:09:30.637 */
export function redisTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** Extra (JSON) fields our services put on ServiceBehaviour, for reactToSignal/applyExitEffects. */
export interface ServiceExtras {
  render?: { kind: 'nginx'; pid: number; workers: number[] } | { kind: 'redis'; pid: number; dataDir: string } | { kind: 'httpd'; pid: number; tid: string } | { kind: 'postgres'; pid: number };
  /** What the program does to the filesystem when it exits after a handled signal. */
  onExit?: { remove?: string[]; write?: { path: string; content: string }[] };
}

export type ServiceBehaviourEx = ServiceBehaviour & ServiceExtras;

/** A signal reaction; `keepsRunning` marks reactions (nginx SIGHUP) after which the process goes on. */
export type SignalReactionEx = SignalReaction & { keepsRunning?: boolean };

function at(c: Cmd, ms: number): void {
  if (c.sim.timeMs < ms) c.sim.timeMs = ms;
  c.sim.syncClock();
}

// ---- nginx ---------------------------------------------------------------------------------------

const NGINX_VERSION = '1.22.1';
const ENTRY_TIMES = [0, 1, 4, 16, 22, 22, 22, 25, 28, 30, 32, 34];

function sortV(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** /docker-entrypoint.sh of the nginx image. */
export const nginxEntrypoint: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  const me = c.argv[0]!;
  const quiet = !!c.env.get('NGINX_ENTRYPOINT_QUIET_LOGS');
  const fs = c.sim.fs;
  let step = 0;
  const note = (text: string) => {
    at(c, ENTRY_TIMES[Math.min(step++, ENTRY_TIMES.length - 1)]!);
    if (!quiet) c.out(text + '\n');
  };
  if (args[0] === 'nginx' || args[0] === 'nginx-debug') {
    const hookdir = '/docker-entrypoint.d/';
    const hooks = (fs.readdir(hookdir) ?? []).filter((n) => fs.stat(joinPath('/docker-entrypoint.d', n))?.type === 'file').sort(sortV);
    if (!hooks.length) note(`${me}: No files found in ${hookdir}, skipping configuration`);
    else {
      note(`${me}: ${hookdir} is not empty, will attempt to perform configuration`);
      note(`${me}: Looking for shell scripts in ${hookdir}`);
      for (const h of hooks) {
        const path = `${hookdir}${h}`;
        const node = fs.stat(path)!;
        const exec = (node.mode & 0o111) !== 0;
        if (h.endsWith('.envsh')) note(exec ? `${me}: Sourcing ${path}` : `${me}: Ignoring ${path}, not executable`);
        else if (h.endsWith('.sh')) {
          if (!exec) {
            note(`${me}: Ignoring ${path}, not executable`);
            continue;
          }
          note(`${me}: Launching ${path}`);
          runNginxHook(c, h, quiet, () => at(c, ENTRY_TIMES[Math.min(step++, ENTRY_TIMES.length - 1)]!));
        } else note(`${me}: Ignoring ${path}`);
      }
      note(`${me}: Configuration complete; ready for start up`);
    }
    at(c, 36);
    return nginx({ ...c, argv: args, name: 'nginx' }, true);
  }
  if (!args.length) return 0;
  return c.sh.runProgram(c.sh, args, c.io, c.env, 1);
};

function runNginxHook(c: Cmd, hook: string, quiet: boolean, tick: () => void): void {
  const fs = c.sim.fs;
  const say = (t: string) => {
    tick();
    if (!quiet) c.out(t + '\n');
  };
  if (hook === '10-listen-on-ipv6-by-default.sh') {
    const conf = '/etc/nginx/conf.d/default.conf';
    const ME = hook;
    const text = fs.readFile(conf);
    if (text === undefined) {
      say(`${ME}: info: ${conf} is not a file or does not exist`);
      return;
    }
    if (text.includes('listen  [::]:80;')) {
      say(`${ME}: info: IPv6 listen already enabled`);
      return;
    }
    if (!fs.stat('/etc/os-release')) {
      say(`${ME}: info: can not guess the operating system`);
      return;
    }
    say(`${ME}: info: Getting the checksum of ${conf}`);
    if (!/^\s*listen\s+80;/m.test(text) || /^\s*listen\s+\[/m.test(text)) {
      say(`${ME}: info: ${conf} differs from the packaged version`);
      return;
    }
    try {
      fs.writeFile(conf, text.replace('listen       80;', 'listen       80;\n    listen  [::]:80;'));
    } catch {
      say(`${ME}: info: can not modify ${conf} (read-only file system?)`);
      return;
    }
    say(`${ME}: info: Enabled listen on IPv6 in ${conf}`);
    return;
  }
  if (hook === '20-envsubst-on-templates.sh') {
    const dir = c.env.get('NGINX_ENVSUBST_TEMPLATE_DIR') ?? '/etc/nginx/templates';
    const suffix = c.env.get('NGINX_ENVSUBST_TEMPLATE_SUFFIX') ?? '.template';
    const outDir = c.env.get('NGINX_ENVSUBST_OUTPUT_DIR') ?? '/etc/nginx/conf.d';
    for (const t of fs.readdir(dir) ?? []) {
      if (!t.endsWith(suffix)) continue;
      const src = fs.readFile(joinPath(dir, t)) ?? '';
      const outPath = joinPath(outDir, t.slice(0, -suffix.length));
      say(`${hook}: Running envsubst on ${joinPath(dir, t)} to ${outPath}`);
      try {
        fs.writeFile(outPath, src.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, n: string) => (c.env.has(n) ? c.env.get(n)! : m)));
      } catch {
        /* unwritable: the real hook fails too */
      }
    }
  }
}

function nginxWorkerCount(fs: ContainerFs): number {
  const conf = fs.readFile('/etc/nginx/nginx.conf') ?? '';
  const m = /^\s*worker_processes\s+(\w+)\s*;/m.exec(conf);
  if (!m || m[1] === 'auto') return NCPU;
  return Math.max(1, Number(m[1]) || 1);
}

export const nginx: (c: Cmd, viaEntrypoint?: boolean) => number = (c, viaEntrypoint = false) => {
  const args = c.argv.slice(1);
  if (args.includes('-v')) {
    c.err(`nginx version: nginx/${NGINX_VERSION}\n`);
    return 0;
  }
  if (args.includes('-V')) {
    c.err(`nginx version: nginx/${NGINX_VERSION}\nbuilt with OpenSSL 3.0.15 3 Sep 2024 (running with OpenSSL 3.0.17 1 Jul 2025)\nTLS SNI support enabled\n`);
    return 0;
  }
  if (args.includes('-t') || args.includes('-T')) {
    c.err('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    return 0;
  }
  const s = args.indexOf('-s');
  if (s >= 0) {
    // Signalling a running master from an exec'd process.
    return 0;
  }
  const fs = c.sim.fs;
  const pid = c.sim.req.pid === 1 || viaEntrypoint ? (c.sim.req.pid === 1 ? 1 : c.sim.allocPid()) : c.sim.allocPid();
  const g = args.indexOf('-g');
  const directives = g >= 0 ? args[g + 1] ?? '' : '';
  const conf = fs.readFile('/etc/nginx/nginx.conf') ?? '';
  const foreground = /daemon\s+off\s*;/.test(directives) || /^\s*daemon\s+off\s*;/m.test(conf);
  const n = nginxWorkerCount(fs);
  const base = viaEntrypoint ? 24 + Math.floor(c.sim.req.random() * 3) : pid + 6;
  const workers = Array.from({ length: n }, (_, i) => base + i);
  const t0 = c.sim.timeMs;
  const log = (text: string, dt = 0) => {
    at(c, t0 + dt);
    c.err(`${nginxTime(c.sim.nowMs)} [notice] ${text}\n`);
  };
  // Files the master creates.
  try {
    for (const d of ['client_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp']) {
      const p = `/var/cache/nginx/${d}`;
      if (!fs.stat(p) && fs.stat('/var/cache/nginx')) {
        fs.mkdir(p, { mode: 0o700 });
        const impl = fs as { setAttr?: (p: string, a: { uid: number; gid: number }) => void };
        impl.setAttr?.(p, { uid: 101, gid: 0 });
      }
    }
    if (fs.stat('/run')) fs.writeFile('/run/nginx.pid', `${pid}\n`);
  } catch {
    /* read-only rootfs: nginx would fail; keep going */
  }
  log(`${pid}#${pid}: using the "epoll" event method`);
  log(`${pid}#${pid}: nginx/${NGINX_VERSION}`);
  log(`${pid}#${pid}: OS: Linux ${KERNEL_RELEASE}`);
  log(`${pid}#${pid}: getrlimit(RLIMIT_NOFILE): 20000:20000`);
  if (!foreground) return 0;
  log(`${pid}#${pid}: start worker processes`);
  workers.forEach((w, i) => log(`${pid}#${pid}: start worker process ${w}`, 1 + (i ? 1 : 0)));
  const render = { kind: 'nginx' as const, pid, workers };
  const startedAt = c.sim.nowMs;
  const service: ServiceBehaviourEx = {
    program: 'nginx',
    signals: {},
    render,
    onExit: { remove: ['/run/nginx.pid'] },
  };
  for (const sig of ['SIGQUIT', 'SIGTERM', 'SIGINT']) service.signals[sig] = renderNginxSignal(render, sig, startedAt)!;
  throw new Blocked('nginx', service);
};

function renderNginxSignal(r: { pid: number; workers: number[] }, signal: string, wallMs: number): SignalReactionEx | undefined {
  const ts = nginxTime(wallMs);
  const m = (who: number, text: string) => `${ts} [notice] ${who}#${who}: ${text}\n`;
  const P = r.pid;
  const ws = r.workers;
  const rev = [...ws].reverse();
  const lines: string[] = [];
  switch (signal) {
    case 'SIGQUIT':
      lines.push(m(P, 'signal 3 (SIGQUIT) received, shutting down'));
      for (const w of rev) lines.push(m(w, 'gracefully shutting down'), m(w, 'exiting'), m(w, 'exit'));
      lines.push(m(P, `signal 17 (SIGCHLD) received from ${rev[0]}`));
      for (const w of ws) lines.push(m(P, `worker process ${w} exited with code 0`));
      lines.push(m(P, 'exit'));
      break;
    case 'SIGTERM':
      lines.push(m(P, 'signal 15 (SIGTERM) received, exiting'));
      for (const w of rev) lines.push(m(w, 'exiting'), m(w, 'exit'));
      rev.forEach((w, i) => {
        lines.push(m(P, `signal 17 (SIGCHLD) received from ${w}`), m(P, `worker process ${w} exited with code 0`));
        if (i === 0 && rev.length > 1) lines.push(m(P, 'signal 29 (SIGIO) received'));
      });
      lines.push(m(P, 'exit'));
      break;
    case 'SIGINT':
      lines.push(m(P, 'signal 2 (SIGINT) received, exiting'));
      for (const w of ws) lines.push(m(w, 'exiting'));
      for (const w of ws) lines.push(m(w, 'exit'));
      lines.push(m(P, `signal 17 (SIGCHLD) received from ${ws[ws.length - 1]}`));
      for (const w of ws) lines.push(m(P, `worker process ${w} exited with code 0`));
      lines.push(m(P, 'exit'));
      break;
    case 'SIGHUP': {
      const next = ws.map((_, i) => ws[ws.length - 1]! + 1 + i);
      lines.push(m(P, 'signal 1 (SIGHUP) received, reconfiguring'), m(P, 'reconfiguring'), m(P, 'using the "epoll" event method'), m(P, 'start worker processes'));
      for (const w of next) lines.push(m(P, `start worker process ${w}`));
      for (const w of ws) lines.push(m(w, 'gracefully shutting down'), m(w, 'exiting'), m(w, 'exit'));
      lines.push(m(P, `signal 17 (SIGCHLD) received from ${ws[0]}`));
      for (const w of ws) lines.push(m(P, `worker process ${w} exited with code 0`));
      lines.push(m(P, 'signal 29 (SIGIO) received'));
      r.workers = next;
      return { exitCode: 0, afterMs: 0, output: [{ stream: 'stderr', text: lines.join(''), atMs: 2 }], keepsRunning: true };
    }
    default:
      return undefined;
  }
  return { exitCode: 0, afterMs: 6, output: [{ stream: 'stderr', text: lines.join(''), atMs: 2 }] };
}

// ---- redis ---------------------------------------------------------------------------------------

export const redisEntrypoint: CommandImpl = (c) => {
  let args = c.argv.slice(1);
  if (args[0] && (args[0].startsWith('-') || args[0].endsWith('.conf'))) args = ['redis-server', ...args];
  if (!args.length) return 0;
  return c.sh.runProgram(c.sh, args, c.io, c.env, 1);
};

export const redisServer: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  if (args.includes('-v') || args.includes('--version')) {
    c.out('Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=c4b52b6ad2a9db1e\n');
    return 0;
  }
  const pid = c.sim.req.pid === 1 ? 1 : c.sim.allocPid();
  const pi = args.indexOf('--port');
  const port = pi >= 0 ? Number(args[pi + 1]) || 6379 : 6379;
  const fs = c.sim.fs;
  const dataDir = c.sh.cwd;
  const line = (role: string, lvl: string, text: string, ms: number) => {
    at(c, ms);
    c.out(`${pid}:${role} ${redisTime(c.sim.nowMs)} ${lvl} ${text}\n`);
  };
  line('C', '#', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', 0);
  line('C', '#', `Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=${pid}, just started`, 0);
  line('C', '#', 'Configuration loaded', 0);
  line('M', '*', 'monotonic clock: POSIX clock_gettime', 0);
  if (c.sim.req.tty) {
    at(c, 1);
    const logo = REDIS_LOGO.map((l) => l.replace('Port: 6379', `Port: ${port}`).replace('PID: 1', `PID: ${pid}`));
    c.out(logo.join('\n') + '\n\n');
  } else line('M', '*', `Running mode=standalone, port=${port}.`, 1);
  line('M', '#', 'Server initialized', 1);
  line(
    'M',
    '#',
    "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
    2,
  );
  const rdb = fs.stat(joinPath(dataDir, 'dump.rdb'));
  if (rdb) {
    const age = Math.max(0, Math.round((c.sim.nowMs - (rdb.mtimeMs ?? c.sim.nowMs)) / 1000));
    line('M', '*', 'Loading RDB produced by version 7.0.15', 2);
    line('M', '*', `RDB age ${age} seconds`, 2);
    line('M', '*', 'RDB memory usage when created 0.82 Mb', 2);
    line('M', '*', 'Done loading RDB, keys loaded: 0, keys expired: 0.', 2);
    line('M', '*', 'DB loaded from disk: 0.000 seconds', 2);
  }
  line('M', '*', 'Ready to accept connections', 2);
  const render = { kind: 'redis' as const, pid, dataDir };
  const service: ServiceBehaviourEx = {
    program: 'redis-server',
    signals: {},
    render,
    onExit: { write: [{ path: joinPath(dataDir, 'dump.rdb'), content: 'REDIS0010\u00fa\tredis-ver\u00067.0.15\u00fa\nredis-bits\u00c0@\u00fa\u0005ctime\u00c2\u00fa\bused-mem\u00c2\u00fa\faof-base\u00c0\u0000\u00ff' }] },
  };
  for (const sig of ['SIGTERM', 'SIGINT']) service.signals[sig] = renderRedisSignal(render, sig, c.sim.nowMs)!;
  throw new Blocked('redis-server', service);
};

function renderRedisSignal(r: { pid: number }, signal: string, wallMs: number): SignalReactionEx | undefined {
  if (signal !== 'SIGTERM' && signal !== 'SIGINT') return undefined;
  const t1 = wallMs + 48;
  const out: OutputChunk[] = [
    { stream: 'stdout', text: `${r.pid}:signal-handler (${Math.floor(wallMs / 1000)}) Received ${signal} scheduling shutdown...\n`, atMs: 0 },
    {
      stream: 'stdout',
      text:
        `${r.pid}:M ${redisTime(t1)} # User requested shutdown...\n` +
        `${r.pid}:M ${redisTime(t1)} * Saving the final RDB snapshot before exiting.\n` +
        `${r.pid}:M ${redisTime(t1 + 4)} * DB saved on disk\n` +
        `${r.pid}:M ${redisTime(t1 + 5)} # Redis is now ready to exit, bye bye...\n`,
      atMs: 48,
    },
  ];
  return { exitCode: 0, afterMs: 53, output: out };
}

// ---- hello-world ---------------------------------------------------------------------------------

export const HELLO_TEXT = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

`;

export const hello: CommandImpl = (c) => {
  at(c, 1);
  c.out(HELLO_TEXT);
  return 0;
};

// ---- Hub-modelled images (plausible, not observed here) ------------------------------------------

export const postgresEntrypoint: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  if (args[0] !== 'postgres') return args.length ? c.sh.runProgram(c.sh, args, c.io, c.env, 1) : 0;
  const pid = c.sim.req.pid === 1 ? 1 : c.sim.allocPid();
  const fs = c.sim.fs;
  const pgdata = c.env.get('PGDATA') ?? '/var/lib/postgresql/data';
  const initialised = !!fs.stat(joinPath(pgdata, 'PG_VERSION'));
  if (!initialised && !c.env.get('POSTGRES_PASSWORD') && c.env.get('POSTGRES_HOST_AUTH_METHOD') !== 'trust') {
    at(c, 20);
    c.err(
      'Error: Database is uninitialized and superuser password is not specified.\n' +
        '       You must specify POSTGRES_PASSWORD to a non-empty value for the\n' +
        '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n\n' +
        '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all\n' +
        '       connections without a password. This is *not* recommended.\n\n' +
        '       See PostgreSQL documentation about "trust":\n' +
        '       https://www.postgresql.org/docs/current/auth-trust.html\n',
    );
    return 1;
  }
  const ts = (ms: number) => {
    const d = new Date(c.sim.req.nowMs + ms);
    return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')} UTC`;
  };
  if (!initialised) {
    at(c, 30);
    c.out(
      'The files belonging to this database system will be owned by user "postgres".\nThis user must also own the server process.\n\nThe database cluster will be initialized with locale "en_US.utf8".\nThe default database encoding has accordingly been set to "UTF8".\nThe default text search configuration will be set to "english".\n\nData page checksums are disabled.\n\n' +
        `fixing permissions on existing directory ${pgdata} ... ok\ncreating subdirectories ... ok\nselecting dynamic shared memory implementation ... posix\nselecting default max_connections ... 100\nselecting default shared_buffers ... 128MB\nselecting default time zone ... Etc/UTC\ncreating configuration files ... ok\nrunning bootstrap script ... ok\nperforming post-bootstrap initialization ... ok\nsyncing data to disk ... ok\n\n\nSuccess. You can now start the database server using:\n\n    pg_ctl -D ${pgdata} -l logfile start\n\n`,
    );
    at(c, 900);
    c.err('initdb: warning: enabling "trust" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\n');
    c.out('waiting for server to start....');
    at(c, 1100);
    c.err(`${ts(1100)} [48] LOG:  starting PostgreSQL 17.2 (Debian 17.2-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit\n${ts(1101)} [48] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"\n${ts(1105)} [51] LOG:  database system was shut down at ${ts(900)}\n${ts(1110)} [48] LOG:  database system is ready to accept connections\n`);
    c.out(' done\nserver started\n\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n\nwaiting for server to shut down...');
    at(c, 1300);
    c.err(`${ts(1300)} [48] LOG:  received fast shutdown request\n${ts(1301)} [48] LOG:  aborting any active transactions\n${ts(1302)} [48] LOG:  background worker "logical replication launcher" (PID 54) exited with exit code 1\n${ts(1303)} [49] LOG:  shutting down\n${ts(1310)} [48] LOG:  database system is shut down\n`);
    c.out(' done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n\n');
    try {
      fs.mkdir(pgdata, { recursive: true });
      fs.writeFile(joinPath(pgdata, 'PG_VERSION'), '17\n');
    } catch {
      /* ignore */
    }
  } else {
    at(c, 10);
    c.out('\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n');
  }
  const t = c.sim.timeMs + 50;
  at(c, t);
  c.err(`${ts(t)} [${pid}] LOG:  starting PostgreSQL 17.2 (Debian 17.2-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit\n${ts(t + 1)} [${pid}] LOG:  listening on IPv4 address "0.0.0.0", port 5432\n${ts(t + 1)} [${pid}] LOG:  listening on IPv6 address "::", port 5432\n${ts(t + 2)} [${pid}] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"\n${ts(t + 8)} [${pid + 60}] LOG:  database system was shut down at ${ts(initialised ? -60000 : 1310)}\n${ts(t + 12)} [${pid}] LOG:  database system is ready to accept connections\n`);
  const sig = (name: string, kind: string): SignalReaction => ({
    exitCode: 0,
    afterMs: 40,
    output: [{ stream: 'stderr', text: `${ts(t + 20)} [${pid}] LOG:  received ${kind} shutdown request\n${ts(t + 21)} [${pid}] LOG:  aborting any active transactions\n${ts(t + 22)} [${pid}] LOG:  background worker "logical replication launcher" (PID ${pid + 62}) exited with exit code 1\n${ts(t + 23)} [${pid + 58}] LOG:  shutting down\n${ts(t + 30)} [${pid}] LOG:  database system is shut down\n`, atMs: 0 }],
  });
  void sig;
  throw new Blocked('postgres', { signals: { SIGINT: sig('SIGINT', 'fast'), SIGTERM: sig('SIGTERM', 'smart'), SIGQUIT: { exitCode: 0, afterMs: 5, output: [] } }, render: { kind: 'postgres', pid } } as Partial<ServiceBehaviourEx>);
};

function containerIp(fs: ContainerFs): string {
  const hosts = fs.readFile('/etc/hosts') ?? '';
  const last = hosts.trim().split('\n').filter((l) => /^\d+\.\d+\.\d+\.\d+\s/.test(l) && !l.startsWith('127.')).pop();
  return last?.split(/\s+/)[0] ?? '172.17.0.2';
}

export const httpdForeground: CommandImpl = (c) => {
  const pid = c.sim.req.pid === 1 ? 1 : c.sim.allocPid();
  const ip = containerIp(c.sim.fs);
  const tid = String(139800000000000 + Math.floor(c.sim.req.random() * 999999999));
  const stamp = (ms: number) => {
    const d = new Date(c.sim.req.nowMs + ms);
    const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
    return `[${day} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000 + 123).padStart(6, '0')} ${d.getUTCFullYear()}]`;
  };
  const ah = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  at(c, 10);
  c.err(ah + ah);
  at(c, 14);
  c.err(`${stamp(14)} [mpm_event:notice] [pid ${pid}:tid ${tid}] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations\n${stamp(14)} [core:notice] [pid ${pid}:tid ${tid}] AH00094: Command line: 'httpd -D FOREGROUND'\n`);
  const stop = (text: string): SignalReaction => ({ exitCode: 0, afterMs: 1005, output: [{ stream: 'stderr', text: `${stamp(20)} [mpm_event:notice] [pid ${pid}:tid ${tid}] ${text}\n`, atMs: 0 }] });
  throw new Blocked('httpd', {
    signals: { SIGWINCH: stop('AH00492: caught SIGWINCH, shutting down gracefully'), SIGTERM: stop('AH00491: caught SIGTERM, shutting down'), SIGINT: stop('AH00491: caught SIGTERM, shutting down') },
    render: { kind: 'httpd', pid, tid },
  } as Partial<ServiceBehaviourEx>);
};

/** busybox httpd's usage, printed after an option error (observed). */
const HTTPD_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: httpd [-ifv[v]] [-c CONFFILE] [-p [IP:]PORT] [-u USER[:GRP]] [-r REALM] [-h HOME]
or httpd -d/-e/-m STRING

Listen for incoming HTTP requests

\t-i\t\tInetd mode
\t-f\t\tRun in foreground
\t-v[v]\t\tVerbose
\t-p [IP:]PORT\tBind to IP:PORT (default *:80)
\t-u USER[:GRP]\tSet uid/gid after binding to port
\t-r REALM\tAuthentication Realm for Basic Authentication
\t-h HOME\t\tHome directory (default .)
\t-c FILE\t\tConfiguration file (default {/etc,HOME}/httpd.conf)
\t-m STRING\tMD5 crypt STRING
\t-e STRING\tHTML encode STRING
\t-d STRING\tURL decode STRING
`;

/**
 * busybox httpd: with -f it serves in the foreground, silently; without it, it goes to the
 * background and the command ends at once (as PID 1, that ends the container). Bad arguments are
 * reported before either (observed on the engine's busybox 1.35).
 */
export const busyboxHttpd: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1), 'pchurdem');
  if (o.missing) {
    c.err(`httpd: option requires an argument -- '${o.missing}'\n${HTTPD_USAGE}`);
    return 1;
  }
  const port = o.values.get('p');
  if (port !== undefined && !/^(?:.*:)?\d+$/.test(port)) {
    c.err(`httpd: bad address '${port}'\n`);
    return 1;
  }
  const home = o.values.get('h');
  if (home !== undefined) {
    const dir = c.sim.fs.stat(c.abs(home));
    if (!dir || dir.type !== 'dir') {
      c.err(`httpd: can't change directory to '${home}': ${dir ? 'Not a directory' : 'No such file or directory'}\n`);
      return 1;
    }
  }
  if (!o.flags.has('f')) return 0;
  throw new Blocked('httpd');
};

/** python / python3 without a script: a REPL that needs a terminal or stdin. */
export const python: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  const version = c.env.get('PYTHON_VERSION') ?? '3.13.1';
  if (args[0] === '--version' || args[0] === '-V') {
    c.out(`Python ${version}\n`);
    return 0;
  }
  if (args[0] === '-c') {
    const code = args[1] ?? '';
    const m = /^\s*print\((["'])(.*)\1\)\s*$/.exec(code);
    if (m) c.out(m[2] + '\n');
    return 0;
  }
  if (args.length) {
    c.err(`${c.argv[0]}: can't open file '${args[0]!.startsWith('/') ? args[0] : joinPath(c.sh.cwd, args[0]!)}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  if (c.sim.req.stdin !== undefined || (!c.sim.req.tty && !c.sim.req.interactive)) return 0;
  if (c.sim.req.tty) {
    c.out(`Python ${version} (main, Dec  4 2024, 20:40:27) [GCC 12.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n>>> `);
  }
  throw new Blocked(baseName(c.argv[0]!));
};

/** node without a script: the REPL. */
export const node: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  const version = c.env.get('NODE_VERSION') ?? '22.12.0';
  if (args[0] === '--version' || args[0] === '-v') {
    c.out(`v${version}\n`);
    return 0;
  }
  if (args[0] === '-e' || args[0] === '-p') {
    const m = /^\s*console\.log\((["'])(.*)\1\)\s*;?\s*$/.exec(args[1] ?? '');
    if (m) c.out(m[2] + '\n');
    return 0;
  }
  if (args.length) {
    const p = args[0]!.startsWith('/') ? args[0]! : joinPath(c.sh.cwd, args[0]!);
    c.err(`node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${p}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at Module._load (node:internal/modules/cjs/loader:1051:27)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${version}\n`);
    return 1;
  }
  if (c.sim.req.stdin !== undefined || (!c.sim.req.tty && !c.sim.req.interactive)) return 0;
  if (c.sim.req.tty) c.out(`Welcome to Node.js v${version}.\nType ".help" for more information.\n> `);
  throw new Blocked('node');
};

// ---- signal helpers for the engine ---------------------------------------------------------------

/**
 * How a running service reacts to `signal` arriving at wall-clock `atWallMs`: the reaction with
 * log timestamps for that moment (nginx, redis), or the static one from `service.signals`.
 * `keepsRunning` is set for reactions after which the process goes on (nginx SIGHUP reload).
 * undefined = the signal is ignored.
 */
export function reactToSignal(service: ServiceBehaviour, signal: string, atWallMs: number): SignalReactionEx | undefined {
  const r = (service as ServiceBehaviourEx).render;
  if (r?.kind === 'nginx') return renderNginxSignal(r, signal, atWallMs);
  if (r?.kind === 'redis') return renderRedisSignal(r, signal, atWallMs);
  return service.signals[signal];
}

/** Apply what a service does to its filesystem when it exits after a handled signal. */
export function applyExitEffects(service: ServiceBehaviour, fs: ContainerFs): void {
  const eff = (service as ServiceBehaviourEx).onExit;
  if (!eff) return;
  for (const p of eff.remove ?? []) {
    try {
      fs.remove(p);
    } catch {
      /* already gone */
    }
  }
  for (const w of eff.write ?? []) {
    try {
      fs.writeFile(w.path, w.content);
    } catch {
      /* directory gone */
    }
  }
}
