// Live differential fuzzing: random command sequences from a grammar of the core commands
// (valid and invalid), run on the real engine (lock held, engine reset first) and on
// fakedocker (fresh home), normalized and compared step by step. At the first divergence the
// sequence is confirmed on the real engine (a step that differs between two real runs is
// reported as unstable, not as a fakedocker bug), shrunk (steps dropped while it still
// diverges) and printed with both outputs, as a scenario file ready for scenarios/.
//
//   npm run fuzz:live -- [--count N] [--seed S] [--length L] [--time SECONDS] [--all]
//
//   --count   number of sequences (default 10)
//   --seed    PRNG seed (default: from the clock; always printed, so a run can be repeated)
//   --length  maximum steps per sequence (default 8)
//   --time    overall time budget in seconds, shrinking included (default 300)
//   --all     do not stop at the first divergence
//   --fakedocker PATH   the CLI under test (default: this repository's bin/fakedocker)
//   --print   print the generated sequences and exit (no engine, no fakedocker)
//   --verbose print each sequence before running it
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock, engineVersions, imageState, resetEngine, takeBaseline, type Baseline } from './fidelity/engine.js';
import { compareSteps, type StepComparison } from './fidelity/fixtures.js';
import { freshHome } from './fidelity/replay.js';
import { makeDockerBinDir, makeTempDir, repoRoot, runScenario, type StepResult } from './fidelity/runner.js';
import { parseScenario } from './fidelity/scenario.js';
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';

// ---- options ----------------------------------------------------------------------------

function option(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
  return v;
}
const root = repoRoot();
const COUNT = option('count', 10);
const SEED = option('seed', Date.now() % 2 ** 31);
const LENGTH = Math.max(1, option('length', 8));
const BUDGET_MS = option('time', 300) * 1000;
const ALL = process.argv.includes('--all');
const fdIdx = process.argv.indexOf('--fakedocker');
const FAKEDOCKER = fdIdx >= 0 ? process.argv[fdIdx + 1]! : join(root, 'bin', 'fakedocker');
const started = Date.now();
const timeLeft = () => BUDGET_MS - (Date.now() - started);
const log = (s: string) => process.stderr.write(`${s}\n`);

// ---- PRNG and grammar -------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Ctr {
  /** its main process ends by itself (so start -a / wait return) */
  terminates: boolean;
}

class Gen {
  private readonly ctrs = new Map<string, Ctr>();
  private n = 0;
  constructor(private readonly rnd: () => number) {}

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }

  /** an existing container name, or (sometimes) one that does not exist */
  private target(): string {
    const names = [...this.ctrs.keys()];
    if (names.length === 0 || this.chance(0.12)) return this.pick(['nosuch', 'c9', 'abc123']);
    return this.pick(names);
  }
  private longRunning(): string | undefined {
    const names = [...this.ctrs].filter(([, c]) => !c.terminates).map(([n]) => n);
    return names.length ? this.pick(names) : undefined;
  }
  private newName(): string {
    return `c${++this.n}`;
  }

  private runFlags(): string {
    const f: string[] = [];
    if (this.chance(0.3)) f.push(this.pick(['-e A=1', '-e A=1 -e B=two', '--env A=', '-e A']));
    if (this.chance(0.2)) f.push(this.pick(['-w /tmp', '-w /new/dir', '--workdir relative']));
    if (this.chance(0.25)) f.push(this.pick(['-p 8080:80', '-p 127.0.0.1::80', '-p 9000-9001:9000-9001', '-p 90', '-p 53:53/udp', '-P', '--expose 7000 -P', '-p abc:80', '-p 70000:80', '-p 80/xyz']));
    if (this.chance(0.2)) f.push(this.pick(['--label a=1', '-l a -l b=2', '--restart always', '--restart on-failure:2', '--restart bogus']));
    if (this.chance(0.1)) f.push(this.pick(['--bogus', '-Z', '--memory abc', '-u nosuchuser', '--hostname h1']));
    return f.join(' ');
  }

  private terminatingCmd(): string {
    return this.pick(['true', 'false', 'echo hi', "sh -c 'echo out; echo err >&2; exit 3'", 'nosuchcmd', 'pwd', "sh -c 'exit 42'", "sh -c 'echo $A'"]);
  }

  step(): string {
    const r = this.rnd();
    if (r < 0.2) {
      // detached, long-running
      const name = this.chance(0.85) ? this.newName() : undefined;
      const image = this.chance(0.8) ? 'busybox' : 'nginx';
      const cmd = image === 'busybox' ? ' sleep 300' : '';
      const flags = this.runFlags();
      if (name && !/--bogus|-Z|--name$|abc|70000|xyz|bogus|nosuchuser|relative/.test(flags)) this.ctrs.set(name, { terminates: false });
      return `docker run -d ${name ? `--name ${name} ` : ''}${flags} ${image}${cmd}`.replace(/ +/g, ' ');
    }
    if (r < 0.32) {
      // attached, terminating
      const name = this.chance(0.5) ? this.newName() : undefined;
      const rm = this.chance(0.3) ? '--rm ' : '';
      const flags = this.runFlags();
      if (name && !rm) this.ctrs.set(name, { terminates: true });
      const image = this.chance(0.9) ? 'busybox' : 'hello-world';
      const cmd = image === 'busybox' ? ` ${this.terminatingCmd()}` : '';
      return `docker run ${rm}${name ? `--name ${name} ` : ''}${flags} ${image}${cmd}`.replace(/ +/g, ' ');
    }
    if (r < 0.38) {
      const name = this.newName();
      const long = this.chance(0.5);
      this.ctrs.set(name, { terminates: !long });
      return `docker create --name ${name} busybox ${long ? 'sleep 300' : this.terminatingCmd()}`;
    }
    if (r < 0.45) {
      const t = this.target();
      const c = this.ctrs.get(t);
      return c?.terminates ? `docker start -a ${t}` : `docker start ${t}`;
    }
    if (r < 0.53) {
      const t = this.longRunning() ?? this.target();
      return this.pick([`docker stop -t 0 ${t}`, `docker stop -t 1 ${t}`, `docker kill ${t}`, `docker kill -s SIGTERM ${t}`, `docker kill -s NOSIG ${t}`, `docker restart -t 0 ${t}`, `docker stop -t abc ${t}`]);
    }
    if (r < 0.58) {
      const t = this.longRunning() ?? this.target();
      return this.pick([`docker pause ${t}`, `docker unpause ${t}`]);
    }
    if (r < 0.65) {
      const t = this.target();
      const cmd = this.pick([`docker rm ${t}`, `docker rm -f ${t}`, `docker rm -v ${t}`, `docker rm ${t} nosuch`, 'docker rm']);
      if (cmd.includes('-f')) this.ctrs.delete(t);
      return cmd;
    }
    if (r < 0.68) {
      const t = this.target();
      const to = this.newName();
      return this.pick([`docker rename ${t} ${to}`, `docker rename ${t} ${t}`, `docker rename ${t}`]);
    }
    if (r < 0.8) {
      return this.pick([
        'docker ps',
        'docker ps -a',
        'docker ps -aq | wc -l',
        "docker ps -a --format '{{.Names}} {{.Status}} {{.Ports}}'",
        "docker ps -a --format 'table {{.Names}}\\t{{.Image}}\\t{{.Command}}'",
        "docker ps -a -f status=exited --format '{{.Names}}'",
        "docker ps -a -f status=running --format '{{.Names}}'",
        `docker ps -a -f name=${this.target()} --format '{{.Names}}'`,
        'docker ps -l --format {{.Names}}',
        "docker ps -a -n 2 --format '{{.Names}}'",
        'docker ps --bogus',
        'docker ps -f bogus=1',
      ]);
    }
    if (r < 0.86) {
      const t = this.target();
      return this.pick([
        `docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' ${t}`,
        `docker inspect -f '{{.Name}} {{json .Config.Cmd}}' ${t}`,
        `docker inspect -f '{{json .HostConfig.PortBindings}}' ${t}`,
        `docker inspect --type image ${t}`,
        `docker port ${t}`,
        `docker port ${t} 80`,
        `docker logs ${this.ctrs.get(t)?.terminates ? t : 'nosuch'}`,
        `docker logs --tail 1 ${this.ctrs.get(t)?.terminates ? t : 'nosuch'}`,
      ]);
    }
    if (r < 0.94) {
      return this.pick([
        'docker images',
        "docker images --format '{{.Repository}}:{{.Tag}}' | sort",
        'docker images busybox',
        'docker images -q nosuch',
        'docker tag busybox mybox:1',
        'docker tag nosuch x',
        'docker rmi mybox:1',
        'docker rmi busybox',
        'docker rmi -f nosuch',
        'docker pull -q busybox',
        'docker pull busybox',
        "docker image inspect -f '{{.Config.Cmd}}' busybox",
        'docker run --pull never nosuchimage',
      ]);
    }
    return this.pick([
      'docker nosuchcommand',
      'docker run',
      'docker run --bogus busybox',
      'docker stop',
      'docker port',
      "docker version --format '{{.Client.Version}}'",
      'docker --version',
      'docker container nosuch',
      'docker create -d busybox',
      'docker ps extra',
    ]);
  }
}

function generate(seed: number): string[] {
  const rnd = mulberry32(seed);
  const g = new Gen(rnd);
  const len = 1 + Math.floor(rnd() * LENGTH);
  return Array.from({ length: len }, () => g.step());
}

// ---- running ----------------------------------------------------------------------------

const IMAGES = ['busybox:latest', 'hello-world:latest', 'debian:bookworm', 'debian:latest', 'nginx:latest', 'redis:latest'];

function scenarioText(steps: string[]): string {
  return `# fuzz-live\nimages: busybox hello-world nginx\n${steps.map((s) => `$ ${s}`).join('\n')}\n`;
}

interface Ctx {
  realDocker: string;
  baseline: Baseline;
}

async function runReal(ctx: Ctx, steps: string[]): Promise<{ steps: StepResult[]; images: string[] }> {
  const sc = parseScenario('fuzz/live', scenarioText(steps));
  const release = await acquireLock();
  const cwd = makeTempDir('fuzz-real-');
  const bin = makeDockerBinDir(ctx.realDocker);
  try {
    resetEngine(ctx.baseline, log, {}, ctx.realDocker);
    const before = imageState(ctx.realDocker);
    const images = IMAGES.filter((r) => before.refs.has(r));
    const run = await runScenario(sc, { binDir: bin.dir, cwd });
    resetEngine(ctx.baseline, log, { removeImagesSince: before }, ctx.realDocker);
    return { steps: run.steps, images };
  } finally {
    bin.cleanup();
    rmSync(cwd, { recursive: true, force: true });
    await release();
  }
}

async function runFake(steps: string[], images: string[]): Promise<StepResult[]> {
  const sc = parseScenario('fuzz/live', scenarioText(steps));
  const home = await freshHome(images, FAKEDOCKER);
  const cwd = makeTempDir('fuzz-fake-');
  const bin = makeDockerBinDir(FAKEDOCKER);
  try {
    return (await runScenario(sc, { binDir: bin.dir, cwd, env: { FAKEDOCKER_HOME: home } })).steps;
  } finally {
    bin.cleanup();
    rmSync(cwd, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }
}

interface Outcome {
  real: StepResult[];
  fake: StepResult[];
  first?: StepComparison;
}

async function trial(ctx: Ctx, steps: string[]): Promise<Outcome> {
  const { steps: real, images } = await runReal(ctx, steps);
  const fake = await runFake(steps, images);
  const text = scenarioText(steps);
  const cmp = compareSteps({ text, steps: real.map((s) => ({ ...s })) }, fake);
  return { real, fake, first: cmp.find((c) => !c.ok) };
}

/** Drops steps (one at a time, greedily) while the sequence still diverges. */
async function shrink(ctx: Ctx, steps: string[]): Promise<{ steps: string[]; outcome: Outcome }> {
  let cur = steps;
  let best = await trial(ctx, cur);
  let changed = true;
  while (changed && timeLeft() > 0) {
    changed = false;
    for (let i = cur.length - 1; i >= 0 && timeLeft() > 0; i--) {
      const cand = cur.filter((_, j) => j !== i);
      if (cand.length === 0) continue;
      const o = await trial(ctx, cand);
      if (o.first) {
        cur = cand;
        best = o;
        changed = true;
        log(`  shrunk to ${cur.length} step(s)`);
      }
    }
  }
  return { steps: cur, outcome: best };
}

function report(seed: number, steps: string[], o: Outcome): void {
  const c = o.first!;
  const i = c.index - 1;
  const out: string[] = [];
  out.push(`=== divergence (seed ${seed}) at step ${c.index}: $ ${c.cmd}`);
  out.push('--- scenario (save under scenarios/<group>/<name>.txt and record it):');
  out.push(scenarioText(steps.slice(0, c.index)).trimEnd());
  out.push('--- normalized diff:');
  out.push(c.diff);
  out.push(`--- docker (raw), exit ${o.real[i]?.exitCode}:`);
  out.push(`[stdout]\n${o.real[i]?.stdout ?? ''}[stderr]\n${o.real[i]?.stderr ?? ''}`);
  out.push(`--- fakedocker (raw), exit ${o.fake[i]?.exitCode}:`);
  out.push(`[stdout]\n${o.fake[i]?.stdout ?? ''}[stderr]\n${o.fake[i]?.stderr ?? ''}`);
  process.stdout.write(`${out.join('\n')}\n\n`);
}

const HELP = `Usage: npm run fuzz:live -- [OPTIONS]   (node dist/scripts/fuzz-live.js [OPTIONS])

Random command sequences on the real engine and on fakedocker; the first divergence is
confirmed on the real engine, shrunk and printed as a scenario with both outputs.

  --count N           sequences (default 10)
  --seed S            PRNG seed (default: from the clock; sequence k uses S+k)
  --length L          maximum steps per sequence (default 8)
  --time SECONDS      overall budget, shrinking included (default 300)
  --all               go on after the first divergence
  --fakedocker PATH   the CLI under test (default: bin/fakedocker)
  --print             print the generated sequences and exit (runs nothing)
  --verbose           print each sequence before running it
`;

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(HELP);
    return;
  }
  if (process.argv.includes('--print')) {
    for (let k = 0; k < COUNT; k++) process.stdout.write(`# seed ${(SEED + k) >>> 0}\n${scenarioText(generate((SEED + k) >>> 0))}\n`);
    return;
  }
  const realDocker = process.env.FIDELITY_REAL_DOCKER || execFileSync('bash', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
  if (!realDocker) throw new Error('no docker on PATH (set FIDELITY_REAL_DOCKER)');
  if (realpathSync(realDocker).startsWith(realpathSync(root))) throw new Error('docker on PATH is this repository; set FIDELITY_REAL_DOCKER');
  const v = engineVersions(realDocker);
  log(`fuzz-live: seed ${SEED}, ${COUNT} sequence(s) of at most ${LENGTH} steps, budget ${BUDGET_MS / 1000}s; docker ${v.client} / engine ${v.server}; fakedocker ${FAKEDOCKER}`);
  const release = await acquireLock();
  let baseline: Baseline;
  try {
    baseline = takeBaseline(log, realDocker);
  } finally {
    await release();
  }
  const ctx: Ctx = { realDocker, baseline };
  let divergences = 0;
  let unstable = 0;
  const seen = new Set<string>();
  let ran = 0;
  for (let k = 0; k < COUNT && timeLeft() > 0; k++) {
    const seed = (SEED + k) >>> 0;
    const steps = generate(seed);
    ran++;
    if (process.argv.includes('--verbose')) log(`sequence ${k + 1} (seed ${seed}):\n${steps.map((x) => `  $ ${x}`).join('\n')}`);
    const o = await trial(ctx, steps);
    if (!o.first) {
      log(`sequence ${k + 1} (seed ${seed}, ${steps.length} steps): same`);
      continue;
    }
    // this engine has no Docker Hub: a divergence in a step that tried to reach it says
    // nothing about fakedocker (which answers as if online)
    const realStep = o.real[o.first.index - 1];
    if (realStep && /dial tcp: lookup \S+ on \S+: no such host/.test(realStep.stderr)) {
      unstable++;
      log(`sequence ${k + 1} (seed ${seed}): step ${o.first.index} needs Docker Hub (not reachable here), not reported: $ ${o.first.cmd}`);
      continue;
    }
    // confirm: does the real engine agree with itself on this prefix?
    const prefix = steps.slice(0, o.first.index);
    const again = await runReal(ctx, prefix);
    const self = compareSteps({ text: scenarioText(prefix), steps: o.real.slice(0, prefix.length) }, again.steps, ['docker, 1st run', 'docker, 2nd run']).find((c) => !c.ok);
    if (self) {
      unstable++;
      log(`sequence ${k + 1} (seed ${seed}): step ${self.index} differs between two real runs (nondeterministic), not reported:\n$ ${self.cmd}\n${self.diff}`);
      continue;
    }
    // the same divergence (same command, same diff) is reported once
    const sig = `${o.first.cmd}\n${o.first.diff}`;
    if (seen.has(sig)) {
      log(`sequence ${k + 1} (seed ${seed}): diverges at step ${o.first.index} as already reported ($ ${o.first.cmd})`);
      continue;
    }
    seen.add(sig);
    divergences++;
    log(`sequence ${k + 1} (seed ${seed}): diverges at step ${o.first.index}; shrinking`);
    const s = await shrink(ctx, prefix);
    const final = s.outcome.first ? s.outcome : o;
    const sig2 = `${final.first!.cmd}\n${final.first!.diff}`;
    if (sig2 !== sig && seen.has(sig2)) {
      log(`  shrunk to a divergence already reported ($ ${final.first!.cmd})`);
      continue;
    }
    seen.add(sig2);
    report(seed, s.steps, final);
    if (!ALL) break;
  }
  log(`fuzz-live: ${ran} sequence(s) run, ${divergences} divergence(s), ${unstable} not reported (unstable on the real engine or needing Docker Hub), ${((Date.now() - started) / 1000).toFixed(0)}s`);
  if (divergences) process.exitCode = 1;
}

main().catch((e) => {
  log(`fuzz-live: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exitCode = 1;
});
