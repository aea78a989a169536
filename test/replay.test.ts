// Replays every recorded fixture (fixtures/<group>/<name>.json) against bin/fakedocker and
// compares normalized stdout, stderr and exit code step by step. No engine needed.
// Steps listed in fixtures/KNOWN_GAPS.json must still differ (nothing is skipped).
//
//   FIDELITY_FILTER=run/,ps/basic npm test        replay only matching scenarios
//   FIDELITY_UPDATE_GAPS=1 npm test               rewrite KNOWN_GAPS.json from the current failures
//   FIDELITY_NO_SLEEP=1 npm test                  do not honour `sleep N` lines (faster, less faithful)
//   FIDELITY_NO_HOME_CACHE=1 npm test             pull the images into every fresh home (no shared template)
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixturePath,
  gapKey,
  loadFixtures,
  loadKnownGaps,
  loadScenarios,
  saveKnownGaps,
  updatedGaps,
  type Fixture,
} from '../scripts/fidelity/fixtures.js';
import { replayFixture, replayReport, type ReplayResult } from '../scripts/fidelity/replay.js';
import { repoRoot } from '../scripts/fidelity/runner.js';

const root = repoRoot();
const filter = process.env.FIDELITY_FILTER || undefined;
const UPDATE = process.env.FIDELITY_UPDATE_GAPS === '1';
const CONCURRENCY = 2;
const fixtures = loadFixtures(root, filter);
const gaps = loadKnownGaps(root);

// Replays run in a pool of CONCURRENCY workers started before the tests; each test awaits
// its own scenario's result, so per-test timeouts measure one scenario, not the queue.
const results = new Map<string, Promise<ReplayResult>>();
function startPool(): void {
  const resolvers = new Map<string, (r: Promise<ReplayResult>) => void>();
  for (const fx of fixtures) results.set(fx.scenario, new Promise((res) => resolvers.set(fx.scenario, res)));
  const queue = [...fixtures];
  const worker = async (): Promise<void> => {
    for (let fx = queue.shift(); fx; fx = queue.shift()) {
      const p = replayFixture(root, fx, gaps, { sleep: process.env.FIDELITY_NO_SLEEP !== '1' });
      resolvers.get(fx.scenario)!(p);
      await p.catch(() => undefined);
    }
  };
  for (let i = 0; i < CONCURRENCY; i++) void worker();
}

const allFailures: { key: string; cmd: string }[] = [];

describe('fidelity replay', () => {
  beforeAll(() => startPool());

  afterAll(() => {
    if (!UPDATE) return;
    const next = updatedGaps(gaps, new Set(fixtures.map((f) => f.scenario)), allFailures);
    saveKnownGaps(root, next);
    console.log(`fixtures/KNOWN_GAPS.json rewritten: ${Object.keys(next).length} entries`);
  });

  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it('every scenario is recorded and its fixture is up to date', () => {
    const problems: string[] = [];
    for (const sc of loadScenarios(root, filter)) {
      const p = fixturePath(root, sc.id);
      if (!existsSync(p)) problems.push(`${sc.id}: no fixture (npm run record -- ${sc.id})`);
      else if (fixtures.find((f) => f.scenario === sc.id)?.text !== sc.text)
        problems.push(`${sc.id}: scenario changed since it was recorded (npm run record -- ${sc.id})`);
    }
    const scenarioIds = new Set(loadScenarios(root, filter).map((s) => s.id));
    for (const fx of fixtures) if (!scenarioIds.has(fx.scenario)) problems.push(`${fx.scenario}: fixture without scenario file`);
    expect(problems.join('\n')).toBe('');
  });

  it('every KNOWN_GAPS entry names a recorded step', () => {
    const all = loadFixtures(root);
    const problems: string[] = [];
    for (const [key, gap] of Object.entries(gaps)) {
      const [sc, idx] = key.split('#');
      const fx = all.find((f) => f.scenario === sc);
      const step = fx?.steps.find((s) => s.index === Number(idx));
      if (!step) problems.push(`${key}: no such recorded step`);
      else if (step.cmd !== gap.cmd) problems.push(`${key}: entry is for ${JSON.stringify(gap.cmd)} but the step is ${JSON.stringify(step.cmd)}`);
      if (!gap.reason) problems.push(`${key}: empty reason`);
    }
    expect(problems.join('\n')).toBe('');
  });

  for (const fx of fixtures as Fixture[]) {
    // an upper bound only: every step may run into its own time limit (30 s by default)
    const timeout = 60_000 + fx.steps.length * 35_000;
    it(`${fx.scenario} (${fx.steps.length} steps)`, { timeout }, async () => {
      const r = await results.get(fx.scenario)!;
      for (const c of r.comparisons) if (!c.ok) allFailures.push({ key: gapKey(fx.scenario, c.index), cmd: c.cmd });
      if (UPDATE) return;
      const report = replayReport(r);
      if (report) throw new Error(`fakedocker differs from docker (fixtures/${fx.scenario}.json):\n\n${report}\n`);
    });
  }
});
