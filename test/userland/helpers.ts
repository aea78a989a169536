// Small image trees and a runner for the userland tests.
import { createContainerFs } from '../../src/engine/fs/index.js';
import type { FsNode, LayerData } from '../../src/engine/fs/types.js';
import { startProcess } from '../../src/engine/userland/index.js';
import type { ProcessOutcome, ProcessRequest } from '../../src/engine/userland/types.js';

export const NOW = Date.UTC(2026, 10, 28, 2, 10, 0);
const T = Date.UTC(2026, 10, 28, 2, 5, 0);
const dir = (mode = 0o755): FsNode => ({ type: 'dir', mode, uid: 0, gid: 0, mtimeMs: T });
const file = (content = '', mode = 0o644, mtimeMs = T): FsNode => ({ type: 'file', mode, uid: 0, gid: 0, content, size: new TextEncoder().encode(content).length, mtimeMs });
const bin = (size = 1982256): FsNode => ({ type: 'file', mode: 0o755, uid: 0, gid: 0, size, mtimeMs: T });
const link = (target: string, mtimeMs = T): FsNode => ({ type: 'symlink', mode: 0o777, uid: 0, gid: 0, target, size: target.length, mtimeMs });

const APPLETS = 'sh ash ls cat echo touch mkdir rm rmdir mv cp ln chmod chown find du df basename dirname head tail wc grep sed cut sort uniq tr seq expr env printenv hostname whoami id uname date sleep ps free nproc which true false test [ pwd top tee stat printf'.split(' ');

export function busyboxTree(): LayerData {
  const l: LayerData = {
    '/': dir(),
    '/bin': dir(),
    '/dev': dir(),
    '/etc': dir(),
    '/etc/passwd': file('root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n'),
    '/etc/group': file('root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnobody:x:65534:\n'),
    '/home': dir(),
    '/root': dir(0o700),
    '/tmp': dir(0o1777),
    '/usr': dir(),
    '/usr/sbin': dir(),
    '/var': dir(),
  };
  for (const a of APPLETS) l['/bin/' + a] = bin();
  return l;
}

export function debianTree(): LayerData {
  const old = Date.UTC(2023, 0, 5, 10, 0, 0);
  const l: LayerData = {
    '/': dir(),
    '/bin': link('usr/bin', Date.UTC(2026, 10, 28, 2, 6)),
    '/etc': dir(),
    '/etc/passwd': file('root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nsync:x:4:65534:sync:/bin:/bin/sync\ngames:x:5:60:games:/usr/games:/usr/sbin/nologin\nman:x:6:12:man:/var/cache/man:/usr/sbin/nologin\nlp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin\nmail:x:8:8:mail:/var/mail:/usr/sbin/nologin\nnews:x:9:9:news:/var/spool/news:/usr/sbin/nologin\nuucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin\nproxy:x:13:13:proxy:/bin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nbackup:x:34:34:backup:/var/backups:/usr/sbin/nologin\nlist:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin\nirc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n', 0o644, Date.UTC(2026, 10, 28, 2, 6)),
    '/etc/group': file('root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\nnogroup:x:65534:\n'),
    '/etc/os-release': link('../usr/lib/os-release'),
    '/usr': dir(),
    '/usr/lib': dir(),
    '/usr/lib/os-release': file('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n'),
    '/usr/bin': dir(),
    '/usr/bin/sh': link('dash', old),
    '/usr/sbin': dir(),
    '/root': dir(0o700),
    '/root/.bashrc': file('# ~/.bashrc\n'.padEnd(571, '#'), 0o644, Date.UTC(2021, 3, 10)),
    '/root/.profile': file('# ~/.profile\n'.padEnd(161, '#'), 0o644, Date.UTC(2019, 6, 9)),
    '/tmp': dir(0o1777),
    '/var': dir(),
    '/home': dir(),
  };
  for (const a of 'dash bash ls cat echo touch mkdir rm rmdir mv cp ln chmod chown find du df basename dirname head tail wc grep sed cut sort uniq tr seq expr env printenv hostname whoami id uname date sleep nproc which true false test [ pwd tee stat printf'.split(' ')) l['/usr/bin/' + a] = bin(100000);
  return l;
}

export interface RunResult {
  outcome: ProcessOutcome;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in order. */
  all: string;
  code: number | undefined;
}

export function run(tree: LayerData | 'busybox' | 'debian', argv: string[], opts: Partial<ProcessRequest> & { image?: string } = {}): RunResult & { fs: ReturnType<typeof createContainerFs> } {
  const layer = tree === 'busybox' ? busyboxTree() : tree === 'debian' ? debianTree() : tree;
  const fs = (opts.fs as ReturnType<typeof createContainerFs>) ?? createContainerFs([layer], {}, { now: () => NOW });
  let seed = 0.42;
  const outcome = startProcess({
    argv,
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOSTNAME=probe', 'HOME=/root'],
    cwd: '/',
    user: '',
    hostname: 'probe',
    imageFlavor: opts.image ?? (tree === 'debian' ? 'debian' : 'busybox'),
    tty: false,
    interactive: false,
    nowMs: NOW,
    random: () => {
      seed = (seed * 9301 + 0.49297) % 1;
      return seed;
    },
    pid: 1,
    ...opts,
    fs,
  });
  const out = outcome.kind === 'start-failed' ? [] : outcome.output;
  return {
    outcome,
    fs,
    stdout: out.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''),
    stderr: out.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''),
    all: out.map((c) => c.text).join(''),
    code: outcome.kind === 'exited' ? outcome.exitCode : undefined,
  };
}

/** Run a script with sh -c (busybox ash or Debian dash) or bash -c. */
export function sh(tree: 'busybox' | 'debian', script: string, shell = 'sh', opts: Partial<ProcessRequest> = {}) {
  return run(tree, [shell, '-c', script], opts);
}
