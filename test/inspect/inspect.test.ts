// docker inspect end to end through execute(): key order and values against recorded Engine 28
// output, --format json, templates on the typed structs and the raw-map fallback, errors.
import { describe, expect, it } from 'vitest';
import { execute, type ExecuteResult } from '../../src/cli/dispatch.js';
import { createEnv } from '../../src/runtime.js';
import { createInitialState } from '../../src/engine/initial-state.js';
import type { EngineState } from '../../src/engine/state.js';
import { goDurationString, goTimeString } from '../../src/format/inspect/gotypes.js';

const NOW = Date.UTC(2026, 10, 28, 3, 0, 0);

class Session {
  state: EngineState = createInitialState(11, NOW);
  now = NOW;
  env = createEnv({ now: () => this.now, seed: 11 });
  run(line: string | string[]): ExecuteResult {
    const argv = Array.isArray(line) ? line : line.split(' ');
    const r = execute(this.state, argv, { env: this.env });
    this.state = r.state;
    this.now += 1000;
    return r;
  }
}

/** Every key path of a JSON value, in document order ("HostConfig.LogConfig.Type"). */
function keyPaths(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((e, i) => keyPaths(e, `${prefix}[${i}]`));
  if (v && typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => [prefix + k, ...keyPaths(x, `${prefix}${k}.`)]);
  }
  return [];
}

// Top-level, State, HostConfig, Config and NetworkSettings keys of `docker inspect` for a
// container created with `docker create busybox sleep 300` on Engine 28.5.2.
const CONTAINER_KEYS = ['Id', 'Created', 'Path', 'Args', 'State', 'Image', 'ResolvConfPath', 'HostnamePath', 'HostsPath', 'LogPath', 'Name', 'RestartCount', 'Driver', 'Platform', 'MountLabel', 'ProcessLabel', 'AppArmorProfile', 'ExecIDs', 'HostConfig', 'GraphDriver', 'Mounts', 'Config', 'NetworkSettings'];
const HOSTCONFIG_KEYS = ['Binds', 'ContainerIDFile', 'LogConfig', 'NetworkMode', 'PortBindings', 'RestartPolicy', 'AutoRemove', 'VolumeDriver', 'VolumesFrom', 'ConsoleSize', 'CapAdd', 'CapDrop', 'CgroupnsMode', 'Dns', 'DnsOptions', 'DnsSearch', 'ExtraHosts', 'GroupAdd', 'IpcMode', 'Cgroup', 'Links', 'OomScoreAdj', 'PidMode', 'Privileged', 'PublishAllPorts', 'ReadonlyRootfs', 'SecurityOpt', 'UTSMode', 'UsernsMode', 'ShmSize', 'Runtime', 'Isolation', 'CpuShares', 'Memory', 'NanoCpus', 'CgroupParent', 'BlkioWeight', 'BlkioWeightDevice', 'BlkioDeviceReadBps', 'BlkioDeviceWriteBps', 'BlkioDeviceReadIOps', 'BlkioDeviceWriteIOps', 'CpuPeriod', 'CpuQuota', 'CpuRealtimePeriod', 'CpuRealtimeRuntime', 'CpusetCpus', 'CpusetMems', 'Devices', 'DeviceCgroupRules', 'DeviceRequests', 'MemoryReservation', 'MemorySwap', 'MemorySwappiness', 'OomKillDisable', 'PidsLimit', 'Ulimits', 'CpuCount', 'CpuPercent', 'IOMaximumIOps', 'IOMaximumBandwidth', 'MaskedPaths', 'ReadonlyPaths'];
const CONFIG_KEYS = ['Hostname', 'Domainname', 'User', 'AttachStdin', 'AttachStdout', 'AttachStderr', 'Tty', 'OpenStdin', 'StdinOnce', 'Env', 'Cmd', 'Image', 'Volumes', 'WorkingDir', 'Entrypoint', 'OnBuild', 'Labels'];
const NETWORK_KEYS = ['Bridge', 'SandboxID', 'SandboxKey', 'Ports', 'HairpinMode', 'LinkLocalIPv6Address', 'LinkLocalIPv6PrefixLen', 'SecondaryIPAddresses', 'SecondaryIPv6Addresses', 'EndpointID', 'Gateway', 'GlobalIPv6Address', 'GlobalIPv6PrefixLen', 'IPAddress', 'IPPrefixLen', 'IPv6Gateway', 'MacAddress', 'Networks'];
const ENDPOINT_KEYS = ['IPAMConfig', 'Links', 'Aliases', 'MacAddress', 'DriverOpts', 'GwPriority', 'NetworkID', 'EndpointID', 'Gateway', 'IPAddress', 'IPPrefixLen', 'IPv6Gateway', 'GlobalIPv6Address', 'GlobalIPv6PrefixLen', 'DNSNames'];
const IMAGE_KEYS = ['Id', 'RepoTags', 'RepoDigests', 'Parent', 'Comment', 'Created', 'DockerVersion', 'Author', 'Architecture', 'Os', 'Size', 'GraphDriver', 'RootFS', 'Metadata', 'Config'];

describe('container inspect JSON', () => {
  const s = new Session();
  s.run('pull busybox');
  s.run('create --name c1 busybox sleep 300');
  const out = s.run('inspect c1');
  const [obj] = JSON.parse(out.stdout) as Record<string, any>[];

  it('has the keys of Engine 28 in its order', () => {
    expect(out.exitCode).toBe(0);
    expect(Object.keys(obj)).toEqual(CONTAINER_KEYS);
    expect(Object.keys(obj.State)).toEqual(['Status', 'Running', 'Paused', 'Restarting', 'OOMKilled', 'Dead', 'Pid', 'ExitCode', 'Error', 'StartedAt', 'FinishedAt']);
    expect(Object.keys(obj.HostConfig)).toEqual(HOSTCONFIG_KEYS);
    expect(Object.keys(obj.Config)).toEqual(CONFIG_KEYS);
    expect(Object.keys(obj.NetworkSettings)).toEqual(NETWORK_KEYS);
    expect(Object.keys(obj.NetworkSettings.Networks.bridge)).toEqual(ENDPOINT_KEYS);
    expect(Object.keys(obj.GraphDriver.Data)).toEqual(['ID', 'LowerDir', 'MergedDir', 'UpperDir', 'WorkDir']);
  });

  it('has docker run defaults for a created container', () => {
    expect(obj.Name).toBe('/c1');
    expect(obj.ExecIDs).toBeNull();
    expect(obj.LogPath).toBe('');
    expect(obj.HostConfig.ShmSize).toBe(67108864);
    expect(obj.HostConfig.ConsoleSize).toEqual([0, 0]);
    expect(obj.HostConfig.RestartPolicy).toEqual({ Name: 'no', MaximumRetryCount: 0 });
    expect(obj.HostConfig.MaskedPaths).toHaveLength(12);
    expect(obj.Config.Labels).toEqual({});
    expect(obj.NetworkSettings.Networks.bridge.NetworkID).toBe('');
    expect(obj.GraphDriver.Data.ID).toBe(obj.Id);
  });

  it('prints indented with 4 spaces, then a newline; --format json on one line', () => {
    expect(out.stdout.startsWith('[\n    {\n        "Id": "')).toBe(true);
    expect(out.stdout.endsWith('\n    }\n]\n')).toBe(true);
    expect(out.stdout).toContain('        "Args": [\n            "300"\n        ],');
    expect(out.stdout).toContain('"PortBindings": {},');
    const compact = s.run(['inspect', '--format', 'json', 'c1']).stdout;
    expect(compact.split('\n')).toHaveLength(2);
    expect(JSON.parse(compact)).toEqual([obj]);
  });

  it('fills runtime fields once started, keeps NetworkID after it stops', () => {
    s.run('start c1');
    const [r] = JSON.parse(s.run('inspect c1').stdout);
    expect(r.State.Running).toBe(true);
    expect(r.LogPath).toBe(`/var/lib/docker/containers/${r.Id}/${r.Id}-json.log`);
    expect(r.NetworkSettings.SandboxID.slice(0, 12)).toBe(r.NetworkSettings.SandboxKey.slice(-12));
    expect(r.NetworkSettings.IPAddress).toBe(r.NetworkSettings.Networks.bridge.IPAddress);
    expect(r.NetworkSettings.Networks.bridge.NetworkID).toMatch(/^[0-9a-f]{64}$/);
    s.run('kill c1');
    const [k] = JSON.parse(s.run('inspect c1').stdout);
    expect(k.NetworkSettings.IPAddress).toBe('');
    expect(k.NetworkSettings.SandboxKey).toBe('');
    expect(k.NetworkSettings.Networks.bridge.NetworkID).toBe(r.NetworkSettings.Networks.bridge.NetworkID);
    expect(k.NetworkSettings.Networks.bridge.EndpointID).toBe('');
  });

  it('adds SizeRw and SizeRootFs with -s, after GraphDriver', () => {
    const [z] = JSON.parse(s.run('inspect -s c1').stdout);
    const keys = Object.keys(z);
    expect(keys.slice(keys.indexOf('GraphDriver'), keys.indexOf('GraphDriver') + 4)).toEqual(['GraphDriver', 'SizeRw', 'SizeRootFs', 'Mounts']);
    expect(z.SizeRootFs).toBe(1983146 + z.SizeRw);
  });
});

describe('image inspect JSON', () => {
  const s = new Session();
  s.run('pull nginx');
  const out = s.run('image inspect nginx');
  const [img] = JSON.parse(out.stdout);

  it('has the keys of API 1.50 with Config last and sorted', () => {
    expect(Object.keys(img)).toEqual(IMAGE_KEYS);
    const cfg = Object.keys(img.Config);
    expect(cfg).toEqual([...cfg].sort());
    expect(cfg).toEqual(['ArgsEscaped', 'Cmd', 'Entrypoint', 'Env', 'ExposedPorts', 'Labels', 'OnBuild', 'StopSignal', 'User', 'Volumes', 'WorkingDir']);
    expect(img.Metadata.LastTagTime).toBe('0001-01-01T00:00:00Z');
  });

  it('escapes HTML characters (Docker 28 marshals image inspect with json.Marshal)', () => {
    expect(out.stdout).toContain('"maintainer": "NGINX Docker Maintainers \\u003cdocker-maint@nginx.com\\u003e"');
  });

  it('lists lower layers top first, the top layer as UpperDir; shared layers share a directory', () => {
    expect(img.GraphDriver.Data.LowerDir.split(':')).toHaveLength(img.RootFS.Layers.length - 1);
    s.run('pull debian');
    const [deb] = JSON.parse(s.run('image inspect debian').stdout);
    expect(deb.GraphDriver.Data.LowerDir).toBeUndefined();
    expect(img.GraphDriver.Data.LowerDir.split(':').at(-1)).toBe(deb.GraphDriver.Data.UpperDir);
  });
});

describe('inspect templates', () => {
  const s = new Session();
  s.run('pull busybox');
  s.run('pull nginx');
  s.run(['run', '-d', '--name', 'web', '-p', '8080:80', '--label', 'a=<b>', 'nginx']);
  const fmt = (f: string, ...refs: string[]) => s.run(['inspect', '-f', f, ...(refs.length ? refs : ['web'])]);

  it('runs on the typed struct: Go field names, struct printing, nil pointers and slices', () => {
    expect(fmt('{{.ID}}').stdout).toBe(fmt('{{.Id}}').stdout); // .Id fails on the struct, works on the map
    expect(fmt('{{.HostConfig.RestartPolicy}}').stdout).toBe('{no 0}\n');
    expect(fmt('{{.HostConfig.PortBindings}}').stdout).toBe('map[80/tcp:[{ 8080}]]\n');
    expect(fmt('{{.State.Health}} {{.SizeRw}} {{.ExecIDs}} {{json .ExecIDs}} {{.Config.Volumes}}').stdout).toBe('<nil> <nil> [] null map[]\n');
    expect(fmt('{{printf "%T" .}} {{printf "%T" .State}}').stdout).toBe('container.InspectResponse *container.State\n');
    expect(fmt('{{json .Config.Labels}}').stdout).toBe('{"a":"<b>","maintainer":"NGINX Docker Maintainers <docker-maint@nginx.com>"}\n');
  });

  it('falls back to the raw JSON maps with missingkey=error', () => {
    // .Dns is only a JSON name (the Go field is DNS): the whole template runs on maps.
    expect(fmt('{{.HostConfig.RestartPolicy}} {{.HostConfig.Dns}}').stdout).toBe('map[MaximumRetryCount:0 Name:no] []\n');
    const r = fmt('{{.Nope}}');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('\n');
    expect(r.stderr).toBe('template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"\n');
  });

  it('marshals typed values with json like the CLI (image Config: OCI struct order, omitempty)', () => {
    expect(fmt('{{json .Config}}', 'nginx').stdout).toBe('{"ExposedPorts":{"80/tcp":{}},"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","NGINX_VERSION=1.27.4","NJS_VERSION=0.8.9","NJS_RELEASE=1~bookworm","PKG_RELEASE=1~bookworm","DYNPKG_RELEASE=1~bookworm"],"Entrypoint":["/docker-entrypoint.sh"],"Cmd":["nginx","-g","daemon off;"],"Labels":{"maintainer":"NGINX Docker Maintainers <docker-maint@nginx.com>"},"StopSignal":"SIGQUIT","ArgsEscaped":true}\n');
    expect(fmt('{{.Metadata}} {{.VirtualSize}} {{.Config.Healthcheck}} {{.Config.Shell}}', 'nginx').stdout).toBe('{0001-01-01 00:00:00 +0000 UTC} 0 <nil> []\n');
  });

  it('reports errors after the found objects; parse errors exit 64', () => {
    const r = fmt('{{.Name}}', 'nosuch', 'web');
    expect(r.stdout).toBe('/web\n');
    expect(r.stderr).toBe('Error: No such object: nosuch\n');
    expect(r.exitCode).toBe(1);
    const p = fmt('{{.Name');
    expect(p.exitCode).toBe(64);
    expect(p.stdout).toBe('');
    expect(p.stderr).toMatch(/^template parsing error: template: :1: /);
    const none = s.run('inspect nosuch');
    expect(none.stdout).toBe('[]\n');
    expect(s.run('container inspect nosuch').stderr).toBe('Error response from daemon: No such container: nosuch\n');
    expect(s.run('image inspect nosuch').stderr).toBe('Error response from daemon: No such image: nosuch:latest\n');
    expect(s.run('inspect --type bogus web').stderr).toBe('unknown type: "bogus": must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"\n');
  });
});

describe('Go time and duration strings', () => {
  it('prints time.Time like Go', () => {
    expect(goTimeString('2026-11-28T02:23:31.77046471Z')).toBe('2026-11-28 02:23:31.77046471 +0000 UTC');
    expect(goTimeString('0001-01-01T00:00:00Z')).toBe('0001-01-01 00:00:00 +0000 UTC');
  });
  it('prints time.Duration like Go', () => {
    expect(goDurationString(0)).toBe('0s');
    expect(goDurationString(1e9)).toBe('1s');
    expect(goDurationString(90e9)).toBe('1m30s');
    expect(goDurationString(3600e9)).toBe('1h0m0s');
    expect(goDurationString(1.5e9)).toBe('1.5s');
    expect(goDurationString(500e6)).toBe('500ms');
    expect(goDurationString(1500)).toBe('1.5µs');
    expect(goDurationString(999)).toBe('999ns');
  });
});
