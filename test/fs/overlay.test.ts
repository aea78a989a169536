import { describe, expect, it } from 'vitest';
import { createContainerFs, FsError } from '../../src/engine/fs/index.js';
import type { LayerData } from '../../src/engine/fs/types.js';
import { busyboxLayer, dir, file, link, T0 } from './helpers.js';

const code = (fn: () => void): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FsError);
    return (e as FsError).code;
  }
  return 'no error';
};

describe('overlay reads', () => {
  it('merges directories across layers, top layer wins', () => {
    const base: LayerData = { '/': dir(), '/etc': dir(), '/etc/a': file('base a'), '/etc/b': file('b') };
    const top: LayerData = { '/etc': dir(), '/etc/a': file('top a'), '/etc/c': file('c') };
    const fs = createContainerFs([base, top], {});
    expect(fs.readdir('/etc')).toEqual(['a', 'b', 'c']);
    expect(fs.readFile('/etc/a')).toBe('top a');
    expect(fs.readFile('/etc/b')).toBe('b');
  });

  it('a whiteout in a higher layer hides the lower entry', () => {
    const base: LayerData = { '/': dir(), '/etc': dir(), '/etc/a': file('a'), '/etc/b': file('b') };
    const top: LayerData = { '/etc': dir(), '/etc/a': null };
    const fs = createContainerFs([base, top], {});
    expect(fs.readdir('/etc')).toEqual(['b']);
    expect(fs.stat('/etc/a')).toBeUndefined();
  });

  it('an opaque directory hides everything below it', () => {
    const base: LayerData = { '/': dir(), '/d': dir(), '/d/old': file('x') };
    const top: LayerData = { '/d': { ...dir(), opaque: true } as never, '/d/new': file('y') };
    const fs = createContainerFs([base, top], {});
    expect(fs.readdir('/d')).toEqual(['new']);
  });

  it('a file in a higher layer replaces a lower directory', () => {
    const base: LayerData = { '/': dir(), '/x': dir(), '/x/inner': file('i') };
    const top: LayerData = { '/x': file('now a file') };
    const fs = createContainerFs([base, top], {});
    expect(fs.stat('/x')?.type).toBe('file');
    expect(fs.stat('/x/inner')).toBeUndefined();
    expect(fs.readdir('/x')).toBeUndefined();
  });

  it('treats missing parent entries of a layer as implicit directories', () => {
    const fs = createContainerFs([{ '/usr/share/doc/x': file('doc') }], {});
    expect(fs.readdir('/')).toEqual(['usr']);
    expect(fs.stat('/usr/share')?.type).toBe('dir');
  });

  it('follows absolute and relative symlinks, and ../ after a symlink physically', () => {
    const base: LayerData = {
      '/': dir(),
      '/usr': dir(),
      '/usr/bin': dir(),
      '/usr/bin/dash': file('', 0o755),
      '/usr/bin/sh': link('dash'),
      '/bin': link('usr/bin'),
      '/etc': dir(),
      '/etc/motd': file('hi'),
      '/etc/abs': link('/etc/motd'),
    };
    const fs = createContainerFs([base], {});
    expect(fs.stat('/bin/sh')?.mode).toBe(0o755);
    expect(fs.lstat('/bin/sh')?.type).toBe('symlink');
    expect(fs.readFile('/etc/abs')).toBe('hi');
    expect(fs.readdir('/bin')).toEqual(['dash', 'sh']);
    expect(fs.stat('/bin/../bin/dash')?.type).toBe('file');
    expect(fs.resolve('/bin/sh', true).path).toBe('/usr/bin/dash');
  });

  it('symlink loops give ELOOP, a file used as a directory ENOTDIR', () => {
    const fs = createContainerFs([{ '/': dir(), '/a': link('b'), '/b': link('a'), '/f': file('x') }], {});
    expect(fs.stat('/a')).toBeUndefined();
    expect(fs.lookup('/a').error).toBe('ELOOP');
    expect(fs.lookup('/f/x').error).toBe('ENOTDIR');
    expect(fs.lookup('/nope/x').error).toBe('ENOENT');
    expect(code(() => fs.writeFile('/a', 'x'))).toBe('ELOOP');
    expect(code(() => fs.writeFile('/f/x', 'x'))).toBe('ENOTDIR');
  });
});

describe('overlay writes', () => {
  it('writes go to the upper layer only, copying parents up', () => {
    const base = busyboxLayer();
    const snapshot = JSON.stringify(base);
    const fs = createContainerFs([base], {}, { now: () => T0 + 1000 });
    fs.writeFile('/etc/passwd', 'changed\n', { append: true });
    expect(fs.readFile('/etc/passwd')).toBe('root:x:0:0:root:/root:/bin/sh\nchanged\n');
    expect(JSON.stringify(base)).toBe(snapshot);
    const up = fs.upper();
    expect(Object.keys(up)).toEqual(['/etc', '/etc/passwd']);
    expect(up['/etc/passwd']?.size).toBe(38);
    expect(up['/etc/passwd']?.mtimeMs).toBe(T0 + 1000);
  });

  it('parent directories must exist', () => {
    const fs = createContainerFs([busyboxLayer()], {});
    expect(code(() => fs.writeFile('/nope/x', 'x'))).toBe('ENOENT');
    expect(code(() => fs.mkdir('/a/b'))).toBe('ENOENT');
    expect(code(() => fs.writeFile('/etc', 'x'))).toBe('EISDIR');
    expect(code(() => fs.mkdir('/etc'))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/etc/passwd/x', { recursive: true }))).toBe('ENOTDIR');
    fs.mkdir('/a/b/c', { recursive: true });
    expect(fs.stat('/a/b/c')?.type).toBe('dir');
    fs.mkdir('/a/b/c', { recursive: true });
  });

  it('remove: ENOENT, ENOTEMPTY, whiteouts for lower entries, nothing left for upper-only ones', () => {
    const fs = createContainerFs([busyboxLayer()], {});
    expect(code(() => fs.remove('/nope'))).toBe('ENOENT');
    expect(code(() => fs.remove('/etc'))).toBe('ENOTEMPTY');
    fs.remove('/bin/ls');
    expect(fs.upper()['/bin/ls']).toBeNull();
    fs.writeFile('/tmp/a', 'a');
    fs.remove('/tmp/a');
    expect('/tmp/a' in fs.upper()).toBe(false);
    fs.remove('/usr', { recursive: true });
    expect(fs.readdir('/')).not.toContain('usr');
    expect(fs.upper()['/usr']).toBeNull();
    expect(code(() => fs.remove('/'))).toBe('EBUSY');
  });

  it('a directory removed and created again is opaque', () => {
    const fs = createContainerFs([busyboxLayer()], {});
    fs.remove('/var/spool', { recursive: true });
    fs.mkdir('/var/spool');
    expect(fs.readdir('/var/spool')).toEqual([]);
    expect((fs.upper()['/var/spool'] as { opaque?: boolean }).opaque).toBe(true);
    fs.writeFile('/var/spool/x', '1');
    expect(fs.readdir('/var/spool')).toEqual(['x']);
    // Persisted and reopened: still opaque.
    const again = createContainerFs([busyboxLayer()], JSON.parse(JSON.stringify(fs.upper())));
    expect(again.readdir('/var/spool')).toEqual(['x']);
  });

  it('rename moves files and whole directories across layers', () => {
    const fs = createContainerFs([busyboxLayer()], {});
    fs.rename('/etc/passwd', '/etc/passwd2');
    expect(fs.readFile('/etc/passwd2')).toBe('root:x:0:0:root:/root:/bin/sh\n');
    expect(fs.stat('/etc/passwd')).toBeUndefined();
    fs.rename('/var/spool', '/var/s2');
    expect(fs.readdir('/var')).toEqual(['s2', 'www']);
    expect(fs.readdir('/var/s2')).toEqual(['mail']);
    expect(code(() => fs.rename('/nope', '/x'))).toBe('ENOENT');
    expect(code(() => fs.rename('/etc/group', '/var'))).toBe('EISDIR');
    expect(code(() => fs.rename('/var', '/var/s2/x'))).toBe('EINVAL');
    expect(code(() => fs.rename('/var/s2', '/etc/group'))).toBe('ENOTDIR');
    expect(code(() => fs.rename('/var/s2', '/etc'))).toBe('ENOTEMPTY');
  });

  it('rename onto an existing lower file replaces it', () => {
    const fs = createContainerFs([busyboxLayer()], {});
    fs.rename('/etc/group', '/etc/passwd');
    expect(fs.readFile('/etc/passwd')).toBe('root:x:0:\n');
    expect(fs.readdir('/etc')).toEqual(['passwd']);
  });

  it('symlinks: EEXIST, writing through a symlink writes its target', () => {
    const fs = createContainerFs([busyboxLayer()], {});
    fs.symlink('/etc/passwd', '/tmp/pw');
    expect(code(() => fs.symlink('x', '/tmp/pw'))).toBe('EEXIST');
    fs.writeFile('/tmp/pw', 'new\n');
    expect(fs.readFile('/etc/passwd')).toBe('new\n');
    expect(fs.lstat('/tmp/pw')?.target).toBe('/etc/passwd');
  });

  it('setAttr changes mode and owner with copy-up', () => {
    const fs = createContainerFs([busyboxLayer()], {});
    fs.setAttr('/etc/group', { mode: 0o600, uid: 33 });
    expect(fs.stat('/etc/group')).toMatchObject({ mode: 0o600, uid: 33, content: 'root:x:0:\n' });
  });

  it('stays fast on a 10k-entry image (lowers are indexed, never copied)', () => {
    const big: LayerData = { '/': dir(), '/usr': dir(), '/usr/share': dir() };
    for (let i = 0; i < 100; i++) {
      big[`/usr/share/d${i}`] = dir();
      for (let j = 0; j < 100; j++) big[`/usr/share/d${i}/f${j}`] = file('x');
    }
    const t = performance.now();
    for (let k = 0; k < 50; k++) {
      const fs = createContainerFs([big, { '/etc': dir() }], {});
      fs.writeFile(`/usr/share/d${k}/new`, 'n');
      expect(fs.readdir(`/usr/share/d${k}`)?.length).toBe(101);
      expect(fs.readdir('/usr/share')?.length).toBe(100);
    }
    expect(performance.now() - t).toBeLessThan(1500);
  });
});

describe('read-only filesystems', () => {
  const base = (): LayerData => ({ '/': dir(), '/etc': dir(), '/etc/a': file('a'), '/data': dir(), '/data/old': file('old'), '/dev': dir(), '/scratch': dir() });
  const mounted = () => createContainerFs([base()], {}, {
    readOnlyRoot: true,
    mounts: [{ path: '/data', readOnly: true }, { path: '/scratch', readOnly: false }, { path: '/data/rw', readOnly: false }],
  });

  it('refuses every kind of write on a read-only root with EROFS', () => {
    const fs = mounted();
    expect(code(() => fs.writeFile('/x', ''))).toBe('EROFS');
    expect(code(() => fs.writeFile('/etc/a', 'changed'))).toBe('EROFS');
    expect(code(() => fs.mkdir('/newdir'))).toBe('EROFS');
    expect(code(() => fs.mkdir('/p/q', { recursive: true }))).toBe('EROFS');
    expect(code(() => fs.remove('/etc/a'))).toBe('EROFS');
    expect(code(() => fs.symlink('a', '/etc/l'))).toBe('EROFS');
    expect(code(() => fs.rename('/etc/a', '/etc/b'))).toBe('EROFS');
    expect(code(() => fs.setAttr('/etc', { mode: 0o700 }))).toBe('EROFS');
    expect(fs.readFile('/etc/a')).toBe('a');
    expect(fs.upper()).toEqual({});
  });

  it('reports what the kernel checks first: a missing parent, an existing entry', () => {
    const fs = mounted();
    expect(code(() => fs.writeFile('/nodir/x', ''))).toBe('ENOENT');
    expect(code(() => fs.mkdir('/etc'))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/etc', { recursive: true }))).toBe('no error');
    expect(code(() => fs.remove('/nonexistent'))).toBe('ENOENT');
    expect(code(() => fs.writeFile('/etc', ''))).toBe('EISDIR');
  });

  it('lets the innermost mount decide', () => {
    const fs = mounted();
    expect(code(() => fs.writeFile('/data/new', ''))).toBe('EROFS');
    expect(code(() => fs.remove('/data/old'))).toBe('EROFS');
    expect(code(() => fs.writeFile('/scratch/f', 'x'))).toBe('no error');
    expect(fs.readFile('/scratch/f')).toBe('x');
    expect(fs.isWritable('/data/rw/f')).toBe(true);
    expect(fs.isWritable('/data/rwx')).toBe(false);
    expect(fs.isWritable('/dev/null')).toBe(false);
  });

  it('a writable root may carry read-only mounts', () => {
    const fs = createContainerFs([base()], {}, { mounts: [{ path: '/data/', readOnly: true }] });
    expect(code(() => fs.writeFile('/x', ''))).toBe('no error');
    expect(code(() => fs.writeFile('/data/x', ''))).toBe('EROFS');
  });
});
