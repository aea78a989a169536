// The `docker volume ls` formatter context and its default table.
import type { VolumeRecord } from '../engine/state.js';
import { VOLUMES_ROOT } from '../engine/volumes/mounts.js';

export const VOLUME_DEFAULT_TABLE = 'table {{.Driver}}\t{{.Name}}';

export const VOLUME_HEADERS: Record<string, string> = {
  Name: 'VOLUME NAME', Driver: 'DRIVER', Scope: 'SCOPE', Mountpoint: 'MOUNTPOINT', Labels: 'LABELS',
  Links: 'LINKS', Size: 'SIZE', Group: 'GROUP', Availability: 'AVAILABILITY', Status: 'STATUS',
};

/** "k=v,k2=v2" (Go ranges over the map in random order; sorted here). */
export function joinLabels(labels: Record<string, string>): string {
  return Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(',');
}

export function volumeContext(v: VolumeRecord) {
  const labels = v.labels ?? {};
  return {
    Name: () => v.name,
    Driver: () => v.driver,
    Scope: () => 'local',
    Mountpoint: () => (v.driver === 'local' ? `${VOLUMES_ROOT}/${v.name}/_data` : ''),
    Labels: () => joinLabels(labels),
    Label: (name: string) => labels[name] ?? '',
    Links: () => 'N/A',
    Size: () => 'N/A',
    Group: () => 'N/A',
    Availability: () => 'N/A',
    Status: () => 'N/A',
  };
}
