'use strict';
// Starts the bundled CLI with V8's code cache: the compiled bundle is kept beside it, so later
// starts skip most of the parse/compile work. V8 caches the functions compiled when the cache is
// written, i.e. those the first run used: so each common command keeps a cache of its own
// (cli-main.cjs.ps.v8cache, written after its first run), and any other command shares one.
// A stale or foreign cache is rejected by V8 and simply rewritten.
const vm = require('node:vm');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const file = path.join(__dirname, 'cli-main.cjs');
const COMMON = new Set(['ps', 'run', 'images', 'inspect', 'logs', 'exec', 'start', 'stop', 'rm', 'rmi', 'pull', 'port', 'diff', 'build', 'create', 'volume', 'network', 'container', 'image', 'version', 'kill', 'restart', 'top', 'cp', 'tag', 'system', 'events', 'stats', 'wait', 'pause', 'unpause', 'rename', 'history']);
const verb = process.argv.slice(2).find((a) => !a.startsWith('-'));
const cacheFile = `${file}.${COMMON.has(verb) ? verb : 'other'}.v8cache`;
// ASCII only (scripts/build.mjs checks): Latin-1 decoding gives the same text, much faster.
const source = fs.readFileSync(file, 'latin1');
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  process.once('exit', () => {
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      // A read-only install just runs without the cache.
    }
  });
}
const mod = { exports: {} };
script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
