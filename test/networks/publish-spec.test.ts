// -p values as the Docker CLI 28.2.2 parses them (messages and accepted forms observed on it).
import { describe, expect, it } from 'vitest';
import { isGoIp, parsePublishSpec, PortSpecError } from '../../src/engine/ports.js';
import { execute } from '../../src/cli/dispatch.js';
import { createEnv } from '../../src/runtime.js';
import { createInitialState } from '../../src/engine/initial-state.js';

const parsed = (raw: string) => {
  try {
    return parsePublishSpec(raw).map((m) => `${m.port} ${m.binding.HostIp}|${m.binding.HostPort}`);
  } catch (e) {
    if (e instanceof PortSpecError) return e.message;
    throw e;
  }
};

describe('-p parsing', () => {
  it.each([
    ['8093:80/tcp/udp', ['80/tcp |8093']],
    ['80/UDP/x', ['80/udp |']],
    ['80/', ['80/tcp |']],
    ['[::1]:8086:80', ['80/tcp ::1|8086']],
    ['[]:1:80', ['80/tcp |1']],
    ['[1.2.3.4]:1:80', ['80/tcp 1.2.3.4|1']],
    ['::1:1:80', ['80/tcp ::1|1']],
    ['::ffff:1.2.3.4:1:80', ['80/tcp ::ffff:1.2.3.4|1']],
    ['0:80', ['80/tcp |0']],
    ['8000-8001:80', ['80/tcp |8000-8001']],
    ['7000-7001:80-81/udp', ['80/udp |7000', '81/udp |7001']],
    ['published=8080,target=80,protocol=udp,mode=host,host_ip=::1', ['80/udp |8080']],
  ])('accepts %s', (raw, want) => expect(parsed(raw)).toEqual(want));

  it.each([
    ['[::1:8092:80', "invalid IP address [::1: address [::1:: missing ']' in address"],
    ['[::1]:80', "invalid IP address [:: address [::: missing ']' in address"],
    ['[::1]x:1:80', 'invalid IP address [::1]x: address [::1]x:: missing port in address'],
    ['[::1]:x:1:80', 'invalid IP address [::1]:x: address [::1]:x:: too many colons in address'],
    ['[[::1]:1:80', "invalid IP address [[::1]: address [[::1]:: unexpected '[' in address"],
    ['bad:1:80/bogus', 'invalid IP address: bad'],
    [':::80', 'invalid IP address: :'],
    ['1.2.3.04:1:80', 'invalid IP address: 1.2.3.04'],
    ['[fe80::1%eth0]:1:80', 'invalid IP address: fe80::1%eth0'],
    ['1:/bogus', 'no port specified: 1:/bogus<empty>'],
    ['80:', 'no port specified: 80:<empty>'],
    ['x/bogus', 'invalid containerPort: x'],
    ['80-79', 'invalid containerPort: 80-79'],
    ['65536', 'invalid containerPort: 65536'],
    ['x:80/bogus', 'invalid hostPort: x'],
    ['1-2:3-5/bogus', 'invalid ranges specified for container and host Ports: 3-5 and 1-2'],
    ['80/bogus/tcp', 'invalid proto: bogus'],
    ['80/BOGUS', 'invalid proto: BOGUS'],
    ['published=80', 'no port specified: 80:/tcp<empty>'],
    ['target=80,=x', "invalid publish opts format (should be name=value but got '=x')"],
  ])('refuses %s', (raw, message) => expect(parsed(raw)).toBe(message));

  it('recognises IP addresses as Go net.ParseIP does', () => {
    for (const ok of ['0.0.0.0', '255.255.255.255', '::', '::1', '1::', 'fe80::1:2', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:1.2.3.4', '::1.2.3.4']) expect(isGoIp(ok), ok).toBe(true);
    for (const bad of ['', ':', '256.1.1.1', '1.2.3', '01.2.3.4', '1:2:3:4:5:6:7:8:9', '1::2::3', '1:2:3:4:5:6:7::8', '12345::', '1.2.3.4::', 'g::1', ':1::', '1::2:']) expect(isGoIp(bad), bad).toBe(false);
  });
});

describe('docker port', () => {
  it('lists one container port sorted as the CLI sorts: IPv4 bindings, then IPv6', () => {
    const env = createEnv({ now: () => Date.parse('2026-01-01T00:00:00Z'), seed: 5 });
    let state = createInitialState(5, Date.parse('2026-01-01T00:00:00Z'));
    const run = (...argv: string[]) => {
      const r = execute(state, argv, { env });
      state = r.state;
      return r;
    };
    run('pull', '-q', 'busybox');
    run('run', '-d', '--name', 'q3', '-p', '127.0.0.1:8095:80', '-p', '8090:80', '-p', '[::1]:8097:80', '-p', '8089:80', 'busybox', 'sleep', '300');
    expect(run('port', 'q3', '80').stdout).toBe('0.0.0.0:8089\n0.0.0.0:8090\n127.0.0.1:8095\n[::1]:8097\n[::]:8089\n[::]:8090\n');
  });
});
