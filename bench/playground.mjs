// Playground benchmark: the browser bundle's size (raw and gzip) and command throughput
// (`docker ps` per second, in-process) in Node against the library and in headless Chromium
// against the page's bundle. Target: 10,000 `docker ps` a second.
//
//   node bench/playground.mjs [--seconds=2] [--no-browser]
//   CHROMIUM=/path/to/chromium node bench/playground.mjs
//
// Throughput depends on how busy the machine is: run it on an idle one (the table prints the
// load average as a reminder).
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildLibrary } from '../playground/build-lib.mjs';
import { buildPlayground, outdir } from '../playground/build.mjs';
import { serve } from '../playground/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SECONDS = Number(arg('seconds', '2'));
const BROWSER = !process.argv.includes('--no-browser');
const TARGET = 10_000;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

// ---- sizes ------------------------------------------------------------------------------------

const built = await buildPlayground({ minify: true });
await buildLibrary();
const sizes = [];
for (const [label, file] of [['playground app.js (minified)', path.join(outdir, 'app.js')], ['playground app.css', path.join(outdir, 'app.css')], ['library dist/index.js (not minified)', path.join(root, 'dist/index.js')]]) {
  const raw = readFileSync(file);
  sizes.push({ label, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length });
}
// Where the bundle's bytes come from, by top-level folder or package.
const parts = new Map();
for (const [input, info] of Object.entries(built.metafile.outputs[Object.keys(built.metafile.outputs).find((o) => o.endsWith('app.js'))].inputs)) {
  const key = input.includes('node_modules/') ? input.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1') : input.replace(/^(src\/[^/]+(?:\/data)?|playground\/src)\/.*$/, '$1');
  parts.set(key, (parts.get(key) ?? 0) + info.bytesInOutput);
}

// ---- scenarios --------------------------------------------------------------------------------

// Each scenario sets up a daemon and then runs one command line as often as it can.
const SCENARIOS = [
  { name: 'docker ps, no containers', setup: [], command: 'docker ps' },
  { name: 'docker ps, 3 running containers', setup: ['run -d --name web -p 8080:80 nginx', 'run -d --name cache busybox sleep 1000', 'run -d -P nginx'], command: 'docker ps' },
  { name: 'docker ps -q, 3 running containers', setup: ['run -d --name web -p 8080:80 nginx', 'run -d --name cache busybox sleep 1000', 'run -d -P nginx'], command: 'docker ps -q' },
];

/** Runs in Node and, as text, in the page: keep it self-contained. */
function measure(lib, scenario, seconds, storeKind) {
  const store = storeKind === 'browser' ? new lib.BrowserStore({ prefix: `bench-${Math.random()}:` }) : new lib.MemoryStore();
  const docker = lib.createDocker({ seed: 1, now: () => Date.UTC(2025, 0, 1), images: ['nginx', 'busybox'], store });
  for (const line of scenario.setup) docker.run(line);
  const check = docker.run(scenario.command);
  if (check.exitCode !== 0) throw new Error(`${scenario.command}: ${check.stderr}`);
  for (let i = 0; i < 50; i++) docker.run(scenario.command); // warm up
  let n = 0;
  const cpu0 = typeof process !== 'undefined' ? process.cpuUsage() : undefined;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < seconds * 1000) {
    for (let i = 0; i < 10; i++) docker.run(scenario.command);
    n += 10;
    t = performance.now();
  }
  // On a busy machine wall time undercounts; CPU time (Node only) shows the cost itself.
  const cpu = cpu0 ? process.cpuUsage(cpu0) : undefined;
  return { perSecond: n / ((t - t0) / 1000), perCpuSecond: cpu ? n / ((cpu.user + cpu.system) / 1e6) : undefined };
}

const rows = [];
const lib = await import(pathToFileURL(path.join(root, 'dist/index.js')).href);
for (const s of SCENARIOS) rows.push({ where: 'Node (library, MemoryStore)', scenario: s.name, ...measure(lib, s, SECONDS, 'memory') });

if (BROWSER) {
  if (!existsSync(executablePath)) {
    console.error(`no Chromium at ${executablePath} (apt-get install -y chromium, or --no-browser)`);
    process.exit(1);
  }
  const { chromium } = await import('playwright-core');
  const server = await serve(0);
  const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.fakedocker !== undefined);
    for (const storeKind of ['memory', 'browser']) {
      for (const s of SCENARIOS) {
        const m = await page.evaluate(`(${measure.toString()})(window.fakedocker, ${JSON.stringify(s)}, ${SECONDS}, ${JSON.stringify(storeKind)})`);
        rows.push({ where: `Chromium (page bundle, ${storeKind === 'memory' ? 'MemoryStore' : 'BrowserStore'})`, scenario: s.name, ...m });
      }
    }
    const version = browser.version();
    rows.forEach((r) => { if (r.where.startsWith('Chromium')) r.where = r.where.replace('Chromium', `Chromium ${version.split('.')[0]}`); });
  } finally {
    await browser.close();
    server.close();
  }
}

// ---- report -----------------------------------------------------------------------------------

console.log('\nBundle sizes');
console.log(`${'file'.padEnd(40)} ${'raw'.padStart(12)} ${'gzip -9'.padStart(12)}`);
for (const s of sizes) console.log(`${s.label.padEnd(40)} ${kb(s.raw).padStart(12)} ${kb(s.gzip).padStart(12)}`);
console.log('\napp.js by origin (bytes in the minified output)');
for (const [k, v] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${k.padEnd(38)} ${kb(v).padStart(12)}`);

console.log(`\nThroughput (${SECONDS} s per row; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} CPUs)`);
console.log(`${'where'.padEnd(40)} ${'scenario'.padEnd(36)} ${'commands/s'.padStart(11)} ${'µs each'.padStart(9)} ${'per CPU-s'.padStart(10)}  target ${TARGET}/s`);
for (const r of rows) {
  const best = Math.max(r.perSecond, r.perCpuSecond ?? 0);
  const cpu = r.perCpuSecond === undefined ? '-' : Math.round(r.perCpuSecond).toLocaleString('en');
  console.log(`${r.where.padEnd(40)} ${r.scenario.padEnd(36)} ${Math.round(r.perSecond).toLocaleString('en').padStart(11)} ${(1e6 / r.perSecond).toFixed(0).padStart(9)} ${cpu.padStart(10)}  ${best >= TARGET ? 'met' : 'missed'}`);
}
