// The fidelity recorder: runs scenarios/<group>/<name>.txt against the real Docker engine and
// writes fixtures/<group>/<name>.json (raw output; normalization happens at compare time).
// It also replays fixtures against bin/fakedocker (--replay) and updates the known gaps
// (--update-gaps). See docs/fidelity.md.
//
//   npm run record                      record every scenario
//   npm run record -- run/ ps/basic     record the scenarios matching the filters
//   npm run record -- --stale           record only scenarios whose fixture is missing or out of date
//   npm run record -- --list            list scenarios and their step counts
//   npm run record -- --verify [filters]  record again, compare with the stored fixtures (normalized,
//                                       as replay does) and report steps that differ: nondeterminism
//   node dist/scripts/record.js --show [--raw] [filters]  print fixtures (normalized unless --raw)
//   node dist/scripts/record.js --replay [--gaps] [filters]  replay against bin/fakedocker, print
//                                       diffs (--gaps: also those of known gaps)
//   node dist/scripts/record.js --update-gaps [filters]  replay and rewrite fixtures/KNOWN_GAPS.json
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  acquireLock,
  ensureImages,
  engineVersions,
  imageState,
  presentImageRefs,
  resetEngine,
  STANDARD_IMAGES,
  takeBaseline,
  type Baseline,
} from './fidelity/engine.js';
import {
  compareSteps,
  fixturePath,
  gapKey,
  loadFixtures,
  loadKnownGaps,
  loadScenarios,
  saveKnownGaps,
  updatedGaps,
  writeFixture,
  type Fixture,
} from './fidelity/fixtures.js';
import { Normalizer } from './fidelity/normalize.js';
import { replayFixture, replayReport } from './fidelity/replay.js';
import { makeDockerBinDir, makeTempDir, repoRoot, runScenario } from './fidelity/runner.js';
import type { Scenario } from './fidelity/scenario.js';

const HELP = `Usage: node dist/scripts/record.js [OPTIONS] [FILTER...]   (npm run record -- ...)

Records scenarios/<group>/<name>.txt on the real Docker engine into fixtures/<group>/<name>.json.
A FILTER is a group prefix ("run/"), a scenario id ("ps/basic") or a substring.

  (no option)      record the matching scenarios (all when no filter)
  --stale          record only scenarios whose fixture is missing or out of date
  --verify         record again without writing; report steps whose normalized output differs
                   from the stored fixture (nondeterminism)
  --list           list scenarios, their step counts and which are not recorded
  --show [--raw]   print fixtures, normalized (or raw)
  --replay         replay fixtures against bin/fakedocker and print the unexpected diffs
    --gaps         also print the diffs of known gaps
    --no-sleep     skip "sleep N" lines
  --update-gaps    replay and rewrite fixtures/KNOWN_GAPS.json from the current failures
  --help           this text

Environment: FIDELITY_REAL_DOCKER (the real CLI; default: docker on PATH).
See docs/fidelity.md.
`;

const root = repoRoot();
const argv = process.argv.slice(2);
const flags = new Set(argv.filter((a) => a.startsWith('--')));
const filters = argv.filter((a) => !a.startsWith('--'));
const filter = filters.length ? filters.join(',') : undefined;

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

function realDocker(): string {
  const explicit = process.env.FIDELITY_REAL_DOCKER;
  const p = explicit || execFileSync('bash', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
  if (!p) throw new Error('no docker on PATH (set FIDELITY_REAL_DOCKER)');
  const real = realpathSync(p);
  if (real.startsWith(realpathSync(root))) throw new Error(`docker on PATH is this repository's ${real}, not the real CLI (set FIDELITY_REAL_DOCKER)`);
  return real;
}

async function recordOne(sc: Scenario, dockerPath: string, baseline: Baseline, versions: ReturnType<typeof engineVersions>): Promise<Fixture> {
  const release = await acquireLock();
  const cwd = makeTempDir('fidelity-rec-');
  const bin = makeDockerBinDir(dockerPath);
  const t0 = Date.now();
  try {
    const buildCache = /\bbuild(x)?\b/.test(sc.text);
    resetEngine(baseline, log, { buildCache }, dockerPath);
    ensureImages(sc.images, log, dockerPath);
    const before = imageState(dockerPath);
    const images = presentImageRefs(dockerPath);
    const foreign = images.filter((r) => !STANDARD_IMAGES.includes(r));
    if (foreign.length) log(`WARNING: ${sc.id}: images other than the standard set are present: ${foreign.join(' ')}`);
    const run = await runScenario(sc, {
      binDir: bin.dir,
      cwd,
      onResult: (item, res) => {
        if (res.timedOut) log(`WARNING: ${sc.id}:${item.line}: timed out after ${item.timeout}s: ${item.cmd}`);
        if (item.kind !== 'step' && res.exitCode !== 0) log(`note: ${sc.id}:${item.line}: ${item.kind} exited ${res.exitCode}: ${res.stderr.trim()}`);
      },
    });
    resetEngine(baseline, log, { buildCache, removeImagesSince: before }, dockerPath);
    log(`recorded ${sc.id}: ${run.steps.length} steps in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    return {
      scenario: sc.id,
      text: sc.text,
      recordedAt: new Date().toISOString(),
      engine: versions,
      images,
      steps: run.steps.map((s) => ({ index: s.index, line: s.line, cmd: s.cmd, stdout: s.stdout, stderr: s.stderr, exitCode: s.exitCode })),
      setup: run.other,
    };
  } finally {
    bin.cleanup();
    rmSync(cwd, { recursive: true, force: true });
    await release();
  }
}

function isStale(sc: Scenario): boolean {
  const p = fixturePath(root, sc.id);
  if (!existsSync(p)) return true;
  const fx = JSON.parse(readFileSync(p, 'utf8')) as Fixture;
  return fx.text !== sc.text;
}

async function record(): Promise<void> {
  let scenarios = loadScenarios(root, filter);
  if (flags.has('--stale')) scenarios = scenarios.filter(isStale);
  if (scenarios.length === 0) {
    log('no scenario matches');
    return;
  }
  const dockerPath = realDocker();
  const versions = engineVersions(dockerPath);
  log(`real docker: ${dockerPath} (client ${versions.client}, engine ${versions.server}); ${scenarios.length} scenario(s)`);
  const release = await acquireLock();
  let baseline: Baseline;
  try {
    baseline = takeBaseline(log, dockerPath);
  } finally {
    await release();
  }
  let steps = 0;
  let unstable = 0;
  const verify = flags.has('--verify');
  for (const sc of scenarios) {
    const fx = await recordOne(sc, dockerPath, baseline, versions);
    steps += fx.steps.length;
    if (!verify) {
      writeFixture(root, fx);
      continue;
    }
    // --verify: record again and compare with the stored fixture, as replay would
    const p = fixturePath(root, sc.id);
    if (!existsSync(p)) {
      log(`${sc.id}: no stored fixture to verify against`);
      continue;
    }
    const stored = JSON.parse(readFileSync(p, 'utf8')) as Fixture;
    if (stored.text !== sc.text) {
      log(`${sc.id}: stored fixture is out of date; not verified`);
      continue;
    }
    for (const c of compareSteps(stored, fx.steps, ['stored recording', 'new recording'])) {
      if (c.ok) continue;
      unstable++;
      process.stdout.write(`--- ${sc.id} step ${c.index} differs between two recordings: $ ${c.cmd}\n${c.diff}\n\n`);
    }
  }
  log(`done: ${scenarios.length} scenario(s), ${steps} step(s)${verify ? `, ${unstable} step(s) differ from the stored recording` : ''}`);
  if (unstable) process.exitCode = 1;
}

async function replay(update: boolean): Promise<void> {
  const fixtures = loadFixtures(root, filter);
  const gaps = loadKnownGaps(root);
  const failures: { key: string; cmd: string }[] = [];
  let bad = 0;
  let total = 0;
  let passed = 0;
  const queue = [...fixtures];
  const worker = async () => {
    for (let fx = queue.shift(); fx; fx = queue.shift()) {
      const r = await replayFixture(root, fx, gaps, { sleep: !flags.has('--no-sleep') });
      for (const c of r.comparisons) {
        total++;
        if (c.ok) passed++;
        else failures.push({ key: gapKey(fx.scenario, c.index), cmd: c.cmd });
      }
      if (flags.has('--gaps'))
        for (const c of r.comparisons)
          if (!c.ok && gaps[gapKey(fx.scenario, c.index)])
            process.stdout.write(`--- ${fx.scenario} step ${c.index} (known gap: ${gaps[gapKey(fx.scenario, c.index)]!.reason}): $ ${c.cmd}\n${c.diff}\n\n`);
      const rep = replayReport(r);
      if (rep) {
        bad++;
        if (!update) process.stdout.write(`${rep}\n\n`);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  log(`${fixtures.length} fixture(s), ${total} step(s): ${passed} match, ${total - passed} differ; ${bad} fixture(s) not as KNOWN_GAPS expects`);
  if (update) {
    const next = updatedGaps(gaps, new Set(fixtures.map((f) => f.scenario)), failures);
    saveKnownGaps(root, next);
    log(`wrote fixtures/KNOWN_GAPS.json: ${Object.keys(next).length} entr(y/ies); edit the "${'TODO'}" reasons`);
  } else if (bad) process.exitCode = 1;
}

async function main(): Promise<void> {
  if (flags.has('--help')) {
    process.stdout.write(HELP);
    return;
  }
  if (flags.has('--list')) {
    let n = 0;
    for (const sc of loadScenarios(root, filter)) {
      n += sc.steps.length;
      process.stdout.write(`${sc.id}\t${sc.steps.length}${isStale(sc) ? '\t(not recorded or out of date)' : ''}\n`);
    }
    process.stdout.write(`total steps: ${n}\n`);
    return;
  }
  if (flags.has('--show')) {
    for (const fx of loadFixtures(root, filter)) {
      const n = new Normalizer(fx.text);
      process.stdout.write(`=== ${fx.scenario} (recorded ${fx.recordedAt}, engine ${fx.engine.server})\n`);
      for (const s of fx.steps) {
        const raw = flags.has('--raw');
        const out = raw ? s.stdout : n.normalize(s.stdout);
        const err = raw ? s.stderr : n.normalize(s.stderr, 'stderr');
        process.stdout.write(`$ ${s.cmd}    [exit ${s.exitCode}]\n${out}${err ? `[stderr]\n${err}` : ''}\n`);
      }
    }
    return;
  }
  if (flags.has('--replay') || flags.has('--update-gaps')) return replay(flags.has('--update-gaps'));
  return record();
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main().catch((e) => {
  log(`record: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exitCode = 1;
});
void join;
