// The playground's shell and completion, without a browser: keystrokes in, terminal text out.
import { describe, expect, it } from 'vitest';
import { createDocker } from '../../src/index.js';
import { complete, commonPrefix, partialWords, type CompletionContext } from '../../playground/src/complete.js';
import { Shell } from '../../playground/src/shell.js';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

function harness(opts: { history?: string[]; cols?: number } = {}) {
  const docker = createDocker({ seed: 3, now: () => NOW, images: ['nginx', 'busybox'], tty: true });
  let out = '';
  let saved: string[] = [];
  let resets = 0;
  const shell = new Shell({
    write: (t) => { out += t; },
    cols: () => opts.cols ?? 80,
    docker,
    catalogImages: () => ['nginx', 'nginx:alpine', 'busybox', 'alpine', 'ubuntu'],
    loadHistory: () => opts.history ?? [],
    saveHistory: (h) => { saved = [...h]; },
    reset: () => { resets++; docker.reset(); },
    clearScreen: () => { out += '<CLEAR>'; },
  });
  shell.start(false);
  /** Output since the last call, escape sequences removed. */
  const take = () => {
    // eslint-disable-next-line no-control-regex
    const text = out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
    out = '';
    return text;
  };
  return { docker, shell, take, saved: () => saved, resets: () => resets };
}

describe('playground shell', () => {
  it('runs a typed docker command and prints its output, then a new prompt', () => {
    const h = harness();
    h.take();
    h.shell.input('docker run -d --name web -p 8080:80 nginx\r');
    const text = h.take();
    expect(text).toMatch(/^\$ docker run -d --name web -p 8080:80 nginx\n[0-9a-f]{64}\n\$ $/);
    h.shell.input('docker ps --format "{{.Names}} {{.Ports}}"\r');
    expect(h.take()).toContain('web 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n');
  });

  it('edits the line: arrows, Home/End, backspace, delete, Ctrl-U/K/W', () => {
    const { shell } = harness();
    shell.input('docker pz');
    shell.input('\x7f');
    shell.input('s');
    expect(shell.currentLine).toBe('docker ps');
    shell.input('\x1b[D\x1b[D'); // before "ps"
    shell.input('container ');
    expect(shell.currentLine).toBe('docker container ps');
    shell.input('\x1b[H'); // Home
    shell.input('\x1b[3~'); // Delete
    expect(shell.currentLine).toBe('ocker container ps');
    shell.input('d\x1b[F -a'); // End
    expect(shell.currentLine).toBe('docker container ps -a');
    shell.input('\x17'); // Ctrl-W
    expect(shell.currentLine).toBe('docker container ps ');
    shell.input('\x01\x1b[C\x1b[C\x0b'); // Ctrl-A, right twice, Ctrl-K
    expect(shell.currentLine).toBe('do');
    shell.input('\x15'); // Ctrl-U
    expect(shell.currentLine).toBe('');
  });

  it('history: up and down, the draft line kept, saved after each command', () => {
    const h = harness({ history: ['docker images'] });
    h.shell.input('docker ps\r');
    h.shell.input('docker version\r');
    expect(h.saved()).toEqual(['docker images', 'docker ps', 'docker version']);
    h.shell.input('docker lo');
    h.shell.input('\x1b[A');
    expect(h.shell.currentLine).toBe('docker version');
    h.shell.input('\x1b[A\x1b[A\x1b[A');
    expect(h.shell.currentLine).toBe('docker images');
    h.shell.input('\x1b[B\x1b[B\x1b[B');
    expect(h.shell.currentLine).toBe('docker lo');
    // The same command twice in a row is kept once.
    h.shell.input('\x15docker ps\rdocker ps\r');
    expect(h.saved().slice(-2)).toEqual(['docker version', 'docker ps']);
  });

  it('Tab completes a unique candidate and lists several', () => {
    const h = harness();
    h.shell.input('docker run -d --name web nginx\r');
    h.shell.input('docker sto\t');
    expect(h.shell.currentLine).toBe('docker stop ');
    h.shell.input('\t');
    expect(h.shell.currentLine).toBe('docker stop web ');
    h.shell.input('\x15docker st\t');
    expect(h.shell.currentLine).toBe('docker st');
    const listing = h.take();
    expect(listing).toMatch(/start\s+stats\s+stop/);
    expect(listing.endsWith('$ docker st')).toBe(true);
  });

  it('pasted text with several lines runs each line', () => {
    const h = harness();
    h.take();
    h.shell.input('docker pull busybox\r\ndocker images -q\r\n');
    const text = h.take();
    expect(text).toContain('$ docker pull busybox\n');
    expect(text).toContain('$ docker images -q\n');
    expect(text.match(/^[0-9a-f]{12}$/gm)).toHaveLength(2);
    expect(text.endsWith('\n$ ')).toBe(true);
  });

  it('Ctrl-C abandons the line', () => {
    const h = harness();
    h.take();
    h.shell.input('docker rm -f everything\x03');
    expect(h.shell.currentLine).toBe('');
    expect(h.take()).toBe('$ docker rm -f everything^C\n$ ');
  });

  it('built-ins: clear, help, history, explain, reset; other commands are not found', () => {
    const h = harness();
    h.shell.input('clear\r');
    expect(h.take()).toContain('<CLEAR>');
    h.shell.input('help\r');
    expect(h.take()).toContain('Tab completes commands');
    h.shell.input('explain docker run --rm busybox\r');
    expect(h.take()).toContain('--rm     Removes the container automatically as soon as it exits.');
    h.shell.input('history\r');
    expect(h.take()).toMatch(/ {4}1 {2}clear\n {4}2 {2}help\n/);
    h.shell.input('ls -l\r');
    expect(h.take()).toContain('fakedocker: ls: command not found (only docker commands run here; type help)');
    h.shell.input('reset\r');
    expect(h.resets()).toBe(1);
  });

  it('an attached command returns to the prompt with a note', () => {
    const h = harness();
    h.take();
    h.shell.input('docker run --name fg nginx\r');
    const text = h.take();
    expect(text).toContain('Configuration complete; ready for start up');
    expect(text).toContain('[attached to fg: a real terminal would stay here');
    expect(text.endsWith('$ ')).toBe(true);
    expect(h.docker.state().container('fg')?.running).toBe(true);
  });

  it('interactive sessions, docker wait and docker stats say what a real terminal would do', () => {
    const h = harness();
    h.take();
    h.shell.input('docker run -it --name box busybox sh\r');
    let text = h.take();
    expect(text).toContain('/ # \n');
    expect(text).toContain('[Here a real terminal would let you type into box.');
    expect(text).toContain('docker exec box ls /]');
    h.shell.input('docker wait box\r');
    expect(h.take()).toContain('[docker wait blocks until box stops;');
    h.shell.input('docker stats\r');
    text = h.take();
    expect(text).toContain('CONTAINER ID');
    expect(text).toContain('[docker stats keeps going in a real terminal until Ctrl-C;');
  });

  it('a pull comes before the output of the container it was for', () => {
    const h = harness();
    h.docker.run('rmi busybox');
    h.take();
    h.shell.input('docker run --rm busybox echo hello\r');
    const text = h.take();
    expect(text.indexOf('Status: Downloaded newer image for busybox:latest')).toBeLessThan(text.lastIndexOf('hello\n'));
    expect(text.lastIndexOf('hello\n')).toBeGreaterThan(text.indexOf('echo hello\n'));
  });

  it('shell syntax is refused with a message', () => {
    const h = harness();
    h.take();
    h.shell.input('docker ps | grep web\r');
    expect(h.take()).toContain("fakedocker: '|' is shell syntax");
  });
});

describe('completion', () => {
  const ctx: CompletionContext = {
    containers: [{ name: 'web', status: 'running' }, { name: 'db', status: 'exited' }, { name: 'cache', status: 'paused' }],
    localImages: ['nginx', 'nginx:latest'],
    catalogImages: ['nginx', 'alpine', 'alpine:3.20', 'busybox'],
    networks: ['bridge', 'host', 'none'],
    volumes: ['data'],
  };
  const cands = (line: string) => complete(line, ctx).candidates;

  it('first word: docker and the built-ins', () => {
    expect(cands('')).toContain('docker');
    expect(cands('ex')).toEqual(['explain']);
  });

  it('commands and management subcommands from the help texts', () => {
    expect(cands('docker ')).toEqual(expect.arrayContaining(['run', 'ps', 'images', 'container', 'volume', 'network']));
    expect(cands('docker container l')).toEqual(['logs', 'ls']);
    expect(cands('docker volume ')).toEqual(expect.arrayContaining(['create', 'ls', 'rm', 'inspect', 'prune']));
  });

  it('flags of the command, long and short', () => {
    expect(cands('docker ps --no')).toEqual(['--no-trunc']);
    expect(cands('docker run --pub')).toEqual(['--publish', '--publish-all']);
    expect(cands('docker ps -')).toEqual(expect.arrayContaining(['-a', '-q', '--all', '--quiet', '--help']));
    expect(cands('docker --ver')).toEqual(['--version']);
  });

  it('container names, filtered by what the command can act on', () => {
    expect(cands('docker stop ')).toEqual(['cache', 'web']);
    expect(cands('docker start ')).toEqual(['db']);
    expect(cands('docker unpause ')).toEqual(['cache']);
    expect(cands('docker rm ')).toEqual(['cache', 'db', 'web']);
    expect(cands('docker rm web ')).toEqual(['cache', 'db', 'web']);
    expect(cands('docker logs -f w')).toEqual(['web']);
    expect(cands('docker logs web ')).toEqual([]);
    expect(cands('docker container stop w')).toEqual(['web']);
  });

  it('images for run and pull; nothing after the image (that is the container command)', () => {
    expect(cands('docker run -d al')).toEqual(['alpine', 'alpine:3.20']);
    expect(cands('docker run -d -p 8080:80 ng')).toEqual(['nginx', 'nginx:latest']);
    expect(cands('docker run --name x nginx ')).toEqual([]);
    expect(cands('docker rmi ')).toEqual(['nginx', 'nginx:latest']);
  });

  it('values of some flags', () => {
    expect(cands('docker run --restart ')).toEqual(['always', 'no', 'on-failure', 'unless-stopped']);
    expect(cands('docker run --network ')).toEqual(['bridge', 'host', 'none']);
    expect(cands('docker ps --filter status=')).toEqual(['status=exited', 'status=running']);
    expect(cands('docker run --name ')).toEqual([]);
  });

  it('explain completes like the command', () => {
    expect(cands('explain docker sto')).toEqual(['stop']);
    const c = complete('explain docker sto', ctx);
    expect(c.start).toBe('explain docker '.length);
  });

  it('partial words and common prefixes', () => {
    expect(partialWords('docker run "a b')).toEqual({ words: ['docker', 'run'], current: 'a b', currentStart: 11 });
    expect(partialWords('docker ')).toEqual({ words: ['docker'], current: '', currentStart: 7 });
    expect(commonPrefix(['start', 'stats', 'stop'])).toBe('st');
    expect(commonPrefix(['--publish', '--publish-all'])).toBe('--publish');
  });
});
