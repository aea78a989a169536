import { describe, expect, it } from 'vitest';
import { catalogImages, findCatalogImage, getLayerTree, type CatalogImage } from '../../src/catalog/index.js';

const img = (repo: string, tag = 'latest'): CatalogImage => {
  const i = findCatalogImage(repo, tag);
  if (!i) throw new Error(`${repo}:${tag} missing`);
  return i;
};

describe('images recorded from the real engine', () => {
  it('nginx: config as docker image inspect prints it (keys in Docker order)', () => {
    const nginx = img('nginx');
    expect(nginx.source).toBe('engine');
    expect(nginx.id).toBe('sha256:c52e4e5ab1fb6b02772fb7abc4fa7db8f0e2aae9f26a68a5749a83f88ff8ae11');
    expect(nginx.digest).toBe('sha256:430ba0426b7fdc2aa3b7c427f04783c404614efc9fc7d29a6384a9022de40c68');
    expect(nginx.config.StopSignal).toBe('SIGQUIT');
    expect(nginx.config.Cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(nginx.config.Entrypoint).toEqual(['/docker-entrypoint.sh']);
    expect(nginx.config.ExposedPorts).toEqual({ '80/tcp': {} });
    expect(Object.keys(nginx.config)).toEqual([
      'ArgsEscaped', 'Cmd', 'Entrypoint', 'Env', 'ExposedPorts', 'Labels', 'OnBuild', 'StopSignal', 'User', 'Volumes', 'WorkingDir',
    ]);
    expect(nginx.config.Labels).toEqual({ maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' });
    expect(nginx.comment).toBe('buildkit.dockerfile.v0');
  });

  it('busybox and hello-world: minimal configs', () => {
    expect(Object.keys(img('busybox').config)).toEqual(['Cmd', 'Entrypoint', 'Env', 'Labels', 'OnBuild', 'User', 'Volumes', 'WorkingDir']);
    expect(img('busybox').config.Cmd).toEqual(['sh']);
    expect(img('hello-world').config).toMatchObject({ Cmd: ['/hello'], WorkingDir: '/', ArgsEscaped: true });
    expect(img('hello-world').size).toBe(10072);
  });

  it('redis: entrypoint, volume, workdir', () => {
    expect(img('redis').config).toMatchObject({
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['redis-server'],
      ExposedPorts: { '6379/tcp': {} },
      Volumes: { '/data': {} },
      WorkingDir: '/data',
    });
  });

  it('debian:bookworm is debian:latest', () => {
    expect(img('debian', 'bookworm')).toBe(img('debian', 'latest'));
    expect(img('debian').tags).toEqual(['bookworm', 'latest']);
  });

  it("the debian layer is shared by nginx and redis", () => {
    const base = img('debian', 'bookworm').layers[0];
    for (const repo of ['nginx', 'redis']) {
      expect(img(repo).layers[0]).toEqual(base);
      expect(img(repo).parentImage).toBe('debian:bookworm');
    }
    expect(base.digest.slice(7, 19)).toBe('9d8626e0c5bc');
    expect(base.tree).toBe('debian-bookworm');
  });

  it('layers, history and sizes are consistent', () => {
    for (const image of catalogImages()) {
      const nonEmpty = image.history.filter((h) => !h.emptyLayer);
      expect(nonEmpty.length, image.repository).toBe(image.layers.length);
      expect(image.layers.reduce((n, l) => n + l.size, 0), `${image.repository}:${image.tags[0]}`).toBe(image.size);
      for (const l of image.layers) {
        expect(l.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(l.diffId).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(l.compressedSize).toBeGreaterThan(0);
      }
      expect(image.id).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });

  it('nginx history: 17 entries, oldest first, with the empty layers', () => {
    const h = img('nginx').history;
    expect(h).toHaveLength(17);
    expect(h[0]).toEqual({
      created: '2026-11-28T02:06:22Z',
      createdBy: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1795831582'",
      comment: 'debuerreotype 0.15',
    });
    expect(h.at(-1)).toMatchObject({ createdBy: 'CMD ["nginx" "-g" "daemon off;"]', emptyLayer: true });
  });
});

describe('file trees of the engine images', () => {
  it('debian: os-release, passwd, no /etc/hostname', () => {
    const t = getLayerTree('debian-bookworm');
    expect(t['/etc/os-release']).toMatchObject({ type: 'symlink', target: '../usr/lib/os-release' });
    expect(t['/usr/lib/os-release']!.content).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    expect(t['/etc/passwd']!.content!.startsWith('root:x:0:0:root:/root:/bin/bash\n')).toBe(true);
    expect(t['/etc/debian_version']!.content).toMatch(/^12\.\d+\n$/);
    expect(t['/etc/hostname']).toBeUndefined();
    expect(t['/bin']).toMatchObject({ type: 'symlink', target: 'usr/bin' });
    expect(t['/usr/bin/bash']).toMatchObject({ type: 'file', mode: 0o755 });
    expect(t['/usr/bin/bash']!.size).toBeGreaterThan(1_000_000);
    expect(t['/tmp']).toMatchObject({ type: 'dir', mode: 0o1777 });
    expect(t['/etc/shadow']).toMatchObject({ mode: 0o640, gid: 42 });
    expect(getLayerTree('debian-bookworm')).toBe(t); // cached
  });

  it('nginx: config files, html, entrypoint and hooks with real content', () => {
    const l1 = getLayerTree('nginx/1');
    expect(l1['/etc/nginx/nginx.conf']!.content).toContain('user  nginx;');
    expect(l1['/etc/nginx/conf.d/default.conf']!.content).toContain('listen       80;');
    expect(l1['/usr/share/nginx/html/index.html']!.content).toContain('<title>Welcome to nginx!</title>');
    expect(l1['/usr/share/nginx/html/50x.html']!.content).toContain('An error occurred.');
    expect(l1['/var/log/nginx/access.log']).toMatchObject({ type: 'symlink', target: '/dev/stdout' });
    expect(l1['/etc/passwd']!.content).toContain('nginx:x:101:101:nginx user:/nonexistent:/bin/false');
    expect(l1['/var/lib/apt/lists/partial']).toBeNull(); // whiteout
    expect(getLayerTree('nginx/2')['/docker-entrypoint.sh']!.content!.startsWith('#!/bin/sh\n')).toBe(true);
    const hooks = ['nginx/3', 'nginx/4', 'nginx/5', 'nginx/6'].flatMap((n) => Object.keys(getLayerTree(n)).filter((p) => p.startsWith('/docker-entrypoint.d/')));
    expect(hooks).toEqual([
      '/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '/docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.d/30-tune-worker-processes.sh',
    ]);
  });

  it('redis: entrypoint and /data owned by redis', () => {
    const layers = img('redis').layers.map((l) => getLayerTree(l.tree!));
    const merged = Object.assign({}, ...layers);
    expect(merged['/usr/local/bin/docker-entrypoint.sh'].content.startsWith('#!/bin/sh')).toBe(true);
    expect(merged['/data']).toMatchObject({ type: 'dir', uid: 999, gid: 999 });
    expect(merged['/usr/bin/redis-server']).toBeDefined();
  });

  it('busybox: applets are files (hard links) the size of busybox', () => {
    const t = getLayerTree('busybox');
    expect(t['/bin/sh']).toMatchObject({ type: 'file', mode: 0o755, size: t['/bin/busybox']!.size });
    expect(Object.keys(t).filter((p) => p.startsWith('/bin/')).length).toBeGreaterThan(250);
    expect(t['/etc/passwd']!.content!.split('\n')[0]).toBe('root:x:0:0:root:/root:/bin/sh');
  });

  it('hello-world: just /hello', () => {
    expect(getLayerTree('hello-world')).toEqual({
      '/hello': { type: 'file', mode: 0o755, uid: 0, gid: 0, size: 10072, mtimeMs: expect.any(Number) },
    });
  });

  it('every layer of every image names a decodable tree', () => {
    for (const image of catalogImages()) for (const l of image.layers) expect(() => getLayerTree(l.tree!)).not.toThrow();
  });
});
