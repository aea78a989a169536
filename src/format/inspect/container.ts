// The JSON of `GET /containers/{id}/json` (API 1.51, Docker Engine 28) built from the engine
// state: key order, types and default values as the daemon writes them.
import type { Daemon } from '../../engine/daemon.js';
import type { ContainerRecord, EndpointRecord, HostConfig, MountRecord } from '../../engine/state.js';
import { ZERO_TIME } from '../../engine/time.js';
import { containerSizes } from '../../engine/containers/size.js';
import { encodeJSON, goMap } from './json.js';
import { containerDir, containerLayerId, layerCacheIds, OVERLAY_ROOT, sandboxId } from './paths.js';
import { CONTAINER_INSPECT } from './schema.js';
import type { InspectItem } from './item.js';

/** What `docker run` leaves in paths the daemon masks / makes read-only (not when --privileged). */
export const DEFAULT_MASKED_PATHS = [
  '/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats',
  '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware',
  '/sys/devices/virtual/powercap',
];
export const DEFAULT_READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/** HostConfig keys that are Go maps (sorted on output). */
const MAP_KEYS = new Set(['PortBindings', 'Annotations', 'StorageOpt', 'Tmpfs', 'Sysctls']);

function hostConfigJSON(hc: HostConfig): Record<string, unknown> {
  // Fields the state does not (yet) keep take the value `docker run` gives them by default.
  const extra = hc as unknown as Record<string, unknown>;
  const privileged = hc.Privileged === true;
  const memory = hc.Memory ?? 0;
  const defaults: Record<string, unknown> = {
    Binds: null,
    ContainerIDFile: '',
    LogConfig: { Type: 'json-file', Config: new Map() },
    NetworkMode: 'bridge',
    PortBindings: new Map(),
    RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
    AutoRemove: false,
    VolumeDriver: '',
    VolumesFrom: null,
    ConsoleSize: [0, 0],
    Annotations: undefined,
    CapAdd: null,
    CapDrop: null,
    CgroupnsMode: 'host',
    Dns: [],
    DnsOptions: [],
    DnsSearch: [],
    ExtraHosts: null,
    GroupAdd: null,
    IpcMode: 'private',
    Cgroup: '',
    Links: null,
    OomScoreAdj: 0,
    PidMode: '',
    Privileged: false,
    PublishAllPorts: false,
    ReadonlyRootfs: false,
    SecurityOpt: privileged ? ['label=disable'] : null,
    StorageOpt: undefined,
    Tmpfs: undefined,
    UTSMode: '',
    UsernsMode: '',
    ShmSize: 67108864,
    Sysctls: undefined,
    Runtime: 'runc',
    Isolation: '',
    CpuShares: 0,
    Memory: 0,
    NanoCpus: 0,
    CgroupParent: '',
    BlkioWeight: 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    CpuPeriod: 0,
    CpuQuota: 0,
    CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0,
    CpusetCpus: '',
    CpusetMems: '',
    Devices: [],
    DeviceCgroupRules: null,
    DeviceRequests: null,
    KernelMemory: undefined,
    KernelMemoryTCP: undefined,
    MemoryReservation: 0,
    MemorySwap: memory > 0 ? memory * 2 : 0,
    MemorySwappiness: null,
    OomKillDisable: false,
    PidsLimit: null,
    Ulimits: [],
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    Mounts: undefined,
    MaskedPaths: privileged ? null : DEFAULT_MASKED_PATHS,
    ReadonlyPaths: privileged ? null : DEFAULT_READONLY_PATHS,
    Init: undefined,
  };
  const out: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(defaults)) {
    let v = Object.prototype.hasOwnProperty.call(extra, key) ? extra[key] : def;
    if (key === 'Init' && v === null) v = undefined; // *bool, omitempty
    if (key === 'LogConfig' && v && typeof v === 'object' && !((v as { Config?: unknown }).Config instanceof Map)) {
      const lc = v as { Type: string; Config: Record<string, string> | null };
      v = { Type: lc.Type, Config: goMap(lc.Config) };
    }
    if (MAP_KEYS.has(key) && v !== undefined && v !== null && !(v instanceof Map)) v = goMap(v as Record<string, unknown>);
    if ((key === 'Annotations' || key === 'StorageOpt' || key === 'Tmpfs' || key === 'Sysctls') && v instanceof Map && v.size === 0) v = undefined;
    if ((key === 'Mounts') && Array.isArray(v) && v.length === 0) v = undefined;
    if ((key === 'KernelMemory' || key === 'KernelMemoryTCP') && !v) v = undefined;
    out[key] = v;
  }
  return out;
}

function wasStarted(c: ContainerRecord): boolean {
  return c.state.StartedAt !== ZERO_TIME && c.state.StartedAt !== '';
}

function stateJSON(c: ContainerRecord): Record<string, unknown> {
  const s = c.state;
  const stored = (c as unknown as { health?: { Status: string; FailingStreak: number; Log: unknown[] } }).health;
  let health: unknown;
  const test = c.config.Healthcheck?.Test;
  if (stored) {
    health = { Status: stored.Status, FailingStreak: stored.FailingStreak, Log: stored.Log ?? [] };
  } else if (test && test.length && test[0] !== 'NONE' && wasStarted(c)) {
    // Not simulated yet: no probe has run; a stopped monitor reports "unhealthy" (moby does so).
    health = { Status: s.Running ? 'starting' : 'unhealthy', FailingStreak: 0, Log: [] };
  }
  return {
    Status: s.Status,
    Running: s.Running,
    Paused: s.Paused,
    Restarting: s.Restarting,
    OOMKilled: s.OOMKilled,
    Dead: s.Dead,
    Pid: s.Pid,
    ExitCode: s.ExitCode,
    Error: s.Error,
    StartedAt: s.StartedAt,
    FinishedAt: s.FinishedAt,
    Health: health,
  };
}

function healthcheckJSON(h: NonNullable<ContainerRecord['config']['Healthcheck']>): Record<string, unknown> {
  const x = h as typeof h & { StartInterval?: number };
  return {
    Test: h.Test && h.Test.length ? h.Test : undefined,
    Interval: h.Interval || undefined,
    Timeout: h.Timeout || undefined,
    StartPeriod: h.StartPeriod || undefined,
    StartInterval: x.StartInterval || undefined,
    Retries: h.Retries || undefined,
  };
}

function configJSON(c: ContainerRecord): Record<string, unknown> {
  const cfg = c.config;
  const extra = cfg as unknown as Record<string, unknown>;
  const exposed = cfg.ExposedPorts && Object.keys(cfg.ExposedPorts).length ? goMap(cfg.ExposedPorts) : undefined;
  return {
    Hostname: cfg.Hostname,
    Domainname: cfg.Domainname ?? '',
    User: cfg.User,
    AttachStdin: cfg.AttachStdin,
    AttachStdout: cfg.AttachStdout,
    AttachStderr: cfg.AttachStderr,
    ExposedPorts: exposed,
    Tty: cfg.Tty,
    OpenStdin: cfg.OpenStdin,
    StdinOnce: cfg.StdinOnce,
    Env: cfg.Env ?? null,
    Cmd: cfg.Cmd ?? null,
    Healthcheck: cfg.Healthcheck ? healthcheckJSON(cfg.Healthcheck) : undefined,
    ArgsEscaped: extra.ArgsEscaped === true ? true : undefined,
    Image: cfg.Image,
    Volumes: goMap(cfg.Volumes),
    WorkingDir: cfg.WorkingDir,
    Entrypoint: cfg.Entrypoint ?? null,
    NetworkDisabled: extra.NetworkDisabled === true ? true : undefined,
    MacAddress: typeof extra.MacAddress === 'string' && extra.MacAddress ? extra.MacAddress : undefined,
    OnBuild: cfg.OnBuild ?? null,
    Labels: goMap(cfg.Labels ?? {}),
    StopSignal: cfg.StopSignal || undefined,
    StopTimeout: cfg.StopTimeout ?? undefined,
    Shell: Array.isArray(extra.Shell) && extra.Shell.length ? extra.Shell : undefined,
  };
}

const BUILTIN_NETWORKS = new Set(['bridge', 'host', 'none']);

function endpointJSON(c: ContainerRecord, netName: string, ep: EndpointRecord | undefined, started: boolean): Record<string, unknown> {
  const networkId = started && ep ? ep.networkId : '';
  const userDefined = !BUILTIN_NETWORKS.has(netName);
  const aliases = ep?.aliases ?? null; // `network connect` leaves [] where `run` leaves null
  let dnsNames: string[] | null = null;
  if (ep?.dnsNames !== undefined) dnsNames = ep.dnsNames;
  else if (userDefined && networkId) dnsNames = [c.name, ...(aliases ?? []), c.id.slice(0, 12)];
  const ipam = ep?.ipamConfig;
  return {
    IPAMConfig: ipam ? {
      IPv4Address: ipam.IPv4Address || undefined,
      IPv6Address: ipam.IPv6Address || undefined,
      LinkLocalIPs: ipam.LinkLocalIPs ? ipam.LinkLocalIPs.split(',') : undefined,
    } : null,
    Links: null,
    Aliases: aliases,
    MacAddress: ep?.macAddress ?? '',
    DriverOpts: goMap(ep?.driverOpts ?? null),
    GwPriority: 0,
    NetworkID: networkId,
    EndpointID: ep?.endpointId ?? '',
    Gateway: ep?.gateway ?? '',
    IPAddress: ep?.ipAddress ?? '',
    IPPrefixLen: ep?.ipPrefixLen ?? 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: dnsNames,
  };
}

function networkSettingsJSON(c: ContainerRecord): Record<string, unknown> {
  const started = wasStarted(c);
  const mode = c.hostConfig.NetworkMode === 'default' || !c.hostConfig.NetworkMode ? 'bridge' : c.hostConfig.NetworkMode;
  const networks = new Map<string, unknown>();
  const names = Object.keys(c.endpoints);
  // Until the container's networks are configured (first start, network connect/disconnect),
  // no endpoints stand for the network of its network mode.
  if (names.length === 0 && !c.networksConfigured && !mode.startsWith('container:')) networks.set(mode, endpointJSON(c, mode, undefined, started));
  for (const name of names) networks.set(name, endpointJSON(c, name, c.endpoints[name], started));
  const bridge = c.endpoints.bridge;
  const live = c.sandboxKey !== '';
  const key = !live ? '' : mode === 'host' ? '/var/run/docker/netns/default' : c.sandboxKey;
  return {
    Bridge: '',
    SandboxID: live ? sandboxId(c.id, key) : '',
    SandboxKey: key,
    Ports: goMap(c.ports ?? {}),
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: bridge?.endpointId ?? '',
    Gateway: bridge?.gateway ?? '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: bridge?.ipAddress ?? '',
    IPPrefixLen: bridge?.ipPrefixLen ?? 0,
    IPv6Gateway: '',
    MacAddress: bridge?.macAddress ?? '',
    Networks: networks,
  };
}

function graphDriverJSON(d: Daemon, c: ContainerRecord): Record<string, unknown> {
  const rw = containerLayerId(c.id);
  const img = d.state.images[c.imageId];
  const lowers = [`${OVERLAY_ROOT}/${rw}-init/diff`];
  if (img) for (const cache of layerCacheIds(img).reverse()) lowers.push(`${OVERLAY_ROOT}/${cache}/diff`);
  return {
    Data: new Map([
      ['ID', c.id],
      ['LowerDir', lowers.join(':')],
      ['MergedDir', `${OVERLAY_ROOT}/${rw}/merged`],
      ['UpperDir', `${OVERLAY_ROOT}/${rw}/diff`],
      ['WorkDir', `${OVERLAY_ROOT}/${rw}/work`],
    ]),
    Name: 'overlay2',
  };
}

/** A named volume mounted without a mode gets the SELinux relabel mode "z"; anonymous ones keep "". */
function mountMode(d: Daemon, m: MountRecord): string {
  if (m.Type === 'volume' && m.Mode === '' && m.Name) {
    const v = d.state.volumes[m.Name];
    if (v && !v.anonymous) return 'z';
  }
  return m.Mode;
}

/** The container's inspect JSON as a tree for encodeJSON (structs in order, maps as Map). */
export function containerInspectTree(d: Daemon, c: ContainerRecord, opts: { size?: boolean } = {}): Record<string, unknown> {
  const started = wasStarted(c);
  const dir = containerDir(c.id);
  const sizes = opts.size ? containerSizes(d, c) : undefined;
  return {
    Id: c.id,
    Created: c.created,
    Path: c.path,
    Args: c.args ?? [],
    State: stateJSON(c),
    Image: c.imageId,
    ResolvConfPath: started ? `${dir}/resolv.conf` : '',
    HostnamePath: started ? `${dir}/hostname` : '',
    HostsPath: started ? `${dir}/hosts` : '',
    LogPath: started ? `${dir}/${c.id}-json.log` : '',
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: c.execIds && c.execIds.length ? c.execIds : null,
    HostConfig: hostConfigJSON(c.hostConfig),
    GraphDriver: graphDriverJSON(d, c),
    SizeRw: sizes?.rw,
    SizeRootFs: sizes?.rootFs,
    Mounts: c.mounts.map((m) => ({
      Type: m.Type,
      Name: m.Name || undefined,
      Source: m.Source,
      Destination: m.Destination,
      Driver: m.Driver || undefined,
      Mode: mountMode(d, m),
      RW: m.RW,
      Propagation: m.Propagation,
    })),
    Config: configJSON(c),
    NetworkSettings: networkSettingsJSON(c),
  };
}

/** The container's inspect JSON text, as the daemon sends it (no HTML escaping). */
export function containerInspectJSON(d: Daemon, c: ContainerRecord, opts: { size?: boolean } = {}): string {
  return encodeJSON(containerInspectTree(d, c, opts), { escapeHTML: false });
}

export function containerInspectItem(d: Daemon, c: ContainerRecord, opts: { size?: boolean } = {}): InspectItem {
  return { raw: containerInspectJSON(d, c, opts), type: CONTAINER_INSPECT };
}
