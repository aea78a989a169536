// docker build end to end through execute(), with an in-memory build context; plus the parser,
// .dockerignore matching and SHA-256 on their own.
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/dispatch.js';
import { createEnv } from '../../src/runtime.js';
import { createInitialState } from '../../src/engine/initial-state.js';
import type { EngineState } from '../../src/engine/state.js';
import type { BuildContextEntry, BuildContextReader } from '../../src/engine/build/context.js';
import { parseDockerfile, DockerfileError, sha256Hex } from '../../src/engine/build/index.js';
import { dockerignoreFilter } from '../../src/engine/build/ignore.js';

const NOW = Date.UTC(2026, 10, 28, 3, 0, 0);

/** Files of the client, relative to its cwd ('ctx/Dockerfile'). */
function memContext(files: Record<string, string>): BuildContextReader {
  const norm = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '').replace(/^\.$/, '');
  const dirs = new Set<string>(['']);
  for (const f of Object.keys(files)) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return {
    stat: (p) => (dirs.has(norm(p)) ? 'dir' : files[norm(p)] !== undefined ? 'file' : undefined),
    readFile: (p) => files[norm(p).replace(/\/\//g, '/')] ?? files[norm(p).replace(/^\//, '')],
    list(dir) {
      const root = norm(dir);
      const pre = root ? `${root}/` : '';
      const out: BuildContextEntry[] = [];
      for (const d of dirs) if (d.startsWith(pre) && d !== root) out.push({ path: d.slice(pre.length), type: 'dir', mode: 0o755, size: 0 });
      for (const [f, c] of Object.entries(files)) if (f.startsWith(pre)) out.push({ path: f.slice(pre.length), type: 'file', mode: 0o644, size: c.length, content: c });
      return out.sort((a, b) => (a.path < b.path ? -1 : 1));
    },
  };
}

class Session {
  state: EngineState = createInitialState(7, NOW);
  now = NOW;
  constructor(public files: Record<string, string>) {}
  run(...argv: string[]) {
    const env = createEnv({ now: () => this.now, seed: 1 });
    (env.host as unknown as { buildContext: BuildContextReader }).buildContext = memContext(this.files);
    const r = execute(this.state, argv, { env });
    this.state = r.state;
    this.now += 1000 + r.waitedMs;
    return r;
  }
}

const DOCKERFILE = 'FROM busybox\nLABEL a=b\nENV X=1\nWORKDIR /app\nCOPY hello.txt /app/\nRUN echo hi > /app/out.txt\nEXPOSE 80\nCMD ["cat", "/app/out.txt"]\n';

describe('docker build', () => {
  it('builds, caches, tags, runs and records history', () => {
    const s = new Session({ Dockerfile: DOCKERFILE, 'hello.txt': 'hello\n' });
    s.run('pull', 'busybox');
    const first = s.run('build', '-t', 'app:1', '.');
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toContain('#0 building with "default" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n');
    expect(first.stderr).toContain('#4 [1/4] FROM docker.io/library/busybox:latest\n#4 DONE 0.0s');
    expect(first.stderr).toMatch(/#\d+ \[4\/4\] RUN echo hi > \/app\/out.txt\n#\d+ DONE/);
    expect(first.stderr).toMatch(/naming to docker.io\/library\/app:1 done\n#\d+ DONE 0\.\ds\n$/);
    const id = /writing image (sha256:[0-9a-f]{64}) done/.exec(first.stderr)![1];
    const second = s.run('build', '-t', 'app:1', '.');
    expect(second.stderr).toMatch(/\[4\/4\] RUN echo hi > \/app\/out.txt\n#\d+ CACHED/);
    expect(second.stderr).toContain(`writing image ${id} done`);
    expect(s.run('build', '-q', '.').stdout).toBe(`${id}\n`);
    expect(s.run('run', '--rm', 'app:1').stdout).toBe('hi\n');
    const img = s.state.images[id];
    expect(img.repoTags).toEqual(['app:1']);
    expect(img.history.slice(-7).map((h) => h.createdBy)).toEqual([
      'LABEL a=b', 'ENV X=1', 'WORKDIR /app', 'COPY hello.txt /app/ # buildkit', 'RUN /bin/sh -c echo hi > /app/out.txt # buildkit', 'EXPOSE [80/tcp]', 'CMD ["cat" "/app/out.txt"]',
    ]);
    expect(img.history.slice(-7).map((h) => !!h.emptyLayer)).toEqual([true, true, false, false, false, true, true]);
    expect(img.config.Env).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'X=1']);
    expect(img.layers.length).toBe(4);
  });

  it('reports a failing RUN with its exit code and the source excerpt', () => {
    const s = new Session({ Dockerfile: 'FROM busybox\nRUN echo hello\nRUN false\n' });
    const r = s.run('build', '.');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('#6 [3/3] RUN false\n#6 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1\n------\n > [3/3] RUN false:\n------\nDockerfile:3\n--------------------\n   1 |     FROM busybox\n   2 |     RUN echo hello\n   3 | >>> RUN false\n   4 |     \n--------------------\nERROR: failed to build: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1\n');
  });

  it('reports parse errors, a missing Dockerfile and a missing context', () => {
    const s = new Session({ Dockerfile: 'FROM busybox\nFOO bar\n' });
    expect(s.run('build', '.').stderr).toContain('ERROR: failed to build: failed to solve: dockerfile parse error on line 2: unknown instruction: FOO (did you mean FROM?)\n');
    expect(s.run('build', '-f', 'nope', '.').stderr).toMatch(/open nope: no such file or directory\n$/);
    const r = s.run('build', '/nonexist');
    expect(r.stderr).toBe('ERROR: failed to build: unable to prepare context: path "/nonexist" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('builds multi-stage files with --target, --build-arg and COPY --from', () => {
    const s = new Session({ Dockerfile: 'FROM busybox AS base\nARG V=def\nRUN echo "v=$V" > /v.txt\nFROM scratch\nCOPY --from=base /v.txt /out/v.txt\n' });
    const r = s.run('build', '--build-arg', 'V=x', '-t', 'm', '.');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('[base 2/2] RUN echo "v=x" > /v.txt');
    expect(r.stderr).toContain('[stage-1 1/1] COPY --from=base /v.txt /out/v.txt');
    const img = Object.values(s.state.images).find((i) => i.repoTags.includes('m:latest'))!;
    expect(img.layers.length).toBe(1);
    expect(img.layers[0].data!['/out/v.txt']!.content).toBe('v=x\n');
    const t = s.run('build', '--target', 'base', '-t', 'm:base', '.');
    expect(t.stderr).not.toContain('stage-1');
    expect(s.run('build', '--target', 'zzz', '.').stderr).toMatch(/target stage "zzz" could not be found\n$/);
  });

  it('honours .dockerignore', () => {
    const s = new Session({ Dockerfile: 'FROM busybox\nCOPY . /c/\n', '.dockerignore': 'secret\n*.log\n', secret: 's', 'a.log': 'l', 'keep.txt': 'k' });
    s.run('build', '-t', 'ig', '.');
    const img = Object.values(s.state.images).find((i) => i.repoTags.includes('ig:latest'))!;
    const paths = Object.keys(img.layers[img.layers.length - 1].data!).filter((p) => p.startsWith('/c/')).sort();
    expect(paths).toEqual(['/c/.dockerignore', '/c/Dockerfile', '/c/keep.txt']);
  });
});

describe('Dockerfile parser', () => {
  it('joins continuations, skips comments and keeps line numbers', () => {
    const ins = parseDockerfile('# c\nFROM busybox\nRUN echo a \\\n  && echo b\n\nCMD ["x"]\n');
    expect(ins.map((i) => [i.cmd, i.line])).toEqual([['FROM', 2], ['RUN', 3], ['CMD', 6]]);
    expect(ins[1].args).toBe('echo a   && echo b');
    expect(ins[2].json).toEqual(['x']);
  });
  it('rejects unknown instructions', () => {
    expect(() => parseDockerfile('FROM x\nFOO bar\n')).toThrow(DockerfileError);
  });
});

describe('helpers', () => {
  it('sha256', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('.dockerignore patterns', () => {
    const f = dockerignoreFilter('*.log\n!keep.log\nbuild/\n**/tmp\n');
    expect(f('a.log')).toBe(true);
    expect(f('keep.log')).toBe(false);
    expect(f('build/x/y')).toBe(true);
    expect(f('src/tmp')).toBe(true);
    expect(f('src/a.ts')).toBe(false);
  });
});

describe('docker build -f -', () => {
  it('reads the Dockerfile from stdin', () => {
    const s = new Session({ 'k.txt': 'k\n' });
    const env = createEnv({ now: () => s.now, seed: 1 });
    (env.host as unknown as { buildContext: BuildContextReader }).buildContext = memContext(s.files);
    const r = execute(s.state, ['build', '-f', '-', '-t', 'st', '.'], { env, stdin: 'FROM busybox\nADD k.txt /k\n' });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('#1 [internal] load build definition from Dockerfile\n');
    expect(r.stderr).toContain('[2/2] ADD k.txt /k');
  });
});
