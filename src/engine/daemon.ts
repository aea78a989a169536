// The simulated daemon for one command: the (immer draft) state plus the injected environment,
// with the lookups every operation needs. Operations live in images/, containers/ and friends.
import type { EngineEnv } from './env.js';
import type { ContainerRecord, EngineState, EventRecord, ImageRecord } from './state.js';
import { createRandom, type Random, type RngState } from './rng.js';
import { rfc3339Nano } from './time.js';
import { DaemonError, noSuchContainer } from './errors.js';
import { shortId } from './ids.js';
import { viewsOf, type ContainerView } from './containers/view.js';

const EVENTS_KEPT = 256;

/**
 * A record of a map by a name the user typed: own entries only, so names like "constructor" or
 * "toString" are not found on Object.prototype.
 */
export function ownEntry<T>(map: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** The images that exist (a deleted record is kept only for its history). */
export function liveImages(images: Record<string, ImageRecord>): ImageRecord[] {
  return Object.values(images).filter((img) => !img.deleted);
}

export class Daemon {
  readonly random: Random;
  private clockMs: number;
  /** Virtual time spent waiting inside this command (attached runs, stop timeouts). */
  waitedMs = 0;
  private tick = 0;
  /** Set while a command runs on the live state without a draft: it must not write. */
  readOnlyAttempt = false;

  constructor(readonly state: EngineState, readonly env: EngineEnv, rngSeed: RngState) {
    this.random = createRandom(rngSeed);
    this.clockMs = env.now() + (state.clockSkewMs ?? 0);
  }

  /** Current simulated time in ms (real time plus any virtual waiting in this command). */
  now(): number {
    return this.clockMs + this.waitedMs;
  }

  /** Lets virtual time pass (a stop timeout, an attached run of `sleep 3`). */
  wait(ms: number): void {
    if (ms > 0) this.waitedMs += ms;
  }

  /** A fresh RFC 3339 nano timestamp; strictly increasing within a command. */
  timestamp(atMs = this.now()): string {
    this.tick += 1;
    return rfc3339Nano(atMs + this.tick * 0.001, this.random.int(1000));
  }

  saveRandom(): void {
    this.state.rng = this.random.state();
  }

  event(type: string, action: string, id: string, attributes: Record<string, string>): void {
    const ev: EventRecord = { time: this.timestamp(), type, action, id, attributes };
    this.state.events.push(ev);
    // dockerd replays only its last 256 events to `docker events --since` (observed on 28.5.2).
    if (this.state.events.length > EVENTS_KEPT) this.state.events.splice(0, this.state.events.length - EVENTS_KEPT);
  }

  // ---- containers -------------------------------------------------------------------------

  containerList(): ContainerRecord[] {
    return Object.values(this.state.containers);
  }

  /** The listing views of all containers (no container record is opened for them). */
  containerViews(): ContainerView[] {
    return viewsOf(this.state.containers);
  }

  containerById(id: string): ContainerRecord | undefined {
    return ownEntry(this.state.containers, id);
  }

  /** Docker's lookup order: full ID, exact name, then unique ID prefix. */
  findContainer(ref: string): ContainerRecord | undefined {
    const byId = this.containerById(ref);
    if (byId) return byId;
    const name = ref.startsWith('/') ? ref.slice(1) : ref;
    const views = this.containerViews();
    for (const v of views) if (v.name === name) return this.containerById(v.id);
    if (ref === '' || !/^[a-f0-9]+$/.test(ref)) return undefined;
    const matches = views.filter((v) => v.id.startsWith(ref));
    if (matches.length > 1) throw new DaemonError(`Multiple IDs found with provided prefix: ${ref}`, 'invalid');
    return matches.length ? this.containerById(matches[0].id) : undefined;
  }

  getContainer(ref: string): ContainerRecord {
    const c = this.findContainer(ref);
    if (!c) throw noSuchContainer(ref);
    return c;
  }

  // ---- images -----------------------------------------------------------------------------

  imageList(): ImageRecord[] {
    return liveImages(this.state.images);
  }

  imageById(id: string): ImageRecord | undefined {
    return this.state.images[id];
  }

  imageShortId(img: ImageRecord): string {
    return shortId(img.id);
  }
}
