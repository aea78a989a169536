// The real Docker engine side of the harness: the shared engine lock, reset between
// scenarios, and the standard image set. Only used by the recorder and the live fuzzer.
import { spawn, spawnSync } from 'node:child_process';

export const LOCK_FILE = '/tmp/real-docker.lock';

/** The engine's standard images (see /work/shared/engine/README.md). */
export const STANDARD_IMAGES = [
  'busybox:latest',
  'hello-world:latest',
  'debian:bookworm',
  'debian:latest',
  'nginx:latest',
  'redis:latest',
];

/** Takes the engine lock (flock on LOCK_FILE); resolves to a release function. */
export function acquireLock(): Promise<() => Promise<void>> {
  return new Promise((resolvePromise, reject) => {
    // flock holds the lock while `read` waits; closing our end of stdin (or dying) releases it
    const child = spawn('flock', [LOCK_FILE, 'sh', '-c', 'echo locked; read _'], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.stdout!.once('data', () => {
      resolvePromise(
        () =>
          new Promise<void>((done) => {
            child.once('close', () => done());
            child.stdin!.end();
          }),
      );
    });
  });
}

export interface DockerResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** Runs the real docker CLI (synchronously; these are short management calls). */
export function docker(args: string[], dockerPath = 'docker'): DockerResult {
  const r = spawnSync(dockerPath, args, { encoding: 'utf8', timeout: 120_000 });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status ?? -1 };
}

function lines(s: string): string[] {
  return s.split('\n').map((l) => l.trim()).filter(Boolean);
}

export interface EngineVersions {
  client: string;
  clientApi: string;
  server: string;
  serverApi: string;
}

export function engineVersions(dockerPath = 'docker'): EngineVersions {
  const r = docker(
    ['version', '--format', '{{.Client.Version}}|{{.Client.APIVersion}}|{{.Server.Version}}|{{.Server.APIVersion}}'],
    dockerPath,
  );
  if (r.status !== 0) throw new Error(`docker version failed: ${r.stderr}`);
  const [client = '', clientApi = '', server = '', serverApi = ''] = r.stdout.trim().split('|');
  return { client, clientApi, server, serverApi };
}

export interface ImageState {
  /** "repo:tag" → image ID */
  refs: Map<string, string>;
  /** every image ID (including dangling and intermediate) */
  ids: Set<string>;
  /** "repo:tag" → the digest `docker images --digests` shows for it ("<none>" when lost) */
  refDigests: Map<string, string>;
}

export function imageState(dockerPath = 'docker'): ImageState {
  const r = docker(['images', '-a', '--digests', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}} {{.Digest}}'], dockerPath);
  if (r.status !== 0) throw new Error(`docker images failed: ${r.stderr}`);
  const refs = new Map<string, string>();
  const ids = new Set<string>();
  const refDigests = new Map<string, string>();
  for (const l of lines(r.stdout)) {
    const [id, ref, digest = ''] = l.split(' ') as [string, string, string?];
    ids.add(id);
    if (!ref.includes('<none>')) {
      refs.set(ref, id);
      refDigests.set(ref, digest);
    }
  }
  return { refs, ids, refDigests };
}

export interface Baseline {
  /** standard ref → image ID and digest it had when the recorder started */
  standard: Map<string, { id: string; digest: string }>;
}

export function takeBaseline(log: (s: string) => void, dockerPath = 'docker'): Baseline {
  let st = imageState(dockerPath);
  for (const ref of STANDARD_IMAGES) {
    if (!st.refs.has(ref)) {
      log(`standard image ${ref} missing: docker pull ${ref}`);
      const p = docker(['pull', ref], dockerPath);
      if (p.status !== 0) throw new Error(`cannot pull ${ref}: ${p.stderr}`);
    }
  }
  st = imageState(dockerPath);
  const standard = new Map<string, { id: string; digest: string }>();
  for (const ref of STANDARD_IMAGES) {
    const id = st.refs.get(ref)!;
    const digest = st.refDigests.get(ref)!;
    if (!digest.startsWith('sha256:')) {
      log(`standard image ${ref} has no repo digest: docker pull ${ref}`);
      docker(['pull', ref], dockerPath);
    }
    standard.set(ref, { id, digest: imageState(dockerPath).refDigests.get(ref)! });
  }
  return { standard };
}

/**
 * Brings the engine back to the baseline: removes all containers (and their anonymous
 * volumes), all volumes, custom networks and (if asked) the build cache, and re-creates
 * standard refs that a scenario removed, untagged or stripped of their digest reference
 * (docker pull from the mirror).
 * With removeImagesSince, also removes the images created since that snapshot
 * (removeCreatedImages); no other image is ever deleted.
 */
export function resetEngine(
  baseline: Baseline,
  log: (s: string) => void,
  opts: { buildCache?: boolean; removeImagesSince?: ImageState } = {},
  dockerPath = 'docker',
): void {
  const ids = lines(docker(['ps', '-aq'], dockerPath).stdout);
  if (ids.length) docker(['rm', '-f', '-v', ...ids], dockerPath);
  const vols = lines(docker(['volume', 'ls', '-q'], dockerPath).stdout);
  if (vols.length) docker(['volume', 'rm', '-f', ...vols], dockerPath);
  docker(['network', 'prune', '-f'], dockerPath);
  if (opts.buildCache) docker(['builder', 'prune', '-af'], dockerPath);
  // after the containers are gone, so that no container keeps a created image in use
  if (opts.removeImagesSince) removeCreatedImages(opts.removeImagesSince, log, dockerPath);

  // a pull (from the mirror) restores both the tag and the digest reference; a docker tag
  // would not restore the digest (and `rmi` then prints one "Untagged:" line less)
  let st = imageState(dockerPath);
  for (const [ref, want] of baseline.standard) {
    if (st.refs.get(ref) === want.id && st.refDigests.get(ref) === want.digest) continue;
    log(`re-pulling ${ref}`);
    const p = docker(['pull', ref], dockerPath);
    if (p.status !== 0) throw new Error(`cannot restore ${ref}: ${p.stderr}`);
  }
  st = imageState(dockerPath);
  for (const [ref, want] of baseline.standard) {
    if (st.refs.get(ref) !== want.id || st.refDigests.get(ref) !== want.digest)
      throw new Error(`standard image ${ref} is ${st.refs.get(ref)} ${st.refDigests.get(ref)}, expected ${want.id} ${want.digest}`);
  }
}

/**
 * Removes the image refs and image IDs that exist now but did not exist in `before`
 * (taken just before the scenario ran): exactly what the scenario created, nothing else.
 */
export function removeCreatedImages(before: ImageState, log: (s: string) => void, dockerPath = 'docker'): void {
  let st = imageState(dockerPath);
  for (const ref of st.refs.keys()) {
    if (!before.refs.has(ref)) {
      log(`removing image ref ${ref}`);
      docker(['rmi', ref], dockerPath);
    }
  }
  st = imageState(dockerPath);
  const referenced = new Set(st.refs.values());
  for (const id of st.ids) {
    if (!before.ids.has(id) && !referenced.has(id)) {
      log(`removing image ${id.slice(7, 19)}`);
      docker(['rmi', '-f', id], dockerPath);
    }
  }
}

/** Pulls (from the mirror) any image of the list that is not present. */
export function ensureImages(refs: string[], log: (s: string) => void, dockerPath = 'docker'): void {
  const st = imageState(dockerPath);
  for (const ref of refs) {
    if (st.refs.has(ref)) continue;
    log(`pulling ${ref}`);
    const p = docker(['pull', ref], dockerPath);
    if (p.status !== 0) throw new Error(`cannot pull ${ref}: ${p.stderr}`);
  }
}

/** Image refs present now, standard ones first in STANDARD_IMAGES order, then the others sorted. */
export function presentImageRefs(dockerPath = 'docker'): string[] {
  const refs = [...imageState(dockerPath).refs.keys()];
  const std = STANDARD_IMAGES.filter((r) => refs.includes(r));
  return [...std, ...refs.filter((r) => !STANDARD_IMAGES.includes(r)).sort()];
}
