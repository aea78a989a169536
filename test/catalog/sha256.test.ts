import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { fakeDigest, sha256Hex } from '../../src/catalog/sha256.js';

it('sha256Hex agrees with node:crypto', () => {
  for (const s of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), 'héllo €𝄞']) {
    expect(sha256Hex(s)).toBe(createHash('sha256').update(s).digest('hex'));
  }
  expect(fakeDigest('x')).toMatch(/^sha256:[0-9a-f]{64}$/);
});
