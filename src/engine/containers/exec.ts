// `docker exec`: a further process (pid > 1) in a running container, against the container's
// filesystem; its writes are kept in the container's upper layer.
import type { Daemon } from '../daemon.js';
import type { ContainerRecord } from '../state.js';
import type { ContainerProcess, OutputChunk } from '../userland/types.js';
import { dockerInitProcess, initChildProcess, lastPidAtStart, resolveUser } from '../userland/context.js';
import type { ContainerFs } from '../fs/types.js';
import { baseName } from '../fs/path.js';
import { DaemonError } from '../errors.js';
import { openFs, commitFs, ociExecDetail, processEnv } from './runtime.js';
import { networkView } from '../networks/view.js';

export interface ExecOptions {
  /** The reference the user typed (the paused error repeats it). */
  ref: string;
  argv: string[];
  /** -e KEY=VALUE (already resolved). */
  env: string[];
  workdir?: string;
  user?: string;
  tty: boolean;
  interactive: boolean;
  stdin?: string;
}

export type ExecOutcome =
  | { kind: 'exited'; output: OutputChunk[]; exitCode: number; durationMs: number }
  | { kind: 'running'; output: OutputChunk[] }
  /** The OCI runtime refused to start it: printed on stdout by the CLI, exit code 127/126. */
  | { kind: 'start-failed'; message: string; exitCode: number };

const OCI_PREFIX = 'OCI runtime exec failed: exec failed: unable to start container process: ';

/** Throws DaemonError when the container cannot take an exec (stopped, paused, restarting). */
export function checkExecutable(c: ContainerRecord, ref: string): void {
  if (!c.state.Running || c.state.Restarting) throw new DaemonError(`container ${c.id} is not running`, 'conflict');
  if (c.state.Paused) throw new DaemonError(`Container ${ref} is paused, unpause the container before exec`, 'conflict');
}

/** The daemon resolves -u names against the container's /etc/passwd and /etc/group. */
function checkUser(passwd: string, group: string, user: string): void {
  if (user === '') return;
  const [u, g] = user.split(':');
  const names = (text: string) => text.split('\n').map((l) => l.split(':')[0]).filter(Boolean);
  if (u && !/^\d+$/.test(u) && !names(passwd).includes(u)) throw new DaemonError(`unable to find user ${u}: no matching entries in passwd file`, 'server');
  if (g && !/^\d+$/.test(g) && !names(group).includes(g)) throw new DaemonError(`unable to find group ${g}: no matching entries in group file`, 'server');
}

/** The exec's variables over the container's; a bare NAME (unset on the client) removes one. */
function mergeEnv(base: string[], extra: string[]): string[] {
  const out = [...base];
  for (const e of extra) {
    const key = e.includes('=') ? e.slice(0, e.indexOf('=')) : e;
    const i = out.findIndex((x) => x === key || x.startsWith(`${key}=`));
    if (i >= 0) out[i] = e;
    else out.push(e);
  }
  return out.filter((e) => e.includes('='));
}

/**
 * PIDs a refused exec still takes: runc's init process and its threads start before the command
 * turns out missing (observed: a failed exec at 7, the next one at 15).
 */
const FAILED_EXEC_PIDS = 8;

/** The container's own processes as ps in an exec'd one lists them, with their user's name. */
function containerProcesses(c: ContainerRecord, fs: ContainerFs): (ContainerProcess & { user: string })[] {
  const argv = [c.path, ...c.args];
  const comm = baseName(c.path).slice(0, 15);
  const tree: ContainerProcess[] = c.process?.tree ?? (c.hostConfig.Init
    ? [dockerInitProcess(argv), initChildProcess(comm, argv.join(' '))]
    : [{ pid: 1, ppid: 0, comm, args: argv.join(' ') }]);
  const user = resolveUser(fs, c.config.User);
  const name = user.name ?? String(user.uid);
  return tree.map((p) => ({ ...p, user: name }));
}

export function execInContainer(d: Daemon, c: ContainerRecord, o: ExecOptions): ExecOutcome {
  checkExecutable(c, o.ref);
  const fs = openFs(d, c);
  const cwd = o.workdir || c.config.WorkingDir || '/';
  // The runtime creates the configured working directory when the container starts.
  if (!o.workdir && c.config.WorkingDir && !fs.stat(c.config.WorkingDir)) {
    try { fs.mkdir(c.config.WorkingDir, { recursive: true, mode: 0o755 }); } catch { /* reported below */ }
  }
  if (!cwd.startsWith('/')) {
    return { kind: 'start-failed', message: 'OCI runtime exec failed: exec failed: Cwd must be an absolute path', exitCode: 128 };
  }
  checkUser(fs.readFile('/etc/passwd') ?? '', fs.readFile('/etc/group') ?? '', o.user ?? '');
  const cwdNode = fs.stat(cwd);
  if (!cwdNode) {
    return { kind: 'start-failed', message: `${OCI_PREFIX}chdir to cwd (${JSON.stringify(cwd)}) set in config.json failed: no such file or directory`, exitCode: 127 };
  }
  if (cwdNode.type !== 'dir') {
    return { kind: 'start-failed', message: `${OCI_PREFIX}chdir to cwd (${JSON.stringify(cwd)}) set in config.json failed: not a directory`, exitCode: 127 };
  }
  let env = processEnv({ ...c, config: { ...c.config, Tty: false } });
  if (o.tty && !env.some((e) => e.startsWith('TERM='))) env.push('TERM=xterm');
  env = mergeEnv(env, o.env);
  // Host PIDs move on too (docker top shows those).
  d.state.nextPid += 1 + d.random.int(5);
  const pid = (c.process?.lastPid ?? lastPidAtStart(c.hostConfig.Init === true)) + 1;
  const img = d.state.images[c.imageId];
  const startMs = d.now();
  d.event('container', `exec_create: ${o.argv.join(' ')}`, c.id, { execID: d.random.hex(64), image: c.config.Image, name: c.name });
  const outcome = d.env.processes.start({
    argv: o.argv,
    env,
    cwd,
    user: o.user ?? c.config.User,
    hostname: c.config.Hostname,
    imageFlavor: img?.flavor ?? '',
    tty: o.tty,
    interactive: o.interactive,
    stdin: o.interactive ? o.stdin : undefined,
    nowMs: startMs,
    random: () => d.random.next(),
    fs,
    pid,
    processes: containerProcesses(c, fs),
    network: networkView(d, c),
  });
  if (c.process) c.process.lastPid = outcome.kind === 'start-failed' ? pid + FAILED_EXEC_PIDS - 1 : outcome.lastPid ?? pid;
  if (outcome.kind === 'start-failed') {
    const detail = ociExecDetail(outcome);
    const code = outcome.reason === 'not-found' || outcome.reason === 'no-such-file' ? 127 : 126;
    return { kind: 'start-failed', message: OCI_PREFIX + detail, exitCode: code };
  }
  commitFs(d, c, fs);
  d.event('container', `exec_start: ${o.argv.join(' ')}`, c.id, { image: c.config.Image, name: c.name });
  if (outcome.kind === 'exited') {
    d.event('container', 'exec_die', c.id, { exitCode: String(outcome.exitCode), image: c.config.Image, name: c.name });
    return { kind: 'exited', output: outcome.output, exitCode: outcome.exitCode, durationMs: outcome.durationMs };
  }
  if (outcome.service.exitAfterMs !== undefined) {
    return { kind: 'exited', output: outcome.output, exitCode: outcome.service.exitCode ?? 0, durationMs: outcome.service.exitAfterMs };
  }
  return { kind: 'running', output: outcome.output };
}
