// `docker diff` for a container: which paths its upper layer added (A), changed (C) or
// deleted (D) relative to its image.
//
// Rules as observed on Docker Engine 28.5.2 (overlay2): the listing compares the container's
// merged tree with the image's, per directory: a child present in both is `C` when its mode,
// owner or (for non-directories) size or mtime differ; a new child is `A` followed by its whole
// subtree; children that disappeared are `D` (their subtrees are not listed) after the other
// children of that directory; a directory that is not itself changed is reported `C`, before its
// entries, as soon as anything inside it is. The engine walks Go maps, so the order of siblings
// varies from run to run; we list them in byte order (one of the orders the engine prints).
//
// Never reported: the bind-mounted /etc/hosts, /etc/hostname, /etc/resolv.conf, anything under
// /dev, /proc, /sys, and anything inside a mount (volume or bind). /.dockerenv and /etc/mtab
// come from the engine's init layer, so only a change to them shows (as `C`). A mount point that
// the image lacks is created by the engine and shows as `A` (with its new parents).

import type { FsNode, LayerData } from './types.js';
import { OverlayFs } from './overlay.js';
import { joinPath, normalizePath, parentOf } from './path.js';

export interface Change {
  kind: 'A' | 'C' | 'D';
  path: string;
}

export interface DiffOptions {
  /** Mount destinations (volumes, binds, tmpfs) of the container. */
  mounts?: string[];
}

const BIND_FILES = new Set(['/etc/hosts', '/etc/hostname', '/etc/resolv.conf']);
const SKIPPED_TREES = ['/dev', '/proc', '/sys'];

/** What the engine's init layer holds (under the container layer, over the image). */
const INIT_LAYER: LayerData = {
  '/.dockerenv': { type: 'file', mode: 0o755, uid: 0, gid: 0, content: '', size: 0 },
  '/etc/mtab': { type: 'symlink', mode: 0o777, uid: 0, gid: 0, target: '/proc/mounts', size: 12 },
};

function statDifferent(a: FsNode, b: FsNode): boolean {
  if (a.type !== b.type) return true;
  if ((a.mode & 0o7777) !== (b.mode & 0o7777) || a.uid !== b.uid || a.gid !== b.gid) return true;
  if (a.type === 'dir') return false;
  const size = (n: FsNode) => (n.type === 'symlink' ? (n.target ?? '').length : (n.size ?? (n.content !== undefined ? new TextEncoder().encode(n.content).length : 0)));
  return (a.mtimeMs ?? 0) !== (b.mtimeMs ?? 0) || size(a) !== size(b);
}

function skipped(path: string, mounts: Set<string>): 'skip' | 'mount' | undefined {
  if (BIND_FILES.has(path)) return 'skip';
  for (const t of SKIPPED_TREES) if (path === t || path.startsWith(t + '/')) return 'skip';
  if (mounts.has(path)) return 'mount';
  for (const m of mounts) if (path.startsWith(m === '/' ? '/' : m + '/')) return 'skip';
  return undefined;
}

/** `docker diff` of a container whose image layers are `lowers` (bottom → top) and whose own layer is `upper`. */
export function diffChanges(lowers: LayerData[], upper: LayerData, opts: DiffOptions = {}): Change[] {
  const mounts = new Set((opts.mounts ?? []).map((m) => normalizePath(m)));
  const oldFs = new OverlayFs([...lowers, INIT_LAYER], {});
  const newFs = new OverlayFs([...lowers, INIT_LAYER], upper);

  // Directories worth visiting: those holding upper entries (and their ancestors), and mount points.
  const touched = new Map<string, Set<string>>(); // dir → child names to compare
  const opaque = new Set<string>();
  const mark = (path: string): void => {
    let p = path;
    while (p !== '/') {
      const parent = parentOf(p);
      let set = touched.get(parent);
      if (!set) {
        set = new Set();
        touched.set(parent, set);
      }
      const name = p.slice(parent === '/' ? 1 : parent.length + 1);
      if (set.has(name)) return;
      set.add(name);
      p = parent;
    }
  };
  for (const [k, v] of Object.entries(upper)) {
    const key = normalizePath(k);
    if (key === '/') continue;
    mark(key);
    if (v && (v as { opaque?: boolean }).opaque) opaque.add(key);
  }
  for (const m of mounts) if (m !== '/') mark(m);

  const out: Change[] = [];

  const candidates = (dir: string, oldIsDir: boolean): string[] => {
    const names = new Set(touched.get(dir) ?? []);
    if (oldIsDir && opaque.has(dir)) for (const n of oldFs.readdir(dir) ?? []) names.add(n);
    return [...names].sort();
  };

  const leadsToMount = (path: string): boolean => {
    for (const m of mounts) if (m === path || m.startsWith(path + '/')) return true;
    return false;
  };

  // Everything below a new directory is new (mount points the tree lacks are created too).
  const addSubtree = (path: string): void => {
    const names = new Set(newFs.readdir(path) ?? []);
    for (const n of touched.get(path) ?? []) if (leadsToMount(joinPath(path, n))) names.add(n);
    for (const name of [...names].sort()) {
      const child = joinPath(path, name);
      const s = skipped(child, mounts);
      if (s === 'skip') continue;
      out.push({ kind: 'A', path: child });
      if (s === 'mount') continue;
      const n = newFs.lstat(child);
      if (!n || n.type === 'dir') addSubtree(child);
    }
  };

  const walk = (dir: string, oldNode: FsNode | undefined, added: boolean): void => {
    const start = out.length;
    const deleted: string[] = [];
    for (const name of candidates(dir, oldNode?.type === 'dir')) {
      const path = joinPath(dir, name);
      const s = skipped(path, mounts);
      if (s === 'skip') continue;
      const o = oldNode?.type === 'dir' ? oldFs.lstat(path) : undefined;
      const n = newFs.lstat(path);
      if (s === 'mount') {
        if (!o) out.push({ kind: 'A', path });
        continue;
      }
      if (!n && !o) {
        if (leadsToMount(path)) {
          out.push({ kind: 'A', path });
          addSubtree(path);
        }
        continue;
      }
      if (!n) {
        deleted.push(path);
        continue;
      }
      if (!o) {
        out.push({ kind: 'A', path });
        if (n.type === 'dir') addSubtree(path);
        continue;
      }
      let childAdded = false;
      if (statDifferent(o, n)) {
        out.push({ kind: 'C', path });
        childAdded = true;
      }
      if (n.type === 'dir') walk(path, o, childAdded);
    }
    for (const p of deleted) out.push({ kind: 'D', path: p });
    if (out.length > start && !added && dir !== '/') out.splice(start, 0, { kind: 'C', path: dir });
  };

  walk('/', oldFs.lstat('/'), true);
  return out;
}

/** The lines `docker diff` prints. */
export function formatChanges(changes: Change[]): string {
  return changes.map((c) => `${c.kind} ${c.path}\n`).join('');
}
