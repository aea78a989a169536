// Small LayerData trees for the filesystem tests (shaped like the images' real trees).
import type { FsNode, LayerData } from '../../src/engine/fs/types.js';

export const T0 = Date.UTC(2026, 10, 28, 2, 5, 0);

export const dir = (mode = 0o755, extra: Partial<FsNode> = {}): FsNode => ({ type: 'dir', mode, uid: 0, gid: 0, mtimeMs: T0, ...extra });
export const file = (content = '', mode = 0o644, extra: Partial<FsNode> = {}): FsNode => ({
  type: 'file',
  mode,
  uid: 0,
  gid: 0,
  content,
  size: new TextEncoder().encode(content).length,
  mtimeMs: T0,
  ...extra,
});
export const link = (target: string): FsNode => ({ type: 'symlink', mode: 0o777, uid: 0, gid: 0, target, size: target.length, mtimeMs: T0 });

/** A busybox-like root: /bin with applets, /etc with passwd and group, /usr, /var/spool… */
export function busyboxLayer(): LayerData {
  const l: LayerData = {
    '/': dir(),
    '/bin': dir(),
    '/bin/busybox': file('', 0o755, { size: 1982256 }),
    '/dev': dir(),
    '/etc': dir(),
    '/etc/passwd': file('root:x:0:0:root:/root:/bin/sh\n'),
    '/etc/group': file('root:x:0:\n'),
    '/home': dir(),
    '/root': dir(0o700),
    '/tmp': dir(0o1777),
    '/usr': dir(),
    '/usr/sbin': dir(),
    '/var': dir(),
    '/var/spool': dir(),
    '/var/spool/mail': dir(),
    '/var/www': dir(),
  };
  for (const a of ['sh', 'ls', 'cat', 'echo', 'rm', 'mkdir', 'mv', 'touch']) l['/bin/' + a] = file('', 0o755, { size: 1982256 });
  return l;
}
