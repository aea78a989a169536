// State in the browser's localStorage (or anything with the same three methods). localStorage is
// synchronous, so within one page transact() never interleaves; across tabs sharing an origin, a
// version token written after each save gives optimistic concurrency: when another tab saved
// between our read and our write, the update runs again on the newer state, so no update is lost.
// (Browsers give no atomic compare-and-set on localStorage, so two tabs writing within the same
// instant can still race; the playground is one tab.)
import type { EngineState } from '../engine/state.js';
import { StateDamagedError, decodeState, type StateStore } from './store.js';

/** The part of the Web Storage API the store uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface BrowserStoreOptions {
  /** Default: globalThis.localStorage. */
  storage?: StorageLike;
  /** Prefix of the keys used (default 'fakedocker:'): '<prefix>state' and '<prefix>version'. */
  prefix?: string;
}

const MAX_ATTEMPTS = 50;

function token(): string {
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 2 ** 32).toString(36)}`;
}

export class BrowserStore implements StateStore {
  readonly storage: StorageLike;
  readonly stateKey: string;
  readonly versionKey: string;
  /** The state last saved or read, by its version token. */
  private cache: { version: string; state: EngineState } | undefined;

  constructor(opts: BrowserStoreOptions = {}) {
    const storage = opts.storage ?? (globalThis as { localStorage?: StorageLike }).localStorage;
    if (!storage) throw new Error('fakedocker: BrowserStore needs localStorage (or pass options.storage)');
    this.storage = storage;
    const prefix = opts.prefix ?? 'fakedocker:';
    this.stateKey = `${prefix}state`;
    this.versionKey = `${prefix}version`;
  }

  /** Where the state lives, as error messages name it. */
  get location(): string {
    return `localStorage[${JSON.stringify(this.stateKey)}]`;
  }

  read(): EngineState | undefined {
    const text = this.storage.getItem(this.stateKey);
    return text === null ? undefined : decodeState(text, this.location);
  }

  /**
   * The state saved under `version`. What this store saved or read last is kept parsed, keyed by
   * its version token, so a run of commands in one tab parses nothing; a save by anyone else
   * changes the token and the state is read again. (Like MemoryStore, this hands the update the
   * stored object itself: updates return a new state and must not modify the one they are given.)
   */
  private current(version: string | null): EngineState | undefined {
    if (version !== null && this.cache?.version === version) return this.cache.state;
    const state = this.read();
    this.cache = version !== null && state !== undefined ? { version, state } : undefined;
    return state;
  }

  transact<T>(update: (state: EngineState | undefined) => { state: EngineState; result: T; changed: boolean }): T {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const version = this.storage.getItem(this.versionKey);
      const current = this.current(version);
      const r = update(current);
      if (!r.changed && current !== undefined) return r.result;
      // Someone else saved meanwhile: run the update again on what they saved.
      if (this.storage.getItem(this.versionKey) !== version) continue;
      const text = JSON.stringify(r.state);
      try {
        this.storage.setItem(this.stateKey, text);
      } catch (e) {
        this.cache = undefined;
        throw new Error(`fakedocker: could not save the state in ${this.location} (${text.length} characters): ${(e as Error).message}`);
      }
      const next = token();
      this.storage.setItem(this.versionKey, next);
      this.cache = { version: next, state: r.state };
      return r.result;
    }
    throw new Error(`fakedocker: ${this.location} kept changing under this store (${MAX_ATTEMPTS} attempts)`);
  }

  /** Removes the saved state: the next command starts a fresh daemon. */
  clear(): void {
    this.cache = undefined;
    this.storage.removeItem(this.stateKey);
    this.storage.setItem(this.versionKey, token());
  }
}

export { StateDamagedError };
