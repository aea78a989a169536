// Shell language features; expected outputs observed on Docker Engine 28.5.2 with
// `docker run busybox sh -c`, `docker run debian sh -c` and `docker run debian bash -c`.
import { describe, expect, it } from 'vitest';
import { sh } from './helpers.js';

const FEATURES = `echo $0 $# "$@"
x=5; echo "\${x}y $x" '$x' "a\\"b" a\\ b; echo $?
false || echo f; true && echo t; false; echo $?
for i in 1 2 3; do echo i=$i; done
if [ -d /etc ]; then echo dir; else echo nodir; fi
[ a = b ]; echo "rc=$?"
echo $(echo sub) \`echo bq\`
cd /tmp && pwd
n=0; while [ $n -lt 3 ]; do n=$((n+1)); done; echo n=$n
echo one two | tr a-z A-Z
printf '%s-%d\\n' a 3
unset x; echo "[\${x:-def}]"
seq 1 3 | sort -r | head -n 2
echo "a:b:c" | cut -d: -f2
echo hello | sed 's/l/L/g'
basename /a/b/c.txt .txt; dirname /a/b/c.txt
echo -e "a\\tb"; echo -n x; echo
exit`;

const COMMON = `5y 5 $x a"b a b
0
f
t
1
i=1
i=2
i=3
dir
rc=1
sub bq
/tmp
n=3
ONE TWO
a-3
[def]
3
2
b
heLLo
c
/a/b
`;

describe('shell features (observed)', () => {
  it('busybox ash', () => {
    const r = sh('busybox', FEATURES);
    expect(r.all).toBe('sh 0\n' + COMMON + 'a\tb\nx\n');
    expect(r.code).toBe(0);
  });
  it('dash: echo has no -e and always interprets escapes', () => {
    const r = sh('debian', FEATURES);
    expect(r.all).toBe('sh 0\n' + COMMON + '-e a\tb\nx\n');
  });
  it('bash', () => {
    const r = sh('debian', FEATURES, 'bash');
    expect(r.all).toBe('bash 0\n' + COMMON + 'a\tb\nx\n');
  });
});

describe('shell features', () => {
  it('$$ is the pid (1 as the main process), $? after exit codes', () => {
    expect(sh('busybox', 'echo $$; (exit 4); echo $?').all).toBe('1\n4\n');
  });
  it('positional parameters after sh -c script name', () => {
    expect(sh('busybox', 'echo $0 $1 $2 $#').all).toBe('sh 0\n');
    const r = sh('busybox', 'echo "$0|$1|$2|$#"');
    expect(r.all).toBe('sh|||0\n');
  });
  it('redirections: >, >>, 2>&1, < and files in the container fs', () => {
    const r = sh('busybox', 'echo a > /tmp/f; echo b >> /tmp/f; cat < /tmp/f; ls /nope > /tmp/e 2>&1; cat /tmp/e; wc -l < /tmp/f');
    expect(r.all).toBe('a\nb\nls: /nope: No such file or directory\n2\n');
    expect(r.fs.readFile('/tmp/f')).toBe('a\nb\n');
  });
  it('exit N ends the script with N; `exit` alone keeps the last status', () => {
    expect(sh('busybox', 'echo a; exit 7; echo b').code).toBe(7);
    expect(sh('debian', 'false; exit').code).toBe(1);
  });
  it('export reaches child programs; plain variables do not', () => {
    expect(sh('debian', 'A=1; export B=2; env | grep -E "^(A|B)="').all).toBe('B=2\n');
    expect(sh('debian', 'C=3 printenv C').all).toBe('3\n');
  });
  it('case, functions, && || chains, nested $( )', () => {
    const r = sh('debian', 'f() { echo "in f $1"; return 3; }; f x; echo $?; case abc in a*) echo A;; *) echo other;; esac; echo $(echo $(echo deep))');
    expect(r.all).toBe('in f x\n3\nA\ndeep\n');
  });
  it('globbing against the container filesystem', () => {
    expect(sh('busybox', 'cd /etc && echo p*; echo /etc/g*; echo /nomatch*').all).toBe('passwd\n/etc/group\n/nomatch*\n');
  });
  it('arithmetic', () => {
    expect(sh('debian', 'echo $((2+3*4)) $((7/2)) $((7%3)) $(( (1+2) << 2 ))').all).toBe('14 3 1 12\n');
  });
  it('while loops are bounded: an endless loop with sleep becomes a running process', () => {
    const r = sh('busybox', 'while true; do echo tick; sleep 1; done');
    expect(r.outcome.kind).toBe('running');
    if (r.outcome.kind === 'running') {
      expect(r.outcome.output[0]).toEqual({ stream: 'stdout', text: 'tick\n', atMs: 0 });
      expect(r.outcome.output[1]).toEqual({ stream: 'stdout', text: 'tick\n', atMs: 1000 });
      expect(r.outcome.service.program).toBe('sh');
    }
  });
  it('sleep accumulates simulated time: output chunks carry atMs', () => {
    const r = sh('busybox', 'echo a; sleep 2; echo b; sleep 0.5; echo c');
    expect(r.outcome).toMatchObject({ kind: 'exited', exitCode: 0, durationMs: 2500 });
    if (r.outcome.kind === 'exited') expect(r.outcome.output.map((c) => c.atMs)).toEqual([0, 2000, 2500]);
  });
  it('a long sleep is a running process that exits by itself later', () => {
    const r = sh('busybox', 'sleep 3600; echo done');
    expect(r.outcome.kind).toBe('running');
    if (r.outcome.kind === 'running') {
      expect(r.outcome.service.exitAfterMs).toBe(3600000);
      expect(r.outcome.service.exitCode).toBe(0);
      expect(r.outcome.service.signals).toEqual({});
    }
  });
  it('sleep infinity and tail -f /dev/null block (PID 1 ignores SIGTERM)', () => {
    for (const argv of [['sleep', 'infinity'], ['tail', '-f', '/dev/null']]) {
      const r = sh('busybox', argv.join(' '));
      expect(r.outcome.kind).toBe('running');
      if (r.outcome.kind === 'running') expect(r.outcome.service.signals.SIGTERM).toBeUndefined();
    }
  });
  it('background jobs do not hold the script, until it waits for them', () => {
    expect(sh('busybox', 'sleep 5 & echo started').outcome).toMatchObject({ kind: 'exited', durationMs: 0 });
    // Observed: `sleep 2 & echo started; wait` takes the two seconds on the engine.
    expect(sh('busybox', 'sleep 5 & echo started; wait').outcome).toMatchObject({ kind: 'exited', durationMs: 5000 });
    expect(sh('busybox', 'sleep infinity & wait').outcome.kind).toBe('running');
  });
  it('syntax errors', () => {
    expect(sh('debian', 'if true; then echo x').code).toBe(2);
    expect(sh('busybox', 'echo (').code).toBe(2);
  });
  it('here-documents', () => {
    expect(sh('debian', 'cat <<EOF\nhello $HOME\nEOF\necho after', 'bash').all).toBe('hello /root\nafter\n');
  });
  it('set -e stops at the first failure', () => {
    const r = sh('debian', 'set -e; echo a; false; echo b');
    expect(r.all).toBe('a\n');
    expect(r.code).toBe(1);
  });
  it('read from piped input and while read loops', () => {
    expect(sh('busybox', 'printf "x 1\\ny 2\\n" | while read k v; do echo "$v=$k"; done').all).toBe('1=x\n2=y\n');
  });
});

describe('background jobs, kill and wait (busybox ash, as observed)', () => {
  it('a job killed before it ends: wait reports 128+signal, and ash names the signal', () => {
    const r = sh('busybox', "sleep 5 & kill -TERM $!; wait $!");
    expect([r.stdout, r.stderr, r.code]).toEqual(['', 'Terminated\n', 143]);
    const more = sh('busybox', 'sleep 5 & kill -9 $!; wait $!; echo "st=$?"; sleep 5 & kill -INT $!; wait $!; echo "st=$?"; sleep 5 & kill -USR1 $!; wait $!; echo "st=$?"; sleep 5 & kill -s HUP $!; wait $!; echo "st=$?"');
    expect(more.stdout).toBe('st=137\nst=130\nst=138\nst=129\n');
    expect(more.stderr).toBe('User defined signal 1\nHangup\n');
  });
  it('wait returns a finished job\'s status, 127 for an unknown PID, 0 without operands', () => {
    const r = sh('busybox', '(exit 3) & wait $!; echo "st=$?"; wait 12345; echo "st=$?"; sleep 5 & kill $!; wait; echo "st=$?"');
    expect([r.stdout, r.stderr]).toEqual(['st=3\nst=127\nst=0\n', '']);
  });
  it('kill of a job that has ended fails; waiting takes the job\'s time', () => {
    const r = sh('busybox', 'true & p=$!; sleep 0.1; kill $p; echo "st=$?"');
    expect(r.stdout).toBe('st=1\n');
    expect(r.stderr).toMatch(/^sh: can't kill pid \d+: No such process\n$/);
    const timed = sh('busybox', 'sleep 2 & wait $!; echo done');
    expect(timed.outcome).toMatchObject({ kind: 'exited', durationMs: 2000 });
  });
});

describe('the environment a shell passes on (observed)', () => {
  const env = ['PATH=/usr/bin:/bin', 'HOSTNAME=h', 'A=1', 'HOME=/root'];
  it('ash: exports PWD, OLDPWD after cd and SHLVL, listed bucket by bucket of its variable table', () => {
    const r = sh('busybox', 'cd /tmp; export B=2; env', 'sh', { env });
    expect(r.all).toBe('HOSTNAME=h\nSHLVL=1\nHOME=/root\nOLDPWD=/\nA=1\nPATH=/usr/bin:/bin\nB=2\nPWD=/tmp\n');
    expect(sh('busybox', 'sh -c \'echo $SHLVL\'', 'sh', { env: [...env, 'SHLVL=5'] }).all).toBe('7\n');
  });
  it('dash: the same table, no SHLVL', () => {
    expect(sh('debian', 'cd /tmp; env', 'sh', { env }).all).toBe('HOSTNAME=h\nHOME=/root\nOLDPWD=/\nA=1\nPATH=/usr/bin:/bin\nPWD=/tmp\n');
  });
});
