// Further tool and shell behaviour (standard POSIX/GNU/busybox semantics).
import { describe, expect, it } from 'vitest';
import { sh } from './helpers.js';

describe('more shell and tools', () => {
  it('printf widths and reuse of the format', () => {
    expect(sh('debian', 'printf "%-5s|%3d|%05.1f\\n" ab 7 3.14159; printf "%s\\n" a b c').all).toBe('ab   |  7|003.1\na\nb\nc\n');
  });
  it('test -f / -d / -e / -z / -n / string and integer comparisons', () => {
    expect(sh('busybox', '[ -f /etc/passwd ] && echo f; [ -d /etc ] && echo d; [ -e /nope ] || echo no; [ -z "" ] && echo z; [ -n x ] && echo n; [ 3 -gt 2 ] && echo gt; [ abc != abd ] && echo ne').all).toBe('f\nd\nno\nz\nn\ngt\nne\n');
  });
  it('parameter expansion operators', () => {
    expect(sh('debian', 'p=/usr/local/bin/tool.tar.gz; echo ${p##*/} ${p%.*} ${p%%.*} ${#p} ${u:=set} $u ${p:+alt}').all).toBe('tool.tar.gz /usr/local/bin/tool.tar /usr/local/bin/tool 26 set set alt\n');
  });
  it('grep -E alternation, -o, -w; cut -c; sort -n; uniq -d', () => {
    expect(sh('busybox', 'printf "10\\n9\\n100\\n9\\n" | sort -n | uniq -d; echo abcdef | cut -c2-4; echo "foo bar foobar" | grep -ow foo; printf "a\\nb\\nc\\n" | grep -E "a|c"').all).toBe('9\nbcd\nfoo\na\nc\n');
  });
  it('mkdir -p on an existing dir and rm -f of a missing file are silent successes', () => {
    expect(sh('debian', 'mkdir -p /etc; rm -f /nope; echo $?').all).toBe('0\n');
  });
  it('ln -s onto an existing name fails (GNU text)', () => {
    expect(sh('debian', 'ln -s /x /etc/passwd; echo $?').all).toBe("ln: failed to create symbolic link '/etc/passwd': File exists\n1\n");
  });
  it('rm -r / is refused by GNU rm', () => {
    expect(sh('debian', 'rm -rf /; echo $?').all).toBe("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n1\n");
  });
  it('cd changes the working directory of later commands; relative paths resolve against it', () => {
    expect(sh('busybox', 'cd /etc; cat passwd | head -1; cd ..; pwd; cd; pwd').all).toBe('root:x:0:0:root:/root:/bin/sh\n/\n/root\n');
  });
  it('bash echo -e and $RANDOM; dash prints -e literally', () => {
    expect(sh('debian', 'echo -e "x\\ny"', 'bash').all).toBe('x\ny\n');
    expect(sh('debian', '[ -n "$RANDOM" ] && echo has', 'bash').all).toBe('has\n');
  });
  it('pipes pass stdout only; 2>&1 | joins stderr', () => {
    expect(sh('debian', 'ls /nope | wc -l').all).toBe("ls: cannot access '/nope': No such file or directory\n0\n");
    expect(sh('debian', 'ls /nope 2>&1 | wc -l').all).toBe('1\n');
  });
  it('a script file with a shebang runs through the shell', () => {
    expect(sh('busybox', 'printf "#!/bin/sh\\necho from script \\$1\\n" > /tmp/s.sh; chmod +x /tmp/s.sh; /tmp/s.sh arg; sh /tmp/s.sh two').all).toBe('from script arg\nfrom script two\n');
  });
  it('a non-executable script: Permission denied, 126', () => {
    expect(sh('debian', 'echo "echo hi" > /tmp/x; /tmp/x; echo $?').all).toBe('sh: 1: /tmp/x: Permission denied\n126\n');
  });
});
