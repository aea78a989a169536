import { describe, expect, it } from 'vitest';
import recorded from './recorded-pulls.json';
import {
  catalogImages,
  findCatalogImage,
  lookupReference,
  parseReference,
  pullFailure,
  pullOutput,
  pullText,
  type CatalogImage,
} from '../../src/catalog/index.js';

function rec(name: string): { stdout: string; stderr: string; exitCode: number } {
  const r = recorded.cases.find((c) => c.name === name);
  if (!r) throw new Error(`no recording ${name}`);
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

const img = (repo: string, tag = 'latest'): CatalogImage => {
  const i = findCatalogImage(repo, tag);
  if (!i) throw new Error(`${repo}:${tag} missing`);
  return i;
};
const debianLayers = img('debian', 'bookworm').layers.map((l) => l.digest);

describe('pull output matches the recordings of the real engine', () => {
  it('docker pull hello-world (absent)', () => {
    expect(pullText({ image: img('hello-world'), reference: 'hello-world' })).toEqual({ stdout: rec('pull-hw').stdout, stderr: '' });
  });

  it('docker pull hello-world (up to date)', () => {
    const out = pullText({ image: img('hello-world'), reference: 'hello-world', imagePresent: true, upToDate: true });
    expect(out.stdout).toBe(rec('pull-hw-again').stdout);
  });

  it('docker run hello-world (absent): stderr, "Unable to find image", no reference line', () => {
    const out = pullText({ image: img('hello-world'), reference: 'hello-world', command: 'run' });
    expect(out).toEqual({ stdout: '', stderr: rec('run-hw').stderr });
    expect(pullText({ image: img('hello-world'), reference: 'hello-world', command: 'run' }).stderr).toBe(rec('create-hw').stderr);
    expect(pullText({ image: img('busybox'), reference: 'busybox', command: 'run' }).stderr).toBe(rec('run-busybox').stderr);
  });

  it('docker pull redis with no layer present (3 concurrent downloads, "Waiting", extraction in order)', () => {
    expect(pullText({ image: img('redis'), reference: 'redis' }).stdout).toBe(rec('pull-redis-fresh').stdout);
  });

  it('docker pull nginx with the debian layer present', () => {
    const out = pullText({ image: img('nginx'), reference: 'nginx', presentLayers: debianLayers }).stdout;
    // Two recorded runs differ in the order in which the five tiny layers finish downloading
    // (timing noise); the model must print the same lines, the same header and the same tail.
    const sortLines = (s: string) => s.split('\n').sort().join('\n');
    for (const name of ['pull-nginx-shared', 'pull-nginx-2']) {
      const real = rec(name).stdout.split('\n');
      const got = out.split('\n');
      expect(sortLines(out)).toBe(sortLines(rec(name).stdout));
      expect(got.slice(0, 12)).toEqual(real.slice(0, 12)); // header, Already exists, Pulling fs layer, Waiting
      expect(got.slice(-12)).toEqual(real.slice(-12)); // big layer last, Pull complete in layer order, footer
    }
  });

  it('present layers count only as a bottom prefix (chain IDs)', () => {
    const nginx = img('nginx');
    const out = pullText({ image: nginx, reference: 'nginx', presentLayers: [nginx.layers[2].digest] }).stdout;
    expect(out).not.toContain('Already exists');
    const byDiffId = pullText({ image: nginx, reference: 'nginx', presentLayers: [nginx.layers[0].diffId] }).stdout;
    expect(byDiffId).toContain('9d8626e0c5bc: Already exists');
  });

  it('docker pull debian:bookworm when its layer exists but the image does not', () => {
    const out = pullText({ image: img('debian', 'bookworm'), reference: 'debian:bookworm', presentLayers: debianLayers });
    expect(out.stdout).toBe(rec('pull-debian-bookworm').stdout);
  });

  it('docker pull debian when the image exists under another tag: no layer lines', () => {
    const out = pullText({ image: img('debian'), reference: 'debian', imagePresent: true, presentLayers: debianLayers });
    expect(out.stdout).toBe(rec('pull-debian-latest').stdout);
  });

  it('pull by digest', () => {
    const bb = img('busybox');
    const ref = `busybox@${bb.digest}`;
    expect(pullText({ image: bb, reference: ref, imagePresent: true, upToDate: true }).stdout).toBe(rec('pull-digest').stdout);
    // the recording of the fresh pull lacks "Verifying Checksum" (Docker coalesced it); the model always prints it
    const fresh = rec('pull-bb-digest-fresh').stdout;
    const model = pullText({ image: bb, reference: ref }).stdout;
    expect(model.replace('3afec95afb7a: Verifying Checksum\n', '')).toBe(fresh);
  });

  it('-q and --pull always', () => {
    expect(pullText({ image: img('busybox'), reference: 'busybox', quiet: true, imagePresent: true, upToDate: true }).stdout).toBe(
      rec('pull-q').stdout,
    );
    expect(pullText({ image: img('nginx'), reference: 'nginx:latest', quiet: true, presentLayers: debianLayers }).stdout).toBe(
      rec('pull-nginx-q').stdout,
    );
    expect(pullText({ image: img('hello-world'), reference: 'hello-world', command: 'run', quiet: true })).toEqual({ stdout: '', stderr: '' });
    expect(
      pullText({ image: img('busybox'), reference: 'busybox', command: 'run', announceMissing: false, imagePresent: true, upToDate: true })
        .stderr,
    ).toBe(rec('run-pull-always').stderr);
    expect(pullText({ image: img('hello-world'), reference: 'hello-world', command: 'run', announceMissing: false }).stderr).toBe(
      rec('run-always-absent').stderr,
    );
  });

  it('lines carry increasing times and the right stream', () => {
    const lines = pullOutput({ image: img('redis'), reference: 'redis' });
    for (let i = 1; i < lines.length; i++) expect(lines[i].atMs).toBeGreaterThanOrEqual(lines[i - 1].atMs);
    expect(new Set(lines.map((l) => l.stream))).toEqual(new Set(['stdout']));
    expect(lines.at(-1)!.atMs).toBeGreaterThan(500);
  });
});

describe('failed pulls', () => {
  it('missing tag of a known repository (Docker Hub text)', () => {
    const l = lookupReference('busybox:nope');
    expect(l).toMatchObject({ ok: false, error: 'manifest-unknown' });
    expect(pullFailure('busybox:nope', 'manifest-unknown')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: manifest for busybox:nope not found: manifest unknown: manifest unknown\n',
      exitCode: 1,
    });
  });

  it('unknown repository, pull and run', () => {
    expect(lookupReference('nosuchrepo')).toMatchObject({ ok: false, error: 'repository-not-found' });
    expect(pullFailure('nosuchrepo', 'repository-not-found')).toEqual({
      stdout: 'Using default tag: latest\n',
      stderr:
        "Error response from daemon: pull access denied for nosuchrepo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
      exitCode: 1,
    });
    const run = pullFailure('nosuchrepo', 'repository-not-found', { command: 'run' });
    expect(run.exitCode).toBe(125);
    expect(run.stderr).toBe(
      "Unable to find image 'nosuchrepo:latest' locally\n" +
        "docker: Error response from daemon: pull access denied for nosuchrepo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n" +
        '\n' +
        "Run 'docker run --help' for more information\n",
    );
  });

  it('the shape of a run failure matches the recording (--pull never)', () => {
    const f = pullFailure('nosuchrepo', 'repository-not-found', {
      command: 'run',
      announceMissing: false,
      message: 'No such image: nosuchrepo:latest',
    });
    expect(f).toEqual(rec('run-pull-never'));
  });
});

describe('references', () => {
  it('normalises like the Docker CLI', () => {
    expect(parseReference('nginx')).toEqual({ domain: 'docker.io', path: 'library/nginx', repository: 'nginx', tag: undefined, digest: undefined });
    expect(parseReference('docker.io/library/nginx:1.27')).toMatchObject({ repository: 'nginx', tag: '1.27' });
    expect(parseReference('user/app:v1')).toMatchObject({ path: 'user/app', repository: 'user/app' });
    expect(parseReference('registry.example:5000/app')).toMatchObject({ domain: 'registry.example:5000', repository: 'registry.example:5000/app' });
    expect(parseReference('Nginx')).toBeUndefined();
    expect(parseReference('nginx:')).toBeUndefined();
  });

  it('every catalogue image is found by each of its tags and by digest', () => {
    for (const image of catalogImages()) {
      for (const tag of image.tags) {
        const l = lookupReference(`${image.repository}:${tag}`);
        expect(l.ok && l.image).toBe(image);
      }
      const l = lookupReference(`${image.repository}@${image.digest}`);
      expect(l.ok && l.image).toBe(image);
    }
  });
});
