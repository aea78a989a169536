// Where the time of `docker ps` goes, in-process through the library (the same engine the
// playground runs): a CPU profile of a loop of one command, summarised as the functions with the
// most self time and the most inclusive time. Equivalent to node --cpu-prof plus reading the
// .cpuprofile, in one step. Needs dist/index.js (npm run build).
//
//   node bench/playground-profile.mjs [--seconds=4] [--command='docker ps'] [--containers=3] [--save=file.cpuprofile]
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SECONDS = Number(arg('seconds', '4'));
const COMMAND = arg('command', 'docker ps');
const CONTAINERS = Number(arg('containers', '3'));

const lib = await import(pathToFileURL(path.join(root, 'dist/index.js')).href);
const docker = lib.createDocker({ seed: 1, now: () => Date.UTC(2025, 0, 1), images: ['nginx', 'busybox'] });
for (let i = 0; i < CONTAINERS; i++) docker.run(i % 2 ? `run -d --name c${i} busybox sleep 1000` : `run -d --name c${i} -p ${8000 + i}:80 nginx`);
for (let i = 0; i < 200; i++) docker.run(COMMAND);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
let n = 0;
const t0 = performance.now();
while (performance.now() - t0 < SECONDS * 1000) { docker.run(COMMAND); n++; }
const elapsed = performance.now() - t0;
const { profile } = await session.post('Profiler.stop');
session.disconnect();
if (arg('save', '')) writeFileSync(arg('save', ''), JSON.stringify(profile));

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const label = (node) => {
  const f = node.callFrame;
  const file = f.url ? path.basename(f.url) : '';
  return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
};
const self = new Map();
const inclusive = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const node = byId.get(id);
  self.set(label(node), (self.get(label(node)) ?? 0) + dt);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur));
    if (!seen.has(l)) { seen.add(l); inclusive.set(l, (inclusive.get(l) ?? 0) + dt); }
  }
});
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([l, t]) => `  ${((100 * t) / total).toFixed(1).padStart(5)}%  ${l}`).join('\n');
console.log(`${COMMAND} with ${CONTAINERS} containers: ${n} runs in ${(elapsed / 1000).toFixed(1)} s = ${Math.round(n / (elapsed / 1000))}/s (${((1000 * elapsed) / n).toFixed(0)} µs each)`);
console.log(`\nself time (dist/index.js line numbers)\n${top(self, 25)}`);
console.log(`\ninclusive time\n${top(inclusive, 45)}`);
