// parseTime's fast path (the engine's own "YYYY-MM-DDTHH:MM:SS.fffZ" layout) must agree with the
// general RFC 3339 parser on every input, valid or not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTime, parseTimeGeneral, rfc3339Nano } from '../../src/engine/time.js';

const same = (a: number, b: number) => (Number.isNaN(a) ? Number.isNaN(b) : a === b);

describe('parseTime', () => {
  it('agrees with the general parser on times the engine writes', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }), fc.integer({ min: 0, max: 999_999 }), (ms, nanos) => {
      const t = rfc3339Nano(ms, nanos);
      expect(parseTime(t)).toBe(parseTimeGeneral(t));
    }), { numRuns: 2000 });
  });

  it('agrees on hand-made layouts: short and long fractions, leap days, bad fields', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }),
      fc.option(fc.stringMatching(/^[0-9]{1,12}$/)), fc.constantFrom('Z', '+00:00', 'z', ''),
      (y, mo, d, h, mi, s, frac, zone) => {
        const t = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac !== null ? `.${frac}` : ''}${zone}`;
        expect(same(parseTime(t), parseTimeGeneral(t))).toBe(true);
      },
    ), { numRuns: 3000 });
  });

  it('agrees on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (t) => {
      expect(same(parseTime(t), parseTimeGeneral(t))).toBe(true);
    }), { numRuns: 2000 });
    for (const t of ['0001-01-01T00:00:00Z', '2024-02-29T12:00:00Z', '2023-02-29T12:00:00Z', '2026-11-28T04:59:51.685001752Z', '2026-11-28T04:59:51.Z']) {
      expect(same(parseTime(t), parseTimeGeneral(t))).toBe(true);
    }
  });
});
