// Bundles the TypeScript sources into dist/ with esbuild, so bin/fakedocker runs plain
// JavaScript and never transpiles at start-up.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

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
// The CLI also as one CommonJS file, started by bin/fakedocker with V8's code cache. Its two
// big data tables (the recorded layer trees and Docker's help texts, 40% of the bundle; with the
// flag tables read off the help texts) are
// left out of it and read from JSON files the first time a command needs them: every start
// would otherwise pay for compiling and building them.
// `perKey`: each value in a file of its own (the help texts: a command reads only its own).
const LAZY_DATA = [
  { importer: /src[\\/]catalog[\\/]trees\.ts$/, spec: './data/engine-trees.js', source: 'src/catalog/data/engine-trees.ts', file: 'engine-trees', exportName: 'ENGINE_TREES', perKey: false },
  { importer: /src[\\/]cli[\\/]help\.ts$/, spec: './help-data.json', source: 'src/cli/help-data.json', file: 'help-data', exportName: 'default', perKey: true },
  // Each command's flag table, already read off its help (a start then parses no help text).
  { importer: /src[\\/]cli[\\/]help\.ts$/, spec: './help-flags-data.js', source: 'src/cli/help-flags-data.ts', file: 'help-flags', exportName: 'default', perKey: true },
];
const lazyKeys = new Map();
mkdirSync('dist/src/data', { recursive: true });
for (const entry of LAZY_DATA) {
  let value;
  if (entry.source.endsWith('.json')) value = JSON.parse(readFileSync(entry.source, 'utf8'));
  else {
    const tmp = `dist/src/data/.${entry.file}.mjs`;
    await build({ entryPoints: [entry.source], outfile: tmp, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
    value = (await import(`${pathToFileURL(tmp).href}?${Date.now()}`))[entry.exportName];
    rmSync(tmp);
  }
  rmSync(`dist/src/data/${entry.file}`, { recursive: true, force: true });
  if (entry.perKey) {
    const keys = Object.keys(value);
    mkdirSync(`dist/src/data/${entry.file}`, { recursive: true });
    keys.forEach((k, i) => writeFileSync(`dist/src/data/${entry.file}/${i}.json`, JSON.stringify(value[k])));
    lazyKeys.set(entry.file, keys);
  } else {
    writeFileSync(`dist/src/data/${entry.file}.json`, JSON.stringify(value));
  }
}
const lazyDataPlugin = {
  name: 'lazy-data',
  setup(b) {
    const specs = LAZY_DATA.map((d) => d.spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    b.onResolve({ filter: new RegExp(`^(${specs.join('|')})$`) }, (args) => {
      const entry = LAZY_DATA.find((d) => d.spec === args.path && d.importer.test(args.importer));
      return entry ? { path: entry.file, namespace: 'lazy-data' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-data' }, (args) => {
      const entry = LAZY_DATA.find((d) => d.file === args.path);
      const read = `(name) => JSON.parse(readFileSync(join(__dirname, 'data', name), 'utf8'))`;
      const body = entry.perKey
        ? `const keys = ${JSON.stringify(lazyKeys.get(entry.file))};
          const cache = new Map();
          const has = (key) => typeof key === 'string' && keys.includes(key);
          const value = (key) => {
            if (!has(key)) return undefined;
            if (!cache.has(key)) cache.set(key, read(${JSON.stringify(entry.file)} + '/' + keys.indexOf(key) + '.json'));
            return cache.get(key);
          };
          const data = new Proxy({}, {
            get: (_, key) => value(key),
            has: (_, key) => has(key),
            ownKeys: () => keys.slice(),
            getOwnPropertyDescriptor: (_, key) => (has(key) ? { value: value(key), writable: false, enumerable: true, configurable: true } : undefined),
          });`
        : `let whole;
          const load = () => (whole ??= read(${JSON.stringify(entry.file + '.json')}));
          const data = new Proxy({}, {
            get: (_, key) => load()[key],
            has: (_, key) => key in load(),
            ownKeys: () => Reflect.ownKeys(load()),
            getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(load(), key),
          });`;
      const contents = `const { readFileSync } = require('node:fs');
        const { join } = require('node:path');
        const read = ${read};
        ${body}
        ${entry.exportName === 'default' ? 'export default data;' : `export { data as ${entry.exportName} };`}`;
      return { contents, loader: 'js', resolveDir: '.' };
    });
  },
};
// The listing entry (cli-list.ts: `ps` without the other commands) is bundled the same way: the
// loader tries it first for those command lines.
const CLI_BUNDLES = [
  { entry: 'src/cli-main.ts', outfile: 'dist/src/cli-main.cjs' },
  { entry: 'src/cli-list.ts', outfile: 'dist/src/cli-list.cjs' },
];
results.push(...(await Promise.allSettled(CLI_BUNDLES.map(({ entry, outfile }) => build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // FAKEDOCKER_BUILD_READABLE=1 keeps names and lines, for reading CPU profiles of the CLI.
  minify: !process.env.FAKEDOCKER_BUILD_READABLE,
  logLevel: 'warning',
  plugins: [lazyDataPlugin],
})))));
// The loader reads the bundles as Latin-1 (much faster than UTF-8 at every start): they must stay ASCII.
for (const { outfile } of CLI_BUNDLES) {
  if (!existsSync(outfile) || process.env.FAKEDOCKER_BUILD_READABLE) continue;
  const bundle = readFileSync(outfile);
  const nonAscii = bundle.findIndex((b) => b > 0x7f);
  if (nonAscii >= 0) {
    console.error(`${outfile} has a non-ASCII byte at ${nonAscii} (near ${JSON.stringify(bundle.subarray(Math.max(0, nonAscii - 40), nonAscii + 10).toString())}): write it as an escape (\\u00b5) in the source`);
    process.exit(1);
  }
}
for (const f of readdirSync('dist/src')) if (f.endsWith('.v8cache')) rmSync(`dist/src/${f}`, { force: true });
if (results.some((r) => r.status === 'rejected')) process.exit(1);
