// The listing view of a container, as dockerd keeps one per container (moby's container.Snapshot
// in its in-memory view DB) so that `docker ps` never has to open the containers themselves.
// Here it lets a stored daemon be listed without decoding every container record: the file
// store keeps the views beside the records and decodes a record only when something needs it.
import { isDraft } from 'immer';
import { parseTime } from '../time.js';
import { apiPorts, displayablePorts } from '../../format/ports.js';
import type { ContainerRecord, ContainerStateRecord, MountRecord, PortBinding } from '../state.js';

/** The parts of a container's state a listing shows; times in ms since the epoch, 0 for never. */
export type ListedState = Pick<ContainerStateRecord, 'Status' | 'Running' | 'Paused' | 'Restarting' | 'Dead' | 'ExitCode'> & {
  startedMs: number;
  finishedMs: number;
};

export interface ContainerView {
  id: string;
  name: string;
  /** RFC 3339 (ordering, as the daemon sorts) and in ms (durations, without parsing per row). */
  created: string;
  createdMs: number;
  /** Config.Image as typed, and the image it resolved to. */
  image: string;
  imageId: string;
  /** Path and arguments as `ps` shows them before quoting and truncation. */
  command: string;
  labels: Record<string, string>;
  state: ListedState;
  /** Runtime port map (NetworkSettings.Ports), and as the PORTS column shows it. */
  ports: Record<string, PortBinding[] | null>;
  portsText: string;
  mounts: MountRecord[];
  /** Network name → network ID, for the networks the container has endpoints on. */
  endpoints: Record<string, string>;
  networkMode: string;
  networksConfigured: boolean;
  /**
   * When the daemon next has work for this container without being asked (its process ends, a
   * restart back-off ends): 0 for "now", absent for never.
   */
  dueAtMs?: number;
}

const views = new WeakMap<ContainerRecord, ContainerView>();

/** The view of a record, computed once per record object (records change by replacement). */
export function containerView(c: ContainerRecord): ContainerView {
  let v = views.get(c);
  if (!v) {
    v = computeView(c);
    // Drafts change in place while a command runs: only settled records are remembered.
    if (!isDraft(c)) views.set(c, v);
  }
  return v;
}

function computeView(c: ContainerRecord): ContainerView {
  const endpoints: Record<string, string> = {};
  for (const [name, ep] of Object.entries(c.endpoints)) endpoints[name] = ep.networkId;
  const v: ContainerView = {
    id: c.id,
    name: c.name,
    created: c.created,
    createdMs: parseTime(c.created),
    image: c.config.Image,
    imageId: c.imageId,
    command: commandString(c),
    labels: c.config.Labels ?? {},
    state: {
      Status: c.state.Status, Running: c.state.Running, Paused: c.state.Paused, Restarting: c.state.Restarting,
      Dead: c.state.Dead, ExitCode: c.state.ExitCode, startedMs: parseTime(c.state.StartedAt), finishedMs: parseTime(c.state.FinishedAt),
    },
    ports: c.ports,
    portsText: displayablePorts(apiPorts(c.ports)),
    mounts: c.mounts,
    endpoints,
    networkMode: c.hostConfig.NetworkMode,
    networksConfigured: c.networksConfigured ?? false,
  };
  const due = dueAt(c);
  if (due !== undefined) v.dueAtMs = due;
  return v;
}

/** See ContainerView.dueAtMs: what advance() would act on (kept in step with it). */
function dueAt(c: ContainerRecord): number | undefined {
  if (c.state.Restarting) return 0;
  if (c.state.Paused || !c.state.Running) return undefined;
  return c.process?.exitAtMs;
}

/** `ps`'s COMMAND before quoting: arguments with spaces in single quotes. */
export function commandString(c: { path: string; args: string[] }): string {
  const args = c.args.map((a) => (a.includes(' ') ? `'${a}'` : a));
  return args.length ? `${c.path} ${args.join(' ')}` : c.path;
}

/** Network names as `ps` shows them; a never-started container is on its network mode's network. */
export function viewNetworkNames(v: ContainerView): string[] {
  const names = Object.keys(v.endpoints).sort();
  if (names.length || v.networksConfigured) return names;
  const mode = v.networkMode === 'default' ? 'bridge' : v.networkMode;
  return mode.startsWith('container:') ? [] : [mode];
}

/** docker ps's order: newest first (by creation time; RFC 3339 nano strings sort as text). */
export function newestFirst(a: { created: string }, b: { created: string }): number {
  return a.created < b.created ? 1 : a.created > b.created ? -1 : 0;
}

// ---- views that came with a stored state -----------------------------------------------------

interface StoredListingData {
  /** Views of all containers, or how to read them (a file's views are parsed on first use). */
  views: ContainerView[] | (() => ContainerView[]);
  /** The earliest time a container is due to change (min dueAtMs), null when none is; undefined: unknown. */
  nextDueMs?: number | null;
  /** A listing stored with the views (see format/ps-listing.ts), for the images object it was made with. */
  listing?: { value: unknown; images: object };
}

const storedViews = new WeakMap<object, StoredListingData>();

/**
 * Registers the views stored with a decoded state for its `containers` object. They stay valid
 * for exactly that object: a command that changes containers works on a new one (immer never
 * changes the base state), which then has no stored views and computes its own.
 */
export function attachStoredViews(containers: object, views: StoredListingData['views'], extra: Omit<StoredListingData, 'views'> = {}): void {
  storedViews.set(containers, { views, ...extra });
}

export function detachStoredViews(containers: object): void {
  storedViews.delete(containers);
}

/** Views of all containers of a state, from storage when they came with it. */
export function viewsOf(containers: Record<string, ContainerRecord>): ContainerView[] {
  const stored = storedViews.get(containers);
  if (!stored) return Object.values(containers).map(containerView);
  if (typeof stored.views === 'function') stored.views = stored.views();
  return stored.views;
}

/** Whether some container's process is due to change by `nowMs` (then a command must advance the state first). */
export function anythingDue(containers: Record<string, ContainerRecord>, nowMs: number): boolean {
  const next = storedViews.get(containers)?.nextDueMs;
  if (next !== undefined) return next !== null && next <= nowMs;
  return viewsOf(containers).some((v) => v.dueAtMs !== undefined && v.dueAtMs <= nowMs);
}

/** The earliest dueAtMs of these views, null when none is due at all. */
export function nextDueOf(views: readonly ContainerView[]): number | null {
  let next: number | null = null;
  for (const v of views) if (v.dueAtMs !== undefined && (next === null || v.dueAtMs < next)) next = v.dueAtMs;
  return next;
}

/**
 * The listing stored with a decoded state, while it still describes the state: the same
 * containers object (as the views) and the same images (a listing names images by their tags).
 */
export function storedListing(state: { containers: object; images: object }): unknown {
  const listing = storedViews.get(state.containers)?.listing;
  return listing && listing.images === state.images ? listing.value : undefined;
}
