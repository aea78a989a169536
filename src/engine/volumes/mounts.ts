// Mounts for a new container: -v specs (named, anonymous, bind) and the image's VOLUMEs, which
// get anonymous volumes unless something is already mounted there.
import type { Daemon } from '../daemon.js';
import type { MountRecord, VolumeRecord } from '../state.js';
import { DaemonError } from '../errors.js';

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
export const VOLUMES_ROOT = '/var/lib/docker/volumes';

export function createVolume(d: Daemon, name: string | undefined, opts: { labels?: Record<string, string>; driver?: string; anonymous?: boolean } = {}): VolumeRecord {
  const volName = name ?? d.random.hex(64);
  const existing = d.state.volumes[volName];
  if (existing) return existing;
  const v: VolumeRecord = {
    name: volName,
    driver: opts.driver ?? 'local',
    created: d.timestamp(),
    labels: opts.anonymous ? { 'com.docker.volume.anonymous': '' } : (opts.labels ?? {}),
    options: null,
    anonymous: !!opts.anonymous,
    data: {},
  };
  d.state.volumes[volName] = v;
  d.event('volume', 'create', volName, { driver: v.driver });
  return v;
}

function volumeMount(v: VolumeRecord, destination: string, mode: string): MountRecord {
  return {
    Type: 'volume',
    Name: v.name,
    Source: `${VOLUMES_ROOT}/${v.name}/_data`,
    Destination: destination,
    Driver: v.driver,
    Mode: mode,
    RW: !mode.split(',').includes('ro'),
    Propagation: '',
  };
}

/** Parses -v specs into mounts (creating named volumes), then adds the image's VOLUMEs. */
export function buildMounts(d: Daemon, specs: string[], imageVolumes: string[], cwd: string): { mounts: MountRecord[]; binds: string[] } {
  const mounts: MountRecord[] = [];
  const binds: string[] = [];
  for (const spec of specs) {
    const parts = spec.split(':');
    if (parts.length > 3 || parts.some((p) => p === '') && parts.length > 1) {
      throw new DaemonError(`invalid volume specification: '${spec}'`, 'invalid');
    }
    if (parts.length === 1) {
      if (!parts[0].startsWith('/')) throw new DaemonError(`invalid volume specification: '${spec}': invalid mount config for type "volume": invalid mount path: '${parts[0]}' mount path must be absolute`, 'invalid');
      const v = createVolume(d, undefined, { anonymous: true });
      mounts.push(volumeMount(v, parts[0], ''));
      continue;
    }
    let [source, dest, mode = ''] = parts;
    if (!dest.startsWith('/')) throw new DaemonError(`invalid volume specification: '${spec}': invalid mount config for type "${source.startsWith('/') ? 'bind' : 'volume'}": invalid mount path: '${dest}' mount path must be absolute`, 'invalid');
    if (source.startsWith('.')) source = `${cwd}/${source}`.replace(/\/\.\/?/g, '/').replace(/\/$/, '');
    if (source.startsWith('/')) {
      binds.push(spec);
      mounts.push({ Type: 'bind', Source: source, Destination: dest, Mode: mode, RW: !mode.split(',').includes('ro'), Propagation: 'rprivate' });
      continue;
    }
    if (!VOLUME_NAME.test(source)) {
      throw new DaemonError(`create ${source}: "${source}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`, 'invalid');
    }
    binds.push(spec);
    mounts.push(volumeMount(createVolume(d, source), dest, mode));
  }
  for (const dest of imageVolumes) {
    if (mounts.some((m) => m.Destination === dest)) continue;
    mounts.push(volumeMount(createVolume(d, undefined, { anonymous: true }), dest, ''));
  }
  return { mounts, binds };
}
