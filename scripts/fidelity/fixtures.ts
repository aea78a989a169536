// Fixture files (fixtures/<group>/<name>.json), the known-gaps list and the comparison of
// a replayed step with its recording.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { Normalizer } from './normalize.js';
import { parseScenario, type Scenario } from './scenario.js';
import type { CommandResult, StepResult } from './runner.js';
import type { EngineVersions } from './engine.js';

export interface FixtureStep {
  index: number;
  line: number;
  cmd: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Fixture {
  /** "<group>/<name>" */
  scenario: string;
  /** the scenario file's text when it was recorded (replay parses this) */
  text: string;
  recordedAt: string;
  engine: EngineVersions;
  /** image refs present on the engine when the steps started (replay pulls these) */
  images: string[];
  /** raw recorded output of each "$ " step */
  steps: FixtureStep[];
  /** setup/teardown output, for diagnostics only (never compared) */
  setup: (CommandResult & { kind: string; line: number })[];
}

export function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, ext));
    else if (e.endsWith(ext)) out.push(p);
  }
  return out;
}

/** All scenarios under <root>/scenarios, parsed; id = path without extension. */
export function loadScenarios(root: string, filter?: string): Scenario[] {
  const dir = join(root, 'scenarios');
  return listFiles(dir, '.txt')
    .map((f) => relative(dir, f).replace(/\.txt$/, ''))
    .filter((id) => matchesFilter(id, filter))
    .map((id) => parseScenario(id, readFileSync(join(dir, `${id}.txt`), 'utf8')));
}

export function matchesFilter(id: string, filter?: string): boolean {
  if (!filter) return true;
  return filter.split(',').some((f) => id === f || id.startsWith(f.endsWith('/') ? f : `${f}/`) || id.includes(f));
}

export function fixturePath(root: string, id: string): string {
  return join(root, 'fixtures', `${id}.json`);
}

export function loadFixtures(root: string, filter?: string): Fixture[] {
  const dir = join(root, 'fixtures');
  return listFiles(dir, '.json')
    .filter((f) => !f.endsWith('KNOWN_GAPS.json'))
    .map((f) => JSON.parse(readFileSync(f, 'utf8')) as Fixture)
    .filter((fx) => matchesFilter(fx.scenario, filter));
}

export function writeFixture(root: string, fx: Fixture): string {
  const p = fixturePath(root, fx.scenario);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, `${JSON.stringify(fx, null, 2)}\n`);
  return p;
}

// ---- known gaps -----------------------------------------------------------------------

export interface KnownGap {
  /** the step's command, to notice when a re-recording moved steps around */
  cmd: string;
  reason: string;
}

/** key: "<group>/<name>#<step index>" */
export type KnownGaps = Record<string, KnownGap>;

export const GAP_PLACEHOLDER = 'TODO: explain why fakedocker differs here';

export function gapKey(scenario: string, index: number): string {
  return `${scenario}#${index}`;
}

export function knownGapsPath(root: string): string {
  return join(root, 'fixtures', 'KNOWN_GAPS.json');
}

export function loadKnownGaps(root: string): KnownGaps {
  const p = knownGapsPath(root);
  if (!existsSync(p)) return {};
  return JSON.parse(readFileSync(p, 'utf8')) as KnownGaps;
}

export function saveKnownGaps(root: string, gaps: KnownGaps): void {
  const sorted: KnownGaps = {};
  for (const k of Object.keys(gaps).sort(compareGapKeys)) sorted[k] = gaps[k]!;
  writeFileSync(knownGapsPath(root), `${JSON.stringify(sorted, null, 2)}\n`);
}

function compareGapKeys(a: string, b: string): number {
  const [sa, ia] = a.split('#');
  const [sb, ib] = b.split('#');
  return sa! < sb! ? -1 : sa! > sb! ? 1 : Number(ia) - Number(ib);
}

/**
 * The new known-gaps list after a replay: every failing step is listed (existing reasons
 * kept, new ones get GAP_PLACEHOLDER), passing steps are dropped. Entries of scenarios that
 * were not replayed are kept as they are.
 */
export function updatedGaps(old: KnownGaps, replayed: Set<string>, failures: { key: string; cmd: string }[]): KnownGaps {
  const next: KnownGaps = {};
  for (const [k, v] of Object.entries(old)) if (!replayed.has(k.split('#')[0]!)) next[k] = v;
  for (const f of failures) {
    const prev = old[f.key];
    next[f.key] = { cmd: f.cmd, reason: prev && prev.cmd === f.cmd ? prev.reason : GAP_PLACEHOLDER };
  }
  return next;
}

// ---- comparison -----------------------------------------------------------------------

export interface StepComparison {
  index: number;
  cmd: string;
  ok: boolean;
  /** readable explanation of the mismatch ('' when ok) */
  diff: string;
  expected: { stdout: string; stderr: string; exitCode: number };
  actual: { stdout: string; stderr: string; exitCode: number };
}

/** Makes invisible differences visible in a diff: CR, tabs, other control characters, trailing spaces. */
export function visible(s: string): string {
  return s
    .replace(/\r/g, '␍')
    .replace(/\t/g, '␉')
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/ +$/gm, (sp) => '·'.repeat(sp.length));
}

function unified(name: string, expected: string, actual: string, labels: [string, string]): string {
  [expected, actual] = [visible(expected), visible(actual)];
  const patch = createTwoFilesPatch(`${name} (${labels[0]})`, `${name} (${labels[1]})`, expected, actual, '', '', { context: 3 });
  // drop the "====" line and the two file headers' blank timestamps
  return patch
    .split('\n')
    .filter((l) => !/^=+$/.test(l))
    .map((l) => l.replace(/\t$/, ''))
    .join('\n');
}

/**
 * Compares the steps of one replay with the fixture, normalizing both sides with one
 * Normalizer per side (numbering shared across the scenario's steps, stdout before stderr).
 */
export function compareSteps(
  fx: Pick<Fixture, 'text' | 'steps'>,
  actual: Pick<StepResult, 'stdout' | 'stderr' | 'exitCode'>[],
  labels: [string, string] = ['docker', 'fakedocker'],
): StepComparison[] {
  const nExp = new Normalizer(fx.text);
  const nAct = new Normalizer(fx.text);
  return fx.steps.map((step, i) => {
    const a = actual[i] ?? { stdout: '', stderr: '<<step was not run>>', exitCode: -1 };
    const expected = { stdout: nExp.normalize(step.stdout), stderr: nExp.normalize(step.stderr, 'stderr'), exitCode: step.exitCode };
    const act = { stdout: nAct.normalize(a.stdout), stderr: nAct.normalize(a.stderr, 'stderr'), exitCode: a.exitCode };
    const parts: string[] = [];
    if (expected.stdout !== act.stdout) parts.push(unified('stdout', expected.stdout, act.stdout, labels));
    if (expected.stderr !== act.stderr) parts.push(unified('stderr', expected.stderr, act.stderr, labels));
    if (expected.exitCode !== act.exitCode) parts.push(`exit code: ${labels[0]} ${expected.exitCode}, ${labels[1]} ${act.exitCode}`);
    return { index: step.index, cmd: step.cmd, ok: parts.length === 0, diff: parts.join('\n'), expected, actual: act };
  });
}

/** Re-parses a fixture's scenario text (the text it was recorded from). */
export function fixtureScenario(fx: Fixture): Scenario {
  return parseScenario(fx.scenario, fx.text);
}
