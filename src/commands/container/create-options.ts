// Turns `docker run` / `docker create` flags into a daemon create request, with the Docker CLI's
// own validation errors (printed as "docker: …" + the run/create hint, exit 125).
import type { CommandContext } from '../../cli/command.js';
import { flagBool, flagList, flagString } from '../../cli/command.js';
import type { CreateRequest } from '../../engine/containers/create.js';
import type { ImageRecord, MountRecord, PortBinding, RestartPolicy } from '../../engine/state.js';
import { parseExposeSpec, parsePublishSpec, PortSpecError } from '../../engine/ports.js';
import type { MountSpec } from '../../engine/volumes/mounts.js';
import { HostFileReadError } from '../../engine/env.js';
import { KeyValueFileError, parseKeyValueFile } from './kv-file.js';
import { parseBytes, parseMountFlag } from '../../cli/flag-checks.js';

export class RunOptionError extends Error {
  /** Errors the daemon reports (printed with "Error response from daemon: "). */
  constructor(message: string, readonly fromDaemon = false, readonly plainExitCode?: number) {
    super(message);
  }
}

/**
 * The KEY=VALUE lines of an --env-file / --label-file (see kv-file.ts); a key-only line takes its
 * value from `lookup` or is left out. Errors carry the CLI's text, naming the file.
 */
export function readKeyValueFile(ctx: CommandContext, path: string, lookup?: (key: string) => string | undefined): string[] {
  const reader = ctx.d.env.host.readFile;
  if (!reader) throw new RunOptionError(`open ${path}: no such file or directory`);
  try {
    return parseKeyValueFile(reader(path), lookup);
  } catch (e) {
    if (e instanceof KeyValueFileError || e instanceof HostFileReadError) throw new RunOptionError(`invalid env file (${path}): ${e.message}`);
    throw new RunOptionError((e as Error).message);
  }
}

export function parseRestartPolicy(raw: string | undefined): RestartPolicy {
  if (raw === undefined || raw === '') return { Name: 'no', MaximumRetryCount: 0 };
  const [name, count] = raw.split(':', 2);
  if (count !== undefined) {
    if (!/^-?\d+$/.test(count)) throw new RunOptionError('invalid restart policy format: maximum retry count must be an integer');
    if (name !== 'on-failure') throw new RunOptionError("invalid restart policy: maximum retry count can only be used with 'on-failure'", true);
  }
  if (!['no', 'always', 'on-failure', 'unless-stopped'].includes(name)) {
    throw new RunOptionError(`invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`, true);
  }
  return { Name: name as RestartPolicy['Name'], MaximumRetryCount: count ? Number(count) : 0 };
}

export function parseLabels(values: string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) labels[v] = '';
    else labels[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return labels;
}

/**
 * The container's environment from --env-file files, then -e values (so -e wins): a name without
 * a value copies the client's variable; unset there, a file drops it and -e keeps the bare name
 * (stored in Config.Env, it removes the variable from the process's environment). Empty names
 * were refused while parsing flags (checkEnvValue).
 */
export function collectEnv(ctx: CommandContext): string[] {
  const hostEnv = ctx.d.env.host.env;
  const fromHost = (name: string) => hostEnv[name];
  const fromFiles = flagList(ctx, 'env-file').flatMap((f) => readKeyValueFile(ctx, f, fromHost));
  return [...fromFiles, ...withHostValues(flagList(ctx, 'env'), hostEnv)];
}

/** -e K=V sets; -e K copies from the client environment, or stays bare if unset there (as the CLI). */
export function withHostValues(values: string[], hostEnv: Record<string, string | undefined>): string[] {
  return values.map((v) => (v.includes('=') || hostEnv[v] === undefined ? v : `${v}=${hostEnv[v]}`));
}

export interface ParsedRunOptions {
  request: Omit<CreateRequest, 'image' | 'imageRef'>;
  detach: boolean;
  pull: 'missing' | 'always' | 'never';
  volumeSpecs: string[];
  mountSpecs: MountSpec[];
}


/** Command-line validation that the CLI does before talking to the daemon. */
export function parseRunOptions(ctx: CommandContext, cmd: string[]): ParsedRunOptions {
  const portBindings: Record<string, PortBinding[]> = {};
  try {
    for (const p of flagList(ctx, 'publish')) {
      for (const m of parsePublishSpec(p)) (portBindings[m.port] ??= []).push(m.binding);
    }
  } catch (e) {
    if (e instanceof PortSpecError) throw new RunOptionError(e.message);
    throw e;
  }
  const exposed: string[] = [];
  try {
    for (const e of flagList(ctx, 'expose')) exposed.push(...parseExposeSpec(e));
  } catch (e) {
    if (e instanceof PortSpecError) throw new RunOptionError(e.message);
    throw e;
  }
  // The CLI reads env files before label files, after the port flags.
  const env = collectEnv(ctx);
  const labels = parseLabels([...flagList(ctx, 'label-file').flatMap((f) => readKeyValueFile(ctx, f)), ...flagList(ctx, 'label')]);
  const pull = flagString(ctx, 'pull') ?? 'missing';
  if (!['missing', 'always', 'never'].includes(pull)) {
    throw new RunOptionError(`invalid pull option: '${pull}': must be one of "always", "missing" or "never"`);
  }
  const restartRaw = flagString(ctx, 'restart');
  const autoRemove = flagBool(ctx, 'rm');
  let restart: RestartPolicy;
  if (restartRaw !== undefined && restartRaw.includes(':')) restart = parseRestartPolicy(restartRaw);
  else restart = { Name: (restartRaw ?? 'no') as RestartPolicy['Name'], MaximumRetryCount: 0 };
  if (autoRemove && restartRaw !== undefined && restartRaw !== 'no' && restartRaw !== '') {
    throw new RunOptionError('conflicting options: cannot specify both --restart and --rm');
  }
  const volumeSpecs = flagList(ctx, 'volume');
  for (const v of volumeSpecs) if (v.trim() === '') throw new RunOptionError('invalid empty volume spec');
  const tty = flagBool(ctx, 'tty');
  const interactive = flagBool(ctx, 'interactive');
  const detach = flagBool(ctx, 'detach');
  const entrypointGiven = ctx.changed.has('entrypoint');
  const entrypointValue = flagString(ctx, 'entrypoint') ?? '';
  // (Their values were checked as the flags were parsed: see cli/flag-checks.ts.)
  const attach = flagList(ctx, 'attach').map((a) => a.toLowerCase());
  if (detach && attach.length) throw new RunOptionError('conflicting options: cannot specify both --attach and --detach', false, 1);
  const memory = flagString(ctx, 'memory');
  const workdir = flagString(ctx, 'workdir');
  if (workdir !== undefined && workdir !== '' && !workdir.startsWith('/')) {
    throw new RunOptionError(`the working directory '${workdir}' is invalid, it needs to be an absolute path`, true);
  }
  if (memory !== undefined && parseBytes(memory)! < 6 * 1024 * 1024) throw new RunOptionError('Minimum memory limit allowed is 6MB', true);
  if (flagString(ctx, 'memory-swap') !== undefined && memory === undefined) {
    throw new RunOptionError('You should always set the Memory limit when using Memoryswap limit, see usage', true);
  }
  const shmSize = flagString(ctx, 'shm-size');
  const stopTimeoutRaw = flagString(ctx, 'stop-timeout');
  const request: ParsedRunOptions['request'] = {
    name: flagString(ctx, 'name'),
    cmd,
    entrypoint: entrypointGiven ? (entrypointValue === '' ? [] : [entrypointValue]) : undefined,
    env,
    workdir: flagString(ctx, 'workdir'),
    user: flagString(ctx, 'user'),
    hostname: flagString(ctx, 'hostname'),
    portBindings,
    exposed,
    publishAll: flagBool(ctx, 'publish-all'),
    labels,
    restart,
    autoRemove,
    tty,
    openStdin: interactive,
    attachStdin: !detach && interactive,
    attachStdout: !detach && (attach.length === 0 || attach.includes('stdout')),
    attachStderr: !detach && (attach.length === 0 || attach.includes('stderr')),
    stopSignal: flagString(ctx, 'stop-signal'),
    capAdd: flagList(ctx, 'cap-add'),
    capDrop: flagList(ctx, 'cap-drop'),
    stopTimeout: stopTimeoutRaw !== undefined ? Number(stopTimeoutRaw) : undefined,
    init: ctx.changed.has('init') ? flagBool(ctx, 'init') : undefined,
    networkMode: flagString(ctx, 'network') ?? 'bridge',
    readOnlyRootfs: flagBool(ctx, 'read-only'),
    tmpfs: flagList(ctx, 'tmpfs'),
    shmSize: shmSize !== undefined ? parseBytes(shmSize) : undefined,
    cidFile: flagString(ctx, 'cidfile'),
  };
  const mountSpecs = flagList(ctx, 'mount').map(parseMountFlag); // (valid: checkMountValue passed them)
  return { request, detach, pull: pull as ParsedRunOptions['pull'], volumeSpecs, mountSpecs };
}

export type { ImageRecord, MountRecord };
