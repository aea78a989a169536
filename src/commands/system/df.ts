// docker system df [-v]: disk usage of images (layers counted once), containers (writable
// layers), local volumes and the (always empty) build cache.
import { type CommandContext, type CommandDef, flagBool, flagString } from '../../cli/command.js';
import type { Daemon } from '../../engine/daemon.js';
import type { ContainerRecord, ImageRecord, VolumeRecord } from '../../engine/state.js';
import { layerBytes } from '../../engine/containers/size.js';
import { listImages } from '../../engine/images/list.js';
import { volumeUsers } from '../../engine/volumes/mounts.js';
import { volumeSize } from '../../engine/volumes/volumes.js';
import { chainIds } from '../../engine/images/layers.js';
import { CONTAINER_HEADERS, containerContext } from '../../format/container.js';
import { containerView } from '../../engine/containers/view.js';
import { IMAGE_HEADERS, imageContext, imageRows } from '../../format/image.js';
import { humanSize } from '../../format/units.js';
import type { FormatSpec } from '../../format/render.js';
import { prepareListFormat, writeList } from '../list-output.js';

const DF_TABLE = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
const DF_HEADERS: Record<string, string> = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };
const DF_IMAGE_TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}';
const DF_CONTAINER_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}';
const DF_VOLUME_TABLE = 'table {{.Name}}\t{{.Links}}\t{{.Size}}';
const DF_CACHE_TABLE = 'table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}';
const CACHE_HEADERS: Record<string, string> = {
  ID: 'CACHE ID', CacheType: 'CACHE TYPE', Size: 'SIZE', CreatedSince: 'CREATED', LastUsedSince: 'LAST USED', UsageCount: 'USAGE', Shared: 'SHARED',
};

interface ImageUsage {
  image: ImageRecord;
  shared: number;
  unique: number;
  containers: number;
}

export interface DiskUsage {
  images: ImageUsage[];
  layersSize: number;
  containers: { c: ContainerRecord; rw: number }[];
  volumes: { v: VolumeRecord; size: number; links: number }[];
}

export function diskUsage(d: Daemon): DiskUsage {
  const images = listImages(d, { all: true, filters: new Map() });
  const owners = new Map<string, number>();
  const sizes = new Map<string, number>();
  for (const img of images) {
    chainIds(img).forEach((id, i) => {
      owners.set(id, (owners.get(id) ?? 0) + 1);
      sizes.set(id, img.layers[i]?.size ?? 0);
    });
  }
  const layersSize = [...sizes.values()].reduce((a, b) => a + b, 0);
  const usage = images.map((img) => {
    let shared = 0;
    chainIds(img).forEach((id, i) => {
      if ((owners.get(id) ?? 0) > 1) shared += img.layers[i]?.size ?? 0;
    });
    const containers = d.containerList().filter((c) => c.imageId === img.id).length;
    return { image: img, shared, unique: Math.max(0, img.size - shared), containers };
  });
  const containers = d.containerList()
    .slice()
    .sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0))
    .map((c) => ({ c, rw: layerBytes(c.upper) }));
  const volumes = Object.values(d.state.volumes)
    .filter((v) => v.driver === 'local')
    .map((v) => ({ v, size: volumeSize(v), links: volumeUsers(d, v.name).length }));
  return { images: usage, layersSize, containers, volumes };
}

function withPercent(reclaimable: number, total: number): string {
  return total > 0 ? `${humanSize(reclaimable)} (${Math.floor((reclaimable * 100) / total)}%)` : humanSize(reclaimable);
}

function summaryRows(u: DiskUsage) {
  const activeImages = u.images.filter((i) => i.containers > 0);
  const imgReclaim = u.layersSize - activeImages.reduce((n, i) => n + i.unique, 0);
  const isActive = (c: ContainerRecord) => c.state.Running || c.state.Paused || c.state.Restarting;
  const cSize = u.containers.reduce((n, x) => n + x.rw, 0);
  const cReclaim = u.containers.filter((x) => !isActive(x.c)).reduce((n, x) => n + x.rw, 0);
  const vSize = u.volumes.reduce((n, x) => n + x.size, 0);
  const vReclaim = u.volumes.filter((x) => x.links === 0).reduce((n, x) => n + x.size, 0);
  const row = (type: string, total: number, active: number, size: number, reclaimable: string) => ({
    Type: () => type,
    TotalCount: () => String(total),
    Active: () => String(active),
    Size: () => humanSize(size),
    Reclaimable: () => reclaimable,
  });
  return [
    row('Images', u.images.length, activeImages.length, u.layersSize, withPercent(imgReclaim, u.layersSize)),
    row('Containers', u.containers.length, u.containers.filter((x) => isActive(x.c)).length, cSize, withPercent(cReclaim, cSize)),
    row('Local Volumes', u.volumes.length, u.volumes.filter((x) => x.links > 0).length, vSize, withPercent(vReclaim, vSize)),
    row('Build Cache', 0, 0, 0, humanSize(0)),
  ];
}

function table(ctx: CommandContext, format: string, headers: Record<string, string>, rows: object[]): void {
  const spec: FormatSpec = { format, defaultTable: format, headers, typeName: '' };
  writeList(ctx, prepareListFormat(spec, 'parsing'), spec, rows, 'parsing');
}

function verbose(ctx: CommandContext, d: Daemon, u: DiskUsage): void {
  const now = d.now();
  ctx.out('Images space usage:\n\n');
  table(ctx, DF_IMAGE_TABLE, IMAGE_HEADERS, u.images.map((i) => {
    // Only the first tag is shown.
    const row = imageRows(i.image)[0];
    return {
      ...imageContext(row, { trunc: true, nowMs: now }),
      SharedSize: () => humanSize(i.shared),
      UniqueSize: () => humanSize(i.unique),
      Containers: () => String(i.containers),
    };
  }));
  ctx.out('\nContainers space usage:\n\n');
  table(ctx, DF_CONTAINER_TABLE, CONTAINER_HEADERS, u.containers.map(({ c, rw }) => containerContext(d, containerView(c), { trunc: true, nowMs: now, size: { rw, rootFs: 0 } })));
  ctx.out('\nLocal Volumes space usage:\n\n');
  table(ctx, DF_VOLUME_TABLE, { Name: 'VOLUME NAME', Links: 'LINKS', Size: 'SIZE' }, u.volumes.map((x) => ({
    Name: () => x.v.name,
    Links: () => String(x.links),
    Size: () => humanSize(x.size),
  })));
  ctx.out(`\nBuild cache usage: ${humanSize(0)}\n\n`);
  table(ctx, DF_CACHE_TABLE, CACHE_HEADERS, []);
}

export const systemDfCommand: CommandDef = {
  invocations: ['system df'],
  args: { kind: 'none' },
  run(ctx) {
    const u = diskUsage(ctx.d);
    const format = flagString(ctx, 'format') ?? '';
    if (flagBool(ctx, 'verbose') && (format === '' || format === 'table')) {
      verbose(ctx, ctx.d, u);
      return;
    }
    const spec: FormatSpec = { format, defaultTable: DF_TABLE, headers: DF_HEADERS, typeName: '*formatter.diskUsageImagesContext' };
    writeList(ctx, prepareListFormat(spec, 'parsing'), spec, summaryRows(u), 'parsing');
  },
};
