// busybox ps: -o columns and headers, and the process tree of sh -c scripts and --init.
import { describe, expect, it } from 'vitest';
import { run, sh } from './helpers.js';

describe('busybox ps -o', () => {
  it('prints the chosen columns with busybox headers and widths', () => {
    expect(run('busybox', ['ps', '-o', 'pid,comm']).stdout).toBe('PID   COMMAND\n    1 ps\n');
    expect(run('busybox', ['ps', '-o', 'user,group,comm,pid']).stdout).toBe('USER     GROUP    COMMAND          PID\nroot     root     ps                   1\n');
  });

  it('joins several -o options and takes -oLIST glued', () => {
    expect(run('busybox', ['ps', '-o', 'pid', '-o', 'comm']).stdout).toBe('PID   COMMAND\n    1 ps\n');
    expect(run('busybox', ['ps', '-ocomm']).stdout).toBe('COMMAND\nps\n');
  });

  it('NAME=HEADER renames a column and sets its width; all-empty headers drop the header line', () => {
    expect(run('busybox', ['ps', '-o', 'pid=,comm=X']).stdout).toBe('      X\n    1 p\n');
    expect(run('busybox', ['ps', '-o', 'pid=']).stdout).toBe('    1\n');
  });

  it('args takes the rest of the line: later columns are not printed', () => {
    expect(run('busybox', ['ps', '-o', 'comm,args,pid']).stdout).toBe('COMMAND          COMMAND\nps               ps -o comm,args,pid\n');
  });

  it('a terminal cuts lines to 79 characters', () => {
    const long = 'x'.repeat(100);
    const out = run('busybox', ['ps', '-o', 'args', long], { tty: true }).stdout;
    expect(out.split(/\r?\n/)[1]).toHaveLength(79);
  });

  it('rejects unknown columns and a missing list', () => {
    const bad = run('busybox', ['ps', '-o', 'pid,time']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe("ps: bad -o argument 'time', supported arguments: user,group,comm,args,pid,ppid,pgid,nice,rgroup,ruser,tty,vsz,sid,stat,rss\n");
    const missing = run('busybox', ['ps', '-o']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^ps: option requires an argument -- 'o'\nBusyBox v1\.35\.0 .*\n\nUsage: ps /);
    expect(run('busybox', ['ps', '-o', 'constructor']).stderr).toMatch(/^ps: bad -o argument 'constructor'/);
  });

  it('numeric users and groups print as numbers', () => {
    expect(run('busybox', ['ps', '-o', 'user,group,ruser,rgroup'], { user: '1000:1000' }).stdout).toBe('USER     GROUP    RUSER    RGROUP\n1000     1000     1000     1000\n');
  });
});

describe('busybox ps: the process tree', () => {
  it('the last command of sh -c runs in the shell process (PID 1), in braces before the shell command line', () => {
    expect(sh('busybox', 'ps').stdout).toBe('PID   USER     COMMAND\n    1 root     {ps} sh -c ps\n');
  });

  it('an earlier command is a child of the shell', () => {
    expect(sh('busybox', 'ps -o pid,ppid,comm,args; echo').stdout).toBe('PID   PPID  COMMAND          COMMAND\n    1     0 sh               sh -c ps -o pid,ppid,comm,args; echo\n    7     1 ps               {ps} sh -c ps -o pid,ppid,comm,args; echo\n\n');
  });

  it('a pipeline stage is a child too', () => {
    expect(sh('busybox', 'ps -o comm | head -2').stdout).toBe('COMMAND\nsh\n');
  });

  it('exec replaces the shell in its process', () => {
    expect(sh('busybox', 'exec ps -o pid,comm').stdout).toBe('PID   COMMAND\n    1 ps\n');
  });

  it('with --init, docker-init is PID 1 and the command its child', () => {
    expect(run('busybox', ['ps'], { init: true }).stdout).toBe('PID   USER     COMMAND\n    1 root     /sbin/docker-init -- ps\n    7 root     ps\n');
    expect(sh('busybox', 'ps -o pid,ppid,comm; echo $$', 'sh', { init: true }).stdout).toBe('PID   PPID  COMMAND\n    1     0 docker-init\n    7     1 sh\n    8     7 ps\n7\n');
    expect(sh('busybox', 'ps -o comm | head -2', 'sh', { init: true }).stdout).toBe('COMMAND\ndocker-init\n');
  });
});
