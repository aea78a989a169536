// Checks for exercises: did the learner end up with the container (or image) the task asked for?
// Each check returns {ok, problems} where every problem is a sentence a learner can act on.
import type { ContainerStatus } from '../engine/state.js';
import { familiarName, parseReference, withDefaultTag, type ImageReference } from '../engine/images/reference.js';
import type { ContainerView, Docker, DockerStateView, ImageView } from '../index.js';

export interface Check {
  ok: boolean;
  problems: string[];
}

export interface ContainerCheck extends Check {
  /** The container the check looked at (the best match when several could be meant). */
  container?: ContainerView;
}

export interface ContainerExpectation {
  /** Its name (without '/'). Without a name, any container from `image` may match. */
  name?: string;
  /** 'nginx' matches any tag of nginx; 'nginx:1.27' only that tag ('nginx:latest' only latest). */
  image?: string;
  /** true: running (not paused); false: not running. */
  running?: boolean;
  status?: ContainerStatus;
  /** Exit code of a container that has stopped. */
  exitCode?: number;
  /**
   * Published ports: container port ('80/tcp', '80' or 80) → host port, or true for "any host
   * port", or false for "not published".
   */
  published?: Record<string, number | boolean>;
  /** Environment variables that must be set to these values (true: set to anything). */
  env?: Record<string, string | true>;
  labels?: Record<string, string>;
  /** Mounts by destination: the volume name or host path mounted there (true: anything). */
  mounts?: Record<string, string | true>;
  /** --rm given. */
  autoRemove?: boolean;
  /** Restart policy name: 'no', 'always', 'unless-stopped', 'on-failure'. */
  restart?: string;
  /** The main command contains this text (e.g. 'sleep 100'). */
  command?: string;
}

type Source = Docker | DockerStateView;

function viewOf(source: Source): DockerStateView {
  return 'run' in source ? source.state() : source;
}

function ref(image: string): ImageReference | undefined {
  try {
    return parseReference(image);
  } catch {
    return undefined;
  }
}

/** Whether a container's image (as the user typed it, or its ID) satisfies the expected reference. */
function imageMatches(expected: string, c: ContainerView, images: ImageView[]): boolean {
  const want = ref(expected);
  const have = ref(c.image);
  if (want && have && familiarName(want) === familiarName(have) && want.domain === have.domain) {
    if (!want.tag && !want.digest) return true;
    const w = withDefaultTag(want);
    const h = withDefaultTag(have);
    if (w.digest) return w.digest === h.digest;
    if (w.tag === h.tag) return true;
  }
  // The container was created from an image ID, or from another tag of the same image.
  if (!want) return false;
  const wantTag = (() => { const w = withDefaultTag(want); return `${familiarName(w)}:${w.tag ?? ''}`; })();
  const tagged = images.find((i) => want.tag || want.digest ? i.tags.includes(wantTag) : i.tags.some((t) => t.startsWith(`${familiarName(want)}:`)));
  return tagged !== undefined && tagged.id === c.imageId;
}

function portKey(k: string): string {
  return k.includes('/') ? k : `${k}/tcp`;
}

function describeState(c: ContainerView): string {
  if (c.status === 'exited') return `exited with code ${c.exitCode}`;
  return c.status;
}

function containerProblems(c: ContainerView, want: ContainerExpectation, images: ImageView[]): string[] {
  const p: string[] = [];
  const who = `Container "${c.name}"`;
  if (want.image !== undefined && !imageMatches(want.image, c, images)) p.push(`${who} was created from the image "${c.image}", not "${want.image}".`);
  if (want.running === true && !c.running) p.push(`${who} is not running (it is ${describeState(c)}).`);
  if (want.running === true && c.paused) p.push(`${who} is paused: docker unpause ${c.name} lets it run again.`);
  if (want.running === false && c.running) p.push(`${who} is still running.`);
  if (want.status !== undefined && c.status !== want.status) p.push(`${who} is ${describeState(c)}, not ${want.status}.`);
  if (want.exitCode !== undefined) {
    if (c.running) p.push(`${who} is still running, so it has no exit code yet (expected ${want.exitCode}).`);
    else if (c.exitCode !== want.exitCode) p.push(`${who} exited with code ${c.exitCode}, not ${want.exitCode}.`);
  }
  for (const [rawKey, host] of Object.entries(want.published ?? {})) {
    const key = portKey(rawKey);
    const actual = c.published[key];
    const asked = c.portBindings[key];
    if (host === false) {
      if (actual !== undefined) p.push(`Port ${key} of "${c.name}" should not be published, but it is on host port ${actual}.`);
      continue;
    }
    if (actual === undefined) {
      if (!c.running && asked) p.push(`Port ${key} of "${c.name}" is only published while the container runs, and it is ${describeState(c)}.`);
      else if (!c.running && c.publishAll) p.push(`"${c.name}" publishes its ports only while it runs, and it is ${describeState(c)}.`);
      else p.push(`Port ${key} of "${c.name}" is not published${typeof host === 'number' ? ` (publish it on host port ${host} with -p ${host}:${key.replace(/\/tcp$/, '')})` : ' (use -p or -P)'}.`);
      continue;
    }
    if (typeof host === 'number' && actual !== host) p.push(`Port ${key} of "${c.name}" is published on host port ${actual}, not ${host}.`);
  }
  for (const [k, v] of Object.entries(want.env ?? {})) {
    if (!(k in c.env)) p.push(`${who} has no environment variable ${k}${v === true ? '' : ` (expected ${k}=${v}; use -e ${k}=${v})`}.`);
    else if (v !== true && c.env[k] !== v) p.push(`${who} has ${k}=${c.env[k]}, not ${k}=${v}.`);
  }
  for (const [k, v] of Object.entries(want.labels ?? {})) {
    if (!(k in c.labels)) p.push(`${who} has no label ${k}.`);
    else if (c.labels[k] !== v) p.push(`${who} has the label ${k}=${c.labels[k]}, not ${k}=${v}.`);
  }
  for (const [dest, src] of Object.entries(want.mounts ?? {})) {
    const m = c.mounts.find((x) => x.destination === dest);
    if (!m) p.push(`${who} has nothing mounted at ${dest}.`);
    else if (src !== true && m.name !== src && m.source !== src) p.push(`${who} has ${m.name ?? m.source} mounted at ${dest}, not ${src}.`);
  }
  if (want.autoRemove !== undefined && c.autoRemove !== want.autoRemove) p.push(want.autoRemove ? `${who} was not started with --rm.` : `${who} was started with --rm.`);
  if (want.restart !== undefined && c.restartPolicy !== want.restart) p.push(`${who} has the restart policy "${c.restartPolicy}", not "${want.restart}".`);
  if (want.command !== undefined && !c.command.includes(want.command)) p.push(`${who} runs "${c.command}", which does not contain "${want.command}".`);
  return p;
}

/**
 * Checks that a container as described exists. With a name, that container is checked; without
 * one, every container from the image is a candidate and the closest one is reported.
 */
export function expectContainer(docker: Source, want: ContainerExpectation): ContainerCheck {
  const view = viewOf(docker);
  const all = view.containers();
  const images = view.images();
  if (want.name !== undefined) {
    const c = all.find((x) => x.name === want.name);
    if (!c) {
      const problems = [`There is no container named "${want.name}".`];
      const candidates = want.image !== undefined ? all.filter((x) => imageMatches(want.image!, x, images)) : [];
      if (candidates.length > 0) {
        problems.push(`There is a container from ${want.image} named "${candidates[0].name}": name it with --name ${want.name} (or docker rename ${candidates[0].name} ${want.name}).`);
      } else if (all.length === 0) problems.push('There are no containers at all.');
      return { ok: false, problems };
    }
    const problems = containerProblems(c, want, images);
    return { ok: problems.length === 0, problems, container: c };
  }
  const candidates = want.image !== undefined ? all.filter((x) => imageMatches(want.image!, x, images)) : all;
  if (candidates.length === 0) {
    return { ok: false, problems: [want.image !== undefined ? `There is no container from the image "${want.image}".` : 'There are no containers at all.'] };
  }
  let best: { c: ContainerView; problems: string[] } | undefined;
  for (const c of candidates) {
    const problems = containerProblems(c, want, images);
    if (!best || problems.length < best.problems.length) best = { c, problems };
    if (problems.length === 0) break;
  }
  return { ok: best!.problems.length === 0, problems: best!.problems, container: best!.c };
}

/** Checks that no container has this name (or, given an image, that none was made from it). */
export function expectNoContainer(docker: Source, want: { name?: string; image?: string; running?: boolean }): Check {
  const view = viewOf(docker);
  const images = view.images();
  const found = view.containers().filter((c) => (want.name === undefined || c.name === want.name)
    && (want.image === undefined || imageMatches(want.image, c, images))
    && (want.running === undefined || c.running === want.running));
  const what = [want.running ? 'running ' : '', 'container', want.name !== undefined ? ` named "${want.name}"` : '', want.image !== undefined ? ` from "${want.image}"` : ''].join('');
  return found.length === 0 ? { ok: true, problems: [] } : { ok: false, problems: [`There should be no ${what}, but there is: ${found.map((c) => `${c.name} (${describeState(c)})`).join(', ')}.`] };
}

/** Checks that an image with this reference is present ('nginx' means 'nginx:latest'). */
export function expectImage(docker: Source, image: string): Check {
  const view = viewOf(docker);
  const want = ref(image);
  if (!want) return { ok: false, problems: [`"${image}" is not a valid image reference.`] };
  const w = withDefaultTag(want);
  const name = `${w.domain === 'docker.io' ? familiarName(w) : `${w.domain}/${w.path}`}`;
  const images = view.images();
  const hit = images.find((i) => (w.tag && i.tags.includes(`${name}:${w.tag}`)) || (w.digest && i.digests.includes(`${name}@${w.digest}`)));
  if (hit) return { ok: true, problems: [] };
  const sameRepo = images.flatMap((i) => i.tags).filter((t) => t.startsWith(`${name}:`));
  const hint = sameRepo.length > 0 ? ` (there is ${sameRepo.join(', ')})` : '';
  return { ok: false, problems: [`The image ${name}${w.tag ? `:${w.tag}` : `@${w.digest}`} is not on this machine${hint}: docker pull ${name}${w.tag ? `:${w.tag}` : `@${w.digest}`} gets it.`] };
}
