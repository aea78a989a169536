// Running containers: start (ports, network, the main process), the passage of time (processes
// that end by themselves, restart policies), signals (stop, kill), pause and removal.
import type { Daemon } from '../daemon.js';
import type { ContainerRecord, PortBinding } from '../state.js';
import type { OutputChunk, ProcessOutcome, SignalReaction } from '../userland/types.js';
import type { LayerData } from '../fs/types.js';
import { createContainerFs } from '../fs/index.js';
import { applyExitEffects, reactToSignal } from '../userland/index.js';
import { DaemonError } from '../errors.js';
import { allocateDynamicPort, boundPorts, sortPortKeys, splitPort } from '../ports.js';
import { parseTime, ZERO_TIME } from '../time.js';
import { releaseEndpoints, connectDefaultNetwork } from '../networks/attach.js';
import { removeContainerRecord } from './remove.js';

export const SIGNALS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9,
  SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGSTKFLT: 16, SIGCHLD: 17,
  SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25,
  SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPWR: 30, SIGSYS: 31,
};

/** "TERM", "sigterm", "15", "SIGRTMIN+3" → "SIGTERM" (undefined if not a signal). */
export function normalizeSignal(raw: string): string | undefined {
  if (/^\d+$/.test(raw)) {
    const n = Number(raw);
    const name = Object.keys(SIGNALS).find((k) => SIGNALS[k] === n);
    return name ?? (n > 0 && n <= 64 ? `SIG${n}` : undefined);
  }
  const up = raw.toUpperCase();
  const name = up.startsWith('SIG') ? up : `SIG${up}`;
  return SIGNALS[name] !== undefined ? name : undefined;
}

export function signalNumber(sig: string): number {
  return SIGNALS[sig] ?? Number(sig.replace(/^SIG/, ''));
}

export function imageLowers(d: Daemon, c: ContainerRecord): LayerData[] {
  const img = d.state.images[c.imageId];
  if (!img) return [];
  return img.layers.map((l) => l.data ?? (l.tree ? d.env.images.layerTree(l.tree) : {}));
}

/** A read/write view of the container's filesystem; call `commitFs` to keep the writes. */
export function openFs(d: Daemon, c: ContainerRecord) {
  return createContainerFs(imageLowers(d, c), JSON.parse(JSON.stringify(c.upper)) as LayerData);
}

function appendOutput(d: Daemon, c: ContainerRecord, startMs: number, chunks: OutputChunk[]): void {
  // One record per line, as the json-file log driver stores them. Output written in one burst
  // reaches the log with stderr first (observed: `--tail 2` of a loop echoing to both streams
  // shows the last two stdout lines).
  const ordered = chunks.map((ch, i) => ({ ch, i })).sort((a, b) => a.ch.atMs - b.ch.atMs || (a.ch.stream === b.ch.stream ? a.i - b.i : a.ch.stream === 'stderr' ? -1 : 1)).map((x) => x.ch);
  for (const ch of ordered) {
    for (const line of ch.text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
      c.logs.push({ stream: ch.stream, text: line, time: d.timestamp(startMs + ch.atMs) });
    }
  }
}

export function startFailureMessage(outcome: Extract<ProcessOutcome, { kind: 'start-failed' }>): string {
  const exe = outcome.executable;
  const detail =
    outcome.reason === 'not-found' ? `exec: ${JSON.stringify(exe)}: executable file not found in $PATH`
      : outcome.reason === 'no-such-file' ? `exec: ${JSON.stringify(exe)}: stat ${exe}: no such file or directory`
        : outcome.reason === 'is-a-directory' ? `exec: ${JSON.stringify(exe)}: is a directory`
          : `exec: ${JSON.stringify(exe)}: permission denied`;
  return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${detail}`;
}

/** The runtime resolves USER names against the image's /etc/passwd (and groups in /etc/group). */
function checkUser(passwd: string | undefined, group: string | undefined, spec: string): string | undefined {
  if (!spec) return undefined;
  const [user, grp] = spec.split(':', 2);
  const names = (text: string | undefined) => new Set((text ?? '').split('\n').map((l) => l.split(':')[0]).filter(Boolean));
  if (!/^\d+$/.test(user) && !names(passwd).has(user)) return `unable to find user ${user}: no matching entries in passwd file`;
  if (grp !== undefined && grp !== '' && !/^\d+$/.test(grp) && !names(group).has(grp)) return `unable to find group ${grp}: no matching entries in group file`;
  return undefined;
}

/** Binds host ports for a starting container; throws Docker's allocation errors. */
function bindPorts(d: Daemon, c: ContainerRecord, endpointId: string): Record<string, PortBinding[] | null> {
  const used = boundPorts(d, c.id);
  const result: Record<string, PortBinding[] | null> = {};
  const exposed = Object.keys(c.config.ExposedPorts ?? {});
  const keys = sortPortKeys(Array.from(new Set([...exposed, ...Object.keys(c.hostConfig.PortBindings)])));
  // Allocation order is container port ascending, then protocol.
  const ordered = keys.slice().sort((a, b) => splitPort(a).port - splitPort(b).port || (splitPort(a).proto < splitPort(b).proto ? -1 : 1));
  for (const key of ordered) {
    const { proto } = splitPort(key);
    let requested = c.hostConfig.PortBindings[key];
    if ((!requested || requested.length === 0) && c.hostConfig.PublishAllPorts) requested = [{ HostIp: '', HostPort: '' }];
    if (!requested || requested.length === 0) { result[key] = null; continue; }
    const out: PortBinding[] = [];
    for (const req of requested) {
      const ips = req.HostIp === '' ? ['0.0.0.0', '::'] : [req.HostIp];
      let port: number | undefined;
      if (req.HostPort === '') {
        port = allocateDynamicPort(d, ips, proto, used);
      } else if (req.HostPort.includes('-')) {
        const [a, b] = req.HostPort.split('-').map(Number);
        for (let p = a; p <= b; p++) if (ips.every((ip) => !used.has(`${ip}/${proto}/${p}`))) { port = p; break; }
        if (port === undefined) {
          throw new DaemonError(`failed to set up container networking: driver failed programming external connectivity on endpoint ${c.name} (${endpointId}): Bind for ${ips[0] === '::' ? '[::]' : ips[0]}:${b} failed: port is already allocated`);
        }
      } else {
        port = Number(req.HostPort);
        for (const ip of ips) {
          if (used.has(`${ip}/${proto}/${port}`)) {
            const shown = ip.includes(':') ? `[${ip}]` : ip;
            throw new DaemonError(`failed to set up container networking: driver failed programming external connectivity on endpoint ${c.name} (${endpointId}): Bind for ${shown}:${port} failed: port is already allocated`);
          }
        }
      }
      if (port === undefined) throw new DaemonError('failed to set up container networking: all ports are allocated');
      for (const ip of ips) {
        out.push({ HostIp: ip, HostPort: String(port) });
        used.add(`${ip}/${proto}/${port}`);
      }
    }
    result[key] = out;
  }
  return result;
}

export function processEnv(c: ContainerRecord): string[] {
  const env = [...c.config.Env];
  const has = (k: string) => env.some((e) => e.startsWith(`${k}=`));
  if (!has('PATH')) env.unshift('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  if (!has('HOSTNAME')) env.splice(1, 0, `HOSTNAME=${c.config.Hostname}`);
  if (c.config.Tty && !has('TERM')) env.push('TERM=xterm');
  return env;
}

/** Runs the main process; the container must not be running. Throws DaemonError on failure. */
export function startContainer(d: Daemon, c: ContainerRecord, opts: { stdin?: string } = {}): void {
  if (c.state.Paused) throw new DaemonError('cannot start a paused container, try unpause instead', 'conflict');
  if (c.state.Running) return;
  const endpoint = connectDefaultNetwork(d, c);
  try {
    c.ports = bindPorts(d, c, endpoint.endpointId);
  } catch (e) {
    releaseEndpoints(d, c);
    c.ports = {};
    c.state.Error = (e as Error).message;
    throw e;
  }
  const startMs = d.now();
  const fs = openFs(d, c);
  const userError = checkUser(fs.readFile('/etc/passwd'), fs.readFile('/etc/group'), c.config.User);
  if (userError) {
    releaseEndpoints(d, c);
    c.ports = {};
    throw new DaemonError(userError);
  }
  const pid = d.state.nextPid;
  d.state.nextPid += 1 + d.random.int(40);
  const img = d.state.images[c.imageId];
  const outcome = d.env.processes.start({
    argv: [c.path, ...c.args],
    env: processEnv(c),
    cwd: c.config.WorkingDir || '/',
    user: c.config.User,
    hostname: c.config.Hostname,
    imageFlavor: img?.flavor ?? '',
    tty: c.config.Tty,
    interactive: c.config.OpenStdin,
    stdin: opts.stdin,
    nowMs: startMs,
    random: () => d.random.next(),
    fs,
    pid: 1,
  });
  if (outcome.kind === 'start-failed') {
    releaseEndpoints(d, c);
    c.ports = {};
    const msg = startFailureMessage(outcome);
    c.state.Error = msg;
    c.state.ExitCode = outcome.reason === 'not-found' || outcome.reason === 'no-such-file' ? 127 : 126;
    throw new DaemonError(msg);
  }
  c.upper = fs.upper();
  c.state = {
    ...c.state,
    Status: 'running', Running: true, Paused: false, Restarting: false, OOMKilled: false, Dead: false,
    Pid: pid, ExitCode: 0, Error: '', StartedAt: d.timestamp(startMs),
  };
  appendOutput(d, c, startMs, outcome.output);
  c.process = {
    startedMs: startMs,
    program: outcome.kind === 'running' ? outcome.service.program : (outcome.service?.program ?? c.path),
    service: outcome.service,
    pending: [],
  };
  if (outcome.kind === 'exited') {
    c.process.exitAtMs = startMs + outcome.durationMs;
    c.process.exitCode = outcome.exitCode;
  } else if (outcome.service.exitAfterMs !== undefined) {
    c.process.exitAtMs = startMs + outcome.service.exitAfterMs;
    c.process.exitCode = outcome.service.exitCode ?? 0;
  }
  d.event('container', 'start', c.id, { image: c.config.Image, name: c.name });
}

/** Marks the main process as ended at `atMs` with `code`; releases ports and network. */
export function finishContainer(d: Daemon, c: ContainerRecord, code: number, atMs: number): void {
  c.state = {
    ...c.state,
    Status: 'exited', Running: false, Paused: false, Restarting: false, Pid: 0, ExitCode: code,
    FinishedAt: d.timestamp(atMs),
  };
  c.process = undefined;
  c.ports = {};
  releaseEndpoints(d, c);
  d.event('container', 'die', c.id, { exitCode: String(code), image: c.config.Image, name: c.name });
}

function shouldRestart(c: ContainerRecord, code: number): boolean {
  if (c.manuallyStopped) return false;
  const p = c.hostConfig.RestartPolicy;
  switch (p.Name) {
    case 'always':
    case 'unless-stopped':
      return true;
    case 'on-failure':
      return code !== 0 && (p.MaximumRetryCount === 0 || c.restartCount < p.MaximumRetryCount);
    default:
      return false;
  }
}

/**
 * Brings every container up to the current time: processes that have ended by now exit
 * (applying restart policies with dockerd's doubling back-off, and --rm).
 */
export function advance(d: Daemon): void {
  const now = d.now();
  for (const c of d.containerList()) {
    let guard = 0;
    while (guard++ < 64) {
      const proc = c.process;
      if (c.state.Restarting) {
        const backoffEnd = parseTime(c.state.FinishedAt) + restartDelay(c.restartCount);
        if (backoffEnd > now) break;
        c.restartCount += 1;
        c.state.Restarting = false;
        d.wait(0);
        try {
          startAt(d, c, backoffEnd);
        } catch {
          break;
        }
        continue;
      }
      if (!c.state.Running || !proc || proc.exitAtMs === undefined || proc.exitAtMs > now) break;
      const code = proc.exitCode ?? 0;
      finishContainer(d, c, code, proc.exitAtMs);
      if (c.hostConfig.AutoRemove) {
        removeContainerRecord(d, c, true);
        break;
      }
      if (shouldRestart(c, code)) {
        c.state.Restarting = true;
        c.state.Status = 'restarting';
        c.state.Running = true;
        continue;
      }
      break;
    }
  }
}

function restartDelay(restartCount: number): number {
  return Math.min(100 * 2 ** restartCount, 60000);
}

/** Starts a container as if at `atMs` (restart after back-off). */
function startAt(d: Daemon, c: ContainerRecord, atMs: number): void {
  const saved = d.waitedMs;
  d.waitedMs = atMs - (d.now() - d.waitedMs);
  try {
    startContainer(d, c);
  } finally {
    d.waitedMs = saved;
  }
}

/** Delivers a signal to a running container's main process. Returns true if it ended. */
export function signalContainer(d: Daemon, c: ContainerRecord, sig: string): { ended: boolean; reaction?: SignalReaction } {
  const proc = c.process;
  const now = d.now();
  if (sig === 'SIGKILL') {
    finishContainer(d, c, 137, now);
    return { ended: true };
  }
  const reaction = proc?.service ? reactToSignal(proc.service, sig, now) : undefined;
  if (!reaction) return { ended: false };
  appendOutput(d, c, now, reaction.output);
  if ((reaction as { keepsRunning?: boolean }).keepsRunning) return { ended: false, reaction };
  if (proc?.service) {
    const fs = openFs(d, c);
    applyExitEffects(proc.service, fs);
    c.upper = fs.upper();
  }
  if (proc) {
    proc.exitAtMs = now + reaction.afterMs;
    proc.exitCode = reaction.exitCode;
  }
  return { ended: true, reaction };
}

/** `docker stop`: StopSignal, wait up to the timeout, then SIGKILL. Returns false if not running. */
export function stopContainer(d: Daemon, c: ContainerRecord, timeoutSec?: number, signal?: string): boolean {
  c.manuallyStopped = true;
  if (c.state.Restarting) {
    c.state = { ...c.state, Status: 'exited', Running: false, Restarting: false };
    return true;
  }
  if (!c.state.Running) return false;
  if (c.state.Paused) { c.state.Paused = false; c.state.Status = 'running'; }
  const sig = signal ?? c.config.StopSignal ?? 'SIGTERM';
  const timeout = timeoutSec ?? c.config.StopTimeout ?? 10;
  const proc = c.process;
  const now = d.now();
  // A process that ends by itself before the deadline ends first.
  if (proc?.exitAtMs !== undefined && (timeout < 0 || proc.exitAtMs <= now + timeout * 1000)) {
    d.wait(proc.exitAtMs - now);
    finishContainer(d, c, proc.exitCode ?? 0, Math.max(proc.exitAtMs, now));
    return true;
  }
  const normalized = normalizeSignal(sig) ?? 'SIGTERM';
  const r = signalContainer(d, c, normalized);
  if (r.ended && c.process?.exitAtMs !== undefined) {
    const at = c.process.exitAtMs;
    d.wait(at - now);
    finishContainer(d, c, c.process.exitCode ?? 0, at);
    return true;
  }
  if (!c.state.Running) return true;
  d.wait(Math.max(0, timeout) * 1000);
  finishContainer(d, c, 137, d.now());
  return true;
}

export function pauseContainer(d: Daemon, c: ContainerRecord): void {
  if (!c.state.Running || c.state.Restarting) throw new DaemonError(`container ${c.id} is not running`, 'conflict');
  if (c.state.Paused) throw new DaemonError(`Container ${c.id} is already paused`, 'conflict');
  c.state.Paused = true;
  c.state.Status = 'paused';
  d.event('container', 'pause', c.id, { image: c.config.Image, name: c.name });
}

export function unpauseContainer(d: Daemon, c: ContainerRecord): void {
  if (!c.state.Paused) throw new DaemonError(`Container ${c.id} is not paused`, 'conflict');
  c.state.Paused = false;
  c.state.Status = 'running';
  d.event('container', 'unpause', c.id, { image: c.config.Image, name: c.name });
}

export { ZERO_TIME };
