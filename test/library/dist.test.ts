// The built library (npm test builds first): dist/index.js runs without Node built-ins and
// dist/index.d.ts declares the API.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = path.resolve(__dirname, '../../dist');
const built = existsSync(path.join(dist, 'index.js')) && existsSync(path.join(dist, 'index.d.ts'));

describe.skipIf(!built)('dist/index.js and dist/index.d.ts', () => {
  it('imports no Node built-in (it must run in a browser)', () => {
    const js = readFileSync(path.join(dist, 'index.js'), 'utf8');
    expect(js.match(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']node:[a-z_/]+["']/g)).toBeNull();
  });

  it('runs commands (in plain Node, as a consumer would load it)', () => {
    const code = `
      import { createDocker, explain } from ${JSON.stringify(pathToFileURL(path.join(dist, 'index.js')).href)};
      const docker = createDocker({ seed: 1, now: () => Date.UTC(2025, 0, 1), images: ['busybox'] });
      console.log(JSON.stringify({ r: docker.run('run --rm busybox echo built'), e: typeof explain('docker ps') }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ r: { stdout: 'built\n', stderr: '', exitCode: 0 }, e: 'string' });
  });

  it('declares the API, with every referenced declaration file present', () => {
    const dts = readFileSync(path.join(dist, 'index.d.ts'), 'utf8');
    expect(dts).toMatch(/export declare function createDocker\(/);
    for (const name of ['splitCommandLine', 'toArgv', 'explain', 'expectContainer', 'MemoryStore', 'BrowserStore']) expect(dts).toMatch(new RegExp(`\\b${name}\\b`));
    for (const name of ['Docker', 'DockerOptions', 'RunResult', 'DockerStateView', 'ContainerView']) expect(dts).toMatch(new RegExp(`export interface ${name}\\b`));
    const pending = [path.join(dist, 'index.d.ts')];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      expect(existsSync(file), file).toBe(true);
      for (const m of readFileSync(file, 'utf8').matchAll(/from ['"](\.{1,2}\/[^'"]+)\.js['"]/g)) pending.push(path.resolve(path.dirname(file), `${m[1]}.d.ts`));
    }
    expect(seen.size).toBeGreaterThan(5);
  });
});
