// Determinism and persistence: the same seed, clock and commands give byte-identical transcripts,
// and a state that went through JSON (as the file and browser stores keep it) behaves the same.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { decodeState } from '../../src/store/store.js';
import { expectSameText, runPlain, Session, stepsArb } from './harness.js';

const RUNS = Number(process.env.PROP_RUNS ?? 100);

// The host's wall clock is pinned: the engine must take time only from env.now(), but stopping
// nginx stamps the host clock into the container's filesystem (regressions.test.ts, "the host
// wall clock does not leak into container filesystems"). Pinned, that known leak cannot mask other
// nondeterminism; the last property below varies the host clock and fails until it is fixed.
// PROP_RUNS=n overrides the number of runs.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2030, 0, 1));
});
afterAll(() => {
  vi.useRealTimers();
});
const transcript = (s: Session) => JSON.stringify(s.transcript);

describe('determinism', () => {
  it('the same seed, clock and commands produce the same transcript and state', () => {
    fc.assert(
      fc.property(stepsArb(30), (steps) => {
        const a = runPlain(steps);
        const b = runPlain(steps);
        expectSameText(transcript(b), transcript(a), 'transcripts');
        expectSameText(JSON.stringify(b.state), JSON.stringify(a.state), 'final states');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('persistence', () => {
  it('decodeState(JSON.stringify(state)) round-trips, and continuing from it matches continuing from the original', () => {
    fc.assert(
      fc.property(stepsArb(30), fc.nat(30), (steps, cut) => {
        const k = cut % (steps.length + 1);
        const a = runPlain(steps, Session.prepared(), 0, k);
        const text = JSON.stringify(a.state);
        const decoded = decodeState(text, 'property');
        expect(decoded).toEqual(a.state);
        expect(JSON.stringify(decoded)).toBe(text);
        // b: a copy of a's session that continues from the decoded state.
        const b = Session.prepared();
        b.state = decoded;
        b.now = a.now;
        b.known.push(...a.known);
        const mark = a.transcript.length;
        runPlain(steps, a, k);
        runPlain(steps, b, k);
        expectSameText(JSON.stringify(b.transcript), JSON.stringify(a.transcript.slice(mark)), 'transcripts after the cut');
        expectSameText(JSON.stringify(b.state), JSON.stringify(a.state), 'final states');
      }),
      { numRuns: RUNS },
    );
  });

  it('a state serialised and decoded after every command (as the file store does) gives the same transcript', () => {
    fc.assert(
      fc.property(stepsArb(30), (steps) => {
        const a = runPlain(steps);
        const b = Session.prepared();
        b.roundTrip = true;
        runPlain(steps, b);
        expectSameText(transcript(b), transcript(a), 'transcripts');
        expectSameText(JSON.stringify(b.state), JSON.stringify(a.state), 'final states');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('determinism against the host clock', () => {
  // Known bug (regressions.test.ts, "the host wall clock does not leak"): the engine must not read
  // the host's clock at all, but stopping nginx does. Fails until that is fixed; then make it `it`
  // and drop the pinning above.
  it('runs at different host wall-clock times produce the same transcript and state', () => {
    fc.assert(
      fc.property(stepsArb(30), (steps) => {
        vi.setSystemTime(Date.UTC(2030, 0, 1));
        const a = runPlain(steps);
        vi.setSystemTime(Date.UTC(2031, 5, 1));
        const b = runPlain(steps);
        vi.setSystemTime(Date.UTC(2030, 0, 1));
        expectSameText(transcript(b), transcript(a), 'transcripts');
        expectSameText(JSON.stringify(b.state), JSON.stringify(a.state), 'final states');
      }),
      { numRuns: 200, seed: 1, endOnFailure: true },
    );
  });
});
