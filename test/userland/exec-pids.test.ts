// ps inside `docker exec`: the container's processes and PIDs of its own PID namespace, as the
// engine shows them (every expected text below was observed on Engine 28.5.2 with busybox 1.35).
import { describe, expect, it } from 'vitest';
import { createDocker } from '../../src/index.js';

const NOW = Date.UTC(2026, 10, 28, 9, 41, 0);

function busybox() {
  return createDocker({ seed: 11, now: () => NOW, images: ['busybox'] });
}

describe('ps in an exec', () => {
  it('lists PID 1; each exec takes the PID after runc\'s five threads of the one before', () => {
    const docker = busybox();
    docker.run('run -d --name box busybox sleep 1000');
    expect(docker.run('exec box ps').stdout).toBe('PID   USER     COMMAND\n    1 root     sleep 1000\n    7 root     ps\n');
    expect(docker.run('exec box ps aux').stdout).toBe('PID   USER     COMMAND\n    1 root     sleep 1000\n   13 root     ps aux\n');
    // The shell's first ps is a child (after the shell's runc threads); its last runs in the shell itself.
    expect(docker.run('exec box sh -c "ps; echo; ps -o pid,ppid,comm"').stdout).toBe(
      'PID   USER     COMMAND\n    1 root     sleep 1000\n   19 root     sh -c ps; echo; ps -o pid,ppid,comm\n   25 root     {ps} sh -c ps; echo; ps -o pid,ppid,comm\n\n' +
      'PID   PPID  COMMAND\n    1     0 sleep\n   19     0 ps\n',
    );
  });

  it('an exec that fails to start still takes PIDs', () => {
    const docker = busybox();
    docker.run('run -d --name box busybox sleep 1000');
    expect(docker.run('exec box nonexist').exitCode).toBe(127);
    expect(docker.run('exec box ps -o pid,comm').stdout).toBe('PID   COMMAND\n    1 sleep\n   15 ps\n');
  });

  it('PID 1 is what the shell of `sh -c` ended up running', () => {
    const docker = busybox();
    docker.run('run -d --name tail busybox sh -c "echo hi; sleep 1000"');
    expect(docker.run('exec tail ps -o pid,ppid,comm,args').stdout).toBe(
      'PID   PPID  COMMAND          COMMAND\n    1     0 sleep            sleep 1000\n    7     0 ps               ps -o pid,ppid,comm,args\n',
    );
    // A loop keeps the shell as PID 1, with the sleep of the moment as its child.
    docker.run('run -d --name loop busybox sh -c "while true; do sleep 1; done"');
    expect(docker.run('exec loop ps -o pid,ppid,comm,args').stdout).toMatch(
      /^PID {3}PPID {2}COMMAND {10}COMMAND\n {4}1 {5}0 sh {15}sh -c while true; do sleep 1; done\n +\d+ {5}1 sleep {12}sleep 1\n +\d+ {5}0 ps {15}ps -o pid,ppid,comm,args\n$/,
    );
  });

  it('under --init, docker-init is PID 1 and the command 7', () => {
    const docker = busybox();
    docker.run('run -d --init --name initbox busybox sleep 1000');
    const table = (pid: number) => `PID   PPID  COMMAND          COMMAND\n    1     0 docker-init      /sbin/docker-init -- sleep 1000\n    7     1 sleep            sleep 1000\n${String(pid).padStart(5)}     0 ps               ps -o pid,ppid,comm,args\n`;
    expect(docker.run('exec initbox ps -o pid,ppid,comm,args').stdout).toBe(table(8));
    expect(docker.run('exec initbox ps -o pid,ppid,comm,args').stdout).toBe(table(14));
  });

  it('the container\'s user is shown by name', () => {
    const docker = busybox();
    docker.run('run -d --user 65534 --name nobodybox busybox sleep 1000');
    expect(docker.run('exec nobodybox ps').stdout).toBe('PID   USER     COMMAND\n    1 nobody   sleep 1000\n    7 nobody   ps\n');
    docker.run('run -d --name rootbox busybox sleep 1000');
    expect(docker.run('exec --user nobody rootbox ps').stdout).toBe('PID   USER     COMMAND\n    1 root     sleep 1000\n    7 nobody   ps\n');
  });

  it('a restart starts the PID namespace afresh', () => {
    const docker = busybox();
    docker.run('run -d --name box busybox sleep 1000');
    docker.run('exec box true');
    docker.run('exec box true');
    docker.run('restart -t 0 box');
    expect(docker.run('exec box ps').stdout).toBe('PID   USER     COMMAND\n    1 root     sleep 1000\n    7 root     ps\n');
  });
});

describe('busybox httpd', () => {
  it('serves in the foreground with -f; without it the command ends at once', () => {
    const docker = busybox();
    expect(docker.run('run --rm busybox httpd -p 80')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    docker.run('run -d --name web1 busybox httpd -f -v -p 80');
    expect(docker.run('ps --format "{{.Names}} {{.Command}} {{.State}}"').stdout).toBe('web1 "httpd -f -v -p 80" running\n');
    expect(docker.run('exec web1 ps').stdout).toBe('PID   USER     COMMAND\n    1 root     httpd -f -v -p 80\n    7 root     ps\n');
  });

  it('reports a missing home and a bad port', () => {
    const docker = busybox();
    expect(docker.run('run --rm busybox httpd -f -h /nonexistent')).toEqual({ stdout: '', stderr: "httpd: can't change directory to '/nonexistent': No such file or directory\n", exitCode: 1 });
    expect(docker.run('run --rm busybox httpd -f -p abc')).toEqual({ stdout: '', stderr: "httpd: bad address 'abc'\n", exitCode: 1 });
  });
});
