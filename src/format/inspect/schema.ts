// The API types of Docker CLI 28.2.2 (its vendored github.com/docker/docker/api/types) that
// `docker inspect` decodes responses into: field order, JSON names, omitempty, embedding.
import { T, f, type GoType } from './gotypes.js';

const str = T.string;
const strs = T.slice(T.string);

export const PORT_BINDING = T.struct('nat.PortBinding', [f('HostIP', str, { json: 'HostIp' }), f('HostPort', str)]);
export const PORT_MAP = T.map(T.slice(PORT_BINDING), 'nat.Port', 'nat.PortMap');
export const PORT_SET = T.map(T.empty, 'nat.Port', 'nat.PortSet');

export const HEALTH_CONFIG = T.struct('v1.HealthcheckConfig', [
  f('Test', strs, { omitempty: true }),
  f('Interval', T.duration, { omitempty: true }),
  f('Timeout', T.duration, { omitempty: true }),
  f('StartPeriod', T.duration, { omitempty: true }),
  f('StartInterval', T.duration, { omitempty: true }),
  f('Retries', T.int, { omitempty: true }),
]);

export const CONTAINER_CONFIG = T.struct('container.Config', [
  f('Hostname', str),
  f('Domainname', str),
  f('User', str),
  f('AttachStdin', T.bool),
  f('AttachStdout', T.bool),
  f('AttachStderr', T.bool),
  f('ExposedPorts', PORT_SET, { omitempty: true }),
  f('Tty', T.bool),
  f('OpenStdin', T.bool),
  f('StdinOnce', T.bool),
  f('Env', strs),
  f('Cmd', strs),
  f('Healthcheck', T.ptr(HEALTH_CONFIG), { omitempty: true }),
  f('ArgsEscaped', T.bool, { omitempty: true }),
  f('Image', str),
  f('Volumes', T.map(T.empty)),
  f('WorkingDir', str),
  f('Entrypoint', strs),
  f('NetworkDisabled', T.bool, { omitempty: true }),
  f('MacAddress', str, { omitempty: true }),
  f('OnBuild', strs),
  f('Labels', T.map(str)),
  f('StopSignal', str, { omitempty: true }),
  f('StopTimeout', T.ptr(T.int), { omitempty: true }),
  f('Shell', strs, { omitempty: true }),
]);

const WEIGHT_DEVICE = T.struct('blkiodev.WeightDevice', [f('Path', str), f('Weight', T.uint16)]);
const THROTTLE_DEVICE = T.struct('blkiodev.ThrottleDevice', [f('Path', str), f('Rate', T.uint64)]);
const DEVICE_MAPPING = T.struct('container.DeviceMapping', [f('PathOnHost', str), f('PathInContainer', str), f('CgroupPermissions', str)]);
const DEVICE_REQUEST = T.struct('container.DeviceRequest', [
  f('Driver', str), f('Count', T.int), f('DeviceIDs', strs), f('Capabilities', T.slice(strs)), f('Options', T.map(str)),
]);
const ULIMIT = T.struct('units.Ulimit', [f('Name', str), f('Hard', T.int64), f('Soft', T.int64)]);
const TMPFS_OPTIONS = T.struct('mount.TmpfsOptions', [
  f('SizeBytes', T.int64, { omitempty: true }),
  f('Mode', { kind: 'int', name: 'fs.FileMode' }, { omitempty: true }),
  f('Options', T.slice(strs), { omitempty: true }),
]);
const MOUNT = T.struct('mount.Mount', [
  f('Type', str, { omitempty: true }),
  f('Source', str, { omitempty: true }),
  f('Target', str, { omitempty: true }),
  f('ReadOnly', T.bool, { omitempty: true }),
  f('Consistency', str, { omitempty: true }),
  f('BindOptions', T.ptr(T.any), { omitempty: true }),
  f('VolumeOptions', T.ptr(T.any), { omitempty: true }),
  f('ImageOptions', T.ptr(T.any), { omitempty: true }),
  f('TmpfsOptions', T.ptr(TMPFS_OPTIONS), { omitempty: true }),
  f('ClusterOptions', T.ptr(T.any), { omitempty: true }),
]);

const RESOURCES = T.struct('container.Resources', [
  f('CPUShares', T.int64, { json: 'CpuShares' }),
  f('Memory', T.int64),
  f('NanoCPUs', T.int64, { json: 'NanoCpus' }),
  f('CgroupParent', str),
  f('BlkioWeight', T.uint16),
  f('BlkioWeightDevice', T.slice(T.ptr(WEIGHT_DEVICE))),
  f('BlkioDeviceReadBps', T.slice(T.ptr(THROTTLE_DEVICE))),
  f('BlkioDeviceWriteBps', T.slice(T.ptr(THROTTLE_DEVICE))),
  f('BlkioDeviceReadIOps', T.slice(T.ptr(THROTTLE_DEVICE))),
  f('BlkioDeviceWriteIOps', T.slice(T.ptr(THROTTLE_DEVICE))),
  f('CPUPeriod', T.int64, { json: 'CpuPeriod' }),
  f('CPUQuota', T.int64, { json: 'CpuQuota' }),
  f('CPURealtimePeriod', T.int64, { json: 'CpuRealtimePeriod' }),
  f('CPURealtimeRuntime', T.int64, { json: 'CpuRealtimeRuntime' }),
  f('CpusetCpus', str),
  f('CpusetMems', str),
  f('Devices', T.slice(DEVICE_MAPPING)),
  f('DeviceCgroupRules', strs),
  f('DeviceRequests', T.slice(DEVICE_REQUEST)),
  f('KernelMemory', T.int64, { omitempty: true }),
  f('KernelMemoryTCP', T.int64, { omitempty: true }),
  f('MemoryReservation', T.int64),
  f('MemorySwap', T.int64),
  f('MemorySwappiness', T.ptr(T.int64)),
  f('OomKillDisable', T.ptr(T.bool)),
  f('PidsLimit', T.ptr(T.int64)),
  f('Ulimits', T.slice(T.ptr(ULIMIT))),
  f('CPUCount', T.int64, { json: 'CpuCount' }),
  f('CPUPercent', T.int64, { json: 'CpuPercent' }),
  f('IOMaximumIOps', T.uint64),
  f('IOMaximumBandwidth', T.uint64),
]);

export const HOST_CONFIG = T.struct('container.HostConfig', [
  f('Binds', strs),
  f('ContainerIDFile', str),
  f('LogConfig', T.struct('container.LogConfig', [f('Type', str), f('Config', T.map(str))])),
  f('NetworkMode', str),
  f('PortBindings', PORT_MAP),
  f('RestartPolicy', T.struct('container.RestartPolicy', [f('Name', str), f('MaximumRetryCount', T.int)])),
  f('AutoRemove', T.bool),
  f('VolumeDriver', str),
  f('VolumesFrom', strs),
  f('ConsoleSize', T.array(T.uint, 2)),
  f('Annotations', T.map(str), { omitempty: true }),
  f('CapAdd', strs),
  f('CapDrop', strs),
  f('CgroupnsMode', str),
  f('DNS', strs, { json: 'Dns' }),
  f('DNSOptions', strs, { json: 'DnsOptions' }),
  f('DNSSearch', strs, { json: 'DnsSearch' }),
  f('ExtraHosts', strs),
  f('GroupAdd', strs),
  f('IpcMode', str),
  f('Cgroup', str),
  f('Links', strs),
  f('OomScoreAdj', T.int),
  f('PidMode', str),
  f('Privileged', T.bool),
  f('PublishAllPorts', T.bool),
  f('ReadonlyRootfs', T.bool),
  f('SecurityOpt', strs),
  f('StorageOpt', T.map(str), { omitempty: true }),
  f('Tmpfs', T.map(str), { omitempty: true }),
  f('UTSMode', str),
  f('UsernsMode', str),
  f('ShmSize', T.int64),
  f('Sysctls', T.map(str), { omitempty: true }),
  f('Runtime', str, { omitempty: true }),
  f('Isolation', str),
  f('Resources', RESOURCES, { embedded: true }),
  f('Mounts', T.slice(MOUNT), { omitempty: true }),
  f('MaskedPaths', strs),
  f('ReadonlyPaths', strs),
  f('Init', T.ptr(T.bool), { omitempty: true }),
]);

const HEALTHCHECK_RESULT = T.struct('container.HealthcheckResult', [f('Start', T.time), f('End', T.time), f('ExitCode', T.int), f('Output', str)]);
const HEALTH = T.struct('container.Health', [f('Status', str), f('FailingStreak', T.int), f('Log', T.slice(T.ptr(HEALTHCHECK_RESULT)))]);

const STATE = T.struct('container.State', [
  f('Status', str),
  f('Running', T.bool),
  f('Paused', T.bool),
  f('Restarting', T.bool),
  f('OOMKilled', T.bool),
  f('Dead', T.bool),
  f('Pid', T.int),
  f('ExitCode', T.int),
  f('Error', str),
  f('StartedAt', str),
  f('FinishedAt', str),
  f('Health', T.ptr(HEALTH), { omitempty: true }),
]);

const DRIVER_DATA = T.struct('storage.DriverData', [f('Data', T.map(str)), f('Name', str)]);

const MOUNT_POINT = T.struct('container.MountPoint', [
  f('Type', str, { omitempty: true }),
  f('Name', str, { omitempty: true }),
  f('Source', str),
  f('Destination', str),
  f('Driver', str, { omitempty: true }),
  f('Mode', str),
  f('RW', T.bool),
  f('Propagation', str),
]);

const ADDRESS = T.struct('network.Address', [f('Addr', str), f('PrefixLen', T.int)]);

export const ENDPOINT_SETTINGS = T.struct('network.EndpointSettings', [
  f('IPAMConfig', T.ptr(T.struct('network.EndpointIPAMConfig', [
    f('IPv4Address', str, { omitempty: true }),
    f('IPv6Address', str, { omitempty: true }),
    f('LinkLocalIPs', strs, { omitempty: true }),
  ]))),
  f('Links', strs),
  f('Aliases', strs),
  f('MacAddress', str),
  f('DriverOpts', T.map(str)),
  f('GwPriority', T.int),
  f('NetworkID', str),
  f('EndpointID', str),
  f('Gateway', str),
  f('IPAddress', str),
  f('IPPrefixLen', T.int),
  f('IPv6Gateway', str),
  f('GlobalIPv6Address', str),
  f('GlobalIPv6PrefixLen', T.int),
  f('DNSNames', strs),
]);

const NETWORK_SETTINGS = T.struct('container.NetworkSettings', [
  f('NetworkSettingsBase', T.struct('container.NetworkSettingsBase', [
    f('Bridge', str),
    f('SandboxID', str),
    f('SandboxKey', str),
    f('Ports', PORT_MAP),
    f('HairpinMode', T.bool),
    f('LinkLocalIPv6Address', str),
    f('LinkLocalIPv6PrefixLen', T.int),
    f('SecondaryIPAddresses', T.slice(ADDRESS)),
    f('SecondaryIPv6Addresses', T.slice(ADDRESS)),
  ]), { embedded: true }),
  f('DefaultNetworkSettings', T.struct('container.DefaultNetworkSettings', [
    f('EndpointID', str),
    f('Gateway', str),
    f('GlobalIPv6Address', str),
    f('GlobalIPv6PrefixLen', T.int),
    f('IPAddress', str),
    f('IPPrefixLen', T.int),
    f('IPv6Gateway', str),
    f('MacAddress', str),
  ]), { embedded: true }),
  f('Networks', T.map(T.ptr(ENDPOINT_SETTINGS))),
]);

const DESCRIPTOR = T.struct('v1.Descriptor', [
  f('MediaType', str, { json: 'mediaType' }),
  f('Digest', str, { json: 'digest' }),
  f('Size', T.int64, { json: 'size' }),
  f('URLs', strs, { json: 'urls', omitempty: true }),
  f('Annotations', T.map(str), { json: 'annotations', omitempty: true }),
  f('Data', T.any, { json: 'data', omitempty: true }),
  f('Platform', T.ptr(T.any), { json: 'platform', omitempty: true }),
  f('ArtifactType', str, { json: 'artifactType', omitempty: true }),
]);

/** container.InspectResponse (ContainerInspectWithRaw). */
export const CONTAINER_INSPECT: GoType = T.struct('container.InspectResponse', [
  f('ContainerJSONBase', T.ptr(T.struct('container.ContainerJSONBase', [
    f('ID', str, { json: 'Id' }),
    f('Created', str),
    f('Path', str),
    f('Args', strs),
    f('State', T.ptr(STATE)),
    f('Image', str),
    f('ResolvConfPath', str),
    f('HostnamePath', str),
    f('HostsPath', str),
    f('LogPath', str),
    f('Name', str),
    f('RestartCount', T.int),
    f('Driver', str),
    f('Platform', str),
    f('MountLabel', str),
    f('ProcessLabel', str),
    f('AppArmorProfile', str),
    f('ExecIDs', strs),
    f('HostConfig', T.ptr(HOST_CONFIG)),
    f('GraphDriver', DRIVER_DATA),
    f('SizeRw', T.ptr(T.int64), { omitempty: true }),
    f('SizeRootFs', T.ptr(T.int64), { omitempty: true }),
  ])), { embedded: true }),
  f('Mounts', T.slice(MOUNT_POINT)),
  f('Config', T.ptr(CONTAINER_CONFIG)),
  f('NetworkSettings', T.ptr(NETWORK_SETTINGS)),
  f('ImageManifestDescriptor', T.ptr(DESCRIPTOR), { omitempty: true }),
]);

const OCI_IMAGE_CONFIG = T.struct('v1.DockerOCIImageConfig', [
  f('ImageConfig', T.struct('v1.ImageConfig', [
    f('User', str, { omitempty: true }),
    f('ExposedPorts', T.map(T.empty), { omitempty: true }),
    f('Env', strs, { omitempty: true }),
    f('Entrypoint', strs, { omitempty: true }),
    f('Cmd', strs, { omitempty: true }),
    f('Volumes', T.map(T.empty), { omitempty: true }),
    f('WorkingDir', str, { omitempty: true }),
    f('Labels', T.map(str), { omitempty: true }),
    f('StopSignal', str, { omitempty: true }),
    f('ArgsEscaped', T.bool, { omitempty: true }),
  ]), { embedded: true }),
  f('DockerOCIImageConfigExt', T.struct('v1.DockerOCIImageConfigExt', [
    f('Healthcheck', T.ptr(HEALTH_CONFIG), { omitempty: true }),
    f('OnBuild', strs, { omitempty: true }),
    f('Shell', strs, { omitempty: true }),
  ]), { embedded: true }),
]);

/** image.InspectResponse (ImageInspect). */
export const IMAGE_INSPECT: GoType = T.struct('image.InspectResponse', [
  f('ID', str, { json: 'Id' }),
  f('RepoTags', strs),
  f('RepoDigests', strs),
  f('Parent', str),
  f('Comment', str),
  f('Created', str, { omitempty: true }),
  f('Container', str, { omitempty: true }),
  f('ContainerConfig', T.ptr(CONTAINER_CONFIG), { omitempty: true }),
  f('DockerVersion', str),
  f('Author', str),
  f('Config', T.ptr(OCI_IMAGE_CONFIG)),
  f('Architecture', str),
  f('Variant', str, { omitempty: true }),
  f('Os', str),
  f('OsVersion', str, { omitempty: true }),
  f('Size', T.int64),
  f('VirtualSize', T.int64, { omitempty: true }),
  f('GraphDriver', DRIVER_DATA),
  f('RootFS', T.struct('image.RootFS', [f('Type', str, { omitempty: true }), f('Layers', strs, { omitempty: true })])),
  f('Metadata', T.struct('image.Metadata', [f('LastTagTime', T.time, { omitempty: true })])),
  f('Descriptor', T.ptr(DESCRIPTOR), { omitempty: true }),
  f('Manifests', T.slice(T.any), { omitempty: true }),
]);

/** volume.Volume (VolumeInspectWithRaw). */
export const VOLUME_INSPECT: GoType = T.struct('volume.Volume', [
  f('ClusterVolume', T.ptr(T.any), { omitempty: true }),
  f('CreatedAt', str, { omitempty: true }),
  f('Driver', str),
  f('Labels', T.map(str)),
  f('Mountpoint', str),
  f('Name', str),
  f('Options', T.map(str)),
  f('Scope', str),
  f('Status', T.map(T.any), { omitempty: true }),
  f('UsageData', T.ptr(T.struct('volume.UsageData', [f('RefCount', T.int64), f('Size', T.int64)])), { omitempty: true }),
]);

/** network.Inspect (NetworkInspectWithRaw). */
export const NETWORK_INSPECT: GoType = T.struct('network.Inspect', [
  f('Name', str),
  f('ID', str, { json: 'Id' }),
  f('Created', T.time),
  f('Scope', str),
  f('Driver', str),
  f('EnableIPv4', T.bool),
  f('EnableIPv6', T.bool),
  f('IPAM', T.struct('network.IPAM', [
    f('Driver', str),
    f('Options', T.map(str)),
    f('Config', T.slice(T.struct('network.IPAMConfig', [
      f('Subnet', str, { omitempty: true }),
      f('IPRange', str, { omitempty: true }),
      f('Gateway', str, { omitempty: true }),
      f('AuxAddress', T.map(str), { json: 'AuxiliaryAddresses', omitempty: true }),
    ]))),
  ])),
  f('Internal', T.bool),
  f('Attachable', T.bool),
  f('Ingress', T.bool),
  f('ConfigFrom', T.struct('network.ConfigReference', [f('Network', str)])),
  f('ConfigOnly', T.bool),
  f('Containers', T.map(T.struct('network.EndpointResource', [
    f('Name', str), f('EndpointID', str), f('MacAddress', str), f('IPv4Address', str), f('IPv6Address', str),
  ]))),
  f('Options', T.map(str)),
  f('Labels', T.map(str)),
  f('Peers', T.slice(T.struct('network.PeerInfo', [f('Name', str), f('IP', str)])), { omitempty: true }),
  f('Services', T.map(T.any), { omitempty: true }),
]);
