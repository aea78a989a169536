import { describe, expect, it } from 'vitest';
import { GAP_PLACEHOLDER, matchesFilter, updatedGaps } from '../../scripts/fidelity/fixtures.js';

describe('known gaps update', () => {
  const old = {
    'a/x#1': { cmd: 'docker ps', reason: 'explained' },
    'a/x#2': { cmd: 'docker images', reason: 'fixed since' },
    'a/x#3': { cmd: 'docker old', reason: 'step changed' },
    'b/y#1': { cmd: 'docker info', reason: 'not replayed' },
  };

  it('keeps reasons of steps that still fail, drops passing ones, adds new ones with a placeholder', () => {
    const next = updatedGaps(old, new Set(['a/x']), [
      { key: 'a/x#1', cmd: 'docker ps' },
      { key: 'a/x#3', cmd: 'docker new' },
      { key: 'a/x#4', cmd: 'docker rm' },
    ]);
    expect(next).toEqual({
      'a/x#1': { cmd: 'docker ps', reason: 'explained' },
      'a/x#3': { cmd: 'docker new', reason: GAP_PLACEHOLDER },
      'a/x#4': { cmd: 'docker rm', reason: GAP_PLACEHOLDER },
      'b/y#1': { cmd: 'docker info', reason: 'not replayed' },
    });
  });
});

describe('filters', () => {
  it('match group prefixes, ids and substrings', () => {
    expect(matchesFilter('run/echo', 'run/')).toBe(true);
    expect(matchesFilter('run/echo', 'run')).toBe(true);
    expect(matchesFilter('runx/echo', 'run/')).toBe(false);
    expect(matchesFilter('ps/basic', 'run/,ps/basic')).toBe(true);
    expect(matchesFilter('ps/filters', 'filt')).toBe(true);
    expect(matchesFilter('ps/filters', undefined)).toBe(true);
  });
});
