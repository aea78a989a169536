// Where engine state lives between commands. The file store (Node) and the memory and browser
// stores implement the same contract and pass one shared test suite.
import type { EngineState } from '../engine/state.js';

export interface StateStore {
  /**
   * Runs `update` on the current state under an exclusive lock and saves what it returns. A store
   * may first offer the state to `tryWithoutLock` (used for read-only commands), whose defined
   * answer is returned as it is.
   */
  transact<T>(
    update: (state: EngineState | undefined) => { state: EngineState; result: T; changed: boolean },
    tryWithoutLock?: (state: EngineState) => T | undefined,
  ): T;
}

export class StateDamagedError extends Error {
  constructor(readonly location: string, reason: string) {
    super(`fakedocker: the state file ${location} is damaged (${reason}); it was left untouched. Move it away or set FAKEDOCKER_HOME to start afresh.`);
  }
}

export class MemoryStore implements StateStore {
  constructor(private state?: EngineState) {}
  transact<T>(update: (state: EngineState | undefined) => { state: EngineState; result: T; changed: boolean }): T {
    const r = update(this.state);
    if (r.changed || !this.state) this.state = r.state;
    return r.result;
  }
  snapshot(): EngineState | undefined {
    return this.state;
  }
}

/** Parses and sanity-checks a state serialised as one JSON value; throws StateDamagedError. */
export function decodeState(text: string, location: string): EngineState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new StateDamagedError(location, `not valid JSON: ${(e as Error).message}`);
  }
  return validateState(data, location);
}

/** The checks every decoded state passes before the engine sees it. */
export function validateState(data: unknown, location: string): EngineState {
  const s = data as EngineState;
  if (!s || typeof s !== 'object' || typeof s.schema !== 'number' || typeof s.containers !== 'object' || typeof s.images !== 'object' || typeof s.networks !== 'object') {
    throw new StateDamagedError(location, 'not a fakedocker state');
  }
  if (s.schema !== 1) throw new StateDamagedError(location, `unknown schema version ${s.schema}`);
  return s;
}
