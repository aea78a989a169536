// volume create/ls/inspect/rm/prune against texts observed on Engine 28.5.2, and the volume
// contents helpers (files written under a mount point live in the volume).
import { describe, expect, it } from 'vitest';
import { Session } from './session.js';
import { createContainerFs } from '../../src/engine/fs/index.js';
import { storeVolumeWrites, upperWithVolumes } from '../../src/engine/volumes/mounts.js';
import { Daemon } from '../../src/engine/daemon.js';
import type { LayerData } from '../../src/engine/fs/types.js';

describe('volume create / ls / inspect', () => {
  const s = new Session();
  it('creates named and anonymous volumes and lists them in natural order', () => {
    expect(s.ok('volume create v10')).toBe('v10\n');
    expect(s.ok('volume create v9')).toBe('v9\n');
    expect(s.ok('volume create --label a=b --label c -o type=tmpfs -o device=tmpfs v2')).toBe('v2\n');
    expect(s.ok('volume create v9')).toBe('v9\n');
    const anon = s.ok('volume create').trim();
    expect(anon).toMatch(/^[0-9a-f]{64}$/);
    expect(s.ok('volume ls')).toBe(`DRIVER    VOLUME NAME\nlocal     ${anon}\nlocal     v2\nlocal     v9\nlocal     v10\n`);
    expect(s.ok('volume ls -q -f label=com.docker.volume.anonymous')).toBe(`${anon}\n`);
  });
  it('inspects with the keys, nulls and second-precision time of Engine 28', () => {
    const out = JSON.parse(s.ok('volume inspect v9 v2'));
    expect(Object.keys(out[0])).toEqual(['CreatedAt', 'Driver', 'Labels', 'Mountpoint', 'Name', 'Options', 'Scope']);
    expect(out[0].Labels).toBeNull();
    expect(out[0].Options).toBeNull();
    expect(out[0].CreatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(out[0].Mountpoint).toBe('/var/lib/docker/volumes/v9/_data');
    expect(out[1].Labels).toEqual({ a: 'b', c: '' });
    expect(out[1].Options).toEqual({ device: 'tmpfs', type: 'tmpfs' });
  });
  it('reports lookup and validation errors as the daemon does', () => {
    const r = s.run('volume inspect nosuch');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['[]\n', 'Error response from daemon: get nosuch: no such volume\n', 1]);
    expect(s.run('volume create -o foo=bar v4').stderr).toBe('Error response from daemon: create v4: invalid option: "foo"\n');
    expect(s.run('volume create -o type=tmpfs v4').stderr).toBe('Error response from daemon: create v4: missing required option: "device"\n');
    expect(s.run('volume create --driver nosuch v3').stderr).toBe('Error response from daemon: create v3: error looking up volume plugin nosuch: plugin "nosuch" not found\n');
    expect(s.run(['volume', 'create', 'bad name']).stderr).toContain('create bad name: "bad name" includes invalid characters for a local volume name');
    expect(s.run('volume ls -f bogus=1').stderr).toBe("Error response from daemon: invalid filter 'bogus'\n");
    expect(s.run('volume ls -f dangling=maybe').stderr).toBe("Error response from daemon: invalid filter 'dangling=[maybe]'\n");
  });
  it('formats rows with the volume context fields', () => {
    expect(s.ok('volume ls -f name=v2 --format "{{.Name}} {{.Driver}} {{.Labels}} {{.Scope}} {{.Links}} {{.Size}}"')).toBe('v2 local a=b,c= local N/A N/A\n');
    expect(JSON.parse(s.ok('volume ls -f name=v10 --format json'))).toEqual({
      Availability: 'N/A', Driver: 'local', Group: 'N/A', Labels: '', Links: 'N/A', Mountpoint: '/var/lib/docker/volumes/v10/_data',
      Name: 'v10', Scope: 'local', Size: 'N/A', Status: 'N/A',
    });
  });
});

describe('volume rm / prune', () => {
  const s = new Session();
  s.ok('pull busybox');
  s.ok('volume create keep');
  const id = s.ok('run -d --name c1 -v keep:/data busybox sleep 100').trim();
  it('refuses to remove a volume a container references', () => {
    const r = s.run('volume rm keep');
    expect(r.stderr).toBe(`Error response from daemon: remove keep: volume is in use - [${id}]\n`);
    expect(s.run('volume rm -f keep').exitCode).toBe(1);
    expect(s.run('volume rm -f nosuch').stdout).toBe('nosuch\n');
    expect(s.run('volume rm nosuch').stderr).toBe('Error response from daemon: get nosuch: no such volume\n');
  });
  it('prompts without -f and cancels on no answer', () => {
    const r = s.run('volume prune');
    expect(r.stdout).toBe('WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ');
    expect(r.exitCode).toBe(0);
    expect(s.run('volume prune -a', 'y\n').stdout).toContain('WARNING! This will remove all local volumes not used by at least one container.');
  });
  it('prunes anonymous volumes, or all unused ones with -a', () => {
    s.ok('run --name c2 -v /anon busybox true');
    expect(s.ok('volume prune -f')).toBe('Total reclaimed space: 0B\n');
    s.ok('rm c2');
    const anon = s.ok('volume ls -q').split('\n').filter((n) => /^[0-9a-f]{64}$/.test(n));
    expect(s.ok('volume prune -f')).toBe(`Deleted Volumes:\n${anon[0]}\n\nTotal reclaimed space: 0B\n`);
    s.ok('volume create other');
    s.ok('volume create -o type=tmpfs -o device=tmpfs withopts');
    expect(s.ok('volume prune -a -f')).toBe('Deleted Volumes:\nother\n\nTotal reclaimed space: 0B\n');
    s.ok('rm -f c1');
    expect(s.ok('volume prune -a -f')).toBe('Deleted Volumes:\nkeep\n\nTotal reclaimed space: 0B\n');
    expect(s.ok('volume ls -q')).toBe('withopts\n');
  });
});

describe('volume contents', () => {
  it('lays a volume over its mount point and keeps what a process writes there', () => {
    const s = new Session();
    s.ok('pull busybox');
    s.ok('create --name c1 -v data:/data busybox true');
    s.ok('create --name c2 -v data:/mnt busybox true');
    const d = new Daemon(s.state, s.env, s.state.rng!);
    const [c1, c2] = [d.findContainer('c1')!, d.findContainer('c2')!];
    const image: LayerData = {
      '/data': { type: 'dir', mode: 0o755, uid: 0, gid: 0 },
      '/data/seed': { type: 'file', mode: 0o644, uid: 0, gid: 0, content: 'from image\n' },
    };
    let fs = createContainerFs([image], upperWithVolumes(d, c1, c1.upper, [image]));
    expect(fs.readFile('/data/seed')).toBe('from image\n');
    fs.writeFile('/data/out.txt', 'hello\n');
    fs.writeFile('/other', 'x\n');
    c1.upper = storeVolumeWrites(d, c1, fs.upper());
    expect(Object.keys(c1.upper)).toEqual(['/other']);
    expect(d.state.volumes.data.data['/out.txt']?.content).toBe('hello\n');
    // Another container sees the same files; the image is not copied in again.
    fs = createContainerFs([image], upperWithVolumes(d, c2, c2.upper, [image]));
    expect(fs.readFile('/mnt/out.txt')).toBe('hello\n');
    expect(fs.readFile('/mnt/seed')).toBe('from image\n');
    fs.remove('/mnt/seed');
    c2.upper = storeVolumeWrites(d, c2, fs.upper());
    expect(Object.keys(d.state.volumes.data.data).sort()).toEqual(['/', '/out.txt']);
    // The image's files under a mount point are hidden while the volume is mounted.
    fs = createContainerFs([image], upperWithVolumes(d, c1, c1.upper, [image]));
    expect(fs.readdir('/data')).toEqual(['out.txt']);
  });
});

describe('read-only mounts, --read-only and --tmpfs', () => {
  const s = new Session();
  s.ok('pull busybox');
  const run = (line: string) => {
    const r = s.run(line);
    return { out: r.stdout, err: r.stderr, code: r.exitCode };
  };

  it('refuses writes to a :ro volume and keeps the volume as it was', () => {
    s.ok("run --rm -v rodata:/data busybox sh -c 'echo v1 > /data/f'");
    expect(run("run --rm -v rodata:/ro:ro busybox sh -c 'echo x > /ro/f'")).toEqual({ out: '', err: "sh: can't create /ro/f: Read-only file system\n", code: 1 });
    expect(run('run --rm -v rodata:/ro:ro busybox rm /ro/f').err).toBe("rm: can't remove '/ro/f': Read-only file system\n");
    expect(s.ok('run --rm --mount type=volume,src=rodata,dst=/m,readonly busybox cat /m/f')).toBe('v1\n');
    expect(run('run --rm --mount type=volume,src=rodata,dst=/m,readonly busybox touch /m/g').err).toBe('touch: /m/g: Read-only file system\n');
  });

  it('--read-only refuses writes to the root but not to volumes, tmpfs or /dev', () => {
    expect(run('run --rm --read-only busybox touch /x')).toEqual({ out: '', err: 'touch: /x: Read-only file system\n', code: 1 });
    expect(run("run --rm --read-only busybox sh -c 'echo 1 > /etc/hosts; chmod 700 /tmp; mkdir -p /tmp; echo done'").err)
      .toBe("sh: can't create /etc/hosts: Read-only file system\nchmod: /tmp: Read-only file system\n");
    expect(run("run --rm --read-only -v rwdata:/rw busybox sh -c 'echo ok > /rw/f; cat /rw/f; echo > /dev/x'")).toEqual({ out: 'ok\n', err: '', code: 0 });
    s.ok('create --name rofs --read-only busybox true');
    expect(s.ok('inspect -f "{{.HostConfig.ReadonlyRootfs}}" rofs')).toBe('true\n');
  });

  it('--tmpfs mounts an empty writable directory whose contents end with the process', () => {
    expect(run('run --rm --read-only --tmpfs /x busybox touch /x/y')).toEqual({ out: '', err: '', code: 0 });
    s.ok("run --name tmp1 --tmpfs /x:size=1m,mode=700 --tmpfs /etc busybox sh -c 'touch /x/a /z; ls -ld /x; ls /etc'");
    expect(s.ok('inspect -f "{{json .HostConfig.Tmpfs}}" tmp1')).toBe('{"/etc":"","/x":"size=1m,mode=700"}\n');
    expect(s.ok('diff tmp1')).not.toContain('/x/a');
    expect(s.ok('start -a tmp1')).toMatch(/^drwx------ .* \/x\n$/);
    s.ok('run -d --name tmp2 --tmpfs /t busybox sleep 300');
    s.ok("exec tmp2 sh -c 'echo kept > /t/f'");
    expect(s.ok('exec tmp2 cat /t/f')).toBe('kept\n');
    s.ok('restart -t 0 tmp2');
    expect(s.ok('exec tmp2 ls -a /t')).toBe('.\n..\n');
    expect(s.ok('exec tmp2 ls -ld /t')).toMatch(/^drwxrwxrwt /);
    expect(run('run --rm --tmpfs rel busybox true').err).toBe("docker: Error response from daemon: invalid mount path: 'rel' mount path must be absolute\n\nRun 'docker run --help' for more information\n");
  });
});
