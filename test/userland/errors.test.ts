// Error texts and exit statuses of shells and tools, observed on Docker Engine 28.5.2 with
// busybox:latest (busybox 1.35.0 ash) and debian:bookworm (dash 0.5.12, bash 5.2, coreutils 9.1)
// by running this script with `docker run IMAGE sh -c "$SCRIPT"` / `bash -c`.
import { describe, expect, it } from 'vitest';
import { sh } from './helpers.js';

const SCRIPT = `nope; echo "rc=$?"
ls /nope; echo "rc=$?"
cat /nope; echo "rc=$?"
rm /; echo "rc=$?"
rm /nope; echo "rc=$?"
rm /etc; echo "rc=$?"
rmdir /etc; echo "rc=$?"
rmdir /nope; echo "rc=$?"
mkdir /etc; echo "rc=$?"
mkdir /a/b; echo "rc=$?"
cd /nope; echo "rc=$?"
cat /etc; echo "rc=$?"
touch /nope/x; echo "rc=$?"
mv /nope /x; echo "rc=$?"
cp /nope /x; echo "rc=$?"
cp /etc /x; echo "rc=$?"
echo hi > /nope/x; echo "rc=$?"
echo hi > /etc; echo "rc=$?"
head /nope; echo "rc=$?"
grep x /nope; echo "rc=$?"
wc /nope; echo "rc=$?"
ln -s /a /etc; echo "rc=$?"
/etc; echo "rc=$?"
/nope/x; echo "rc=$?"
exit 3`;

const rcs = (codes: number[]) => codes.map((c) => `rc=${c}\n`).join('');

describe('error texts (observed)', () => {
  it('busybox sh -c', () => {
    const r = sh('busybox', SCRIPT);
    expect(r.stderr).toBe(`sh: nope: not found
ls: /nope: No such file or directory
cat: can't open '/nope': No such file or directory
rm: '/' is a directory
rm: can't remove '/nope': No such file or directory
rm: '/etc' is a directory
rmdir: '/etc': Directory not empty
rmdir: '/nope': No such file or directory
mkdir: can't create directory '/etc': File exists
mkdir: can't create directory '/a/b': No such file or directory
sh: cd: line 10: can't cd to /nope: No such file or directory
cat: read error: Is a directory
touch: /nope/x: No such file or directory
mv: can't rename '/nope': No such file or directory
cp: can't stat '/nope': No such file or directory
cp: omitting directory '/etc'
sh: can't create /nope/x: nonexistent directory
sh: can't create /etc: Is a directory
head: /nope: No such file or directory
grep: /nope: No such file or directory
wc: /nope: No such file or directory
sh: /etc: Permission denied
sh: /nope/x: not found
`);
    expect(r.stdout).toBe(rcs([127, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 0, 126, 127]));
    expect(r.code).toBe(3);
  });

  it('debian sh -c (dash)', () => {
    const r = sh('debian', SCRIPT);
    expect(r.stderr).toBe(`sh: 1: nope: not found
ls: cannot access '/nope': No such file or directory
cat: /nope: No such file or directory
rm: cannot remove '/': Is a directory
rm: cannot remove '/nope': No such file or directory
rm: cannot remove '/etc': Is a directory
rmdir: failed to remove '/etc': Directory not empty
rmdir: failed to remove '/nope': No such file or directory
mkdir: cannot create directory '/etc': File exists
mkdir: cannot create directory '/a/b': No such file or directory
sh: 11: cd: can't cd to /nope
cat: /etc: Is a directory
touch: cannot touch '/nope/x': No such file or directory
mv: cannot stat '/nope': No such file or directory
cp: cannot stat '/nope': No such file or directory
cp: -r not specified; omitting directory '/etc'
sh: 17: cannot create /nope/x: Directory nonexistent
sh: 18: cannot create /etc: Is a directory
head: cannot open '/nope' for reading: No such file or directory
grep: /nope: No such file or directory
wc: /nope: No such file or directory
sh: 23: /etc: Permission denied
sh: 24: /nope/x: not found
`);
    expect(r.stdout).toBe(rcs([127, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 2, 2, 1, 2, 1, 0, 126, 127]));
    expect(r.code).toBe(3);
  });

  it('debian bash -c', () => {
    const r = sh('debian', SCRIPT, 'bash');
    expect(r.stderr).toBe(`bash: line 1: nope: command not found
ls: cannot access '/nope': No such file or directory
cat: /nope: No such file or directory
rm: cannot remove '/': Is a directory
rm: cannot remove '/nope': No such file or directory
rm: cannot remove '/etc': Is a directory
rmdir: failed to remove '/etc': Directory not empty
rmdir: failed to remove '/nope': No such file or directory
mkdir: cannot create directory '/etc': File exists
mkdir: cannot create directory '/a/b': No such file or directory
bash: line 11: cd: /nope: No such file or directory
cat: /etc: Is a directory
touch: cannot touch '/nope/x': No such file or directory
mv: cannot stat '/nope': No such file or directory
cp: cannot stat '/nope': No such file or directory
cp: -r not specified; omitting directory '/etc'
bash: line 17: /nope/x: No such file or directory
bash: line 18: /etc: Is a directory
head: cannot open '/nope' for reading: No such file or directory
grep: /nope: No such file or directory
wc: /nope: No such file or directory
bash: line 23: /etc: Is a directory
bash: line 24: /nope/x: No such file or directory
`);
    expect(r.stdout).toBe(rcs([127, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 0, 126, 127]));
    expect(r.code).toBe(3);
  });

  it('the shell name is $0 as invoked: /bin/sh, /bin/bash', () => {
    // docker run busybox /bin/sh -c nope; docker run debian /bin/sh -c nope; docker run debian /bin/bash -c nope
    expect(sh('busybox', 'nope', '/bin/sh').stderr).toBe('/bin/sh: nope: not found\n');
    expect(sh('debian', 'nope', '/bin/sh').stderr).toBe('/bin/sh: 1: nope: not found\n');
    expect(sh('debian', 'nope', '/bin/bash').stderr).toBe('/bin/bash: line 1: nope: command not found\n');
    expect(sh('debian', 'nope', '/bin/bash').code).toBe(127);
  });

  it('input redirection from a missing file', () => {
    expect(sh('busybox', 'cat < /nope; echo "rc=$?"').all).toBe("sh: can't open /nope: no such file\nrc=1\n");
    expect(sh('debian', 'cat < /nope; echo "rc=$?"').all).toBe('sh: 1: cannot open /nope: No such file\nrc=2\n');
    expect(sh('debian', 'cat < /nope; echo "rc=$?"', 'bash').all).toBe('bash: line 1: /nope: No such file or directory\nrc=1\n');
  });

  it('test with a missing argument', () => {
    expect(sh('busybox', 'test 1 -eq; echo "rc=$?"').all).toBe('sh: -eq: argument expected\nrc=2\n');
    expect(sh('debian', 'x=1\ntest 1 -eq; echo "rc=$?"').all).toBe('sh: 2: test: -eq: argument expected\nrc=2\n');
    expect(sh('debian', 'test 1 -eq; echo "rc=$?"', 'bash').all).toBe('bash: line 1: test: 1: unary operator expected\nrc=2\n');
  });

  it('ls exit status: busybox 1, GNU 2; 2>/dev/null hides the message', () => {
    expect(sh('busybox', 'ls /nope 2>/dev/null; echo $?').all).toBe('1\n');
    expect(sh('debian', 'ls /nope 2>/dev/null; echo $?').all).toBe('2\n');
    expect(sh('debian', 'ls -la /nope 2>&1 | wc -l').all).toBe('1\n');
    expect(sh('busybox', 'nope 2>/dev/null; echo "rc=$?"').all).toBe('rc=127\n');
  });
});
