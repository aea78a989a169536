// Tool output formats, observed on Docker Engine 28.5.2 (`docker run --hostname probe IMAGE sh -c …`)
// with busybox:latest and debian:bookworm; the trees here are small models of those images.
import { describe, expect, it } from 'vitest';
import { run, sh } from './helpers.js';

describe('ls', () => {
  // Real overlayfs shows link count 1 for merged directories (here /tmp, copied up): we count
  // subdirectories instead (known difference).
  // /tmp, written to, is a directory merged from the container's layer and the image's: one link (observed).
  it('busybox ls -l and ls -la formats', () => {
    const r = sh('busybox', 'mkdir /tmp/d; echo hello > /tmp/d/f; ln -s f /tmp/d/l; ls -l /tmp/d; ls -la /tmp/d; ls /tmp/d; ls -l /etc/passwd');
    expect(r.all).toBe(`total 4
-rw-r--r--    1 root     root             6 Nov 28 02:10 f
lrwxrwxrwx    1 root     root             1 Nov 28 02:10 l -> f
total 12
drwxr-xr-x    2 root     root          4096 Nov 28 02:10 .
drwxrwxrwt    1 root     root          4096 Nov 28 02:10 ..
-rw-r--r--    1 root     root             6 Nov 28 02:10 f
lrwxrwxrwx    1 root     root             1 Nov 28 02:10 l -> f
f
l
-rw-r--r--    1 root     root           340 Nov 28 02:05 /etc/passwd
`);
  });
  it('GNU ls -l: columns sized to the listing; symlink and old dates', () => {
    const r = sh('debian', 'mkdir /tmp/d; echo hello > /tmp/d/f; ln -s f /tmp/d/l; ls -l /tmp/d; ls -la /tmp/d; ls -l /bin/sh /etc/passwd; ls -la /root');
    expect(r.all).toBe(`total 4
-rw-r--r-- 1 root root 6 Nov 28 02:10 f
lrwxrwxrwx 1 root root 1 Nov 28 02:10 l -> f
total 12
drwxr-xr-x 2 root root 4096 Nov 28 02:10 .
drwxrwxrwt 1 root root 4096 Nov 28 02:10 ..
-rw-r--r-- 1 root root    6 Nov 28 02:10 f
lrwxrwxrwx 1 root root    1 Nov 28 02:10 l -> f
lrwxrwxrwx 1 root root   4 Jan  5  2023 /bin/sh -> dash
-rw-r--r-- 1 root root 839 Nov 28 02:06 /etc/passwd
total 16
drwx------ 2 root root 4096 Nov 28 02:05 .
drwxr-xr-x 1 root root 4096 Nov 28 02:05 ..
-rw-r--r-- 1 root root  571 Apr 10  2021 .bashrc
-rw-r--r-- 1 root root  161 Jul  9  2019 .profile
`);
  });
  it('ls of several operands: files first, then directories with headers', () => {
    expect(sh('debian', 'ls /nope /etc/passwd /home /tmp; echo $?').all).toBe("ls: cannot access '/nope': No such file or directory\n/etc/passwd\n\n/home:\n\n/tmp:\n2\n");
  });
  it('ls in columns on a terminal', () => {
    const r = run('busybox', ['ls', '/'], { tty: true });
    expect(r.stdout).toBe('bin   dev   etc   home  root  tmp   usr   var\r\n');
  });
});

describe('identity and system', () => {
  it('id, whoami, uname (busybox adds wheel from /etc/group)', () => {
    expect(sh('busybox', 'id; whoami; uname -a; uname -r; uname -m; uname').all).toBe(
      'uid=0(root) gid=0(root) groups=0(root),10(wheel)\nroot\nLinux probe 6.18.44-fc-v595 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux\n6.18.44-fc-v595\nx86_64\nLinux\n',
    );
    expect(sh('debian', 'id; whoami').all).toBe('uid=0(root) gid=0(root) groups=0(root)\nroot\n');
  });
  it('unknown user ids', () => {
    expect(sh('busybox', 'id; whoami', 'sh', { user: '1000' }).all).toBe('uid=1000 gid=0(root) groups=0(root)\nwhoami: unknown uid 1000\n');
    expect(sh('debian', 'whoami', 'sh', { user: '1000' }).all).toBe('whoami: cannot find name for user ID 1000\n');
    expect(sh('debian', 'id', 'sh', { user: 'www-data' }).all).toBe('uid=33(www-data) gid=33 groups=33\n');
  });
  it('date, hostname, env, nproc', () => {
    expect(sh('busybox', 'date; hostname; nproc').all).toBe('Sat Nov 28 02:10:00 UTC 2026\nprobe\n2\n');
    expect(sh('busybox', 'date +%Y-%m-%dT%H:%M:%S').all).toBe('2026-11-28T02:10:00\n');
    expect(run('busybox', ['env']).stdout).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=probe\nHOME=/root\n');
  });
  it('commands the image lacks are not found (debian has no ps, no free)', () => {
    expect(sh('debian', 'ps').all).toBe('sh: 1: ps: not found\n');
    expect(sh('debian', 'free', 'bash').all).toBe('bash: line 1: free: command not found\n');
  });
  it('busybox ps: PID 1 is the main process', () => {
    expect(run('busybox', ['ps']).stdout).toBe('PID   USER     COMMAND\n    1 root     ps\n');
    // An exec'd ps is the request's own process (PID 7 here), beside the engine's list.
    expect(run('busybox', ['ps'], { pid: 7, processes: [{ pid: 1, ppid: 0, comm: 'sleep', args: 'sleep 3600', user: 'root' }] }).stdout).toBe('PID   USER     COMMAND\n    1 root     sleep 3600\n    7 root     ps\n');
  });
  it('busybox df and free formats', () => {
    expect(sh('busybox', 'df | head -2; free | head -1').all).toBe(
      'Filesystem           1K-blocks      Used Available Use% Mounted on\noverlay              264212084  24728852  81662060  24% /\n              total        used        free      shared  buff/cache   available\n',
    );
  });
  it('which: busybox /bin, Debian through the /bin → usr/bin symlink finds /usr/bin first', () => {
    expect(sh('busybox', 'which sh ls nope; echo "rc=$?"').all).toBe('/bin/sh\n/bin/ls\nrc=1\n');
    expect(sh('debian', 'which sh ls nope; echo "rc=$?"').all).toBe('/usr/bin/sh\n/usr/bin/ls\nrc=1\n');
  });
  it('cat /etc/os-release follows the symlink; busybox has none', () => {
    expect(sh('debian', 'cat /etc/os-release | head -1').all).toBe('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n');
    expect(sh('busybox', 'cat /etc/os-release').all).toBe("cat: can't open '/etc/os-release': No such file or directory\n");
  });
});

describe('text tools', () => {
  it('wc formats: busybox width 9, GNU by file size, single column unpadded', () => {
    expect(sh('busybox', 'wc /etc/passwd; wc -l /etc/passwd; cat /etc/passwd | wc -l').all).toBe('        9         9       340 /etc/passwd\n9 /etc/passwd\n9\n');
    expect(sh('debian', 'wc /etc/passwd; wc -l /etc/passwd; cat /etc/passwd | wc -l').all).toBe(' 18  20 839 /etc/passwd\n18 /etc/passwd\n18\n');
  });
  it('head, tail, grep -n -c -i', () => {
    expect(sh('busybox', 'head -n 3 /etc/passwd; tail -n 2 /etc/passwd').all).toBe(
      'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n',
    );
    expect(sh('debian', 'grep -n root /etc/passwd; grep -c : /etc/passwd; grep -i ROOT /etc/passwd | head -1').all).toBe('1:root:x:0:0:root:/root:/bin/bash\n18\nroot:x:0:0:root:/root:/bin/bash\n');
    expect(sh('debian', 'grep -v o /etc/group; echo $?').all).toBe('bin:x:2:\nsys:x:3:\nadm:x:4:\n0\n');
  });
  it('seq, expr, find, du', () => {
    expect(sh('busybox', 'seq 3; expr 2 + 3; expr 7 / 2').all).toBe('1\n2\n3\n5\n3\n');
    expect(sh('debian', 'mkdir /tmp/d; echo hello > /tmp/d/f; ln -s f /tmp/d/l; find /tmp/d; find /tmp -name f; du /tmp/d').all).toBe('/tmp/d\n/tmp/d/f\n/tmp/d/l\n/tmp/d/f\n8\t/tmp/d\n');
  });
  it('sed -n p, -i, s///g; sort, uniq -c, tr -d', () => {
    const r = sh('debian', 'printf "b\\na\\nb\\n" > /tmp/x; sed -i s/b/B/g /tmp/x; cat /tmp/x; sed -n 2p /tmp/x; sort /tmp/x | uniq -c; echo hello | tr -d l');
    expect(r.all).toBe('B\na\nB\na\n      2 B\n      1 a\nheo\n');
  });
  it('cp -r, mv, rm -r, touch change the fs', () => {
    const r = sh('busybox', 'cp -r /etc /etc2; mv /etc2/passwd /tmp/pw; rm -r /etc2; touch /tmp/new; ls /tmp');
    expect(r.all).toBe('new\npw\n');
    expect(r.fs.readFile('/tmp/pw')).toContain('root:x:0:0');
    expect(r.fs.stat('/etc2')).toBeUndefined();
  });
  it('chmod and chown', () => {
    const r = sh('debian', 'touch /tmp/f; chmod 600 /tmp/f; chown www-data:adm /tmp/f; ls -l /tmp/f; chmod u+x,g+r /tmp/f; ls -l /tmp/f');
    expect(r.all).toBe('-rw------- 1 www-data adm 0 Nov 28 02:10 /tmp/f\n-rwxr----- 1 www-data adm 0 Nov 28 02:10 /tmp/f\n');
  });
});
