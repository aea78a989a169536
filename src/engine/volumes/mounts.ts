// Mounts for a new container: -v specs (named, anonymous, bind) and the image's VOLUMEs, which
// get anonymous volumes unless something is already mounted there. Also the volume side of a
// running container: mount/unmount events and the file contents that live in volumes.
import { ownEntry } from '../daemon.js';
import type { Daemon } from '../daemon.js';
import type { ContainerRecord, MountConfig, MountRecord, VolumeRecord } from '../state.js';
import type { FsNode, LayerData } from '../fs/types.js';
import type { MountPoint } from '../fs/overlay.js';
import { DaemonError } from '../errors.js';
import { createContainerFs } from '../fs/index.js';

export const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
export const VOLUMES_ROOT = '/var/lib/docker/volumes';
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

export interface CreateVolumeOptions {
  labels?: Record<string, string>;
  driver?: string;
  /** Driver options (-o); null when none were given. */
  options?: Record<string, string> | null;
  anonymous?: boolean;
}

export function createVolume(d: Daemon, name: string | undefined, opts: CreateVolumeOptions = {}): VolumeRecord {
  const volName = name ?? d.random.hex(64);
  const existing = ownEntry(d.state.volumes, volName);
  if (existing) return existing;
  const v: VolumeRecord = {
    name: volName,
    driver: opts.driver ?? 'local',
    created: d.timestamp(),
    labels: opts.anonymous ? { ...(opts.labels ?? {}), [ANONYMOUS_LABEL]: '' } : (opts.labels ?? {}),
    options: opts.options && Object.keys(opts.options).length ? opts.options : null,
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

const VALID_MODES = new Set(['ro', 'rw', 'z', 'Z', 'nocopy', 'shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate', 'delegated', 'cached', 'consistent']);

/** A --mount value as the CLI parsed it (type defaults to volume). */
export interface MountSpec {
  type: string;
  source: string;
  target: string;
  readonly: boolean;
  /** tmpfs-size, in bytes. */
  tmpfsSize?: number;
  /** tmpfs-mode (permission bits). */
  tmpfsMode?: number;
}

/**
 * Parses -v specs and --mount values into mounts (creating named volumes), then adds the image's
 * VOLUMEs. Also returns the anonymous -v paths, which Docker records in Config.Volumes.
 */
export function buildMounts(d: Daemon, specs: string[], imageVolumes: string[], cwd: string, mountSpecs: MountSpec[] = []): { mounts: MountRecord[]; binds: string[]; anonymous: string[]; hostMounts: MountConfig[] } {
  const mounts: MountRecord[] = [];
  const binds: string[] = [];
  const anonymous: string[] = [];
  for (const ms of mountSpecs) {
    if (!['volume', 'bind', 'tmpfs'].includes(ms.type)) throw new DaemonError(`invalid mount config for type "${ms.type}": mount type unknown`, 'invalid');
    if (ms.type === 'tmpfs') {
      if (ms.source) throw new DaemonError('invalid mount config for type "tmpfs": field Source must not be specified', 'invalid');
      mounts.push({ Type: 'tmpfs', Source: '', Destination: ms.target, Mode: '', RW: !ms.readonly, Propagation: '', TmpfsOptions: tmpfsOptionString(ms) });
    } else if (ms.type === 'bind') {
      mounts.push({ Type: 'bind', Source: ms.source, Destination: ms.target, Mode: '', RW: !ms.readonly, Propagation: 'rprivate' });
    } else if (ms.type === 'volume') {
      const v = ms.source ? createVolume(d, ms.source) : createVolume(d, undefined, { anonymous: true });
      mounts.push({ ...volumeMount(v, ms.target, ''), RW: !ms.readonly });
    }
  }
  for (const spec of specs) {
    const parts = spec.split(':');
    if (parts.length > 3 || parts.some((p) => p === '') && parts.length > 1) {
      throw new DaemonError(`invalid volume specification: '${spec}'`, 'invalid');
    }
    if (parts.length === 1) {
      if (!parts[0].startsWith('/')) throw new DaemonError(`invalid volume specification: '${spec}': invalid mount config for type "volume": invalid mount path: '${parts[0]}' mount path must be absolute`, 'invalid');
      const v = createVolume(d, undefined, { anonymous: true });
      mounts.push(volumeMount(v, parts[0], ''));
      anonymous.push(parts[0]);
      continue;
    }
    let [source, dest, mode = ''] = parts;
    for (const m of mode.split(',')) if (m !== '' && !VALID_MODES.has(m)) throw new DaemonError(`invalid mode: ${mode}`, 'invalid');
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
    // A named volume given no mode reports "z" (the SELinux relabel default), as the daemon does.
    mounts.push(volumeMount(createVolume(d, source), dest, mode || 'z'));
  }
  for (const dest of imageVolumes) {
    if (mounts.some((m) => m.Destination === dest)) continue;
    mounts.push(volumeMount(createVolume(d, undefined, { anonymous: true }), dest, ''));
  }
  return { mounts, binds, anonymous, hostMounts: mountSpecs.map(hostMountConfig) };
}

/** A --mount value as HostConfig.Mounts lists it: empty fields left out, as the CLI sends it. */
function hostMountConfig(ms: MountSpec): MountConfig {
  const out: MountConfig = { Type: ms.type, ...(ms.source ? { Source: ms.source } : {}), Target: ms.target };
  if (ms.readonly) out.ReadOnly = true;
  if (ms.tmpfsSize || ms.tmpfsMode) {
    out.TmpfsOptions = { ...(ms.tmpfsSize ? { SizeBytes: ms.tmpfsSize } : {}), ...(ms.tmpfsMode ? { Mode: ms.tmpfsMode } : {}) };
  }
  return out;
}

/** tmpfs-size and tmpfs-mode in the form --tmpfs takes them ("size=1024,mode=700"). */
function tmpfsOptionString(ms: MountSpec): string {
  const parts: string[] = [];
  if (ms.tmpfsSize) parts.push(`size=${ms.tmpfsSize}`);
  if (ms.tmpfsMode) parts.push(`mode=${ms.tmpfsMode.toString(8)}`);
  return parts.join(',');
}

function volumeMounts(d: Daemon, c: ContainerRecord): { m: MountRecord; v: VolumeRecord }[] {
  const out: { m: MountRecord; v: VolumeRecord }[] = [];
  for (const m of c.mounts) {
    if (m.Type !== 'volume' || !m.Name) continue;
    const v = d.state.volumes[m.Name];
    if (v) out.push({ m, v });
  }
  return out;
}

/** The `volume mount` events a starting container produces (one per volume mount). */
export function mountEvents(d: Daemon, c: ContainerRecord): void {
  for (const { m, v } of volumeMounts(d, c)) {
    d.event('volume', 'mount', v.name, { container: c.id, destination: m.Destination, driver: v.driver, propagation: m.Propagation, 'read/write': String(m.RW) });
  }
}

/** The `volume unmount` events of a container that stops. */
export function unmountEvents(d: Daemon, c: ContainerRecord): void {
  for (const { v } of volumeMounts(d, c)) d.event('volume', 'unmount', v.name, { container: c.id, driver: v.driver });
}

/** Containers (any state) that reference the volume, oldest first. */
export function volumeUsers(d: Daemon, name: string): ContainerRecord[] {
  return d.containerList()
    .filter((c) => c.mounts.some((m) => m.Type === 'volume' && m.Name === name))
    .sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
}

// ---- volume contents ----------------------------------------------------------------------
//
// A volume's files are kept in its `data` layer, keyed by their path inside the volume
// ('/file', '/dir/file'). While a process runs they are laid over the container's upper layer
// at the mount point; afterwards whatever the process left there is moved back into the volume.
// The runtime uses the pair like this:
//
//   const fs = createContainerFs(imageLowers(d, c), upperWithVolumes(d, c, c.upper, imageLowers(d, c)));
//   …run the process…
//   c.upper = storeVolumeWrites(d, c, fs.upper());

function isUnder(path: string, dir: string): boolean {
  return dir === '/' ? path !== '/' : path.startsWith(`${dir}/`);
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Docker copies what the image has at the mount point into an empty volume on first use. */
function populateFromImage(v: VolumeRecord, dest: string, lowers: LayerData[]): void {
  if (v.populated) return;
  v.populated = true;
  if (Object.keys(v.data).length) return;
  const fs = createContainerFs(lowers, {});
  const walk = (dir: string) => {
    for (const name of fs.readdir(dir) ?? []) {
      const p = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const node = fs.lstat(p);
      if (!node) continue;
      const rel = p.slice(dest.length);
      v.data[rel] = clone(node) as FsNode;
      if (node.type === 'dir') walk(p);
    }
  };
  const top = fs.stat(dest);
  if (top?.type === 'dir') walk(dest);
}

// ---- tmpfs mounts -------------------------------------------------------------------------
//
// --tmpfs /x[:options] (HostConfig.Tmpfs) and --mount type=tmpfs: an empty directory while the
// container runs (mode 1777 unless mode= says otherwise); what processes write there is kept in
// the container record until it stops (see finishContainer), never in its layer.

/** Docker's default size of a container's /dev/shm (HostConfig.ShmSize). */
export const DEFAULT_SHM_SIZE = 64 * 1024 * 1024;

/** The tty group of the images (busybox's and Debian's /etc/group). */
const TTY_GID = 5;

/**
 * The /dev runc mounts in every container: a tmpfs with the device nodes and links of the OCI
 * runtime spec, /dev/console only with a terminal (observed with `ls -l /dev`; /dev/shm is a
 * mount of its own). Dated when the container starts.
 */
function devTree(c: ContainerRecord, nowMs: number): LayerData {
  const base = { uid: 0, gid: 0, mtimeMs: nowMs };
  const device = (major: number, minor: number, mode = 0o666, gid = 0): FsNode => ({ ...base, type: 'file', mode, gid, content: '', size: 0, device: [major, minor] });
  const link = (target: string): FsNode => ({ ...base, type: 'symlink', mode: 0o777, target, size: target.length });
  const tree: LayerData = {
    '/': { ...base, type: 'dir', mode: 0o755 },
    '/fd': link('/proc/self/fd'), '/full': device(1, 7), '/null': device(1, 3), '/random': device(1, 8),
    '/tty': device(5, 0), '/urandom': device(1, 9), '/zero': device(1, 5),
    '/stdin': link('/proc/self/fd/0'), '/stdout': link('/proc/self/fd/1'), '/stderr': link('/proc/self/fd/2'),
    // mqueue and devpts: mounts of their own, reported with their own sizes.
    '/mqueue': { ...base, type: 'dir', mode: 0o1777, pseudo: true, size: 40 },
    '/pts': { ...base, type: 'dir', mode: 0o755, pseudo: true, size: 0 },
    '/pts/ptmx': device(5, 2),
    '/ptmx': link('pts/ptmx'),
  };
  if (c.config.Tty) tree['/console'] = device(136, 0, 0o620, TTY_GID);
  return tree;
}

/**
 * Tmpfs mount points with their options ("size=1m,mode=700"): --tmpfs, --mount type=tmpfs, and
 * the /dev and /dev/shm every container gets unless something else is mounted there. `initial`:
 * what a runtime mount holds when it is made.
 */
export function tmpfsMounts(c: ContainerRecord): { dest: string; options: string; readOnly: boolean; initial?: (nowMs: number) => LayerData }[] {
  const out: ReturnType<typeof tmpfsMounts> = Object.entries(c.hostConfig.Tmpfs ?? {}).map(([dest, options]) => ({ dest, options, readOnly: false }));
  for (const m of c.mounts) {
    if (m.Type === 'tmpfs' && !out.some((t) => t.dest === m.Destination)) out.push({ dest: m.Destination, options: m.TmpfsOptions ?? '', readOnly: !m.RW });
  }
  const taken = (dest: string) => out.some((t) => t.dest === dest) || c.mounts.some((m) => m.Destination === dest);
  if (!taken('/dev')) out.push({ dest: '/dev', options: 'mode=755,size=65536k', readOnly: false, initial: (nowMs) => devTree(c, nowMs) });
  if (!taken('/dev/shm')) out.push({ dest: '/dev/shm', options: `size=${c.hostConfig.ShmSize ?? DEFAULT_SHM_SIZE}`, readOnly: false });
  return out;
}

function tmpfsRoot(options: string): FsNode {
  const mode = /(?:^|,)mode=([0-7]+)(?:,|$)/.exec(options)?.[1];
  return { type: 'dir', mode: mode !== undefined ? parseInt(mode, 8) : 0o1777, uid: 0, gid: 0 };
}

/** What a process that starts now finds on the container's filesystems besides its layer. */
interface MountedContent {
  dest: string;
  root: FsNode;
  data: LayerData;
  /** Takes what lies under the mount point after the process ran (undefined: discard it). */
  keep?: (data: LayerData) => void;
}

function mountedContents(d: Daemon, c: ContainerRecord, lowers?: LayerData[]): MountedContent[] {
  const out: MountedContent[] = [];
  for (const { m, v } of volumeMounts(d, c)) {
    const dest = m.Destination.replace(/\/+$/, '') || '/';
    if (lowers) populateFromImage(v, dest, lowers);
    out.push({
      dest,
      root: v.data['/'] ?? { type: 'dir', mode: 0o755, uid: 0, gid: 0 },
      data: v.data,
      keep: m.RW ? (data) => { v.data = data; } : undefined,
    });
  }
  for (const { dest: raw, options, initial } of tmpfsMounts(c)) {
    const dest = raw.replace(/\/+$/, '') || '/';
    const held = c.tmpfs?.[dest] ?? initial?.(d.now()) ?? {};
    out.push({ dest, root: held['/'] ?? tmpfsRoot(options), data: held, keep: (data) => { (c.tmpfs ??= {})[dest] = data; } });
  }
  return out;
}

/**
 * The filesystems mounted in the container, as the overlay needs them to refuse writes:
 * volumes and binds as mounted (`:ro`), tmpfs writable, and with --read-only the root
 * read-only except /dev (a tmpfs of its own).
 */
export function mountPoints(c: ContainerRecord): MountPoint[] {
  const points: MountPoint[] = c.mounts.filter((m) => m.Type !== 'tmpfs').map((m) => ({ path: m.Destination, readOnly: !m.RW }));
  for (const t of tmpfsMounts(c)) points.push({ path: t.dest, readOnly: t.readOnly, tmpfs: true });
  return points;
}

/** Why `docker cp` may not write at `path` in the container (a read-only volume or root), if so. */
export function copyInRefusal(c: ContainerRecord, path: string): string | undefined {
  const covering = c.mounts
    .filter((m) => m.Destination === path || isUnder(path, m.Destination.replace(/\/+$/, '') || '/'))
    .sort((a, b) => b.Destination.length - a.Destination.length)[0];
  if (covering) return covering.RW ? undefined : 'mounted volume is marked read-only';
  return c.hostConfig.ReadonlyRootfs ? 'container rootfs is marked read-only' : undefined;
}

/**
 * A copy of the container's upper layer with its volumes' and tmpfs mounts' files laid over
 * the mount points (opaque directories there, so image files under a mount point are hidden,
 * as a mount hides them). Pass the image layers to have empty volumes filled from the image on
 * first use.
 */
export function upperWithVolumes(d: Daemon, c: ContainerRecord, upper: LayerData, lowers?: LayerData[]): LayerData {
  const out = clone(upper) as Record<string, (FsNode & { opaque?: boolean }) | null>;
  const mounts = mountedContents(d, c, lowers).sort((a, b) => a.dest.length - b.dest.length);
  for (const { dest, root, data } of mounts) {
    for (const key of Object.keys(out)) if (isUnder(key, dest)) delete out[key];
    out[dest] = { ...root, type: 'dir', opaque: true };
    for (const [rel, node] of Object.entries(data)) {
      if (rel === '/' || node === null) continue;
      out[dest === '/' ? rel : `${dest}${rel}`] = clone(node);
    }
  }
  return out;
}

/**
 * Moves what lies under the container's mount points in `upper` (the layer after a process
 * ran) into the volumes and tmpfs mounts, and returns the upper layer without it.
 */
export function storeVolumeWrites(d: Daemon, c: ContainerRecord, upper: LayerData): LayerData {
  const out = { ...upper } as Record<string, (FsNode & { opaque?: boolean }) | null>;
  const mounts = mountedContents(d, c).sort((a, b) => b.dest.length - a.dest.length);
  for (const { dest, keep } of mounts) {
    const data: LayerData = {};
    const root = out[dest];
    if (root) {
      const { opaque: _opaque, ...node } = root;
      data['/'] = node;
    }
    for (const key of Object.keys(out)) {
      if (!isUnder(key, dest)) continue;
      const node = out[key];
      if (node) {
        const { opaque: _o, ...plain } = node;
        data[key.slice(dest === '/' ? 0 : dest.length)] = plain;
      }
      delete out[key];
    }
    keep?.(data);
    delete out[dest];
  }
  return out;
}
