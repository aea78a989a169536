// The ps formatter context: the fields `docker ps --format` can use, computed like docker/cli's
// ContainerContext, and the daemon-side Status string.
import type { Daemon } from '../engine/daemon.js';
import { viewNetworkNames, type ContainerView, type ListedState } from '../engine/containers/view.js';
import { humanDuration, humanSizeWithPrecision } from './units.js';
import { goQuote, ellipsis } from './strings.js';
import { apiPorts, displayablePorts } from './ports.js';
import { goTimeString, isZeroTime, parseTime } from '../engine/time.js';
import { familiarName, parseReference } from '../engine/images/reference.js';
import { findImage } from '../engine/images/resolve.js';

export const PS_DEFAULT_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

export const CONTAINER_HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED',
  Ports: 'PORTS', State: 'STATE', Status: 'STATUS', Size: 'SIZE', Names: 'NAMES', Labels: 'LABELS',
  Mounts: 'MOUNTS', Networks: 'NETWORKS', LocalVolumes: 'LOCAL VOLUMES', Platform: 'PLATFORM',
};

/** moby's State.String(): "Up 3 seconds", "Exited (0) 2 minutes ago", "Created"… */
export function containerStatus(s: ListedState, nowMs: number): string {
  if (s.Running) {
    if (s.Paused) return `Up ${humanDuration(nowMs - parseTime(s.StartedAt))} (Paused)`;
    if (s.Restarting) return `Restarting (${s.ExitCode}) ${humanDuration(nowMs - parseTime(s.FinishedAt))} ago`;
    return `Up ${humanDuration(nowMs - parseTime(s.StartedAt))}`;
  }
  if (s.Status === 'removing') return 'Removal In Progress';
  if (s.Dead) return 'Dead';
  if (isZeroTime(s.StartedAt)) return 'Created';
  if (isZeroTime(s.FinishedAt)) return '';
  return `Exited (${s.ExitCode}) ${humanDuration(nowMs - parseTime(s.FinishedAt))} ago`;
}

export function commandString(c: { path: string; args: string[] }): string {
  const args = c.args.map((a) => (a.includes(' ') ? `'${a}'` : a));
  return args.length ? `${c.path} ${args.join(' ')}` : c.path;
}

/** Per-daemon memo of reference lookups: a listing resolves the same few references many times. */
const refLookups = new WeakMap<Daemon, Map<string, string | undefined>>();

/** Config.Image as the daemon reports it: the typed ref, or the image ID if the ref moved. */
export function reportedImage(d: Daemon, c: { image: string; imageId: string }): string {
  let memo = refLookups.get(d);
  if (!memo) refLookups.set(d, (memo = new Map()));
  let currentId = memo.get(c.image);
  if (!memo.has(c.image)) {
    try {
      currentId = findImage(d, c.image)?.id;
    } catch {
      currentId = undefined;
    }
    memo.set(c.image, currentId);
  }
  return currentId === c.imageId ? c.image : c.imageId;
}

const displayMemo = new Map<string, string>();

export function displayImage(image: string, imageId: string, trunc: boolean): string {
  if (!trunc) return image;
  const key = `${image}\u0000${imageId}`;
  let shown = displayMemo.get(key);
  if (shown === undefined) {
    shown = truncatedImage(image, imageId);
    if (displayMemo.size > 1000) displayMemo.clear();
    displayMemo.set(key, shown);
  }
  return shown;
}

function truncatedImage(image: string, imageId: string): string {
  const strip = (s: string) => (s.includes(':') && s.startsWith('sha256:') ? s.slice(7) : s).slice(0, 12);
  if (strip(imageId) === strip(image)) return strip(imageId);
  try {
    const ref = parseReference(image);
    return ref.tag ? `${familiarName(ref)}:${ref.tag}` : familiarName(ref);
  } catch {
    return image || '<no image>';
  }
}

export interface ContainerContextOptions {
  trunc: boolean;
  nowMs: number;
  size?: { rw: number; rootFs: number };
}

export function containerContext(d: Daemon, c: ContainerView, o: ContainerContextOptions) {
  const labels = c.labels;
  return {
    ID: () => (o.trunc ? c.id.slice(0, 12) : c.id),
    Image: () => displayImage(reportedImage(d, c), c.imageId, o.trunc),
    Command: () => goQuote(o.trunc ? ellipsis(commandString(c), 20) : commandString(c)),
    CreatedAt: () => goTimeString(parseTime(c.created)),
    RunningFor: () => `${humanDuration(o.nowMs - parseTime(c.created))} ago`,
    Ports: () => displayablePorts(apiPorts(c.ports)),
    State: () => c.state.Status,
    Status: () => containerStatus(c.state, o.nowMs),
    Size: () => {
      if (!o.size) return '0B';
      const rw = humanSizeWithPrecision(o.size.rw, 3);
      return o.size.rootFs > 0 ? `${rw} (virtual ${humanSizeWithPrecision(o.size.rootFs, 3)})` : rw;
    },
    Names: () => c.name,
    Labels: () => Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(','),
    Label: (name: string) => labels[name] ?? '',
    Mounts: () => c.mounts.map((m) => (m.Type === 'volume' ? m.Name ?? '' : m.Source)).map((n) => (o.trunc ? ellipsis(n, 15) : n)).join(','),
    Networks: () => viewNetworkNames(c).join(','),
    LocalVolumes: () => String(c.mounts.filter((m) => m.Type === 'volume' && (m.Driver ?? 'local') === 'local').length),
    Platform: () => null,
  };
}
