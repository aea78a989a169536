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
  // Every invariant, including those that once failed (kept as regressions.test.ts): --rm
  // removal however a container stops, paused containers staying paused, a stopped container
  // whose image was force-removed still starting.
  it('hold after every step (100 sequences of up to 30 commands)', () => {
    property({ autoRemoveInvariant: true, pausedStaysPaused: true, imagelessStart: true }, {}, { numRuns: RUNS, seed: SEED });
  });

  // Restart policies are generated in their own run: they stretch sequences in time.
  it('hold with restart policies (always, unless-stopped, on-failure:2)', () => {
    property({ restartPolicies: true, autoRemoveInvariant: true, pausedStaysPaused: true }, { restartPolicies: true }, { numRuns: RUNS, seed: SEED });
  });
});
