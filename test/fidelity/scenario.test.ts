import { describe, expect, it } from 'vitest';
import { canonicalImageRef, parseScenario, ScenarioError } from '../../scripts/fidelity/scenario.js';

describe('scenario parser', () => {
  it('parses all line kinds in order', () => {
    const sc = parseScenario(
      'g/n',
      [
        '# a comment',
        '',
        'images: busybox nginx:latest',
        'images: debian:bookworm busybox',
        'setup: docker run -d --name web nginx',
        '$ docker ps --format "{{.Names}}"',
        'sleep 1.5',
        'timeout: 60',
        '$ docker logs web | head -1',
        'teardown: docker rm -f web',
        '$ docker inspect web',
      ].join('\n'),
    );
    expect(sc.id).toBe('g/n');
    expect(sc.images).toEqual(['busybox:latest', 'nginx:latest', 'debian:bookworm']);
    expect(sc.items.map((i) => i.kind)).toEqual(['setup', 'step', 'sleep', 'step', 'step']);
    expect(sc.items[0]).toMatchObject({ cmd: 'docker run -d --name web nginx', line: 5, timeout: 30 });
    expect(sc.items[2]).toMatchObject({ kind: 'sleep', seconds: 1.5, line: 7 });
    expect(sc.items[3]).toMatchObject({ cmd: 'docker logs web | head -1', timeout: 60 });
    expect(sc.teardown).toEqual([expect.objectContaining({ kind: 'teardown', cmd: 'docker rm -f web', line: 10 })]);
    expect(sc.steps.map((s) => s.line)).toEqual([6, 9, 11]);
  });

  it('joins backslash continuations and keeps them for bash', () => {
    const sc = parseScenario('g/n', '$ docker run --rm \\\n  busybox echo hi\n$ docker ps');
    expect(sc.steps[0]!.cmd).toBe('docker run --rm \\\n  busybox echo hi');
    expect(sc.steps[1]!.line).toBe(3);
  });

  it('rejects unknown lines, empty commands and scenarios without steps', () => {
    expect(() => parseScenario('g/n', 'docker ps')).toThrow(ScenarioError);
    expect(() => parseScenario('g/n', '$ docker ps\nbogus: x')).toThrow(/g\/n:2: cannot parse line/);
    expect(() => parseScenario('g/n', '$ ')).toThrow(ScenarioError);
    expect(() => parseScenario('g/n', 'images:\n$ docker ps')).toThrow(/images/);
    expect(() => parseScenario('g/n', 'setup: docker ps')).toThrow(/no recorded steps/);
    expect(() => parseScenario('g/n', '$ docker ps \\')).toThrow(/continuation/);
    expect(() => parseScenario('g/n', ' $ docker ps')).toThrow(ScenarioError);
  });

  it('canonicalizes image refs', () => {
    expect(canonicalImageRef('busybox')).toBe('busybox:latest');
    expect(canonicalImageRef('debian:bookworm')).toBe('debian:bookworm');
    expect(canonicalImageRef('registry.example:5000/x')).toBe('registry.example:5000/x:latest');
    expect(canonicalImageRef('busybox@sha256:abc')).toBe('busybox@sha256:abc');
  });
});
