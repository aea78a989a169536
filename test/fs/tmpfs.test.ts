// tmpfs mounts as Engine 28.5.2 shows them: directory sizes counted in 20-byte entries (an empty
// directory is 40), /dev/shm in every container, and --mount type=tmpfs recorded in .Mounts and
// HostConfig.Mounts.
import { describe, expect, it } from 'vitest';
import { createContainerFs } from '../../src/engine/fs/index.js';
import type { LayerData } from '../../src/engine/fs/types.js';
import { blocksOf, nodeSize } from '../../src/engine/userland/fsutil.js';
import { Session } from '../volumes/session.js';
import { dir, file } from './helpers.js';

describe('directories on a tmpfs', () => {
  const base: LayerData = { '/': dir(), '/x': dir(), '/etc': dir() };
  const fs = createContainerFs([base], {}, { mounts: [{ path: '/x', readOnly: false, tmpfs: true }] });

  it('report 40 bytes when empty and 20 more per entry; other directories stay 4096', () => {
    expect(nodeSize(fs.stat('/x')!)).toBe(40);
    fs.writeFile('/x/a', 'hi\n');
    fs.mkdir('/x/d');
    expect(nodeSize(fs.stat('/x')!)).toBe(80);
    expect(nodeSize(fs.lstat('/x/d')!)).toBe(40);
    expect(nodeSize(fs.stat('/x/d/..')!)).toBe(80);
    expect(nodeSize(fs.stat('/etc')!)).toBe(4096);
  });

  it('use no blocks, while files there still count theirs', () => {
    expect(blocksOf(fs.stat('/x')!)).toBe(0);
    expect(blocksOf(fs.stat('/x/a')!)).toBe(4);
    expect(blocksOf(fs.stat('/etc')!)).toBe(4);
  });

  it('keep the tmpfs size out of the stored layer', () => {
    expect(fs.upper()['/x/d']).not.toHaveProperty('onTmpfs');
    expect(fs.upper()['/x/d']).not.toHaveProperty('size');
  });
});

describe('tmpfs mounts of a container', () => {
  const s = new Session();
  s.ok('pull busybox');

  it('gives every container a 1777 /dev/shm that keeps nothing after the process', () => {
    expect(s.ok('run --rm busybox ls -ld /dev/shm')).toMatch(/^drwxrwxrwt +2 root +root +40 .* \/dev\/shm\n$/);
    s.ok('run -d --name shm busybox sleep 100');
    s.ok('exec shm sh -c "echo x > /dev/shm/f"');
    expect(s.ok('exec shm ls /dev/shm')).toBe('f\n');
    expect(s.ok('diff shm')).toBe('');
    s.ok('restart -t 0 shm');
    expect(s.ok('exec shm ls /dev/shm')).toBe('');
  });

  it('mounts --mount type=tmpfs with its mode and read-only flag', () => {
    expect(s.ok('run --rm --mount type=tmpfs,dst=/y,tmpfs-mode=700 busybox ls -ld /y')).toMatch(/^drwx------ +2 root +root +40 /);
    const r = s.run('run --rm --mount type=tmpfs,dst=/y,readonly busybox touch /y/a');
    expect([r.stderr, r.exitCode]).toEqual(['touch: /y/a: Read-only file system\n', 1]);
  });

  it('records --mount values in HostConfig.Mounts and tmpfs ones in .Mounts', () => {
    s.ok('create --name t1 --mount type=tmpfs,dst=/y,tmpfs-size=1m,tmpfs-mode=0700 --mount type=volume,src=vol,dst=/d,ro --shm-size 2k busybox');
    expect(s.ok("inspect -f '{{json .HostConfig.Mounts}}' t1")).toBe(
      '[{"Type":"tmpfs","Target":"/y","TmpfsOptions":{"SizeBytes":1048576,"Mode":448}},{"Type":"volume","Source":"vol","Target":"/d","ReadOnly":true}]\n',
    );
    expect(s.ok("inspect -f '{{json (index .Mounts 0)}} {{.HostConfig.ShmSize}}' t1")).toBe(
      '{"Type":"tmpfs","Source":"","Destination":"/y","Mode":"","RW":true,"Propagation":""} 2048\n',
    );
    s.ok('create --name t2 --tmpfs /x --shm-size 0 busybox');
    expect(s.ok("inspect -f '{{json .Mounts}} {{json .HostConfig.Mounts}} {{.HostConfig.ShmSize}}' t2")).toBe('[] null 67108864\n');
  });

  it('rejects bad tmpfs options and --shm-size values as the CLI and daemon do', () => {
    const size = s.run('run --rm --mount type=tmpfs,dst=/t,tmpfs-size=bogus busybox true');
    expect([size.stderr.split('\n')[0], size.exitCode]).toEqual(['invalid argument "type=tmpfs,dst=/t,tmpfs-size=bogus" for "--mount" flag: invalid value for tmpfs-size: bogus', 125]);
    const mode = s.run('run --rm --mount type=tmpfs,dst=/t,tmpfs-mode=9 busybox true');
    expect(mode.stderr.split('\n')[0]).toBe('invalid argument "type=tmpfs,dst=/t,tmpfs-mode=9" for "--mount" flag: invalid value for tmpfs-mode: 9');
    const source = s.run('run --rm --mount type=tmpfs,dst=/t,src=foo busybox true');
    expect([source.stderr.split('\n')[0], source.exitCode]).toEqual(['docker: Error response from daemon: invalid mount config for type "tmpfs": field Source must not be specified', 125]);
    expect(s.run('run --rm --shm-size bogus busybox true').stderr.split('\n')[0]).toBe('invalid argument "bogus" for "--shm-size" flag: invalid size: \'bogus\'');
  });
});
