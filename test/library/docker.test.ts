// The library API: createDocker over the same execute() the CLI uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserStore, CommandLineError, MemoryStore, StateDamagedError, createDocker, splitCommandLine, toArgv } from '../../src/index.js';
import { execute } from '../../src/cli/dispatch.js';
import { createEnv } from '../../src/runtime.js';
import { createInitialState } from '../../src/engine/initial-state.js';
import { FileStore } from '../../src/store/file-store.js';
import { FakeStorage } from './fake-storage.js';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const fixed = () => NOW;

describe('splitCommandLine', () => {
  it.each([
    ['docker ps', ['docker', 'ps']],
    ['  docker   run  -d\tnginx  ', ['docker', 'run', '-d', 'nginx']],
    [`run busybox echo 'hello   world'`, ['run', 'busybox', 'echo', 'hello   world']],
    [`run busybox sh -c "echo \\"\\$HOME\\" \\\\ done"`, ['run', 'busybox', 'sh', '-c', 'echo "$HOME" \\ done']],
    [`run busybox echo "a'b" 'c"d'`, ['run', 'busybox', 'echo', "a'b", 'c"d']],
    [`echo a\\ b c\\"d`, ['echo', 'a b', 'c"d']],
    [`echo ""`, ['echo', '']],
    [`echo '' x`, ['echo', '', 'x']],
    [`echo a""b`, ['echo', 'ab']],
    [`ps --format '{{.Names}} {{.Status}}'`, ['ps', '--format', '{{.Names}} {{.Status}}']],
    [`ps -a # all of them`, ['ps', '-a']],
    [`echo a#b`, ['echo', 'a#b']],
    [`echo "a\\nb"`, ['echo', 'a\\nb']],
    ['run \\\n -d nginx', ['run', '-d', 'nginx']],
    ['echo $HOME ~', ['echo', '$HOME', '~']],
    ['', []],
  ])('%s', (line, words) => {
    expect(splitCommandLine(line)).toEqual(words);
  });

  it.each([
    [`echo 'unterminated`, /matching '/],
    [`echo "unterminated`, /matching "/],
    ['ps | grep web', /'\|' is shell syntax/],
    ['ps && images', /'&&' is shell syntax/],
    ['ps; images', /';' is shell syntax/],
    ['ps > out.txt', /'>' is shell syntax/],
  ])('refuses %s', (line, message) => {
    expect(() => splitCommandLine(line)).toThrow(CommandLineError);
    expect(() => splitCommandLine(line)).toThrow(message);
  });

  it('quoted operators are plain text', () => {
    expect(splitCommandLine(`run busybox sh -c 'echo a | tr a b; ls > /tmp/x'`)).toEqual(['run', 'busybox', 'sh', '-c', 'echo a | tr a b; ls > /tmp/x']);
  });

  it('toArgv drops one leading docker word, for strings and arrays', () => {
    expect(toArgv('docker ps -a')).toEqual(['ps', '-a']);
    expect(toArgv('ps -a')).toEqual(['ps', '-a']);
    expect(toArgv(['docker', 'run', 'docker'])).toEqual(['run', 'docker']);
    expect(toArgv(['run', 'busybox'])).toEqual(['run', 'busybox']);
  });
});

describe('createDocker', () => {
  it('gives the same bytes as execute() itself for the same seed, clock and commands', () => {
    const commands = [['run', '-d', '-P', 'nginx'], ['run', '--name', 'box', 'busybox', 'echo', 'hi'], ['ps', '-a'], ['images'], ['port', 'box']];
    const docker = createDocker({ seed: 7, now: fixed });
    let state = createInitialState(7, NOW);
    const env = createEnv({ now: fixed, seed: 7 });
    for (const argv of commands) {
      const lib = docker.run(argv);
      const r = execute(state, argv, { env, stdinIsTty: false, stdoutIsTty: false });
      state = r.state;
      expect(lib).toEqual({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode });
    }
  });

  it('accepts a command line string with or without docker', () => {
    const docker = createDocker({ seed: 1, now: fixed, images: ['busybox'] });
    const a = docker.run(`docker run --name one busybox echo 'hello   world'`);
    expect(a).toEqual({ stdout: 'hello   world\n', stderr: '', exitCode: 0 });
    const b = docker.run('ps -a --format "{{.Names}}: {{.Command}}"');
    expect(b.stdout).toBe('one: "echo \'hello   world\'"\n');
  });

  it('a bad command line is a shell error (exit 2), not an exception', () => {
    const docker = createDocker({ seed: 1, now: fixed });
    const r = docker.run('docker ps | grep web');
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^fakedocker: '\|' is shell syntax/);
  });

  it('pre-pulls images quietly', () => {
    const docker = createDocker({ seed: 3, now: fixed, images: ['nginx', 'busybox:latest'] });
    expect(docker.state().images().flatMap((i) => i.tags).sort()).toEqual(['busybox:latest', 'nginx:latest']);
    const r = docker.run('run -d nginx');
    expect(r.stderr).toBe(''); // no "Unable to find image"
  });

  it('an image that does not exist cannot be pre-pulled', () => {
    expect(() => createDocker({ seed: 3, now: fixed, images: ['no-such-image-here'] })).toThrow(/could not pre-pull no-such-image-here/);
  });

  it('state() views: containers, ports, images, networks', () => {
    let now = NOW;
    const docker = createDocker({ seed: 11, now: () => (now += 1000), images: ['nginx', 'busybox'] });
    docker.run('run -d --name web -p 8080:80 -e MODE=prod -l tier=front --restart unless-stopped nginx');
    docker.run('run --name once --rm busybox true');
    docker.run('run --name job busybox sh -c "exit 3"');
    const s = docker.state();
    const names = s.containers().map((c) => c.name);
    expect(names).toEqual(['job', 'web']); // newest first; --rm removed "once"
    expect(s.containers().map((c) => c.shortId).join('\n')).toBe(docker.run('ps -a -q').stdout.trim());
    const web = s.container('web')!;
    expect(web).toMatchObject({
      name: 'web', image: 'nginx', status: 'running', running: true, published: { '80/tcp': 8080 },
      portBindings: { '80/tcp': ['8080'] }, restartPolicy: 'unless-stopped', networks: ['bridge'],
    });
    expect(web.env.MODE).toBe('prod');
    expect(web.labels.tier).toBe('front');
    expect(s.container(web.shortId)?.name).toBe('web');
    expect(s.container(web.id)?.name).toBe('web');
    expect(s.container('job')).toMatchObject({ status: 'exited', running: false, exitCode: 3 });
    expect(s.ports().map((p) => `${p.container} ${p.hostIp}:${p.hostPort}->${p.containerPort}`)).toEqual(['web 0.0.0.0:8080->80/tcp', 'web :::8080->80/tcp']);
    expect(s.networks().find((n) => n.name === 'bridge')?.containers).toEqual(['web']);
    expect(s.images().map((i) => i.tags[0]).sort()).toEqual(['busybox:latest', 'nginx:latest']);
  });

  it('views are copies: changing them changes nothing', () => {
    const docker = createDocker({ seed: 11, now: fixed, images: ['nginx'] });
    docker.run('run -d --name web nginx');
    const c = docker.state().container('web')!;
    c.name = 'changed';
    c.env.X = 'y';
    expect(docker.state().container('web')?.env.X).toBeUndefined();
  });

  it('state() accounts for processes that ended since the last command', () => {
    let now = NOW;
    const docker = createDocker({ seed: 5, now: () => now, images: ['busybox'] });
    docker.run('run -d --name napper busybox sleep 5');
    expect(docker.state().container('napper')?.running).toBe(true);
    now += 6000;
    expect(docker.state().container('napper')).toMatchObject({ running: false, status: 'exited', exitCode: 0 });
  });

  it('virtual waits move the clock on (attached sleep)', () => {
    const docker = createDocker({ seed: 5, now: fixed, images: ['busybox'] });
    docker.run('run --name nap busybox sleep 3');
    docker.run('run -d --name later busybox sleep 100');
    const s = docker.state();
    const t = (iso: string) => Date.parse(iso);
    expect(t(s.container('later')!.created) - t(s.container('nap')!.created)).toBeGreaterThanOrEqual(3000);
  });

  it('an attached long-running command reports attachedTo with the output so far', () => {
    const docker = createDocker({ seed: 5, now: fixed, images: ['nginx'] });
    const r = docker.run('run --name fg nginx');
    expect(r.exitCode).toBe(0);
    expect(r.attachedTo).toBe(docker.state().container('fg')!.id);
    expect(r.stdout + r.stderr).toContain('Configuration complete; ready for start up');
  });

  it('now() may return a Date', () => {
    const docker = createDocker({ seed: 5, now: () => new Date(NOW), images: ['busybox'] });
    docker.run('run --name dd busybox true');
    expect(docker.state().container('dd')!.created.startsWith('2025-06-01T12:00:00')).toBe(true);
  });

  it('snapshot() is JSON and restore() brings it back, in the same or another instance', () => {
    const a = createDocker({ seed: 9, now: fixed, images: ['nginx'] });
    a.run('run -d --name web -P nginx');
    const snap = JSON.parse(JSON.stringify(a.snapshot()));
    const psBefore = a.run('ps -a').stdout;
    a.run('rm -f web');
    expect(a.state().containers()).toHaveLength(0);
    a.restore(snap);
    expect(a.run('ps -a').stdout).toBe(psBefore);
    const b = createDocker({ now: fixed, state: snap });
    expect(b.run('ps -a').stdout).toBe(psBefore);
    // The snapshot is a copy: later commands do not change it.
    b.run('rm -f web');
    expect(Object.keys(snap.containers)).toHaveLength(1);
  });

  it('restore() and the state option refuse what is not a state', () => {
    const docker = createDocker({ seed: 1, now: fixed });
    expect(() => docker.restore({ hello: 'world' } as never)).toThrow(StateDamagedError);
    expect(() => createDocker({ state: { schema: 99, containers: {}, images: {}, networks: {} } as never })).toThrow(/unknown schema version 99/);
  });

  it('reset() forgets everything but pulls the images option again', () => {
    const docker = createDocker({ seed: 1, now: fixed, images: ['busybox'] });
    docker.run('run -d --name x busybox sleep 100');
    docker.run('pull nginx');
    docker.reset();
    expect(docker.state().containers()).toEqual([]);
    expect(docker.state().images().map((i) => i.tags[0])).toEqual(['busybox:latest']);
  });

  it('the same seed gives the same IDs and names', () => {
    const run = () => {
      const d = createDocker({ seed: 1234, now: fixed, images: ['nginx'] });
      d.run('run -d nginx');
      return d.state().containers()[0];
    };
    const a = run();
    const b = run();
    expect(a.id).toBe(b.id);
    expect(a.name).toBe(b.name);
  });

  it('keeps its state in the given store: MemoryStore, BrowserStore, FileStore', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fakedocker-lib-'));
    try {
      const storage = new FakeStorage();
      for (const makeStore of [() => new MemoryStore(), () => new BrowserStore({ storage }), () => new FileStore(dir)]) {
        const store = makeStore();
        const first = createDocker({ seed: 2, now: fixed, store });
        first.run('run -d --name kept busybox sleep 100');
        // A second library instance over the same store sees the container (a reload, another process).
        const second = createDocker({ now: fixed, store: store instanceof MemoryStore ? store : makeStore() });
        expect(second.state().container('kept')?.running).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stdin reaches run -i', () => {
    const docker = createDocker({ seed: 2, now: fixed, images: ['busybox'] });
    const r = docker.run('run -i --rm busybox cat', { stdin: 'piped text\n' });
    expect(r.stdout).toBe('piped text\n');
  });

  it('tty: false refuses -it like a script would; tty: true allows it', () => {
    const script = createDocker({ seed: 2, now: fixed, images: ['busybox'] });
    expect(script.run('run -it busybox true')).toMatchObject({ exitCode: 1, stderr: 'the input device is not a TTY\n' });
    const terminal = createDocker({ seed: 2, now: fixed, images: ['busybox'], tty: true });
    expect(terminal.run('run -it --rm busybox true').exitCode).toBe(0);
  });
});

afterAll(() => {});
