import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { headerOffsets, Normalizer, splitRow, stripNumbers } from '../../scripts/fidelity/normalize.js';
import { compareSteps, loadFixtures, StepComparer } from '../../scripts/fidelity/fixtures.js';
import { repoRoot } from '../../scripts/fidelity/runner.js';

const ID1 = '7e47a024f4db1c2a6f0cbb1e1f3f2b1e5d9f4a0c3b2a1908d7c6b5a4f3e2d1c0';
const ID2 = 'fe164df9745e2cf696448d5cb7e0b975664cbee32e4e560088a8ef11198801ef';

describe('normalizer: tokens', () => {
  it('numbers IDs consistently; a 12-digit prefix shares its full ID number', () => {
    const n = new Normalizer('');
    expect(n.normalize(`${ID1}\n`)).toBe('<id:1>\n');
    expect(n.normalize(`${ID2.slice(0, 12)} ${ID1.slice(0, 12)}`)).toBe('<id:2:short> <id:1:short>');
    expect(n.normalize(`sha256:${ID2}`)).toBe('sha256:<id:2>');
    expect(n.normalize(`"/var/tmp/real-docker/data/containers/${ID1}/hostname"`)).toBe('"/var/lib/docker/containers/<id:1>/hostname"');
  });

  it('keeps values that the scenario itself contains', () => {
    const n = new Normalizer('$ docker inspect 0123456789ab\n$ docker run --name my_app -p 40000-40001:80 busybox');
    expect(n.normalize('Error: No such object: 0123456789ab')).toBe('Error: No such object: 0123456789ab');
    expect(n.normalize('my_app funny_mayer')).toBe('my_app <name:1>');
    // The two surnames shorter than three letters, and not any two-letter word.
    expect(n.normalize('eloquent_tu vibrant_wu2 set_up')).toBe('<name:2> <name:3> set_up');
    expect(n.normalize('0.0.0.0:40001->80/tcp 0.0.0.0:32768->81/tcp')).toBe('0.0.0.0:40001->80/tcp 0.0.0.0:<port:1>->81/tcp');
  });

  it('replaces generated names but not program identifiers', () => {
    const n = new Normalizer('');
    expect(n.normalize('/quirky_turing4 funny_mayer quirky_turing4')).toBe('/<name:1> <name:2> <name:1>');
    expect(n.normalize('monotonic clock: POSIX clock_gettime')).toBe('monotonic clock: POSIX clock_gettime');
    expect(n.normalize('"com.docker.network.bridge.default_bridge": "true"')).toBe('"com.docker.network.bridge.default_bridge": "true"');
    expect(n.normalize('NGINX_VERSION=1.27.4')).toBe('NGINX_VERSION=1.27.4');
  });

  it('replaces ephemeral host ports only', () => {
    const n = new Normalizer('');
    expect(n.normalize('0.0.0.0:32768->80/tcp, [::]:32768->80/tcp')).toBe('0.0.0.0:<port:1>->80/tcp, [::]:<port:1>->80/tcp');
    expect(n.normalize('"HostPort": "32769"')).toBe('"HostPort": "<port:2>"');
    expect(n.normalize('0.0.0.0:32770-32771->80-81/tcp')).toBe('0.0.0.0:<port:3>-<port:4>->80-81/tcp');
    expect(n.normalize('0.0.0.0:8080->80/tcp 0.0.0.0:61000->80/tcp')).toBe('0.0.0.0:8080->80/tcp 0.0.0.0:61000->80/tcp');
  });

  it('replaces timestamps, keeping the zero time and the zone', () => {
    const n = new Normalizer('');
    expect(n.normalize('"Created": "2026-11-28T02:09:52.689400864Z",')).toBe('"Created": "<time.frac>Z",');
    expect(n.normalize('"FinishedAt": "0001-01-01T00:00:00Z"')).toBe('"FinishedAt": "0001-01-01T00:00:00Z"');
    expect(n.normalize('2026-11-28T02:09:52+01:00')).toBe('<time>+01:00');
    expect(n.normalize('2026-11-28 01:25:43 +0000 UTC')).toBe('<time> +0000 UTC');
    expect(n.normalize('2026/11/28 02:09:53 [notice] 1#1: nginx/1.22.1')).toBe('<time> [notice] 1#1: nginx/1.22.1');
    expect(n.normalize('1:C 28 Nov 2026 02:09:53.123 * Redis is starting')).toBe('1:C <time> * Redis is starting');
    expect(n.normalize('"GET / HTTP/1.1" [28/Nov/2026:02:09:53 +0000]')).toBe('"GET / HTTP/1.1" [<time> +0000]');
  });

  it('replaces relative times, keeping exit codes', () => {
    const n = new Normalizer('');
    expect(n.normalize('Exited (137) 5 seconds ago')).toBe('Exited (137) <ago>');
    expect(n.normalize('Up Less than a second (Paused)')).toBe('Up <uptime> (Paused)');
    expect(n.normalize('About a minute ago|2 hours ago|Less than a second ago|Up 1 second')).toBe('<ago>|<ago>|<ago>|Up <uptime>');
    expect(n.normalize('Created')).toBe('Created');
  });

  it('replaces sizes, byte counts, pids, IPs and MACs', () => {
    const n = new Normalizer('');
    expect(n.normalize('145MB 1.98MB 10.1kB 0B (virtual 1.98MB)')).toBe('<size> <size> <size> <size> (virtual <size>)');
    expect(n.normalize('"Size": 1983412, "Pid": 20845, "Pid": 0')).toBe('"Size": <bytes>, "Pid": <pid>, "Pid": 0');
    expect(n.normalize('172.17.0.2 172.17.0.1 172.18.0.0/16 172.17.0.3 172.17.0.2')).toBe('<ip:1> 172.17.0.1 172.18.0.0/16 <ip:2> <ip:1>');
    expect(n.normalize('"MacAddress": "da:96:e2:9d:ac:b3"')).toBe('"MacAddress": "<mac:1>"');
  });

  it('leaves error texts, flags and numbers alone', () => {
    const n = new Normalizer('');
    const s = 'docker: invalid hostPort: 70000\n\nRun \'docker run --help\' for more information\n';
    expect(n.normalize(s)).toBe(s);
    expect(n.normalize('Exited (0)  x')).toBe('Exited (0)  x');
  });
});

describe('normalizer: tables', () => {
  const table = (name: string, status: string, pad = 3) => {
    const rows = [
      ['CONTAINER ID', 'IMAGE', 'STATUS', 'NAMES'],
      ['7e47a024f4db', 'busybox', status, name],
    ];
    const widths = [0, 1, 2].map((c) => Math.max(10, ...rows.map((r) => r[c]!.length + pad)));
    return rows.map((r) => r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('')).join('\n') + '\n';
  };

  it('finds header offsets', () => {
    expect(headerOffsets('CONTAINER ID   IMAGE     COMMAND')).toEqual([0, 15, 25]);
    expect(headerOffsets('NAMES')).toBeNull();
    expect(headerOffsets('hello   world')).toBeNull();
    expect(headerOffsets('80/tcp -> 0.0.0.0:8080')).toBeNull();
  });

  it('cuts rows at the offsets and notices cells that run into the next column', () => {
    expect(splitRow('abc  de   f', [0, 5, 10])).toEqual(['abc  ', 'de   ', 'f']);
    expect(splitRow('abc  def  f', [0, 5, 8])).toBeNull();
    expect(splitRow('abc', [0, 5, 10])).toEqual(['abc']);
  });

  it('makes tables with random values of different lengths equal', () => {
    const a = new Normalizer('').normalize(table('funny_mayer', 'Up 2 seconds'));
    const b = new Normalizer('').normalize(table('quirky_hodgkin', 'Up About a minute'));
    expect(a).toBe(b);
    expect(stripNumbers(a)).toBe('CONTAINER ID   IMAGE     STATUS        NAMES\n<id:short>     busybox   Up <uptime>   <name>\n');
  });

  it('still sees a wrong padding or a shifted cell', () => {
    const good = new Normalizer('').normalize(table('funny_mayer', 'Up 2 seconds'));
    expect(new Normalizer('').normalize(table('funny_mayer', 'Up 2 seconds', 2))).not.toBe(good);
    const shifted = table('funny_mayer', 'Up 2 seconds').replace('busybox', ' busybox').replace('Up 2 seconds ', 'Up 2 seconds');
    expect(new Normalizer('').normalize(shifted)).not.toBe(good);
    const overflow = table('funny_mayer', 'Up 2 seconds').replace('busybox  ', 'busyboxxxx');
    expect(new Normalizer('').normalize(overflow)).toContain('!misaligned! ');
  });
});

describe('comparison', () => {
  const fixtures = loadFixtures(repoRoot());

  it('a fixture matches itself', () => {
    expect(fixtures.length).toBeGreaterThan(0);
    for (const fx of fixtures) for (const c of compareSteps(fx, fx.steps)) expect(c.ok, `${fx.scenario}#${c.index}`).toBe(true);
  });

  it('changing any single expected output makes its step fail', () => {
    let checked = 0;
    for (const fx of fixtures) {
      const cmp = new StepComparer(fx.text);
      for (const step of fx.steps) {
        const mutants: { what: string; mutate: (s: typeof step) => typeof step }[] = [
          { what: 'exit code', mutate: (s) => ({ ...s, exitCode: s.exitCode + 1 }) },
          { what: 'stdout + line', mutate: (s) => ({ ...s, stdout: `${s.stdout}extra\n` }) },
          { what: 'stderr + line', mutate: (s) => ({ ...s, stderr: `${s.stderr}extra\n` }) },
          { what: 'stdout swapped with stderr', mutate: (s) => ({ ...s, stdout: s.stderr, stderr: s.stdout }) },
        ];
        if (step.stdout) mutants.push({ what: 'stdout truncated', mutate: (s) => ({ ...s, stdout: s.stdout.slice(0, -1) }) });
        if (step.stderr) mutants.push({ what: 'stderr emptied', mutate: (s) => ({ ...s, stderr: '' }) });
        for (const m of mutants) {
          const mutated = m.mutate(step);
          if (mutated.stdout === step.stdout && mutated.stderr === step.stderr && mutated.exitCode === step.exitCode) continue;
          // the state after the steps before this one, then the mutated output as fakedocker's
          const res = cmp.clone().compare(step, mutated);
          expect(res.ok, `${fx.scenario}#${step.index}: ${m.what} not noticed`).toBe(false);
          expect(res.diff).not.toBe('');
          checked++;
        }
        expect(cmp.compare(step, step).ok).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('inserting a character anywhere in an expected output is noticed', () => {
    const steps = fixtures.flatMap((fx) => fx.steps.map((s, i) => ({ fx, i, s })).filter((x) => x.s.stdout || x.s.stderr));
    fc.assert(
      fc.property(fc.nat(steps.length - 1), fc.nat(), fc.boolean(), (k, pos, onStdout) => {
        const { fx, i, s } = steps[k]!;
        const field = onStdout && s.stdout ? 'stdout' : s.stderr ? 'stderr' : 'stdout';
        const text = s[field];
        const p = pos % (text.length + 1);
        const mutated = { ...s, [field]: `${text.slice(0, p)}§${text.slice(p)}` };
        const prefix = { text: fx.text, steps: fx.steps.slice(0, i + 1) };
        const res = compareSteps(prefix, prefix.steps.map((x, j) => (j === i ? mutated : x)));
        return res[i]!.ok === false;
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalizer: regressions seen in recordings', () => {
  it('does not take /proc paths for names', () => {
    const n = new Normalizer('');
    expect(n.normalize('"/proc/latency_stats",\n"/proc/timer_list",\n"Name": "/funny_mayer",')).toBe('"/proc/latency_stats",\n"/proc/timer_list",\n"Name": "/<name:1>",');
  });
  it('normalizes redis signal-handler times and nginx worker pids', () => {
    const n = new Normalizer('');
    expect(n.normalize('1:signal-handler (1795832254) Received SIGTERM scheduling shutdown...')).toBe('1:signal-handler (<time>) Received SIGTERM scheduling shutdown...');
    expect(n.normalize('2026/11/28 02:09:53 [notice] 1#1: start worker process 25')).toBe('<time> [notice] 1#1: start worker process <pid>');
  });
  it('drops pull progress "Verifying Checksum" lines only', () => {
    const n = new Normalizer('');
    expect(n.normalize('a1b2c3d4e5f6: Pulling fs layer\na1b2c3d4e5f6: Verifying Checksum\na1b2c3d4e5f6: Download complete\n')).toBe(
      '<id:1:short>: Pulling fs layer\n<id:1:short>: Download complete\n',
    );
  });
});

describe('normalizer: streams', () => {
  it('keeps sizes in error texts on stderr', () => {
    const n = new Normalizer('');
    expect(n.normalize('docker: Error response from daemon: Minimum memory limit allowed is 6MB\n', 'stderr')).toBe(
      'docker: Error response from daemon: Minimum memory limit allowed is 6MB\n',
    );
    expect(n.normalize('Total reclaimed space: 0B\n')).toBe('Total reclaimed space: <size>\n');
  });
});

describe('normalizer: help texts', () => {
  it('keeps example addresses', () => {
    const n = new Normalizer('');
    expect(n.normalize('--ip string   IPv4 address (e.g., 172.30.100.104)\n  Container MAC address (e.g.,\n     92:d0:c6:0a:29:33)')).toBe(
      '--ip string   IPv4 address (e.g., 172.30.100.104)\n  Container MAC address (e.g.,\n     92:d0:c6:0a:29:33)',
    );
  });
});

describe('normalizer: truncated IDs', () => {
  it('numbers a prefix cut with an ellipsis like its full ID', () => {
    const n = new Normalizer('');
    const vol = 'd5ef8f3fda4922c0ffee0123456789abcdef0123456789abcdef0123456789ab';
    expect(n.normalize(`v2: ${vol.slice(0, 14)}…\n${vol}`)).toBe('v2: <id:1:14>…\n<id:1>');
  });
});

describe('diff display', () => {
  it('shows CR, tabs and trailing spaces', async () => {
    const { visible } = await import('../../scripts/fidelity/fixtures.js');
    expect(visible('a\r\nb\tc  \n\x1b[0m')).toBe('a␍\nb␉c··\n\\x1b[0m');
  });
});

describe('comparison: token correspondence', () => {
  const A = 'a'.repeat(64);
  const B = 'b'.repeat(64);
  const C = 'c'.repeat(64);
  const step = (index: number, stdout: string) => ({ index, line: index, cmd: `step ${index}`, stdout, stderr: '', exitCode: 0 });

  it('one missing ID does not turn every later step into a mismatch', () => {
    const fx = { text: '', steps: [step(1, `${A}\n`), step(2, `${B}\n`), step(3, `${B.slice(0, 12)}\n`)] };
    const res = compareSteps(fx, [
      { stdout: '', stderr: 'error\n', exitCode: 0 },
      { stdout: `${C}\n`, stderr: '', exitCode: 0 },
      { stdout: `${C.slice(0, 12)}\n`, stderr: '', exitCode: 0 },
    ]);
    expect(res.map((r) => r.ok)).toEqual([false, true, true]);
  });

  it('a wrong (but known) ID fails the step', () => {
    const fx = { text: '', steps: [step(1, `${A}\n`), step(2, `${B}\n`), step(3, `${A.slice(0, 12)}\n`)] };
    const res = compareSteps(fx, [
      { stdout: `${B}\n`, stderr: '', exitCode: 0 },
      { stdout: `${C}\n`, stderr: '', exitCode: 0 },
      { stdout: `${C.slice(0, 12)}\n`, stderr: '', exitCode: 0 },
    ]);
    expect(res.map((r) => r.ok)).toEqual([true, true, false]);
    expect(res[2]!.diff).toMatch(/value mismatch/);
  });

  it('two values on one side may not stand for one on the other', () => {
    const fx = { text: '', steps: [step(1, 'funny_mayer\nfunny_mayer\n')] };
    expect(compareSteps(fx, [{ stdout: 'quirky_hodgkin\nbold_turing\n', stderr: '', exitCode: 0 }])[0]!.ok).toBe(false);
    expect(compareSteps(fx, [{ stdout: 'quirky_hodgkin\nquirky_hodgkin\n', stderr: '', exitCode: 0 }])[0]!.ok).toBe(true);
  });

  it('table layout does not depend on the number of digits of tokens', () => {
    const n = new Normalizer('');
    for (let i = 0; i < 9; i++) n.normalize(`${String(i).repeat(12)}\n`);
    const t = 'CONTAINER ID   NAMES\n7e47a024f4db   funny_mayer\n';
    const a = stripNumbers(n.normalize(t));
    const b = stripNumbers(new Normalizer('').normalize(t));
    expect(a).toBe(b);
  });
});
