// --platform specifiers as the CLI and daemon read them (observed on Engine 28.5.2; fixture
// run/platform replays them through run and create).
import { describe, expect, it } from 'vitest';
import { parsePlatform, platformMatches, platformText } from '../../src/engine/images/platform.js';

describe('--platform', () => {
  it.each([
    ['linux/amd64', 'linux/amd64', true], ['x86_64', 'linux/amd64', true], ['Linux', 'linux/amd64', true],
    ['linux/amd64/v2', 'linux/amd64/v2', true], ['arm64', 'linux/arm64', false], ['linux/aarch64', 'linux/arm64', false],
    ['windows', 'windows/amd64', false], ['foo/bar', 'foo/bar', false],
  ])('%s reads as %s', (spec, text, matchesAmd64) => {
    const p = parsePlatform(spec);
    expect(platformText(p)).toBe(text);
    expect(platformMatches({ os: 'linux', architecture: 'amd64' }, p)).toBe(matchesAmd64);
  });
  it('refuses an unknown single word and more than three parts', () => {
    expect(() => parsePlatform('bogus')).toThrow('error parsing specified platform: "bogus": unknown operating system or architecture: invalid argument');
    expect(() => parsePlatform('linux/amd64/v2/x')).toThrow('error parsing specified platform: "linux/amd64/v2/x": cannot parse platform specifier: invalid argument');
  });
});
