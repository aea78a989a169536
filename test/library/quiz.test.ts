// Quiz helpers: checks of a learner's result and plain-English explanations.
import { describe, expect, it } from 'vitest';
import { createDocker, expectContainer, expectImage, expectNoContainer, explain, explainCommand } from '../../src/index.js';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const lab = () => createDocker({ seed: 21, now: () => NOW, images: ['nginx', 'busybox'] });

describe('expectContainer', () => {
  it('passes for the container the exercise asked for', () => {
    const docker = lab();
    docker.run('docker run -d --name web -p 8080:80 nginx');
    const check = expectContainer(docker, { name: 'web', image: 'nginx', running: true, published: { '80/tcp': 8080 } });
    expect(check).toMatchObject({ ok: true, problems: [] });
    expect(check.container?.name).toBe('web');
    // Port keys may omit /tcp or be numbers; the state view works as a source too.
    expect(expectContainer(docker.state(), { name: 'web', published: { 80: 8080 } }).ok).toBe(true);
    expect(expectContainer(docker, { name: 'web', published: { 80: true } }).ok).toBe(true);
  });

  it('names each thing that is off, in words a learner can act on', () => {
    const docker = lab();
    docker.run('docker run -d --name web -p 8081:80 busybox sleep 100');
    const check = expectContainer(docker, { name: 'web', image: 'nginx', published: { '80/tcp': 8080 }, env: { MODE: 'prod' } });
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      'Container "web" was created from the image "busybox", not "nginx".',
      'Port 80/tcp of "web" is published on host port 8081, not 8080.',
      'Container "web" has no environment variable MODE (expected MODE=prod; use -e MODE=prod).',
    ]);
  });

  it('a missing name with a matching container suggests --name', () => {
    const docker = lab();
    docker.run('run -d nginx');
    const check = expectContainer(docker, { name: 'web', image: 'nginx' });
    expect(check.ok).toBe(false);
    expect(check.problems[0]).toBe('There is no container named "web".');
    expect(check.problems[1]).toMatch(/^There is a container from nginx named "[a-z]+_[a-z]+": name it with --name web \(or docker rename [a-z_]+ web\)\.$/);
  });

  it('no containers at all', () => {
    expect(expectContainer(lab(), { name: 'web' }).problems).toEqual(['There is no container named "web".', 'There are no containers at all.']);
    expect(expectContainer(lab(), { image: 'nginx' }).problems).toEqual(['There is no container from the image "nginx".']);
  });

  it('stopped containers: not running, ports only while running, exit codes', () => {
    const docker = lab();
    docker.run('run -d --name web -p 8080:80 nginx');
    docker.run('stop web');
    docker.run('run --name job busybox sh -c "exit 2"');
    expect(expectContainer(docker, { name: 'web', running: true, published: { 80: 8080 } }).problems).toEqual([
      'Container "web" is not running (it is exited with code 0).',
      'Port 80/tcp of "web" is only published while the container runs, and it is exited with code 0.',
    ]);
    expect(expectContainer(docker, { name: 'job', status: 'exited', exitCode: 0 }).problems).toEqual(['Container "job" exited with code 2, not 0.']);
    expect(expectContainer(docker, { name: 'job', running: false, exitCode: 2 }).ok).toBe(true);
  });

  it('without a name, picks the closest container from the image', () => {
    const docker = lab();
    docker.run('run -d --name a nginx');
    docker.run('run -d --name bb -p 9090:80 nginx');
    const check = expectContainer(docker, { image: 'nginx', published: { 80: 9090 } });
    expect(check.ok).toBe(true);
    expect(check.container?.name).toBe('bb');
  });

  it('image references: tags, docker.io names, other tags of the same image', () => {
    const docker = lab();
    docker.run('run -d --name one docker.io/library/nginx:latest');
    docker.run('tag nginx mysite:v1');
    docker.run('run -d --name two mysite:v1');
    expect(expectContainer(docker, { name: 'one', image: 'nginx' }).ok).toBe(true);
    expect(expectContainer(docker, { name: 'one', image: 'nginx:latest' }).ok).toBe(true);
    expect(expectContainer(docker, { name: 'one', image: 'nginx:1.27' }).ok).toBe(false);
    expect(expectContainer(docker, { name: 'two', image: 'mysite:v1' }).ok).toBe(true);
    expect(expectContainer(docker, { name: 'two', image: 'nginx' }).ok).toBe(true); // same image, another tag
  });

  it('env, labels, mounts, --rm, restart policy and command', () => {
    const docker = lab();
    docker.run('run -d --name app -e A=1 -l team=x -v data:/data --restart always busybox sleep 100');
    expect(expectContainer(docker, { name: 'app', env: { A: '1' }, labels: { team: 'x' }, mounts: { '/data': 'data' }, restart: 'always', command: 'sleep 100', autoRemove: false }).problems).toEqual([]);
    expect(expectContainer(docker, { name: 'app', env: { A: '2', B: true }, mounts: { '/data': 'other', '/srv': true }, restart: 'no', command: 'nginx', autoRemove: true }).problems).toEqual([
      'Container "app" has A=1, not A=2.',
      'Container "app" has no environment variable B.',
      'Container "app" has data mounted at /data, not other.',
      'Container "app" has nothing mounted at /srv.',
      'Container "app" was not started with --rm.',
      'Container "app" has the restart policy "always", not "no".',
      'Container "app" runs "sleep 100", which does not contain "nginx".',
    ]);
  });
});

describe('expectNoContainer and expectImage', () => {
  it('expectNoContainer', () => {
    const docker = lab();
    docker.run('run -d --name web nginx');
    expect(expectNoContainer(docker, { name: 'db' }).ok).toBe(true);
    expect(expectNoContainer(docker, { name: 'web' })).toEqual({ ok: false, problems: ['There should be no container named "web", but there is: web (running).'] });
    docker.run('rm -f web');
    expect(expectNoContainer(docker, { image: 'nginx' }).ok).toBe(true);
  });

  it('expectImage', () => {
    const docker = lab();
    expect(expectImage(docker, 'nginx').ok).toBe(true);
    expect(expectImage(docker, 'docker.io/library/nginx:latest').ok).toBe(true);
    expect(expectImage(docker, 'nginx:alpine')).toEqual({ ok: false, problems: ['The image nginx:alpine is not on this machine (there is nginx:latest): docker pull nginx:alpine gets it.'] });
    expect(expectImage(docker, 'Bad Name').ok).toBe(false);
  });
});

describe('explain', () => {
  it('explains run with the common flags, the image and the command', () => {
    expect(explain('docker run -d -p 8080:80 --name web --rm -e MODE=prod -v data:/data nginx')).toBe([
      'docker run: Creates a new container from an image and starts it.',
      '  -d             Runs the container in the background and prints its ID; without -d your terminal stays attached to its output.',
      "  -p 8080:80     Publishes the container's port 80/tcp on port 8080 of the host, so localhost:8080 on the host reaches the container.",
      '  --name web     Names the container "web", so later commands can use that name instead of the ID.',
      '  --rm           Removes the container automatically as soon as it exits.',
      '  -e MODE=prod   Sets the environment variable MODE to "prod" inside the container.',
      '  -v data:/data  Mounts the named volume "data" at /data in the container (Docker creates the volume if it does not exist).',
      '  nginx          The image "nginx" (tag latest).',
    ].join('\n'));
  });

  it('-it, -P, a command after the image, bind mounts', () => {
    const e = explainCommand('run -it -P -v /srv/site:/usr/share/nginx/html:ro busybox sh -c "ls /"');
    expect(e.problems).toEqual([]);
    expect(e.parts.map((p) => p.text)).toEqual(['-i (in -it)', '-t (in -it)', '-P', '-v /srv/site:/usr/share/nginx/html:ro', 'busybox', "sh -c 'ls /'", '-it']);
    expect(e.parts[2].meaning).toMatch(/every port the image exposes/);
    expect(e.parts[3].meaning).toBe('mounts the host directory /srv/site read-only at /usr/share/nginx/html in the container (a bind mount).');
    expect(e.parts[5].meaning).toMatch(/^the command to run inside the container/);
    expect(e.parts[6].meaning).toMatch(/interactive terminal/);
  });

  it('-p forms: random host port, host address, udp', () => {
    const parts = explainCommand('run -p 80 -p 127.0.0.1:8080:80 -p 53:53/udp nginx').parts.map((p) => p.meaning);
    expect(parts[0]).toBe("publishes the container's port 80/tcp on a free host port that Docker picks (docker port shows which).");
    expect(parts[1]).toBe("publishes the container's port 80/tcp on port 8080 of the host on the host address 127.0.0.1, so localhost:8080 on the host reaches the container.");
    expect(parts[2]).toBe("publishes the container's port 53/udp on port 53 of the host.");
  });

  it('the same letter means different things in different commands', () => {
    expect(explainCommand('ps -f status=exited').parts[0].meaning).toBe('shows only the containers matching status=exited.');
    expect(explainCommand('rm -f web').parts[0].meaning).toBe('removes the container even if it is running (it is killed first).');
    expect(explainCommand('logs -f web').parts[0].meaning).toBe('keeps printing new output as it arrives (Ctrl-C to stop).');
  });

  it('aliases are explained like their short forms', () => {
    expect(explainCommand('docker container ls -a').summary).toBe(explainCommand('docker ps -a').summary);
    expect(explainCommand('docker container ls -a').command).toBe('docker container ls');
    expect(explainCommand('docker image rm nginx').summary).toBe(explainCommand('docker rmi nginx').summary);
  });

  it('flags outside the table fall back to Docker\'s own help text', () => {
    const e = explainCommand('run --hostname box --memory-swap 1g --dns 1.1.1.1 busybox');
    expect(e.parts[0].meaning).toBe('sets the container\'s host name to box.');
    expect(e.parts[1].meaning).toMatch(/^Swap limit equal to memory plus swap: '-1' to enable unlimited swap: 1g\.$/);
    expect(e.parts[2].meaning).toBe('Set custom DNS servers: 1.1.1.1.');
  });

  it('commands outside the table use the help summary', () => {
    expect(explainCommand('docker volume ls').summary).toBe('Lists volumes.');
    expect(explainCommand('docker context ls').summary).toBe('List contexts.');
  });

  it('reports what Docker would refuse', () => {
    expect(explainCommand('run --frobnicate nginx').problems).toEqual(['unknown flag: --frobnicate']);
    expect(explainCommand('ps -z').problems).toEqual(["unknown shorthand flag: 'z' in -z"]);
    expect(explainCommand('run --name').problems).toEqual(['flag needs an argument: --name']);
    expect(explainCommand('frobnicate').problems).toEqual(['docker: unknown command: docker frobnicate']);
    expect(explainCommand('ps | wc -l').problems[0]).toMatch(/shell syntax/);
    expect(explain('docker')).toBe('docker: Prints the list of Docker commands.');
  });
});
