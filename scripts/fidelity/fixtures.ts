// Fixture files (fixtures/<group>/<name>.json), the known-gaps list and the comparison of
// a replayed step with its recording.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { Normalizer, stripNumbers, tokenSequence } from './normalize.js';
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
  const cmp = new StepComparer(fx.text, labels);
  return fx.steps.map((step, i) => cmp.compare(step, actual[i] ?? { stdout: '', stderr: '<<step was not run>>', exitCode: -1 }));
}

type Output = Pick<StepResult, 'stdout' | 'stderr' | 'exitCode'>;

/** Compares the steps of one scenario in order (state: normalizers and token correspondence). */
export class StepComparer {
  private nExp: Normalizer;
  private nAct: Normalizer;
  // one-to-one correspondence of numbered tokens ("id:3" on one side ↔ "id:5" on the other)
  private expToAct = new Map<string, string>();
  private actToExp = new Map<string, string>();

  constructor(
    text: string,
    private readonly labels: [string, string] = ['docker', 'fakedocker'],
  ) {
    this.nExp = new Normalizer(text);
    this.nAct = new Normalizer(text);
  }

  clone(): StepComparer {
    const c = new StepComparer('', this.labels);
    c.nExp = this.nExp.clone();
    c.nAct = this.nAct.clone();
    c.expToAct = new Map(this.expToAct);
    c.actToExp = new Map(this.actToExp);
    return c;
  }

  compare(step: Pick<FixtureStep, 'index' | 'cmd'> & Output, a: Output): StepComparison {
    const { labels, nExp, nAct, expToAct, actToExp } = this;
    const expected = { stdout: nExp.normalize(step.stdout), stderr: nExp.normalize(step.stderr, 'stderr'), exitCode: step.exitCode };
    const act = { stdout: nAct.normalize(a.stdout), stderr: nAct.normalize(a.stderr, 'stderr'), exitCode: a.exitCode };
    const parts: string[] = [];
    const [es, as] = [stripNumbers(expected.stdout), stripNumbers(act.stdout)];
    const [ee, ae] = [stripNumbers(expected.stderr), stripNumbers(act.stderr)];
    if (es !== as) parts.push(unified('stdout', es, as, labels));
    if (ee !== ae) parts.push(unified('stderr', ee, ae, labels));
    if (expected.exitCode !== act.exitCode) parts.push(`exit code: ${labels[0]} ${expected.exitCode}, ${labels[1]} ${act.exitCode}`);
    if (parts.length === 0) {
      // same text: check (and extend) the correspondence of the tokens, paired by position
      const te = [...tokenSequence(expected.stdout), ...tokenSequence(expected.stderr)];
      const ta = [...tokenSequence(act.stdout), ...tokenSequence(act.stderr)];
      const pending: [string, string][] = [];
      te.forEach((e, k) => {
        const t = ta[k]!;
        const t2 = expToAct.get(e) ?? pending.find((p) => p[0] === e)?.[1];
        const e2 = actToExp.get(t) ?? pending.find((p) => p[1] === t)?.[0];
        if ((t2 !== undefined && t2 !== t) || (e2 !== undefined && e2 !== e)) {
          parts.push(
            `value mismatch at token ${k + 1} (<${e}> for ${labels[0]}, <${t}> for ${labels[1]}): ` +
              (t2 !== undefined && t2 !== t
                ? `${labels[0]}'s <${e}> was shown where ${labels[1]} showed <${t2}>`
                : `${labels[1]}'s <${t}> was shown where ${labels[0]} showed <${e2}>`) +
              `\n${labels[0]}:\n${expected.stdout}${expected.stderr}\n${labels[1]}:\n${act.stdout}${act.stderr}`,
          );
        } else if (t2 === undefined) pending.push([e, t]);
      });
      // only a matching step extends the correspondence
      if (parts.length === 0)
        for (const [e, t] of pending) {
          expToAct.set(e, t);
          actToExp.set(t, e);
        }
    }
    return { index: step.index, cmd: step.cmd, ok: parts.length === 0, diff: parts.join('\n'), expected, actual: act };
  }
}

/** Re-parses a fixture's scenario text (the text it was recorded from). */
export function fixtureScenario(fx: Fixture): Scenario {
  return parseScenario(fx.scenario, fx.text);
}
