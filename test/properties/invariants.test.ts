// Model-based property: random docker command sequences (run/create/start/stop/kill/pause/unpause/
// restart/rm/rename/ps/port/logs/images/rmi/tag/pull and invalid ones) against the engine core,
// with every invariant in harness.ts checked after every step.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { describeRun, formatTranscript, runChecked, stepsArb, type CheckOptions, type GenOptions, type Step } from './harness.js';

// The main property draws a new seed every run (fast-check prints it on failure); PROP_SEED=n
// replays one, PROP_RUNS=n changes the number of runs.
const RUNS = Number(process.env.PROP_RUNS ?? 100);
const SEED = process.env.PROP_SEED ? Number(process.env.PROP_SEED) : undefined;

function check(steps: Step[], opts: CheckOptions): void {
  const { session, violations } = runChecked(steps, opts);
  if (violations.length) {
    throw new Error(`${violations.join('\n')}\n\nsteps (as run):\n${describeRun(session, steps)}\n\ntranscript (last 8 commands):\n${formatTranscript(session.transcript.slice(-8))}`);
  }
}

function property(opts: CheckOptions, gen: GenOptions, params: fc.Parameters<[Step[]]>): void {
  fc.assert(fc.property(stepsArb(30, gen), (steps) => check(steps, opts)), params);
}

describe('engine invariants under random command sequences', () => {
  // Every invariant except those known engine bugs break (options off, see CheckOptions and
  // regressions.test.ts): --rm removal on stop/kill, paused containers not exiting, restart
  // policies (not generated here), and starting a container whose image was force-removed
  // (accepted to fail with 126/127; the sequence is rare, so only the regression test covers it).
  it('hold after every step (100 sequences of up to 30 commands)', () => {
    property({}, {}, { numRuns: RUNS, seed: SEED });
  });

  // The same property with one more invariant each. They fail today because of the bugs kept in
  // regressions.test.ts; a fixed seed (and up to 200 runs) makes them find the bug every time, and
  // endOnFailure skips shrinking (the shrunk sequences are the regression tests). Once a bug is
  // fixed, vitest reports its `it.fails` as failing: move the option into the property above.
  it.fails('known bug: --rm containers are removed however they stop (autoRemoveInvariant)', () => {
    property({ autoRemoveInvariant: true }, {}, { numRuns: 200, seed: 1, endOnFailure: true });
  });
  it.fails('known bug: paused containers stay paused (pausedStaysPaused)', () => {
    property({ pausedStaysPaused: true }, {}, { numRuns: 200, seed: 1, endOnFailure: true });
  });
  it.fails('known bug: restart policies restart and the records stay consistent (--restart generated)', () => {
    property({ restartPolicies: true }, { restartPolicies: true }, { numRuns: 200, seed: 1, endOnFailure: true });
  });
});
