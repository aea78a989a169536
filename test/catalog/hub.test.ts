import { describe, expect, it } from 'vitest';
import { catalogImages, findCatalogImage, getLayerTree, pullText, type CatalogImage } from '../../src/catalog/index.js';
import type { LayerData } from '../../src/engine/fs/types.js';

const img = (repo: string, tag = 'latest'): CatalogImage => {
  const i = findCatalogImage(repo, tag);
  if (!i) throw new Error(`${repo}:${tag} missing`);
  return i;
};

/** The merged file system of an image (upper layers win, whiteouts delete). */
function rootfs(image: CatalogImage): LayerData {
  const out: LayerData = {};
  for (const l of image.layers) {
    for (const [p, n] of Object.entries(getLayerTree(l.tree!))) {
      if (n === null) delete out[p];
      else out[p] = n;
    }
  }
  return out;
}

describe('images modelled on Docker Hub', () => {
  it('has every requested repository and tag', () => {
    for (const ref of [
      'alpine:latest', 'alpine:3.20', 'ubuntu:latest', 'ubuntu:24.04', 'ubuntu:22.04', 'postgres:latest', 'postgres:16',
      'python:latest', 'python:3.12', 'python:3.12-slim', 'node:latest', 'node:20', 'node:22', 'node:20-alpine',
      'httpd:latest', 'httpd:2.4', 'nginx:alpine', 'debian:bookworm-slim',
    ]) {
      const [repo, tag] = ref.split(':');
      expect(findCatalogImage(repo, tag), ref).toBeDefined();
      expect(findCatalogImage(repo, tag)!.source).toBe('hub');
    }
    expect(img('ubuntu')).toBe(img('ubuntu', '24.04'));
    expect(img('httpd')).toBe(img('httpd', '2.4'));
    expect(img('alpine')).not.toBe(img('alpine', '3.20'));
  });

  it('(repository, tag) pairs and IDs are unique', () => {
    const refs = catalogImages().flatMap((i) => i.tags.map((t) => `${i.repository}:${t}`));
    expect(new Set(refs).size).toBe(refs.length);
    expect(new Set(catalogImages().map((i) => i.id)).size).toBe(catalogImages().length);
    expect(new Set(catalogImages().map((i) => i.digest)).size).toBe(catalogImages().length);
  });

  it('IDs and digests are deterministic', () => {
    expect(img('alpine').id).toBe('sha256:ab9744411a44720e432ab677531f9697c4a11e5fc84ba9efb3eb8c294219c0c1');
  });

  it('postgres: official config', () => {
    const c = img('postgres').config;
    expect(c.Entrypoint).toEqual(['docker-entrypoint.sh']);
    expect(c.Cmd).toEqual(['postgres']);
    expect(c.ExposedPorts).toEqual({ '5432/tcp': {} });
    expect(c.Volumes).toEqual({ '/var/lib/postgresql/data': {} });
    expect(c.StopSignal).toBe('SIGINT');
    expect(c.Env).toContain('PGDATA=/var/lib/postgresql/data');
    expect(c.Env![0]).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin');
    expect(img('postgres', '16').config.Env).toContain('PG_MAJOR=16');
    expect(Object.keys(c)).toEqual([
      'ArgsEscaped', 'Cmd', 'Entrypoint', 'Env', 'ExposedPorts', 'Labels', 'OnBuild', 'StopSignal', 'User', 'Volumes', 'WorkingDir',
    ]);
  });

  it('httpd, python, node, alpine, ubuntu, nginx:alpine: official configs', () => {
    expect(img('httpd').config).toMatchObject({ Cmd: ['httpd-foreground'], StopSignal: 'SIGWINCH', WorkingDir: '/usr/local/apache2', ExposedPorts: { '80/tcp': {} } });
    expect(img('python', '3.12').config.Cmd).toEqual(['python3']);
    expect(img('python', '3.12').config.Env).toContain('PYTHON_VERSION=3.12.11');
    expect(img('node', '20').config).toMatchObject({ Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] });
    expect(img('node', '20').config.Env).toContain('NODE_VERSION=20.19.4');
    expect(img('alpine').config).toMatchObject({ Cmd: ['/bin/sh'], WorkingDir: '/' });
    expect(img('ubuntu').config).toMatchObject({ Cmd: ['/bin/bash'], Labels: { 'org.opencontainers.image.version': '24.04' } });
    expect(img('nginx', 'alpine').config).toMatchObject({ StopSignal: 'SIGQUIT', Cmd: ['nginx', '-g', 'daemon off;'], Entrypoint: ['/docker-entrypoint.sh'] });
  });

  it('shared base layers: debian:bookworm (engine) under buildpack-deps, python and node; slim under postgres, httpd, python-slim; alpine under node:20-alpine and nginx:alpine', () => {
    const deb = img('debian', 'bookworm').layers[0];
    for (const ref of ['python:3.12', 'python:latest', 'node:20', 'node:22', 'node:latest', 'buildpack-deps:bookworm']) {
      const [r, t] = ref.split(':');
      expect(img(r, t).layers[0], ref).toEqual(deb);
    }
    const bpd = img('buildpack-deps', 'bookworm').layers;
    expect(img('python', '3.12').layers.slice(0, 4)).toEqual(bpd);
    expect(img('node', '22').layers.slice(0, 4)).toEqual(bpd);
    const slim = img('debian', 'bookworm-slim').layers[0];
    for (const ref of ['postgres:16', 'postgres:latest', 'httpd:2.4', 'python:3.12-slim']) {
      const [r, t] = ref.split(':');
      expect(img(r, t).layers[0], ref).toEqual(slim);
    }
    const alp = img('alpine').layers[0];
    expect(img('node', '20-alpine').layers[0]).toEqual(alp);
    expect(img('nginx', 'alpine').layers[0]).toEqual(alp);
  });

  it('pulling python:3.12 after python:3.13 reuses the buildpack-deps layers', () => {
    const py312 = img('python', '3.12');
    const present = img('python', 'latest').layers.map((l) => l.digest);
    const out = pullText({ image: py312, reference: 'python:3.12', presentLayers: present }).stdout;
    expect(out.match(/Already exists/g)).toHaveLength(4);
    expect(out).toContain('3.12: Pulling from library/python\n');
    expect(out.endsWith('Status: Downloaded newer image for python:3.12\ndocker.io/library/python:3.12\n')).toBe(true);
  });

  it('sizes are realistic', () => {
    const mb = (r: string, t: string) => img(r, t).size / 1e6;
    expect(mb('alpine', 'latest')).toBeGreaterThan(7);
    expect(mb('alpine', 'latest')).toBeLessThan(10);
    expect(mb('ubuntu', '24.04')).toBeGreaterThan(70);
    expect(mb('python', '3.12')).toBeGreaterThan(900);
    expect(mb('python', '3.12-slim')).toBeLessThan(160);
    expect(mb('postgres', 'latest')).toBeGreaterThan(380);
    expect(mb('node', '20-alpine')).toBeLessThan(200);
  });
});

describe('file trees of the hub images', () => {
  it('alpine: busybox applets, os-release, apk', () => {
    const fs = rootfs(img('alpine'));
    expect(fs['/bin/sh']).toMatchObject({ type: 'symlink', target: '/bin/busybox' });
    expect(fs['/bin/busybox']).toMatchObject({ type: 'file', mode: 0o755 });
    expect(fs['/etc/os-release']).toMatchObject({ type: 'symlink', target: '../usr/lib/os-release' });
    expect(fs['/usr/lib/os-release']!.content).toContain('PRETTY_NAME="Alpine Linux v3.22"');
    expect(fs['/etc/alpine-release']!.content).toBe('3.22.1\n');
    expect(rootfs(img('alpine', '3.20'))['/etc/alpine-release']!.content).toBe('3.20.6\n');
    expect(fs['/etc/passwd']!.content!.split('\n')[0]).toBe('root:x:0:0:root:/root:/bin/sh');
    expect(fs['/lib/apk/db/installed']).toMatchObject({ type: 'file' });
    expect(fs['/etc/apk/repositories']!.content).toBeUndefined(); // names a package mirror
    expect(fs['/tmp']).toMatchObject({ type: 'dir', mode: 0o1777 });
    expect(fs['/etc/hostname']).toBeUndefined();
  });

  it('ubuntu: os-release, lsb-release, ubuntu user (24.04 only)', () => {
    const noble = rootfs(img('ubuntu', '24.04'));
    expect(noble['/usr/lib/os-release']!.content).toContain('VERSION_CODENAME=noble');
    expect(noble['/etc/lsb-release']!.content).toContain('DISTRIB_RELEASE=24.04');
    expect(noble['/etc/passwd']!.content).toContain('ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash');
    expect(noble['/home/ubuntu']).toMatchObject({ type: 'dir', uid: 1000 });
    expect(noble['/etc/apt/sources.list.d/debian.sources']).toBeUndefined();
    const jammy = rootfs(img('ubuntu', '22.04'));
    expect(jammy['/usr/lib/os-release']!.content).toContain('PRETTY_NAME="Ubuntu 22.04.5 LTS"');
    expect(jammy['/etc/passwd']!.content).not.toContain('ubuntu:');
  });

  it('postgres, node, python, httpd, nginx:alpine: the files a learner looks at', () => {
    const pg = rootfs(img('postgres'));
    expect(pg['/etc/passwd']!.content).toContain('postgres:x:999:999::/var/lib/postgresql:/bin/bash');
    expect(pg['/var/lib/postgresql/data']).toMatchObject({ type: 'dir', uid: 999, mode: 0o1777 });
    expect(pg['/usr/lib/postgresql/17/bin/postgres']).toMatchObject({ type: 'file' });
    expect(pg['/usr/local/bin/docker-entrypoint.sh']).toMatchObject({ type: 'file' });
    expect(pg['/usr/share/doc/bash']).toBeUndefined(); // slim

    const nd = rootfs(img('node', '22'));
    expect(nd['/usr/local/bin/docker-entrypoint.sh']!.content).toContain('set -- node "$@"');
    expect(nd['/usr/local/bin/npm']).toMatchObject({ type: 'symlink' });
    expect(nd['/etc/passwd']!.content).toContain('node:x:1000:1000::/home/node:/bin/bash');
    expect(rootfs(img('node', '20-alpine'))['/etc/passwd']!.content).toContain('node:x:1000:1000:Linux User,,,:/home/node:/bin/sh');

    const py = rootfs(img('python', '3.12-slim'));
    expect(py['/usr/local/bin/python']).toMatchObject({ type: 'symlink', target: 'python3' });
    expect(py['/usr/local/bin/python3']).toMatchObject({ type: 'symlink', target: 'python3.12' });
    expect(py['/usr/local/bin/pip3']!.content!.startsWith('#!/usr/local/bin/python3.12\n')).toBe(true);

    const h = rootfs(img('httpd'));
    expect(h['/usr/local/apache2/htdocs/index.html']!.content).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(h['/usr/local/bin/httpd-foreground']!.content).toContain('exec httpd -DFOREGROUND "$@"');

    const na = rootfs(img('nginx', 'alpine'));
    expect(na['/etc/nginx/nginx.conf']!.content).toContain('user  nginx;');
    expect(na['/etc/nginx/nginx.conf']!.content).not.toContain('_temp_path');
    expect(na['/docker-entrypoint.d/20-envsubst-on-templates.sh']).toMatchObject({ type: 'file' });
    expect(na['/etc/passwd']!.content).toContain('nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin');
  });
});
