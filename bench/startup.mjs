// CLI start-up benchmark: `fakedocker ps` with 0 and with 1,000 containers against `node -e 0`,
// measured in one run on the same machine (median of paired runs). Target: ps within 1.5x of
// bare Node start-up. Usage: npm run bench  (builds first)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'fakedocker');
const runs = Number(process.env.BENCH_RUNS ?? 15);

function time(cmd, args, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Homes: one empty, one with 1,000 containers (created in-process through the library engine).
const empty = mkdtempSync(join(tmpdir(), 'fd-bench-'));
const full = mkdtempSync(join(tmpdir(), 'fd-bench-'));
const env0 = { FAKEDOCKER_HOME: empty, FAKEDOCKER_SEED: '1' };
const env1k = { FAKEDOCKER_HOME: full, FAKEDOCKER_SEED: '1' };
// The 1,000 containers are made in-process with the library (the same engine), then saved as
// the CLI's state file.
const { createDocker, encodeStateFile } = await import(join(root, 'dist', 'src', 'index.js'));
const docker = createDocker({ seed: 1 });
docker.run(['pull', 'busybox']);
for (let i = 0; i < 1000; i++) docker.run(['run', '-d', 'busybox', 'sleep', '100000']);
writeFileSync(join(full, 'state.json'), encodeStateFile(docker.snapshot()));
execFileSync(bin, ['pull', 'busybox'], { env: { ...process.env, ...env0 }, stdio: 'ignore' });
time(bin, ['ps', '-a'], env1k); // warm the file cache

const rows = { node: [], ps0: [], ps1k: [] };
for (let i = 0; i < runs; i++) {
  rows.node.push(time(process.execPath, ['-e', '0'], {}));
  rows.ps0.push(time(bin, ['ps'], env0));
  rows.ps1k.push(time(bin, ['ps', '-a'], env1k));
}
const base = median(rows.node);
console.log(`runs per case: ${runs} (median wall time)`);
console.log(`node -e 0                      ${base.toFixed(1)} ms   1.00x`);
for (const [name, key] of [['fakedocker ps (0 containers)  ', 'ps0'], ['fakedocker ps -a (1,000)      ', 'ps1k']]) {
  const m = median(rows[key]);
  console.log(`${name} ${m.toFixed(1)} ms   ${(m / base).toFixed(2)}x ${m / base <= 1.5 ? '(within 1.5x target)' : '(OVER the 1.5x target)'}`);
}
rmSync(empty, { recursive: true, force: true });
rmSync(full, { recursive: true, force: true });
