// `docker diff` listings observed on Docker Engine 28.5.2 (overlay2). The engine lists siblings
// in Go map order, which changes from run to run; diffChanges prints them in byte order with the
// deletions of a directory after its other entries, which is one of the orders the engine
// prints. Each test checks our exact order and that the set equals what the engine printed.
import { describe, expect, it } from 'vitest';
import { createContainerFs, diffChanges, formatChanges } from '../../src/engine/fs/index.js';
import type { LayerData } from '../../src/engine/fs/types.js';
import { busyboxLayer, dir, file, link, T0 } from './helpers.js';

const lines = (s: string) => s.trim().split('\n').sort();

function check(lowers: LayerData[], upper: LayerData, observed: string, ours: string, mounts?: string[]) {
  const out = formatChanges(diffChanges(lowers, upper, { mounts }));
  expect(out).toBe(ours.trim() === '' ? '' : ours.trim() + '\n');
  expect(out === '' ? [] : lines(out)).toEqual(observed.trim() === '' ? [] : lines(observed));
}

describe('docker diff', () => {
  it('mkdir -p, echo >, rm of lower file, rm -r of lower dir, mv, touch, append (busybox)', () => {
    // docker run busybox sh -c "mkdir -p /a/b/c; echo hi > /a/b/c/f; rm /bin/ls; rm -r /usr;
    //   mv /etc/passwd /etc/passwd2; touch /etc/group; echo x >> /root/.x"
    const base = busyboxLayer();
    let t = T0 + 60_000;
    const fs = createContainerFs([base], {}, { now: () => t++ });
    fs.mkdir('/a/b/c', { recursive: true });
    fs.writeFile('/a/b/c/f', 'hi\n');
    fs.remove('/bin/ls');
    fs.remove('/usr', { recursive: true });
    fs.rename('/etc/passwd', '/etc/passwd2');
    fs.writeFile('/etc/group', '', { append: true });
    fs.writeFile('/root/.x', 'x\n', { append: true });
    const observed = `
C /etc
A /etc/passwd2
C /etc/group
D /etc/passwd
A /a
A /a/b
A /a/b/c
A /a/b/c/f
C /root
A /root/.x
C /bin
D /bin/ls
D /usr`;
    const ours = `
A /a
A /a/b
A /a/b/c
A /a/b/c/f
C /bin
D /bin/ls
C /etc
C /etc/group
A /etc/passwd2
D /etc/passwd
C /root
A /root/.x
D /usr`;
    check([base], fs.upper(), observed, ours);
  });

  it('rm -rf of a dir then mkdir again, rm -r of a nested lower dir, new dir in /tmp', () => {
    // docker run busybox sh -c "rm -rf /home; mkdir /home; echo a > /home/x; rm -r /var/spool; mkdir /tmp/z"
    const base = busyboxLayer();
    const fs = createContainerFs([base], {}, { now: () => T0 + 5000 });
    fs.remove('/home', { recursive: true });
    fs.mkdir('/home');
    fs.writeFile('/home/x', 'a\n');
    fs.remove('/var/spool', { recursive: true });
    fs.mkdir('/tmp/z');
    check(
      [base],
      fs.upper(),
      `C /var\nD /var/spool\nC /home\nA /home/x\nC /tmp\nA /tmp/z`,
      `C /home\nA /home/x\nC /tmp\nA /tmp/z\nC /var\nD /var/spool`,
    );
  });

  it('nothing changed: empty listing (docker run debian true)', () => {
    const base = busyboxLayer();
    const fs = createContainerFs([base], {});
    fs.readFile('/etc/passwd');
    check([base], fs.upper(), '', '');
  });

  it('a file created then deleted, a dir created then removed: nothing', () => {
    // docker run busybox sh -c "mkdir /x; rmdir /x; echo a > /tmp/a; rm /tmp/a" (observed: only the cp -r part below showed)
    const base = busyboxLayer();
    const fs = createContainerFs([base], {});
    fs.mkdir('/x');
    fs.remove('/x');
    fs.writeFile('/tmp/a', 'a');
    fs.remove('/tmp/a');
    check([base], fs.upper(), '', '');
  });

  it('debian: symlink, touch of lower files, mv into /tmp, rm -r, chmod, volume mount point, bind-mounted files', () => {
    // docker run -v /tmp/obsvol:/data debian bash -c "mkdir -p /app/src && echo x > /app/src/main.py;
    //   rm -r /var/log/apt; mv /etc/issue /tmp/issue; touch /etc/hostname; echo 1.2.3.4 y >> /etc/hosts;
    //   touch /.dockerenv; chmod 600 /etc/shells; ln -s /x /usr/local/bin/y; echo d > /data/f; mkdir /dev/q;
    //   rm -rf /opt; mkdir /opt; touch /root/.bashrc; echo >> /etc/debian_version"
    const base: LayerData = {
      '/': dir(),
      '/etc': dir(),
      '/etc/issue': file('Debian GNU/Linux 12 \\n \\l\n\n'),
      '/etc/shells': file('/bin/sh\n'),
      '/etc/debian_version': file('12.12\n'),
      '/etc/hostname': file(''),
      '/etc/hosts': file(''),
      '/opt': dir(),
      '/root': dir(0o700),
      '/root/.bashrc': file('# ~/.bashrc\n'),
      '/tmp': dir(0o1777),
      '/usr': dir(),
      '/usr/local': dir(),
      '/usr/local/bin': dir(),
      '/var': dir(),
      '/var/log': dir(),
      '/var/log/apt': dir(),
      '/var/log/apt/eipp.log.xz': file('x'),
      '/dev': dir(),
    };
    let t = T0 + 90_000;
    const fs = createContainerFs([base], {}, { now: () => t++ });
    fs.mkdir('/app/src', { recursive: true });
    fs.writeFile('/app/src/main.py', 'x\n');
    fs.remove('/var/log/apt', { recursive: true });
    fs.rename('/etc/issue', '/tmp/issue');
    fs.writeFile('/etc/hostname', '', { append: true });
    fs.writeFile('/etc/hosts', '1.2.3.4 y\n', { append: true });
    fs.writeFile('/.dockerenv', '', { append: true });
    fs.setAttr('/etc/shells', { mode: 0o600 });
    fs.symlink('/x', '/usr/local/bin/y');
    fs.mkdir('/dev/q');
    fs.remove('/opt', { recursive: true });
    fs.mkdir('/opt');
    fs.writeFile('/root/.bashrc', '', { append: true });
    fs.writeFile('/etc/debian_version', '\n', { append: true });
    const observed = `
C /usr
C /usr/local
C /usr/local/bin
A /usr/local/bin/y
C /root
C /root/.bashrc
C /tmp
A /tmp/issue
A /app
A /app/src
A /app/src/main.py
C /var
C /var/log
D /var/log/apt
C /.dockerenv
A /data
C /etc
C /etc/shells
C /etc/debian_version
D /etc/issue`;
    const ours = `
C /.dockerenv
A /app
A /app/src
A /app/src/main.py
A /data
C /etc
C /etc/debian_version
C /etc/shells
D /etc/issue
C /root
C /root/.bashrc
C /tmp
A /tmp/issue
C /usr
C /usr/local
C /usr/local/bin
A /usr/local/bin/y
C /var
C /var/log
D /var/log/apt`;
    check([base], fs.upper(), observed, ours, ['/data']);
  });

  it('nginx running: default.conf rewritten, pid file, cache temp dirs', () => {
    // docker run -d nginx; docker diff (while running)
    const base: LayerData = {
      '/': dir(),
      '/etc': dir(),
      '/etc/nginx': dir(),
      '/etc/nginx/conf.d': dir(),
      '/etc/nginx/conf.d/default.conf': file('server {\n    listen       80;\n}\n'),
      '/run': dir(),
      '/var': dir(),
      '/var/cache': dir(),
      '/var/cache/nginx': dir(),
    };
    const fs = createContainerFs([base], {}, { now: () => T0 + 1 });
    fs.writeFile('/etc/nginx/conf.d/default.conf', 'server {\n    listen       80;\n    listen  [::]:80;\n}\n');
    fs.writeFile('/run/nginx.pid', '1\n');
    for (const d of ['client_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp']) fs.mkdir('/var/cache/nginx/' + d, { mode: 0o700 });
    const observed = `
C /etc
C /etc/nginx
C /etc/nginx/conf.d
C /etc/nginx/conf.d/default.conf
C /run
A /run/nginx.pid
C /var
C /var/cache
C /var/cache/nginx
A /var/cache/nginx/proxy_temp
A /var/cache/nginx/scgi_temp
A /var/cache/nginx/uwsgi_temp
A /var/cache/nginx/client_temp
A /var/cache/nginx/fastcgi_temp`;
    const ours = `
C /etc
C /etc/nginx
C /etc/nginx/conf.d
C /etc/nginx/conf.d/default.conf
C /run
A /run/nginx.pid
C /var
C /var/cache
C /var/cache/nginx
A /var/cache/nginx/client_temp
A /var/cache/nginx/fastcgi_temp
A /var/cache/nginx/proxy_temp
A /var/cache/nginx/scgi_temp
A /var/cache/nginx/uwsgi_temp`;
    check([base], fs.upper(), observed, ours);
    // After docker stop nginx removes its pid file: /run is no longer reported (a copied-up
    // directory whose mode and owner did not change is not a change).
    fs.remove('/run/nginx.pid');
    const after = formatChanges(diffChanges([base], fs.upper()));
    expect(after).not.toContain('/run');
    expect(lines(after)).toEqual(
      lines(`C /var
C /var/cache
C /var/cache/nginx
A /var/cache/nginx/scgi_temp
A /var/cache/nginx/uwsgi_temp
A /var/cache/nginx/client_temp
A /var/cache/nginx/fastcgi_temp
A /var/cache/nginx/proxy_temp
C /etc
C /etc/nginx
C /etc/nginx/conf.d
C /etc/nginx/conf.d/default.conf`),
    );
  });

  it('redis: writes only into its /data volume: empty listing', () => {
    const base: LayerData = { '/': dir(), '/data': dir(0o755, { uid: 999, gid: 999 }) };
    const fs = createContainerFs([base], {});
    fs.writeFile('/data/dump.rdb', 'REDIS0010');
    check([base], fs.upper(), '', '', ['/data']);
  });

  it('cp -r /etc /etc2 lists the copies of hosts, hostname, resolv.conf and mtab', () => {
    // docker run busybox sh -c "cp -r /etc /etc2; rm /etc2/passwd" (first lines, in the engine's order)
    const base: LayerData = { '/': dir(), '/etc': dir(), '/etc/group': file('g'), '/etc/shadow': file('s'), '/etc/passwd': file('p') };
    const fs = createContainerFs([base], {});
    fs.mkdir('/etc2');
    for (const f of ['hostname', 'hosts', 'mtab', 'resolv.conf', 'shadow', 'group']) fs.writeFile('/etc2/' + f, '');
    check(
      [base],
      fs.upper(),
      `A /etc2\nA /etc2/hostname\nA /etc2/hosts\nA /etc2/mtab\nA /etc2/resolv.conf\nA /etc2/shadow\nA /etc2/group`,
      `A /etc2\nA /etc2/group\nA /etc2/hostname\nA /etc2/hosts\nA /etc2/mtab\nA /etc2/resolv.conf\nA /etc2/shadow`,
    );
  });

  it('a directory replaced by a file is C, a mount point below a new directory is A', () => {
    const base: LayerData = { '/': dir(), '/x': dir(), '/x/y': file('1') };
    const fs = createContainerFs([base], {});
    fs.remove('/x', { recursive: true });
    fs.writeFile('/x', 'file now');
    expect(formatChanges(diffChanges([base], fs.upper()))).toBe('C /x\n');
    expect(formatChanges(diffChanges([base], {}, { mounts: ['/srv/app/data'] }))).toBe('A /srv\nA /srv/app\nA /srv/app/data\n');
  });

  it('/dev, /proc and /sys are never listed; a symlink added is A', () => {
    const base: LayerData = { '/': dir(), '/dev': dir(), '/proc': dir(), '/sys': dir(), '/usr': dir() };
    const fs = createContainerFs([base], {});
    fs.writeFile('/dev/null2', '');
    fs.mkdir('/proc/x');
    fs.symlink('/usr', '/u');
    expect(formatChanges(diffChanges([base], fs.upper()))).toBe('A /u\n');
  });

  it('rename of a lower directory lists the new tree as added and the old one deleted', () => {
    const base: LayerData = { '/': dir(), '/srv': dir(), '/srv/a': dir(), '/srv/a/f': file('f'), '/srv/a/l': link('f') };
    const fs = createContainerFs([base], {});
    fs.rename('/srv/a', '/srv/b');
    expect(formatChanges(diffChanges([base], fs.upper()))).toBe('C /srv\nA /srv/b\nA /srv/b/f\nA /srv/b/l\nD /srv/a\n');
  });
});
