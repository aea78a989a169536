// Bundles the playground for the browser into playground/dist/: app.js (the engine, the library,
// xterm.js and the shell), app.css and index.html. Everything is local: once loaded, the page
// makes no request. Usage: node playground/build.mjs [--no-minify]
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const outdir = path.join(here, 'dist');

export async function buildPlayground({ minify = true } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: { app: path.join(here, 'src/main.ts') },
    outdir,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    minify,
    sourcemap: false,
    metafile: true,
    legalComments: 'eof',
    logLevel: 'silent',
    define: { 'process.env.FAKEDOCKER_DEBUG': 'undefined' },
  }).catch((e) => {
    // The engine must stay free of Node built-ins; name the import that broke that.
    for (const err of e.errors ?? []) {
      const where = err.location ? `${err.location.file}:${err.location.line}` : '';
      console.error(`playground build: ${err.text}${where ? ` (imported at ${where})` : ''}`);
    }
    process.exit(1);
  });
  copyFileSync(path.join(here, 'index.html'), path.join(outdir, 'index.html'));
  const nodeImports = Object.values(result.metafile.inputs).flatMap((i) => i.imports).filter((i) => i.path.startsWith('node:'));
  if (nodeImports.length > 0) {
    console.error(`playground build: Node built-ins reached the browser bundle: ${nodeImports.map((i) => i.path).join(', ')}`);
    process.exit(1);
  }
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildPlayground({ minify: !process.argv.includes('--no-minify') });
  console.log(`playground built into ${path.relative(process.cwd(), outdir) || outdir}`);
}
