// Bundles the TypeScript sources into dist/ with esbuild, so bin/fakedocker runs plain
// JavaScript and never transpiles at start-up.
import { build } from 'esbuild';
import { copyFileSync, existsSync, rmSync } from 'node:fs';

const entries = ['src/cli-main.ts', 'src/index.ts', 'scripts/record.ts', 'scripts/fuzz-live.ts'].filter(existsSync);
// Each entry is bundled on its own, so one broken entry point cannot leave the others stale.
const results = await Promise.allSettled(entries.map((entry) => build({
  entryPoints: [entry],
  outdir: 'dist',
  outbase: '.',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  // Minified: less JavaScript to parse on every CLI start (see bench/startup.mjs).
  minify: true,
  keepNames: false,
  logLevel: 'warning',
  // dist/src/cli-main.js → dist/cli-main.js etc.
  entryNames: '[dir]/[name]',
  packages: 'bundle',
  banner: { js: "import { createRequire as __fdCreateRequire } from 'node:module'; const require = __fdCreateRequire(import.meta.url);" },
})));
await (await import('../playground/build-lib.mjs')).buildLibrary(); // dist/index.js + dist/index.d.ts (the library)
// The CLI also as one CommonJS file, started by cli-loader.cjs with V8's code cache.
results.push(...(await Promise.allSettled([build({
  entryPoints: ['src/cli-main.ts'],
  outfile: 'dist/src/cli-main.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
})])));
copyFileSync('scripts/cli-loader.cjs', 'dist/src/cli-loader.cjs');
rmSync('dist/src/cli-main.cjs.v8cache', { force: true });
if (results.some((r) => r.status === 'rejected')) process.exit(1);
