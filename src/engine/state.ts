// The whole simulated daemon as one JSON-serialisable value. Transitions are written with immer
// against a draft of this object; nothing here may hold functions or class instances.
import type { ImageConfig } from '../catalog/types.js';
import type { LayerData } from './fs/types.js';
import type { ContainerProcess, OutputChunk, ServiceBehaviour, StreamName } from './userland/types.js';
import type { RngState } from './rng.js';

export const STATE_SCHEMA = 1;

export interface ImageLayer {
  digest: string;
  diffId: string;
  size: number;
  tree?: string;
  /** For images built or committed here: the layer's content. */
  data?: LayerData;
}

export interface ImageHistoryEntry {
  created: string;
  createdBy: string;
  comment?: string;
  emptyLayer?: boolean;
}

export interface ImageRecord {
  id: string; // sha256:<64>
  repoTags: string[]; // 'nginx:latest'
  repoDigests: string[]; // 'nginx@sha256:…'
  parent: string; // '' or sha256:…
  comment: string;
  created: string;
  dockerVersion: string;
  author: string;
  architecture: string;
  variant?: string;
  os: string;
  size: number;
  config: ImageConfig;
  layers: ImageLayer[];
  history: ImageHistoryEntry[];
  /**
   * Removed with `rmi -f` while a stopped container still uses it: hidden from every listing
   * and lookup, but its layers stay until the last such container goes (as in Docker).
   */
  deleted?: boolean;
  /** Catalogue repository this image came from, for program behaviour and tool flavour. */
  flavor: string;
  lastTagTime: string;
  /** When it arrived in this daemon (ordering of `images`). */
  pulledAt: string;
}

export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

export interface LogRecord {
  stream: StreamName;
  text: string;
  time: string; // RFC3339Nano
}

export interface MountRecord {
  Type: 'volume' | 'bind' | 'tmpfs';
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: string;
  Mode: string;
  RW: boolean;
  Propagation: string;
  /** A tmpfs's mount options in --tmpfs form ("size=1048576,mode=700"); not shown by inspect. */
  TmpfsOptions?: string;
}

/** A --mount value as the daemon records it in HostConfig.Mounts (mount.Mount). */
export interface MountConfig {
  Type: string;
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[];
  Cmd: string[] | null;
  Healthcheck?: ImageConfig['Healthcheck'];
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string>;
  StopSignal?: string;
  StopTimeout?: number;
}

export interface RestartPolicy {
  Name: '' | 'no' | 'always' | 'unless-stopped' | 'on-failure';
  MaximumRetryCount: number;
}

export interface HostConfig {
  Binds: string[] | null;
  NetworkMode: string;
  PortBindings: Record<string, PortBinding[]>;
  RestartPolicy: RestartPolicy;
  AutoRemove: boolean;
  VolumesFrom: string[] | null;
  PublishAllPorts: boolean;
  Init: boolean | null;
  Privileged: boolean;
  ReadonlyRootfs: boolean;
  /** --tmpfs mount points → their options ("size=1m,mode=700" or ""). */
  Tmpfs?: Record<string, string>;
  /** --shm-size in bytes (the daemon's default, 64 MiB, when absent). */
  ShmSize?: number;
  /** --mount values, in the order given. */
  Mounts?: MountConfig[];
  /** --cidfile, as given (the CLI writes the file; the daemon only records the name). */
  ContainerIDFile?: string;
  Memory: number;
  NanoCpus: number;
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerStateRecord {
  Status: ContainerStatus;
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  Dead: boolean;
  Pid: number;
  ExitCode: number;
  Error: string;
  StartedAt: string;
  FinishedAt: string;
}

/** What the main process is doing, so later commands can signal it or see it end. */
export interface ProcessRecord {
  startedMs: number;
  program: string;
  service?: ServiceBehaviour;
  /** Finishes by itself at this time with this code (sleep 5, echo …). */
  exitAtMs?: number;
  exitCode?: number;
  /** Output not yet due (printed after `now`): released by advance(). */
  pending: OutputChunk[];
  /** Set while the container is paused (the process is frozen). */
  pausedAtMs?: number;
  /** Its processes in the container's PID namespace, as they were once started (absent: PID 1 only). */
  tree?: ContainerProcess[];
  /** The last PID taken in the container's PID namespace: an exec'd process gets the next one. */
  lastPid?: number;
}

export interface EndpointRecord {
  networkId: string;
  endpointId: string;
  ipAddress: string;
  ipPrefixLen: number;
  gateway: string;
  macAddress: string;
  aliases: string[] | null;
  /** Endpoint settings given with `network connect` (inspect shows {} rather than null). */
  ipamConfig?: Record<string, string>;
  driverOpts?: Record<string, string>;
  /** DNS names on a user-defined network, as `network connect` records them. */
  dnsNames?: string[] | null;
}

export interface ContainerRecord {
  id: string;
  name: string; // without the leading '/'
  created: string;
  path: string;
  args: string[];
  imageId: string;
  config: ContainerConfig;
  hostConfig: HostConfig;
  state: ContainerStateRecord;
  restartCount: number;
  /** Runtime port map (NetworkSettings.Ports); empty unless running. */
  ports: Record<string, PortBinding[] | null>;
  endpoints: Record<string, EndpointRecord>; // by network name
  sandboxKey: string;
  mounts: MountRecord[];
  logs: LogRecord[];
  upper: LayerData;
  /** What lies in the tmpfs mounts of a running container (by mount point); gone when it stops. */
  tmpfs?: Record<string, LayerData>;
  process?: ProcessRecord;
  /** Set by `docker stop`/`kill`, so restart policies leave the container alone. */
  manuallyStopped: boolean;
  execIds: string[];
  /**
   * Set once `endpoints` lists the container's networks exactly (after its first start or a
   * network connect/disconnect); until then an empty map stands for its network mode's network.
   */
  networksConfigured?: boolean;
}

export interface VolumeRecord {
  name: string;
  driver: string;
  created: string;
  labels: Record<string, string>;
  options: Record<string, string> | null;
  anonymous: boolean;
  data: LayerData;
  /** Set once image content has been copied into the volume (first mount), so it is not copied again. */
  populated?: boolean;
}

export interface NetworkRecord {
  id: string;
  name: string;
  driver: string;
  scope: string;
  created: string;
  internal: boolean;
  attachable: boolean;
  ipv6: boolean;
  subnet: string;
  gateway: string;
  labels: Record<string, string>;
  options: Record<string, string>;
  /** Next host number to hand out in the subnet. */
  nextHost: number;
  /** IPAM config as `network inspect` shows it (user-defined networks); absent: derived from subnet/gateway. */
  ipamConfig?: NetworkIpamConfig[];
  /** --ip-range: containers get addresses from this part of the subnet. */
  ipRange?: string;
}

export interface NetworkIpamConfig {
  Subnet: string;
  IPRange?: string;
  Gateway?: string;
}

export interface EventRecord {
  time: string;
  type: string;
  action: string;
  id: string;
  attributes: Record<string, string>;
}

export interface EngineState {
  schema: number;
  rng: RngState | null;
  images: Record<string, ImageRecord>;
  containers: Record<string, ContainerRecord>;
  volumes: Record<string, VolumeRecord>;
  networks: Record<string, NetworkRecord>;
  /** Port allocator: last port handed out per "ip/proto". */
  portsLast: Record<string, number>;
  nextPid: number;
  events: EventRecord[];
  /**
   * Simulated time that commands spent waiting without the wall clock moving (a stop timeout,
   * an attached `sleep 3`): later commands see the clock this far ahead, so time never runs back.
   */
  clockSkewMs?: number;
}
