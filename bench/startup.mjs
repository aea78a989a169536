// CLI start-up benchmark: `fakedocker ps` with 0 and `fakedocker ps -a` with 1,000 containers
// against `node -e 0`, measured in one run on the same machine. Target: within 1.5x of bare Node
// start-up. Usage: npm run bench  (builds first)
//
// Wall times are medians of interleaved runs; the ratio is the median of per-round ratios (each
// round runs node and both fakedocker cases back to back), which is steadier than a ratio of
// medians on a machine whose speed drifts.
//
// Node's own start-up depends on the environment: with NODE_EXTRA_CA_CERTS set (as on this
// project's machines) every node process first parses that certificate bundle, which makes bare
// Node several times slower and the ratio look better. So when it is set, the benchmark also runs
// every case without it and reports both.
//
// BENCH_INSTRUCTIONS=1 adds instruction counts from valgrind (callgrind): exact and repeatable
// whatever else the machine is doing, so they show what a change did when wall times are noisy.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'fakedocker');
const runs = Number(process.env.BENCH_RUNS ?? 21);

// Homes: one with busybox pulled and no containers, one with 1,000 running containers (made
// in-process with the library, the same engine, and saved in the CLI's state.json layout).
const empty = mkdtempSync(join(tmpdir(), 'fd-bench-'));
const full = mkdtempSync(join(tmpdir(), 'fd-bench-'));
const { createDocker, encodeStateFile } = await import(join(root, 'dist', 'src', 'index.js'));
const docker = createDocker({ seed: 1 });
docker.run(['pull', 'busybox']);
for (let i = 0; i < 1000; i++) docker.run(['run', '-d', 'busybox', 'sleep', '100000']);
writeFileSync(join(full, 'state.json'), encodeStateFile(docker.snapshot()));
execFileSync(bin, ['pull', 'busybox'], { env: { ...process.env, FAKEDOCKER_HOME: empty }, stdio: 'ignore' });

const cases = [
  { name: 'node -e 0', cmd: process.execPath, args: ['-e', '0'], home: undefined },
  { name: 'fakedocker ps (0 containers)', cmd: bin, args: ['ps'], home: empty },
  { name: 'fakedocker ps -a (1,000)', cmd: bin, args: ['ps', '-a'], home: full },
];

function envFor(c, withoutCa) {
  const env = { ...process.env, FAKEDOCKER_SEED: '1' };
  if (c.home) env.FAKEDOCKER_HOME = c.home;
  if (withoutCa) delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

function time(c, withoutCa) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(c.cmd, c.args, { env: envFor(c, withoutCa), stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${c.cmd} ${c.args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(withoutCa) {
  for (const c of cases) time(c, withoutCa); // warm the file cache (and write V8's code cache)
  const rows = cases.map(() => []);
  for (let i = 0; i < runs; i++) cases.forEach((c, k) => rows[k].push(time(c, withoutCa)));
  const lines = cases.map((c, k) => {
    const ms = median(rows[k]);
    const ratio = median(rows[k].map((t, i) => t / rows[0][i]));
    const verdict = k === 0 ? '' : ratio <= 1.5 ? '  within the 1.5x target' : '  OVER the 1.5x target';
    return `  ${c.name.padEnd(30)} ${ms.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x${verdict}`;
  });
  return lines.join('\n');
}

function instructions(c, withoutCa) {
  // bin/fakedocker is a shell script that execs node: follow it (every process's count is summed).
  const r = spawnSync('valgrind', ['--tool=callgrind', '--trace-children=yes', '--callgrind-out-file=/dev/null', c.cmd, ...c.args], { env: envFor(c, withoutCa), encoding: 'utf8' });
  const counts = [...(r.stderr ?? '').matchAll(/Collected : (\d+)/g)].map((m) => Number(m[1]));
  return counts.length ? counts.reduce((a, b) => a + b, 0) : undefined;
}

console.log(`median of ${runs} interleaved rounds; ratio = median of per-round ratios to node -e 0`);
const hasCa = Boolean(process.env.NODE_EXTRA_CA_CERTS);
console.log(hasCa ? 'with this environment (NODE_EXTRA_CA_CERTS set: node loads extra CA certificates at start-up):' : 'this environment:');
console.log(measure(false));
if (hasCa) {
  console.log('without NODE_EXTRA_CA_CERTS (bare Node start-up without the certificate bundle):');
  console.log(measure(true));
}
if (process.env.BENCH_INSTRUCTIONS && spawnSync('valgrind', ['--version']).status === 0) {
  const variants = hasCa ? [false, true] : [false];
  for (const withoutCa of variants) {
    const counts = cases.map((c) => instructions(c, withoutCa));
    console.log(`instructions (callgrind${hasCa ? (withoutCa ? ', without NODE_EXTRA_CA_CERTS' : ', with NODE_EXTRA_CA_CERTS') : ''}):`);
    cases.forEach((c, k) => console.log(`  ${c.name.padEnd(30)} ${((counts[k] ?? NaN) / 1e6).toFixed(0).padStart(7)}M  ${((counts[k] ?? NaN) / (counts[0] ?? NaN)).toFixed(2)}x`));
  }
}
rmSync(empty, { recursive: true, force: true });
rmSync(full, { recursive: true, force: true });
