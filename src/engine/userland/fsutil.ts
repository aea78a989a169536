// Helpers over the ContainerFs contract for the userland: error codes for failed lookups, tree
// walks, `ls -l`-style attributes.

import type { ContainerFs, FsNode } from '../fs/types.js';
import type { FsErrorCode } from '../fs/errors.js';
import { normalizePath, splitPath } from '../fs/path.js';

export function fsErrorCode(e: unknown): FsErrorCode {
  const c = (e as { code?: string })?.code;
  return (typeof c === 'string' ? c : 'ENOENT') as FsErrorCode;
}

/** Look a path up, telling why it failed (ENOENT, ENOTDIR, ELOOP). */
export function lookupPath(fs: ContainerFs, path: string, follow = true): { node?: FsNode; error?: FsErrorCode; path: string } {
  const impl = fs as { lookup?: (p: string, f: boolean) => { path: string; node?: FsNode; error?: FsErrorCode } };
  if (typeof impl.lookup === 'function') return impl.lookup(path, follow);
  const node = follow ? fs.stat(path) : fs.lstat(path);
  if (node) return { node, path };
  // Find the first component that fails.
  const parts = splitPath(normalizePath(path));
  let prefix = '';
  for (let i = 0; i < parts.length; i++) {
    prefix += '/' + parts[i];
    const l = fs.lstat(prefix);
    if (!l) return { error: 'ENOENT', path };
    const s = fs.stat(prefix);
    if (!s) return { error: l.type === 'symlink' && i < parts.length - 1 ? 'ELOOP' : 'ENOENT', path };
    if (i < parts.length - 1 && s.type !== 'dir') return { error: 'ENOTDIR', path };
  }
  return { error: 'ENOENT', path };
}

/** Disk usage in 1 KiB blocks as du/ls count it (4 KiB allocation units). */
export function blocksOf(n: FsNode): number {
  if (n.type === 'dir') return n.onTmpfs || n.pseudo ? 0 : 4;
  if (n.type === 'symlink') return 0;
  const size = nodeSize(n);
  return Math.ceil(size / 4096) * 4;
}

export function nodeSize(n: FsNode): number {
  if (n.type === 'dir') return (n.onTmpfs || n.pseudo) && n.size !== undefined ? n.size : 4096;
  if (n.type === 'symlink') return n.size ?? (n.target ?? '').length;
  if (n.size !== undefined) return n.size;
  return new TextEncoder().encode(n.content ?? '').length;
}

export function modeString(n: FsNode): string {
  const t = n.type === 'dir' ? 'd' : n.type === 'symlink' ? 'l' : n.device ? 'c' : '-';
  const m = n.mode;
  const rwx = (bits: number, special: boolean, ch: string) =>
    (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (special ? (bits & 1 ? ch : ch.toUpperCase()) : bits & 1 ? 'x' : '-');
  return t + rwx((m >> 6) & 7, (m & 0o4000) !== 0, 's') + rwx((m >> 3) & 7, (m & 0o2000) !== 0, 's') + rwx(m & 7, (m & 0o1000) !== 0, 't');
}

/** Walk a directory tree depth-first (pre-order), children in byte order. */
export function walkTree(fs: ContainerFs, root: string, visit: (path: string, node: FsNode, depth: number) => boolean | void, depth = 0): void {
  const n = fs.lstat(root);
  if (!n) return;
  if (visit(root, n, depth) === false) return;
  if (n.type !== 'dir') return;
  for (const name of fs.readdir(root) ?? []) walkTree(fs, root === '/' ? '/' + name : root + '/' + name, visit, depth + 1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const pad2 = (n: number) => String(n).padStart(2, '0');

/** `ls -l` time column: "Nov 28 02:09" within six months of now, else "Jan  5  2023". */
export function lsTime(mtimeMs: number, nowMs: number): string {
  const d = new Date(mtimeMs);
  const recent = nowMs - mtimeMs < 15778476000 && mtimeMs - nowMs < 3600000;
  const head = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')}`;
  return recent ? `${head} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : `${head}  ${d.getUTCFullYear()}`;
}

/** `date`'s default format: "Sat Nov 28 02:09:56 UTC 2026". */
export function dateString(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** strftime subset for `date +FORMAT`. */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  return fmt.replace(/%([a-zA-Z%])/g, (_m, c: string) => {
    switch (c) {
      case 'Y': return String(d.getUTCFullYear());
      case 'y': return pad2(d.getUTCFullYear() % 100);
      case 'm': return pad2(d.getUTCMonth() + 1);
      case 'd': return pad2(d.getUTCDate());
      case 'e': return String(d.getUTCDate()).padStart(2, ' ');
      case 'H': return pad2(d.getUTCHours());
      case 'M': return pad2(d.getUTCMinutes());
      case 'S': return pad2(d.getUTCSeconds());
      case 'N': return String((ms % 1000) * 1000000).padStart(9, '0');
      case 's': return String(Math.floor(ms / 1000));
      case 'a': return DAYS[d.getUTCDay()]!;
      case 'A': return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()]!;
      case 'b': case 'h': return MONTHS[d.getUTCMonth()]!;
      case 'B': return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][d.getUTCMonth()]!;
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case 'j': return String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1).padStart(3, '0');
      case 'u': return String(d.getUTCDay() || 7);
      case 'w': return String(d.getUTCDay());
      case 'F': return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
      case 'T': return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
      case 'D': return `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${pad2(d.getUTCFullYear() % 100)}`;
      case 'R': return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
    }
    return '%' + c;
  });
}

export { MONTHS, DAYS };
