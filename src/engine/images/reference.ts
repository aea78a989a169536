// Docker image references: "nginx", "nginx:1.27", "library/nginx", "docker.io/library/nginx:latest",
// "registry.example:5000/app", "nginx@sha256:…". Familiar form drops "docker.io/" and "library/".

export interface ImageReference {
  /** Registry domain, 'docker.io' by default. */
  domain: string;
  /** Path inside the registry: 'library/nginx'. */
  path: string;
  tag?: string;
  digest?: string;
}

export class ReferenceError extends Error {}

const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

export function parseReference(ref: string): ImageReference {
  if (ref === '') throw new ReferenceError('invalid reference format');
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new ReferenceError('invalid reference format');
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new ReferenceError('invalid reference format');
  }
  let domain = 'docker.io';
  let path = rest;
  const firstSlash = rest.indexOf('/');
  if (firstSlash >= 0) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      domain = first;
      path = rest.slice(firstSlash + 1);
    }
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (path === '') throw new ReferenceError('invalid reference format');
  const parts = path.split('/');
  for (const p of parts) {
    if (!PATH_COMPONENT.test(p)) {
      if (p.toLowerCase() !== p && PATH_COMPONENT.test(p.toLowerCase())) {
        throw new ReferenceError(`invalid reference format: repository name (${domain === 'docker.io' && parts.length === 1 ? 'library/' : ''}${path}) must be lowercase`);
      }
      throw new ReferenceError('invalid reference format');
    }
  }
  if (domain === 'docker.io' && parts.length === 1) path = `library/${path}`;
  return { domain, path, tag, digest };
}

/** 'nginx', 'user/app', 'registry.example:5000/app' */
export function familiarName(r: ImageReference): string {
  if (r.domain === 'docker.io') return r.path.startsWith('library/') ? r.path.slice(8) : r.path;
  return `${r.domain}/${r.path}`;
}

/** With ':latest' added when neither tag nor digest is given (TagNameOnly). */
export function withDefaultTag(r: ImageReference): ImageReference {
  return r.tag || r.digest ? r : { ...r, tag: 'latest' };
}

/** 'nginx:latest' or 'nginx@sha256:…' */
export function familiarString(r: ImageReference): string {
  let s = familiarName(r);
  if (r.tag) s += `:${r.tag}`;
  if (r.digest) s += `@${r.digest}`;
  return s;
}

/** 'docker.io/library/nginx:latest' */
export function fullString(r: ImageReference): string {
  let s = `${r.domain}/${r.path}`;
  if (r.tag) s += `:${r.tag}`;
  if (r.digest) s += `@${r.digest}`;
  return s;
}

/**
 * An image's references in the order the daemon lists them (RepoTags, RepoDigests, `images`
 * rows): by their fully qualified text, so 'AAA/x' < 'busybox' (docker.io/library/busybox) <
 * 'localhost:5000/x' (observed on Engine 28.5.2).
 */
export function sortedReferences(refs: string[]): string[] {
  const qualified = (ref: string) => {
    try {
      return fullString(parseReference(ref));
    } catch {
      return ref;
    }
  };
  return refs.map((ref) => [qualified(ref), ref]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, ref]) => ref);
}

export function looksLikeImageId(s: string): boolean {
  return /^(sha256:)?[a-f0-9]{1,64}$/.test(s);
}
