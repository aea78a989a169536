// Replays a fixture against bin/fakedocker (no engine needed) and compares.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { compareSteps, fixtureScenario, gapKey, type Fixture, type KnownGaps, type StepComparison } from './fixtures.js';
import { makeDockerBinDir, makeTempDir, runBash, runScenario, sideEnv } from './runner.js';

export interface ReplayResult {
  scenario: string;
  comparisons: StepComparison[];
  /** steps that fail and are not known gaps */
  unexpectedFailures: StepComparison[];
  /** steps listed in KNOWN_GAPS that now pass */
  fixedGaps: StepComparison[];
  /** KNOWN_GAPS entries whose command no longer matches the fixture's step */
  staleGaps: string[];
}

// Pulling the same images into every scenario's fresh FAKEDOCKER_HOME costs one fakedocker
// process per image per scenario. Instead, each distinct image list is pulled once into a
// template home, and every scenario gets a fresh copy of it (FIDELITY_NO_HOME_CACHE=1: pull
// into each home instead).
const templates = new Map<string, Promise<string>>();
const templateDirs: string[] = [];
process.once('exit', () => {
  for (const d of templateDirs) rmSync(d, { recursive: true, force: true });
});

async function pullInto(home: string, images: string[], fakedocker: string): Promise<void> {
  const cwd = makeTempDir('fidelity-cwd-');
  const bin = makeDockerBinDir(fakedocker);
  try {
    const env = sideEnv({ binDir: bin.dir, cwd, env: { FAKEDOCKER_HOME: home } });
    for (const ref of images) await runBash(`docker pull ${ref}`, { env, cwd, timeoutSec: 60 });
  } finally {
    bin.cleanup();
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** A fresh FAKEDOCKER_HOME in which `docker pull` has been run for each of the images. */
export async function freshHome(images: string[], fakedocker: string): Promise<string> {
  const home = makeTempDir('fidelity-home-');
  if (process.env.FIDELITY_NO_HOME_CACHE === '1') {
    await pullInto(home, images, fakedocker);
    return home;
  }
  const key = `${fakedocker}\n${images.join(' ')}`;
  let tpl = templates.get(key);
  if (!tpl) {
    tpl = (async () => {
      const dir = makeTempDir('fidelity-template-');
      templateDirs.push(dir);
      await pullInto(dir, images, fakedocker);
      return dir;
    })();
    templates.set(key, tpl);
  }
  cpSync(await tpl, home, { recursive: true, verbatimSymlinks: true });
  return home;
}

export async function replayFixture(
  root: string,
  fx: Fixture,
  gaps: KnownGaps,
  opts: { sleep?: boolean; fakedocker?: string } = {},
): Promise<ReplayResult> {
  const scenario = fixtureScenario(fx);
  const fakedocker = opts.fakedocker ?? join(root, 'bin', 'fakedocker');
  const home = await freshHome(fx.images, fakedocker);
  const cwd = makeTempDir('fidelity-cwd-');
  const bin = makeDockerBinDir(fakedocker);
  try {
    const side = { binDir: bin.dir, cwd, env: { FAKEDOCKER_HOME: home }, sleep: opts.sleep };
    const run = await runScenario(scenario, side);
    const comparisons = compareSteps(fx, run.steps);
    const unexpectedFailures: StepComparison[] = [];
    const fixedGaps: StepComparison[] = [];
    const staleGaps: string[] = [];
    for (const c of comparisons) {
      const key = gapKey(fx.scenario, c.index);
      const gap = gaps[key];
      if (gap && gap.cmd !== c.cmd) staleGaps.push(`${key}: KNOWN_GAPS says ${JSON.stringify(gap.cmd)}, the fixture's step is ${JSON.stringify(c.cmd)}`);
      if (!c.ok && !gap) unexpectedFailures.push(c);
      if (c.ok && gap) fixedGaps.push(c);
    }
    for (const key of Object.keys(gaps)) {
      const [sc, idx] = key.split('#');
      if (sc === fx.scenario && !comparisons.some((c) => c.index === Number(idx))) staleGaps.push(`${key}: no such step in the fixture`);
    }
    return { scenario: fx.scenario, comparisons, unexpectedFailures, fixedGaps, staleGaps };
  } finally {
    bin.cleanup();
    rmSync(home, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** A readable report of one replay (empty when everything is as expected). */
export function replayReport(r: ReplayResult): string {
  const out: string[] = [];
  for (const c of r.unexpectedFailures) out.push(`--- ${r.scenario} step ${c.index}: $ ${c.cmd}\n${c.diff}`);
  for (const c of r.fixedGaps)
    out.push(`--- ${r.scenario} step ${c.index}: $ ${c.cmd}\nnow matches docker but is listed in fixtures/KNOWN_GAPS.json: remove the entry (or run the gap update)`);
  for (const s of r.staleGaps) out.push(`--- stale KNOWN_GAPS entry ${s}`);
  return out.join('\n\n');
}
