// `docker create` on the daemon side: merge the request with the image config, pick a name,
// and record a new container in the Created state.
import type { Daemon } from '../daemon.js';
import type { ContainerRecord, HostConfig, ImageRecord, MountConfig, MountRecord, PortBinding, RestartPolicy } from '../state.js';
import { SIGNALS } from '../signals.js';
import { DaemonError } from '../errors.js';
import { newContainerId } from '../ids.js';
import { randomName, VALID_NAME } from '../names.js';
import { ZERO_TIME } from '../time.js';

/** What dockerd accepts as --stop-signal: a number 1 to 2^32-1, a signal name, RTMIN+n / RTMAX-n (observed). */
function isSignalName(raw: string): boolean {
  if (/^\d+$/.test(raw)) return Number(raw) >= 1 && Number(raw) < 2 ** 32;
  const name = raw.toUpperCase().replace(/^SIG/, '');
  return SIGNALS[`SIG${name}`] !== undefined || /^RTMIN(\+([1-9]|1[0-5]))?$/.test(name) || /^RTMAX(-([1-9]|1[0-4]))?$/.test(name);
}

/** Linux capabilities as dockerd knows them (--cap-add/--cap-drop accept them with or without CAP_). */
const CAPABILITIES = new Set([
  'CHOWN', 'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID', 'KILL', 'SETGID', 'SETUID', 'SETPCAP',
  'LINUX_IMMUTABLE', 'NET_BIND_SERVICE', 'NET_BROADCAST', 'NET_ADMIN', 'NET_RAW', 'IPC_LOCK', 'IPC_OWNER',
  'SYS_MODULE', 'SYS_RAWIO', 'SYS_CHROOT', 'SYS_PTRACE', 'SYS_PACCT', 'SYS_ADMIN', 'SYS_BOOT', 'SYS_NICE',
  'SYS_RESOURCE', 'SYS_TIME', 'SYS_TTY_CONFIG', 'MKNOD', 'LEASE', 'AUDIT_WRITE', 'AUDIT_CONTROL', 'SETFCAP',
  'MAC_OVERRIDE', 'MAC_ADMIN', 'SYSLOG', 'WAKE_ALARM', 'BLOCK_SUSPEND', 'AUDIT_READ', 'PERFMON', 'BPF',
  'CHECKPOINT_RESTORE',
].map((c) => `CAP_${c}`));

export interface CreateRequest {
  /** The image as the user typed it (Config.Image). */
  imageRef: string;
  image: ImageRecord;
  name?: string;
  cmd?: string[];
  /** undefined = image's; [] = reset. */
  entrypoint?: string[];
  env: string[];
  workdir?: string;
  user?: string;
  hostname?: string;
  portBindings: Record<string, PortBinding[]>;
  exposed: string[];
  publishAll: boolean;
  labels: Record<string, string>;
  restart: RestartPolicy;
  autoRemove: boolean;
  tty: boolean;
  openStdin: boolean;
  attachStdin: boolean;
  attachStdout: boolean;
  attachStderr: boolean;
  stopSignal?: string;
  /** --cap-add / --cap-drop, checked against the kernel's capabilities. */
  capAdd?: string[];
  capDrop?: string[];
  stopTimeout?: number;
  init?: boolean;
  networkMode?: string;
  mounts?: MountRecord[];
  binds?: string[];
  volumesFrom?: string[];
  /** Anonymous `-v /path` volumes: Docker lists them in Config.Volumes with the image's. */
  volumes?: string[];
  /** --read-only */
  readOnlyRootfs?: boolean;
  /** --tmpfs /path[:options] values. */
  tmpfs?: string[];
  /** --mount values as HostConfig.Mounts records them. */
  hostMounts?: MountConfig[];
  /** --shm-size in bytes; 0 or absent: the default. */
  shmSize?: number;
  /** --cidfile, recorded in HostConfig.ContainerIDFile. */
  cidFile?: string;
}

/** --tmpfs values as HostConfig.Tmpfs (mount point → options); the mount point must be absolute. */
function tmpfsConfig(values: string[] | undefined): Record<string, string> | undefined {
  if (!values || values.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const v of values) {
    const colon = v.indexOf(':');
    const dest = colon < 0 ? v : v.slice(0, colon);
    if (!dest.startsWith('/')) throw new DaemonError(`invalid mount path: '${dest}' mount path must be absolute`, 'invalid');
    out[dest] = colon < 0 ? '' : v.slice(colon + 1);
  }
  return out;
}

export function conflictMessage(name: string, holderId: string): string {
  return `Conflict. The container name "/${name}" is already in use by container "${holderId}". You have to remove (or rename) that container to be able to reuse that name.`;
}

export function validateName(d: Daemon, raw: string): string {
  const name = raw.startsWith('/') ? raw.slice(1) : raw;
  if (!VALID_NAME.test(name)) {
    throw new DaemonError(`Invalid container name (${raw}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, 'invalid');
  }
  const holder = d.containerList().find((c) => c.name === name);
  if (holder) throw new DaemonError(conflictMessage(name, holder.id), 'conflict');
  return name;
}

function generateName(d: Daemon, id: string): string {
  const taken = new Set(d.containerList().map((c) => c.name));
  for (let retry = 0; retry < 6; retry++) {
    const name = randomName(d.random, retry);
    if (!taken.has(name)) return name;
  }
  return id.slice(0, 12);
}

function envKey(e: string): string {
  const i = e.indexOf('=');
  return i >= 0 ? e.slice(0, i) : e;
}

/** User env first, then the image's variables the user did not override (as the daemon merges). */
export function mergeEnv(user: string[], image: string[] | undefined): string[] {
  if (user.length === 0) return [...(image ?? [])];
  const keys = new Set(user.map(envKey));
  return [...user, ...(image ?? []).filter((e) => !keys.has(envKey(e)))];
}

function configVolumes(image: Record<string, Record<string, never>> | null | undefined, extra: string[] = []): Record<string, Record<string, never>> | null {
  const out: Record<string, Record<string, never>> = { ...(image ?? {}) };
  for (const p of extra) out[p] = {};
  return Object.keys(out).length ? out : null;
}

export function createContainer(d: Daemon, req: CreateRequest): ContainerRecord {
  const img = req.image.config;
  const name = req.name !== undefined ? validateName(d, req.name) : undefined;
  let id = newContainerId(d.random);
  while (d.state.containers[id]) id = newContainerId(d.random);

  let entrypoint: string[] | null = req.entrypoint !== undefined ? (req.entrypoint.length ? req.entrypoint : null) : (img.Entrypoint ?? null);
  let cmd: string[] | null = req.cmd && req.cmd.length ? req.cmd : null;
  if (req.entrypoint === undefined && cmd === null) cmd = img.Cmd ?? null;
  if (req.entrypoint !== undefined && req.entrypoint.length === 0 && cmd === null) cmd = img.Cmd ?? null;
  const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
  if (argv.length === 0) throw new DaemonError('no command specified', 'invalid');
  for (const [what, caps] of [['CapAdd', req.capAdd], ['CapDrop', req.capDrop]] as const) {
    for (const cap of caps ?? []) {
      const name = cap.toUpperCase() === 'ALL' ? 'ALL' : `CAP_${cap.toUpperCase().replace(/^CAP_/, '')}`;
      if (name !== 'ALL' && !CAPABILITIES.has(name)) throw new DaemonError(`invalid ${what}: unknown capability: ${JSON.stringify(name)}`, 'invalid');
    }
  }
  if (req.stopSignal !== undefined && req.stopSignal !== '' && !isSignalName(req.stopSignal)) throw new DaemonError(`invalid signal: ${req.stopSignal}`, 'invalid');

  // A container that joins another's network namespace has no ports of its own (the image's
  // EXPOSE does not count: only what the request asks for).
  if ((req.networkMode ?? '').startsWith('container:')) {
    if (Object.keys(req.portBindings).length || req.publishAll) throw new DaemonError('conflicting options: port publishing and the container type network mode', 'invalid');
    if (req.exposed.length) throw new DaemonError('conflicting options: port exposing and the container type network mode', 'invalid');
  }

  const exposed: Record<string, Record<string, never>> = {};
  for (const p of Object.keys(img.ExposedPorts ?? {})) exposed[p] = {};
  for (const p of req.exposed) exposed[p] = {};
  for (const p of Object.keys(req.portBindings)) exposed[p] = {};

  const labels: Record<string, string> = { ...(img.Labels ?? {}), ...req.labels };
  const tmpfs = tmpfsConfig(req.tmpfs);
  const hostConfig: HostConfig = {
    Binds: req.binds && req.binds.length ? req.binds : null,
    NetworkMode: req.networkMode ?? 'bridge',
    PortBindings: req.portBindings,
    RestartPolicy: req.restart,
    AutoRemove: req.autoRemove,
    VolumesFrom: req.volumesFrom && req.volumesFrom.length ? req.volumesFrom : null,
    PublishAllPorts: req.publishAll,
    Init: req.init ?? null,
    Privileged: false,
    ReadonlyRootfs: req.readOnlyRootfs ?? false,
    ...(tmpfs ? { Tmpfs: tmpfs } : {}),
    ...(req.hostMounts?.length ? { Mounts: req.hostMounts } : {}),
    ...(req.shmSize ? { ShmSize: req.shmSize } : {}),
    ...(req.cidFile ? { ContainerIDFile: req.cidFile } : {}),
    Memory: 0,
    NanoCpus: 0,
  };
  const created = d.timestamp();
  const record: ContainerRecord = {
    id,
    name: name ?? generateName(d, id),
    created,
    path: argv[0],
    args: argv.slice(1),
    imageId: req.image.id,
    config: {
      Hostname: req.hostname ?? id.slice(0, 12),
      Domainname: '',
      User: req.user ?? img.User ?? '',
      AttachStdin: req.attachStdin,
      AttachStdout: req.attachStdout,
      AttachStderr: req.attachStderr,
      ExposedPorts: Object.keys(exposed).length ? exposed : undefined,
      Tty: req.tty,
      OpenStdin: req.openStdin,
      StdinOnce: req.openStdin && req.attachStdin,
      Env: mergeEnv(req.env, img.Env),
      Cmd: cmd,
      Healthcheck: img.Healthcheck,
      Image: req.imageRef,
      Volumes: configVolumes(img.Volumes, req.volumes),
      WorkingDir: req.workdir ?? img.WorkingDir ?? '',
      Entrypoint: entrypoint,
      OnBuild: img.OnBuild ?? null,
      Labels: labels,
      StopSignal: req.stopSignal ?? img.StopSignal,
      StopTimeout: req.stopTimeout,
    },
    hostConfig,
    state: {
      Status: 'created', Running: false, Paused: false, Restarting: false, OOMKilled: false, Dead: false,
      Pid: 0, ExitCode: 0, Error: '', StartedAt: ZERO_TIME, FinishedAt: ZERO_TIME,
    },
    restartCount: 0,
    ports: {},
    endpoints: {},
    sandboxKey: '',
    mounts: req.mounts ?? [],
    logs: [],
    upper: {},
    manuallyStopped: false,
    execIds: [],
  };
  d.state.containers[id] = record;
  d.event('container', 'create', id, { image: req.imageRef, name: record.name });
  return record;
}

/** The warnings dockerd returns with a successful create (the CLI prints each as "WARNING: …"). */
export function createWarnings(c: ContainerRecord): string[] {
  const warnings: string[] = [];
  if (c.hostConfig.NetworkMode === 'host' && Object.keys(c.hostConfig.PortBindings).length) {
    warnings.push('Published ports are discarded when using host network mode');
  }
  return warnings;
}
