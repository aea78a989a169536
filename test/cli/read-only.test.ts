// Read-only commands run on the live state without an immer draft (CommandDef.readOnly). This
// checks they really never write: the state is deep-frozen, so any write would throw.
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/dispatch.js';
import { createEnv } from '../../src/runtime.js';
import { createInitialState } from '../../src/engine/initial-state.js';
import type { EngineState } from '../../src/engine/state.js';

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}

describe('read-only commands', () => {
  it('never write to the state they read', () => {
    let now = Date.parse('2026-11-28T10:00:00Z');
    const env = createEnv({ now: () => now, seed: 7 });
    let state: EngineState = createInitialState(7, now);
    const run = (argv: string[]) => {
      const r = execute(state, argv, { env });
      state = r.state;
      now += 1000;
      return r;
    };
    for (const line of [
      ['pull', 'busybox'], ['pull', 'nginx'], ['run', '-d', '--name', 'web', '-p', '8080:80', 'nginx'],
      ['run', '--name', 'done', 'busybox', 'sh', '-c', 'echo hi; touch /x; exit 3'], ['volume', 'create', 'v1'],
      ['network', 'create', 'n1'],
    ]) run(line);
    deepFreeze(state);
    const readOnly = [
      ['ps'], ['ps', '-a', '-s'], ['ps', '--format', 'json'], ['images'], ['images', '--digests'], ['port', 'web'],
      ['logs', 'web'], ['logs', '-t', 'done'], ['inspect', 'web'], ['inspect', 'nginx'], ['container', 'inspect', 'done'],
      ['image', 'inspect', 'busybox'], ['version'], ['history', 'nginx'], ['diff', 'done'], ['volume', 'ls'],
      ['volume', 'inspect', 'v1'], ['network', 'ls'], ['network', 'inspect', 'n1'], ['inspect', 'nosuch'],
    ];
    for (const argv of readOnly) {
      const r = execute(state, argv, { env });
      expect(r.stderr, argv.join(' ')).not.toMatch(/internal error|Cannot assign|read only|not extensible/);
      expect(r.state, argv.join(' ')).toBe(state);
    }
  });
});
