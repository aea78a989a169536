// A fakedocker session in-process (execute() on an in-memory state), for the volume and network tests.
import { execute, type ExecuteResult } from '../../src/cli/dispatch.js';
import { createEnv } from '../../src/runtime.js';
import { createInitialState } from '../../src/engine/initial-state.js';
import type { EngineState } from '../../src/engine/state.js';

export const NOW = Date.UTC(2026, 10, 28, 3, 0, 0);

/** Splits a command line like a shell would for simple quoting ('…' and "…"). */
export function words(line: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (const m of line.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

export class Session {
  state: EngineState = createInitialState(7, NOW);
  now = NOW;
  env = createEnv({ now: () => this.now, seed: 7 });
  run(line: string | string[], stdin?: string): ExecuteResult {
    const argv = Array.isArray(line) ? line : words(line);
    const r = execute(this.state, argv, { env: this.env, stdin });
    this.state = r.state;
    this.now += 1000;
    return r;
  }
  /** stdout of a command that must succeed. */
  ok(line: string): string {
    const r = this.run(line);
    if (r.exitCode !== 0) throw new Error(`${line} failed (${r.exitCode}): ${r.stderr}`);
    return r.stdout;
  }
}
