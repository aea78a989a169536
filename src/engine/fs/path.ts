// Path helpers for container filesystems (POSIX paths only; isomorphic, no node: imports).

/** Normalise an absolute path: collapse `//`, `.` and `..` (lexically), no trailing slash. */
export function normalizePath(path: string, cwd = '/'): string {
  const full = path.startsWith('/') ? path : (cwd.endsWith('/') ? cwd : cwd + '/') + path;
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** Components of a normalised absolute path ('/' → []). */
export function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '');
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? '/' + name : dir + '/' + name;
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return path.slice(i + 1);
}

/** True when `path` is `dir` itself or lies below it. */
export function isWithin(path: string, dir: string): boolean {
  return dir === '/' || path === dir || path.startsWith(dir + '/');
}
