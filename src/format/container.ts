// The ps formatter context: the fields `docker ps --format` can use, computed like docker/cli's
// ContainerContext, and the daemon-side Status string.
import { viewNetworkNames, type ContainerView, type ListedState } from '../engine/containers/view.js';
import { humanDuration, humanSizeWithPrecision } from './units.js';
import { goQuote, ellipsis } from './strings.js';
import { goTimeString } from '../engine/time.js';
import { asMap, asStruct } from './template/index.js';
import { familiarName, parseReference } from '../engine/images/reference.js';
import { findImage, type ImageLookup } from '../engine/images/resolve.js';

export const PS_DEFAULT_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

export const CONTAINER_HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED',
  Ports: 'PORTS', State: 'STATE', Status: 'STATUS', Size: 'SIZE', Names: 'NAMES', Labels: 'LABELS',
  Mounts: 'MOUNTS', Networks: 'NETWORKS', LocalVolumes: 'LOCAL VOLUMES', Platform: 'PLATFORM',
};

/**
 * A status line as text around a duration: `head + humanDuration(now - sinceMs) + tail`, or just
 * `head` when sinceMs is undefined. The parts do not depend on the clock (a stored listing keeps them).
 */
export interface StatusParts {
  head: string;
  sinceMs?: number;
  tail: string;
}

/** moby's State.String() in parts: "Up " 3 seconds, "Exited (0) " 2 minutes " ago", "Created"… */
export function statusParts(s: ListedState): StatusParts {
  if (s.Running) {
    if (s.Paused) return { head: 'Up ', sinceMs: s.startedMs, tail: ' (Paused)' };
    if (s.Restarting) return { head: `Restarting (${s.ExitCode}) `, sinceMs: s.finishedMs, tail: ' ago' };
    return { head: 'Up ', sinceMs: s.startedMs, tail: '' };
  }
  if (s.Status === 'removing') return { head: 'Removal In Progress', tail: '' };
  if (s.Dead) return { head: 'Dead', tail: '' };
  if (s.startedMs === 0) return { head: 'Created', tail: '' };
  if (s.finishedMs === 0) return { head: '', tail: '' };
  return { head: `Exited (${s.ExitCode}) `, sinceMs: s.finishedMs, tail: ' ago' };
}

/** moby's State.String(): "Up 3 seconds", "Exited (0) 2 minutes ago", "Created"… */
export function containerStatus(s: ListedState, nowMs: number): string {
  const p = statusParts(s);
  return p.sinceMs === undefined ? p.head : `${p.head}${humanDuration(nowMs - p.sinceMs)}${p.tail}`;
}

export { commandString } from '../engine/containers/view.js';

/** Per-daemon memo of reference lookups: a listing resolves the same few references many times. */
const refLookups = new WeakMap<ImageLookup, Map<string, string | undefined>>();

/** Config.Image as the daemon reports it: the typed ref, or the image ID if the ref moved. */
export function reportedImage(d: ImageLookup, c: { image: string; imageId: string }): string {
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

/** Shown image per typed reference and image ID (a listing asks for the same few pairs). */
const displayMemo = new Map<string, Map<string, string>>();

export function displayImage(image: string, imageId: string, trunc: boolean): string {
  if (!trunc) return image;
  let byId = displayMemo.get(image);
  if (byId === undefined) {
    if (displayMemo.size > 1000) displayMemo.clear();
    displayMemo.set(image, (byId = new Map()));
  }
  let shown = byId.get(imageId);
  if (shown === undefined) byId.set(imageId, (shown = truncatedImage(image, imageId)));
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

/**
 * The fields of `docker ps --format` for one container. A class (methods on the prototype, state
 * in private fields the templates cannot see), so a listing builds one object per row.
 */
export class ContainerContext {
  readonly #d: ImageLookup;
  readonly #c: ContainerView;
  readonly #o: ContainerContextOptions;
  /** docker/cli's FieldsUsed: the fields a template read that need extra data (only Size). Made on first use. */
  #fieldsUsed: Record<string, object> | undefined;

  constructor(d: ImageLookup, c: ContainerView, o: ContainerContextOptions) {
    this.#d = d;
    this.#c = c;
    this.#o = o;
  }

  // The Go struct's other fields, as templates see them: two unexported ones (naming them is
  // "an unexported field" error), FieldsUsed, and the embedded HeaderContext's nil Header.
  get c() { return this.#c; }
  get trunc() { return this.#o.trunc; }
  get FieldsUsed(): Record<string, object> { return (this.#fieldsUsed ??= asMap({}, 'map[string]interface {}')); }
  get Header() { return undefined; }

  ID() { return this.#o.trunc ? this.#c.id.slice(0, 12) : this.#c.id; }
  Image() { return displayImage(reportedImage(this.#d, this.#c), this.#c.imageId, this.#o.trunc); }
  Command() { return goQuote(this.#o.trunc ? ellipsis(this.#c.command, 20) : this.#c.command); }
  CreatedAt() { return goTimeString(this.#c.createdMs); }
  RunningFor() { return `${humanDuration(this.#o.nowMs - this.#c.createdMs)} ago`; }
  Ports() { return this.#c.portsText; }
  State() { return this.#c.state.Status; }
  Status() { return containerStatus(this.#c.state, this.#o.nowMs); }
  Size() {
    this.FieldsUsed.Size = asStruct({}, 'struct {}');
    const size = this.#o.size;
    if (!size) return '0B';
    const rw = humanSizeWithPrecision(size.rw, 3);
    return size.rootFs > 0 ? `${rw} (virtual ${humanSizeWithPrecision(size.rootFs, 3)})` : rw;
  }
  Names() { return this.#c.name; }
  Labels() {
    const labels = this.#c.labels;
    return Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(',');
  }
  Label(name: string) { return Object.hasOwn(this.#c.labels, name) ? this.#c.labels[name] : ''; }
  Mounts() {
    const trunc = this.#o.trunc;
    return this.#c.mounts.map((m) => (m.Type === 'volume' ? m.Name ?? '' : m.Source)).map((n) => (trunc ? ellipsis(n, 15) : n)).join(',');
  }
  Networks() { return viewNetworkNames(this.#c).join(','); }
  LocalVolumes() { return String(this.#c.mounts.filter((m) => m.Type === 'volume' && (m.Driver ?? 'local') === 'local').length); }
  Platform() { return null; }
}

export function containerContext(d: ImageLookup, c: ContainerView, o: ContainerContextOptions): ContainerContext {
  return new ContainerContext(d, c, o);
}
