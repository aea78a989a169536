// exec, diff, cp, commit, history, export end to end through execute(), with an in-memory host
// filesystem standing in for the adapter's HostFiles.
import { describe, expect, it } from 'vitest';
import { execute, type ExecuteResult } from '../../src/cli/dispatch.js';
import { createEnv } from '../../src/runtime.js';
import { createInitialState } from '../../src/engine/initial-state.js';
import type { EngineState } from '../../src/engine/state.js';
import type { HostFileStat, HostFiles } from '../../src/commands/container/cp.js';

const NOW = Date.UTC(2026, 10, 28, 3, 0, 0);

class MemHost implements HostFiles {
  files = new Map<string, { stat: HostFileStat; data?: Uint8Array; target?: string }>([['/', { stat: { type: 'dir', mode: 0o755, size: 0, mtimeMs: 0 } }], ['/work', { stat: { type: 'dir', mode: 0o755, size: 0, mtimeMs: 0 } }]]);
  resolve(p: string): string {
    const abs = p.startsWith('/') ? p : `/work/${p}`;
    const parts: string[] = [];
    for (const s of abs.split('/')) {
      if (s === '' || s === '.') continue;
      if (s === '..') parts.pop();
      else parts.push(s);
    }
    return '/' + parts.join('/');
  }
  lstat(p: string) { return this.files.get(p)?.stat; }
  readFile(p: string) { return this.files.get(p)!.data!; }
  readlink(p: string) { return this.files.get(p)!.target!; }
  readdir(p: string) {
    const pre = p === '/' ? '/' : `${p}/`;
    return [...this.files.keys()].filter((k) => k !== p && k.startsWith(pre) && !k.slice(pre.length).includes('/')).map((k) => k.slice(pre.length)).sort();
  }
  mkdir(p: string, mode: number) { this.files.set(p, { stat: { type: 'dir', mode, size: 0, mtimeMs: 0 } }); }
  writeFile(p: string, data: Uint8Array, mode: number) {
    const parent = p.slice(0, p.lastIndexOf('/')) || '/';
    if (this.files.get(parent)?.stat.type !== 'dir') throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' });
    this.files.set(p, { stat: { type: 'file', mode, size: data.length, mtimeMs: 0 }, data });
  }
  symlink(target: string, p: string) { this.files.set(p, { stat: { type: 'symlink', mode: 0o777, size: target.length, mtimeMs: 0 }, target }); }
  remove(p: string) { this.files.delete(p); }
  text(p: string) { return new TextDecoder().decode(this.readFile(p)); }
}

class Session {
  state: EngineState = createInitialState(5, NOW);
  now = NOW;
  host = new MemHost();
  env = createEnv({ now: () => this.now, seed: 5 });
  tty = false;
  constructor() {
    (this.env.host as { files?: HostFiles }).files = this.host;
  }
  run(argv: string[], stdin?: string): ExecuteResult {
    const r = execute(this.state, argv, { env: this.env, stdin, stdoutIsTty: this.tty, stdinIsTty: this.tty });
    this.state = r.state;
    this.now += 1000;
    return r;
  }
}

function session(): Session {
  const s = new Session();
  s.run(['pull', 'busybox']);
  s.run(['run', '-d', '--name', 'web', 'busybox', 'sleep', '300']);
  return s;
}

describe('exec', () => {
  it('runs in the container, persists writes, passes stdin with -i', () => {
    const s = session();
    expect(s.run(['exec', 'web', 'sh', '-c', 'echo hi > /tmp/f']).exitCode).toBe(0);
    expect(s.run(['exec', 'web', 'cat', '/tmp/f']).stdout).toBe('hi\n');
    expect(s.run(['exec', '-i', 'web', 'cat'], 'abc\n').stdout).toBe('abc\n');
    expect(s.run(['exec', 'web', 'cat'], 'abc\n').stdout).toBe('');
    expect(s.run(['diff', 'web']).stdout).toBe('C /tmp\nA /tmp/f\n');
  });
  it('blocks on a long-running command', () => {
    const s = session();
    const r = s.run(['exec', 'web', 'tail', '-f', '/dev/null']);
    expect(r.attachedTo).toBeDefined();
    expect(s.run(['exec', '-d', 'web', 'sleep', '1000']).attachedTo).toBeUndefined();
  });
  it('refuses -it without a terminal', () => {
    const s = session();
    const r = s.run(['exec', '-it', 'web', 'sh']);
    expect(r.stderr).toBe('the input device is not a TTY\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('cp', () => {
  it('copies a file out and back in', () => {
    const s = session();
    expect(s.run(['cp', 'web:/etc/passwd', 'p']).exitCode).toBe(0);
    expect(s.host.text('/work/p')).toContain('root:x:0:0');
    s.host.writeFile('/work/in.txt', new TextEncoder().encode('hello\n'), 0o644);
    expect(s.run(['cp', 'in.txt', 'web:/tmp/']).exitCode).toBe(0);
    expect(s.run(['exec', 'web', 'cat', '/tmp/in.txt']).stdout).toBe('hello\n');
    expect(s.run(['cp', 'in.txt', 'web:/tmp/renamed']).exitCode).toBe(0);
    expect(s.run(['exec', 'web', 'ls', '/tmp']).stdout).toBe('in.txt\nrenamed\n');
  });
  it('copies directories (into an existing directory, to a new name, contents with /.)', () => {
    const s = session();
    s.run(['cp', 'web:/etc', 'newetc']);
    expect(s.host.lstat('/work/newetc/passwd')?.type).toBe('file');
    s.host.mkdir('/work/ex', 0o755);
    s.run(['cp', 'web:/etc', 'ex']);
    expect(s.host.lstat('/work/ex/etc/passwd')?.type).toBe('file');
    s.host.mkdir('/work/ex2', 0o755);
    s.run(['cp', 'web:/etc/.', 'ex2']);
    expect(s.host.lstat('/work/ex2/passwd')?.type).toBe('file');
  });
  it('reports errors as the real CLI does', () => {
    const s = session();
    expect(s.run(['cp', 'web:/nope', 'x']).stderr).toBe('Error response from daemon: Could not find the file /nope in container web\n');
    expect(s.run(['cp', 'web:/etc/passwd', 'nodir/']).stderr).toBe('no such directory\n');
    expect(s.run(['cp', 'web:/etc/passwd', 'nodir/x']).stderr).toBe('invalid output path: directory "/work/nodir" does not exist\n');
    expect(s.run(['cp', 'none', 'web:/tmp/']).stderr).toBe('lstat /work/none: no such file or directory\n');
    s.host.writeFile('/work/hf', new Uint8Array(3), 0o644);
    expect(s.run(['cp', 'hf', 'web:/nodir/x']).stderr).toBe('Error response from daemon: Could not find the file /nodir in container web\n');
  });
  it('prints the progress line on a terminal', () => {
    const s = session();
    s.tty = true;
    expect(s.run(['cp', 'web:/etc/passwd', 'p2']).stderr).toBe('Successfully copied 2.05kB to /work/p2\n');
  });
});

describe('commit, history, export', () => {
  it('commits the upper layer into a new image', () => {
    const s = session();
    s.run(['exec', 'web', 'sh', '-c', 'echo hi > /tmp/in.txt; echo hi > /tmp/renamed']);
    const r = s.run(['commit', '-m', 'my msg', '-c', 'CMD ["cat","/tmp/in.txt"]', 'web', 'snap']);
    expect(r.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(s.run(['run', '--rm', 'snap']).stdout).toBe('hi\n');
    const h = s.run(['history', '--format', '{{.CreatedBy}}|{{.Size}}|{{.Comment}}', 'snap']).stdout;
    expect(h.split('\n')[0]).toBe('sleep 300|6B|my msg');
  });
  it('exports a tar through the host', () => {
    const s = session();
    expect(s.run(['export', '-o', 'e.tar', 'web']).exitCode).toBe(0);
    const tar = s.host.readFile('/work/e.tar');
    expect(new TextDecoder().decode(tar.slice(0, 10))).toBe('.dockerenv');
    expect(tar.length % 512).toBe(0);
    s.tty = true;
    expect(s.run(['export', 'web']).stderr).toBe('cowardly refusing to save to a terminal. Use the -o flag or redirect\n');
  });
});

describe('cp into read-only places', () => {
  it('refuses a read-only root or volume, as the daemon does, and allows a writable volume', () => {
    const s = session();
    s.host.writeFile('/work/f.txt', new TextEncoder().encode('hi\n'), 0o644);
    s.run(['create', '--name', 'ro', '--read-only', '-v', 'rovol:/ro:ro', '-v', 'rwvol:/rw', 'busybox', 'true']);
    const cp = (dest: string) => { const r = s.run(['cp', 'f.txt', dest]); return [r.exitCode, r.stderr]; };
    expect(cp('ro:/f.txt')).toEqual([1, 'Error response from daemon: container rootfs is marked read-only\n']);
    expect(cp('ro:/ro/f.txt')).toEqual([1, 'Error response from daemon: mounted volume is marked read-only\n']);
    expect(cp('ro:/rw/f.txt')).toEqual([0, '']);
    expect(s.run(['run', '--rm', '-v', 'rwvol:/v', 'busybox', 'cat', '/v/f.txt']).stdout).toBe('hi\n');
  });
});

describe('run/create --cidfile', () => {
  it('writes the new container ID into the file, in the client working directory', () => {
    const s = session();
    const r = s.run(['run', '--cidfile', 'cid.txt', '--name', 'cid1', 'busybox', 'true']);
    expect(r.exitCode).toBe(0);
    const id = s.run(['inspect', '-f', '{{.Id}}', 'cid1']).stdout.trim();
    expect(s.host.text('/work/cid.txt')).toBe(id);
    expect(s.host.lstat('/work/cid.txt')).toMatchObject({ type: 'file', mode: 0o644, size: 64 });
    expect(s.run(['inspect', '-f', '{{.HostConfig.ContainerIDFile}}', 'cid1']).stdout).toBe('cid.txt\n');
  });
  it('refuses an existing file before creating anything', () => {
    const s = session();
    s.host.writeFile('/work/cid.txt', new TextEncoder().encode('old'), 0o644);
    const before = s.run(['ps', '-aq']).stdout;
    const run = s.run(['run', '--cidfile', 'cid.txt', 'busybox', 'true']);
    expect([run.exitCode, run.stderr]).toEqual([125, "docker: container ID file found, make sure the other container isn't running or delete cid.txt\n\nRun 'docker run --help' for more information\n"]);
    const create = s.run(['create', '--cidfile', 'cid.txt', 'busybox', 'true']);
    expect([create.exitCode, create.stderr]).toEqual([1, "container ID file found, make sure the other container isn't running or delete cid.txt\n"]);
    expect(s.run(['ps', '-aq']).stdout).toBe(before);
    expect(s.host.text('/work/cid.txt')).toBe('old');
  });
  it('reports a file it cannot create, and takes the file back when the create fails', () => {
    const s = session();
    const run = s.run(['run', '--cidfile', '/nowhere/cid', 'busybox', 'true']);
    expect([run.exitCode, run.stderr]).toEqual([127, "docker: failed to create the container ID file: open /nowhere/cid: no such file or directory\n\nRun 'docker run --help' for more information\n"]);
    expect(s.run(['run', '--cidfile', 'bad.txt', 'bad::ref', 'true']).exitCode).toBe(125);
    expect(s.run(['run', '--cidfile', 'bad.txt', '--name', 'web', 'busybox', 'true']).exitCode).toBe(125);
    expect(s.host.lstat('/work/bad.txt')).toBeUndefined();
  });
});
