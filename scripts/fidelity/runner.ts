// Runs scenario lines through `bash -c`, with `docker` on PATH meaning whatever CLI is under
// test (the real one when recording, bin/fakedocker when replaying).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario, ScenarioItem } from './scenario.js';

export interface CommandResult {
  cmd: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** set when the command was killed after its timeout */
  timedOut?: boolean;
}

export interface StepResult extends CommandResult {
  /** 1-based index among the scenario's recorded steps */
  index: number;
  /** line number in the scenario file */
  line: number;
}

/** The repository root: the nearest ancestor with a package.json named "fakedocker". */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'fakedocker') return dir;
      } catch {
        /* keep looking */
      }
    }
    const up = dirname(dir);
    if (up === dir) return resolve(process.cwd());
    dir = up;
  }
}

export function runBash(
  cmd: string,
  opts: { env: NodeJS.ProcessEnv; cwd: string; timeoutSec: number; stdin?: string },
): Promise<CommandResult> {
  return new Promise((resolvePromise) => {
    const child = spawn('bash', ['-c', cmd], {
      env: opts.env,
      cwd: opts.cwd,
      stdio: [opts.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      detached: true, // own process group, so a timeout kills the whole pipeline
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    if (opts.stdin !== undefined) child.stdin!.end(opts.stdin);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, opts.timeoutSec * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const res: CommandResult = {
        cmd,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        exitCode: code ?? (signal ? 128 + (signalNumber(signal) ?? 0) : -1),
      };
      if (timedOut) res.timedOut = true;
      resolvePromise(res);
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolvePromise({ cmd, stdout: '', stderr: `spawn error: ${e.message}`, exitCode: -1 });
    });
  });
}

function signalNumber(sig: NodeJS.Signals): number | undefined {
  const table: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };
  return table[sig];
}

/** A temporary directory holding one executable, `docker`, a symlink to target. */
export function makeDockerBinDir(target: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'fidelity-bin-'));
  symlinkSync(resolve(target), join(dir, 'docker'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface SideOptions {
  /** directory prepended to PATH, holding `docker` */
  binDir: string;
  /** extra environment (e.g. FAKEDOCKER_HOME) */
  env?: Record<string, string>;
  /** working directory for the commands */
  cwd: string;
  /** honour `sleep N` lines (default true) */
  sleep?: boolean;
  /** called after each setup/step/teardown line (for progress output) */
  onResult?: (item: ScenarioItem, res: CommandResult) => void;
}

export function sideEnv(opts: SideOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  env.PATH = `${opts.binDir}:${process.env.PATH ?? '/usr/bin:/bin'}`;
  // keep the CLI output plain and independent of the caller's terminal/settings
  delete env.DOCKER_HOST;
  delete env.DOCKER_CONTEXT;
  delete env.DOCKER_CONFIG;
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  // the same locale and time zone on every machine (sort order, "+0000 UTC" in dates)
  env.LANG = 'C.UTF-8';
  env.LC_ALL = 'C.UTF-8';
  env.TZ = 'UTC';
  // The home of the recording machine: the CLI names files under it (~/.docker/contexts/…).
  env.HOME = '/root';
  return env;
}

export interface ScenarioRun {
  steps: StepResult[];
  /** setup and teardown results, for diagnostics */
  other: (CommandResult & { kind: string; line: number })[];
}

/** Runs all items of a scenario in order, then its teardown lines. */
export async function runScenario(scenario: Scenario, opts: SideOptions): Promise<ScenarioRun> {
  const env = sideEnv(opts);
  const steps: StepResult[] = [];
  const other: ScenarioRun['other'] = [];
  let index = 0;
  for (const item of [...scenario.items, ...scenario.teardown]) {
    if (item.kind === 'sleep') {
      if (opts.sleep !== false) await new Promise((r) => setTimeout(r, item.seconds * 1000));
      continue;
    }
    const res = await runBash(item.cmd, { env, cwd: opts.cwd, timeoutSec: item.timeout });
    opts.onResult?.(item, res);
    if (item.kind === 'step') steps.push({ ...res, index: ++index, line: item.line });
    else other.push({ ...res, kind: item.kind, line: item.line });
  }
  return { steps, other };
}

export function makeTempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(d, { recursive: true });
  return d;
}
