// Starting programs: the start-time checks Docker's runtime makes, program lookup in the image's
// PATH, dispatch to the simulated tools, shells and services, and the outcome for the engine.

import { STRERROR } from '../fs/errors.js';
import { baseName, normalizePath } from '../fs/path.js';
import { Blocked, ExitSignal, Sim, type ShellKind } from './context.js';
import { lookupPath } from './fsutil.js';
import { findInPath, Shell, type IO } from './shell/interp.js';
import type { Cmd, CommandImpl } from './commands/types.js';
import * as files from './commands/files.js';
import * as text from './commands/text.js';
import * as sys from './commands/system.js';
import * as net from './commands/net.js';
import * as svc from './services/index.js';
import type { ContainerProcess, OutputChunk, ProcessOutcome, ProcessRequest, ServiceBehaviour, SignalReaction } from './types.js';

/** Programs the userland simulates, by the name they are invoked as. */
export const COMMANDS: Record<string, CommandImpl> = {
  ls: files.ls,
  busybox: sys.busybox,
  cat: files.cat,
  touch: files.touch,
  mkdir: files.mkdir,
  rm: files.rm,
  rmdir: files.rmdir,
  mv: files.mv,
  cp: files.cp,
  ln: files.ln,
  chmod: files.chmod,
  chown: files.chown,
  find: files.find,
  du: files.du,
  df: files.df,
  basename: files.basename,
  dirname: files.dirname,
  stat: files.stat,
  head: text.head,
  tail: text.tail,
  wc: text.wc,
  grep: text.grep,
  egrep: text.grep,
  fgrep: text.grep,
  sed: text.sed,
  cut: text.cut,
  sort: text.sort,
  uniq: text.uniq,
  tr: text.tr,
  seq: text.seq,
  expr: text.expr,
  tee: text.tee,
  rev: text.rev,
  env: sys.env,
  printenv: sys.printenv,
  hostname: sys.hostname,
  whoami: sys.whoami,
  id: sys.id,
  uname: sys.uname,
  date: sys.date,
  sleep: sys.sleep,
  ps: sys.ps,
  free: sys.free,
  nproc: sys.nproc,
  which: sys.which,
  true: sys.trueCmd,
  false: sys.falseCmd,
  clear: sys.clear,
  yes: sys.yes,
  top: sys.top,
  ping: net.ping,
  wget: net.wget,
  nslookup: net.nslookup,
  curl: net.curl,
  ip: net.ip,
  hello: svc.hello,
  nginx: (c) => svc.nginx(c),
  'nginx-debug': (c) => svc.nginx(c),
  'redis-server': svc.redisServer,
  'httpd-foreground': svc.httpdForeground,
  httpd: (c) => (c.sim.flavor === 'busybox' ? svc.busyboxHttpd(c) : 0),
  python: svc.python,
  python3: svc.python,
  node: svc.node,
};

// Shell builtins that also exist as programs (for `env echo`, `xargs`, exec form).
for (const n of ['echo', 'printf', 'test', '[', 'pwd', 'kill']) {
  COMMANDS[n] = (c) => {
    const b = SHELL_BUILTIN_AS_PROGRAM[n]!;
    return b(c);
  };
}

const SHELL_BUILTIN_AS_PROGRAM: Record<string, CommandImpl> = {
  echo: (c) => {
    // /bin/echo: GNU coreutils or busybox; both take -n -e -E and do not interpret by default.
    const prog = new Shell({ sim: c.sim, kind: 'bash', name: c.name, env: new Map(), cwd: c.sh.cwd, pid: 0, runProgram: c.sh.runProgram });
    return BUILTIN_ECHO(prog, c.argv, c.io);
  },
  printf: (c) => BUILTIN_PRINTF(c.sh, c.argv, c.io),
  test: (c) => BUILTIN_TEST(c.sh, c.argv, c.io),
  '[': (c) => BUILTIN_TEST(c.sh, c.argv, c.io),
  pwd: (c) => {
    c.out(c.sh.cwd + '\n');
    return 0;
  },
  kill: () => 0,
};

import { echoBuiltin as BUILTIN_ECHO, printfBuiltin as BUILTIN_PRINTF, testBuiltin as BUILTIN_TEST } from './shell/builtins-text.js';

function entrypointFor(image: string): CommandImpl | undefined {
  const repo = image.toLowerCase().split('/').pop()!.split(':')[0]!;
  if (repo === 'nginx') return svc.nginxEntrypoint;
  if (repo === 'redis') return svc.redisEntrypoint;
  if (repo === 'postgres') return svc.postgresEntrypoint;
  return undefined;
}

function shellKindFor(base: string, sim: Sim): ShellKind | undefined {
  if (base === 'bash') return 'bash';
  if (base === 'ash') return 'ash';
  if (base === 'dash') return 'dash';
  if (base === 'sh') return sim.flavor === 'busybox' ? 'ash' : 'dash';
  return undefined;
}

/** Shell prompt printed on a terminal. */
function prompt(kind: ShellKind, sh: Shell): string {
  const root = sh.sim.user.uid === 0;
  if (kind === 'ash') return `${sh.cwd === (sh.vars.get('HOME') ?? '') ? '~' : sh.cwd} ${root ? '#' : '$'} `;
  if (kind === 'dash') return root ? '# ' : '$ ';
  const cwd = sh.cwd === (sh.vars.get('HOME') ?? '') ? '~' : sh.cwd;
  return `${sh.sim.user.name ?? 'I have no name!'}@${sh.sim.req.hostname}:${cwd}${root ? '#' : '$'} `;
}

/**
 * The environment a shell takes in: busybox ash and dash leave out variables whose names are not
 * shell names (so `sh -c env` does not pass on `A B` or `C-D`); bash keeps them for its children.
 */
function importableEnv(kind: ShellKind, env: Map<string, string>): Map<string, string> {
  if (kind === 'bash') return env;
  return new Map([...env].filter(([name]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)));
}

/** sh / bash as a program: -c, a script file, or commands from stdin (or a terminal). */
function runShell(kind: ShellKind, parent: Shell, argv: string[], io: IO, env: Map<string, string>): number {
  const sim = parent.sim;
  const args = argv.slice(1);
  let script: string | undefined;
  let scriptName: string | undefined;
  let errexit = false;
  let forceInteractive = false;
  while (args.length && /^[-+]/.test(args[0]!) && args[0] !== '-' && args[0] !== '--') {
    const a = args.shift()!;
    if (a === '-c') {
      script = args.shift() ?? '';
      break;
    }
    if (a.startsWith('--')) continue;
    for (const ch of a.slice(1)) {
      if (ch === 'e') errexit = true;
      if (ch === 'i') forceInteractive = true;
      if (ch === 'c') {
        script = args.shift() ?? '';
      }
    }
    if (script !== undefined) break;
  }
  if (args[0] === '--' || args[0] === '-') args.shift();
  let name = argv[0]!;
  let positional: string[] = [];
  if (script !== undefined) {
    if (args.length) {
      name = args[0]!;
      positional = args.slice(1);
    }
  } else if (args.length) {
    scriptName = args[0]!;
    positional = args.slice(1);
    const path = normalizePath(scriptName, parent.cwd);
    const r = lookupPath(sim.fs, path, true);
    if (!r.node || r.node.type !== 'file') {
      const code = r.node ? 'EISDIR' : r.error ?? 'ENOENT';
      if (kind === 'ash') io.err(`${argv[0]}: can't open '${scriptName}': ${STRERROR[code]}\n`);
      else if (kind === 'dash') io.err(`${argv[0]}: 0: cannot open ${scriptName}: ${code === 'ENOENT' ? 'No such file' : STRERROR[code]}\n`);
      else io.err(`${argv[0]}: ${scriptName}: ${STRERROR[code]}\n`);
      return kind === 'bash' ? (code === 'EISDIR' ? 126 : 127) : kind === 'dash' ? 2 : 2;
    }
    script = r.node.content ?? '';
    name = scriptName;
  }
  // execFile has entered the shell's process already (the request's own one for the top shell).
  const pid = sim.lineage[sim.lineage.length - 1]?.pid ?? sim.mainPid;
  const sh = new Shell({ sim, kind, name, env: importableEnv(kind, env), cwd: parent.cwd, positional, pid, runProgram });
  sh.errexit = errexit;
  sh.tailPosition = true;
  const run = (src: string, ioX: IO): number => {
    try {
      return sh.runScript(src, ioX);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      throw e;
    }
  };
  if (script !== undefined) {
    sh.fromC = scriptName === undefined;
    return run(script, { ...io, waiting: io.waiting });
  }
  // Commands from stdin.
  const interactiveTerm = sim.req.tty && (io.waiting || forceInteractive);
  if (io.stdin) {
    if (sim.req.tty) io.out(prompt(kind, sh));
    const st = run(io.stdin, { ...io, stdin: '', waiting: false });
    return st;
  }
  if (io.waiting || (forceInteractive && sim.req.tty)) {
    if (interactiveTerm) io.out(prompt(kind, sh));
    throw new Blocked(baseName(argv[0]!), { signals: { SIGHUP: { exitCode: 129, output: [], afterMs: 0 } } });
  }
  return 0;
}


/** Not-found / not-executable texts of the calling shell. */
function execError(sh: Shell, name: string, why: 'missing-cmd' | 'missing-path' | 'dir' | 'noexec', line: number): number {
  const k = sh.kind;
  if (why === 'missing-cmd') {
    sh.sim.write('stderr', '');
    return report(sh, k === 'bash' ? `${name}: command not found` : `${name}: not found`, line, 127);
  }
  if (why === 'missing-path') return report(sh, k === 'bash' ? `${name}: No such file or directory` : `${name}: not found`, line, 127);
  if (why === 'dir') return report(sh, k === 'bash' ? `${name}: Is a directory` : `${name}: Permission denied`, line, 126);
  return report(sh, `${name}: Permission denied`, line, 126);
}

let currentErr: ((s: string) => void) | undefined;
function report(sh: Shell, text: string, line: number, code: number): number {
  currentErr?.(sh.msg(text, line));
  return code;
}

/** The ProgramRunner given to shells: find argv[0] and run it. */
export function runProgram(sh: Shell, argv: string[], io: IO, env: Map<string, string>, line: number): number {
  const sim = sh.sim;
  const name = argv[0]!;
  let path: string | undefined;
  const savedErr = currentErr;
  currentErr = io.err;
  try {
    if (name.includes('/')) {
      const abs = normalizePath(name, sh.cwd);
      const r = lookupPath(sim.fs, abs, true);
      if (!r.node) return execError(sh, name, 'missing-path', line);
      if (r.node.type === 'dir') return execError(sh, name, 'dir', line);
      if ((r.node.mode & 0o111) === 0) return execError(sh, name, 'noexec', line);
      path = abs;
    } else {
      const shEnvPath = env.get('PATH');
      const saved = sh.vars.get('PATH');
      if (shEnvPath !== undefined) sh.vars.set('PATH', shEnvPath);
      path = findInPath(sh, name);
      if (saved !== undefined) sh.vars.set('PATH', saved);
      if (!path) return execError(sh, name, 'missing-cmd', line);
    }
  } finally {
    currentErr = savedErr;
  }
  return execFile(sh, path, argv, io, env);
}

/**
 * Applets busybox ash runs in the forked shell itself, with no new execve: the command line ps
 * shows stays the shell's (`{ps} sh -c ps`). Only ps can see itself, so only it is listed.
 */
const RUN_IN_SHELL_PROCESS = new Set(['ps']);

/**
 * Records that sh runs a program: the request's own process for the first one, the shell's
 * process itself for its last command (ash does not fork then), else a new child of the shell.
 * Returns what undoes it when the program ends.
 */
function enterProcess(sh: Shell, comm: string, argv: string[]): () => void {
  const sim = sh.sim;
  const current = sim.lineage[sim.lineage.length - 1];
  if (!current) {
    sim.lineage.push({ pid: sim.mainPid, ppid: sim.initProcess ? sim.initProcess.pid : 0, comm, args: argv.join(' ') });
    return () => sim.lineage.pop();
  }
  const args = RUN_IN_SHELL_PROCESS.has(comm) ? current.args : argv.join(' ');
  if (sh.tailPosition && current.pid === sh.pid) {
    const saved = { comm: current.comm, args: current.args };
    current.comm = comm;
    current.args = args;
    return () => Object.assign(current, saved);
  }
  sim.lineage.push({ pid: sim.allocPid(), ppid: current.pid, comm, args });
  return () => sim.lineage.pop();
}

function execFile(sh: Shell, path: string, argv: string[], io: IO, env: Map<string, string>): number {
  let base = baseName(argv[0]!);
  let args = argv;
  if (base === 'busybox' && argv.length > 1 && sys.isBusyboxApplet(sh.sim.fs, baseName(argv[1]!))) {
    args = argv.slice(1);
    base = baseName(args[0]!);
  }
  const leave = enterProcess(sh, base, argv);
  try {
    return runFile(sh, path, base, args, io, env);
  } catch (e) {
    if (e instanceof Blocked) sh.sim.noteBlocked(e);
    throw e;
  } finally {
    leave();
  }
}

function runFile(sh: Shell, path: string, base: string, args: string[], io: IO, env: Map<string, string>): number {
  const sim = sh.sim;
  const cmd: Cmd = {
    sim,
    sh,
    argv: args,
    name: base,
    io,
    env,
    gnu: sim.flavor === 'gnu',
    abs: (p) => normalizePath(p, sh.cwd),
    out: io.out,
    err: io.err,
  };
  if (base === 'docker-entrypoint.sh') {
    const ep = entrypointFor(sim.req.imageFlavor);
    if (ep) return ep(cmd);
  }
  const kind = shellKindFor(base, sim);
  if (kind) return runShell(kind, sh, args, io, env);
  const impl = COMMANDS[base];
  if (impl) {
    if (base === 'cat' && args.length === 1 && io.waiting && !io.stdin) throw new Blocked('cat');
    return impl(cmd);
  }
  // A script of the image (or written by the user): run it with its interpreter.
  const content = sim.fs.readFile(path) ?? '';
  if (content.startsWith('#!')) {
    const [interp, ...iargs] = content.slice(2).split('\n')[0]!.trim().split(/\s+/);
    const ib = baseName(interp ?? '');
    const realInterp = ib === 'env' ? iargs.shift() ?? '' : interp ?? '';
    const ik = shellKindFor(baseName(realInterp), sim);
    if (ik) return runShell(ik, sh, [realInterp, ...iargs, path, ...args.slice(1)], io, env);
    const ii = COMMANDS[baseName(realInterp)];
    if (ii) return ii({ ...cmd, argv: [realInterp, ...iargs, path, ...args.slice(1)], name: baseName(realInterp) });
  }
  // A binary the simulation does not model: it runs and prints nothing.
  return 0;
}

// ---- the engine's entry point --------------------------------------------------------------------

const LONG_RUN_MS = 60_000;

function defaultSignals(req: ProcessRequest): Record<string, SignalReaction> {
  // PID 1 without handlers ignores TERM/INT/QUIT/HUP (only KILL ends it); other processes die,
  // the main process too under --init (docker-init is PID 1 and passes the signal on).
  if (req.pid === 1 && !req.init) return {};
  return {
    SIGTERM: { exitCode: 143, output: [], afterMs: 0 },
    SIGINT: { exitCode: 130, output: [], afterMs: 0 },
    SIGQUIT: { exitCode: 131, output: [], afterMs: 0 },
    SIGHUP: { exitCode: 129, output: [], afterMs: 0 },
  };
}

/** Docker's start-time check of the executable (runc's exec lookup). */
function startCheck(req: ProcessRequest): ProcessOutcome | undefined {
  const exe = req.argv[0] ?? '';
  if (!exe) return { kind: 'start-failed', reason: 'not-found', executable: exe };
  const envPath = req.env.find((e) => e.startsWith('PATH='))?.slice(5) ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  if (exe.includes('/')) {
    const r = lookupPath(req.fs, normalizePath(exe, req.cwd || '/'), true);
    if (!r.node) return { kind: 'start-failed', reason: 'no-such-file', executable: exe };
    if (r.node.type === 'dir' || (r.node.mode & 0o111) === 0) return { kind: 'start-failed', reason: 'permission-denied', executable: exe };
    return undefined;
  }
  for (const dir of envPath.split(':')) {
    if (!dir) continue;
    const n = req.fs.stat(normalizePath(exe, dir));
    if (n && n.type === 'file' && (n.mode & 0o111) !== 0) return undefined;
  }
  return { kind: 'start-failed', reason: 'not-found', executable: exe };
}

function toTty(chunks: OutputChunk[]): OutputChunk[] {
  return chunks.map((c) => ({ stream: 'stdout', text: c.text.replace(/\r?\n/g, '\r\n'), atMs: c.atMs }));
}

/** What a process that keeps running leaves in the container: its processes as they first waited. */
function waitingTree(sim: Sim): { tree?: ContainerProcess[]; lastPid?: number } {
  const wait = sim.firstWait;
  if (!wait) return {};
  return { ...(wait.tree.length ? { tree: wait.tree } : {}), ...(wait.lastPid !== undefined ? { lastPid: wait.lastPid } : {}) };
}

/** Start argv in the container: what it prints, what it does to the fs, whether and when it exits. */
export function startProcess(req: ProcessRequest): ProcessOutcome {
  const failed = startCheck(req);
  if (failed) return failed;
  const sim = new Sim(req);
  const env = new Map<string, string>();
  for (const kv of req.env) {
    const eq = kv.indexOf('=');
    if (eq > 0) env.set(kv.slice(0, eq), kv.slice(eq + 1));
  }
  if (!env.has('HOME')) env.set('HOME', sim.user.home);
  const top = new Shell({ sim, kind: sim.flavor === 'busybox' ? 'ash' : 'dash', name: baseName(req.argv[0]!), env, cwd: req.cwd || '/', pid: sim.mainPid, runProgram });
  // The request's program replaces this placeholder shell: it runs in the request's own process.
  top.tailPosition = true;
  const io: IO = {
    stdin: req.stdin ?? '',
    waiting: req.interactive && req.stdin === undefined,
    out: (s) => sim.write('stdout', s),
    err: (s) => sim.write('stderr', s),
  };
  let code: number;
  try {
    const exe = req.argv[0]!;
    const path = exe.includes('/') ? normalizePath(exe, top.cwd) : findInPath(top, exe) ?? exe;
    code = execFile(top, path, req.argv, io, env);
  } catch (e) {
    if (e instanceof Blocked) {
      const extra = e.extra as Partial<ServiceBehaviour>;
      const service: ServiceBehaviour = { ...extra, program: extra.program ?? e.program, signals: { ...defaultSignals(req), ...(extra.signals ?? {}) } };
      const output = req.tty ? toTty(sim.output) : sim.output;
      return { kind: 'running', output, service, ...waitingTree(sim) };
    }
    if (e instanceof ExitSignal) code = e.code;
    else throw e;
  }
  const output = req.tty ? toTty(sim.output) : sim.output;
  const durationMs = sim.timeMs;
  const program = baseName(req.argv[0]!);
  const service: ServiceBehaviour = { program, signals: defaultSignals(req) };
  if (durationMs >= LONG_RUN_MS) return { kind: 'running', output, service: { ...service, exitAfterMs: durationMs, exitCode: code }, ...waitingTree(sim) };
  return { kind: 'exited', output, exitCode: code, durationMs, service, lastPid: sim.lastPid };
}
