'use strict';
// Starts the bundled CLI with V8's code cache: the compiled bundle is kept beside it
// (cli-main.cjs.v8cache, written after the first run), so later starts skip most of the
// parse/compile work. A stale or foreign cache is rejected by V8 and simply rewritten.
const vm = require('node:vm');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const file = path.join(__dirname, 'cli-main.cjs');
const cacheFile = `${file}.v8cache`;
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
