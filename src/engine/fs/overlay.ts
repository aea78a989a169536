// Copy-on-write container filesystem with overlayfs semantics over read-only image layers.
//
// Layers are LayerData maps (absolute path → node, null = whiteout). The upper layer belongs to
// the container; lowers are shared with every container of the image and never copied: each
// lower is indexed once (directory → child names, in a WeakMap keyed by the layer object) and
// lookups walk the layer stack per directory, as overlayfs does.
//
// Opaque directories (a directory removed and created again) carry `opaque: true` on their node
// in the upper layer: lower layers below it do not contribute to its listing.

import type { ContainerFs, FsNode, LayerData } from './types.js';
import { FsError, type FsErrorCode } from './errors.js';
import { baseName, isWithin, joinPath, normalizePath, parentOf, splitPath } from './path.js';

/** A node as stored in a layer; directories may be opaque (hide what lower layers hold). */
export type LayerNode = FsNode & { opaque?: boolean };

export interface LayerIndex {
  /** directory path → names of the entries (nodes or whiteouts) this layer has in it. */
  children: Map<string, Set<string>>;
  /** Directories that this layer only holds implicitly (it has entries below them). */
  implicitDirs: Set<string>;
}

const IMPLICIT_DIR: FsNode = Object.freeze({ type: 'dir', mode: 0o755, uid: 0, gid: 0 }) as FsNode;
const MAX_SYMLINKS = 40;

const lowerIndexCache = new WeakMap<LayerData, LayerIndex>();

function addToIndex(idx: LayerIndex, layer: LayerData | Map<string, FsNode | null>, path: string): void {
  let p = path;
  while (p !== '/') {
    const parent = parentOf(p);
    let set = idx.children.get(parent);
    if (!set) {
      set = new Set();
      idx.children.set(parent, set);
    }
    const name = baseName(p);
    if (set.has(name)) return;
    set.add(name);
    const has = layer instanceof Map ? layer.has(parent) : Object.prototype.hasOwnProperty.call(layer, parent);
    if (parent === '/' || has) return;
    idx.implicitDirs.add(parent);
    p = parent;
  }
}

/** The (cached) directory index of a read-only layer. */
export function indexLayer(layer: LayerData): LayerIndex {
  let idx = lowerIndexCache.get(layer);
  if (idx) return idx;
  idx = { children: new Map(), implicitDirs: new Set() };
  for (const key of Object.keys(layer)) {
    if (key === '/') continue;
    addToIndex(idx, layer, key);
  }
  lowerIndexCache.set(layer, idx);
  return idx;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

interface Resolved {
  /** Physical path (symlinks in directories resolved; last component followed if asked). */
  path: string;
  node: FsNode | undefined;
}

/** A filesystem mounted at `path`: writes below it follow its own read-only flag. */
export interface MountPoint {
  path: string;
  readOnly: boolean;
  /** A tmpfs: its directories report tmpfs sizes (see stat). */
  tmpfs?: boolean;
}

/** tmpfs gives a directory 20 bytes per entry, counting "." and ".." (an empty one is 40). */
const TMPFS_DIRENT_SIZE = 20;

export interface ContainerFsOptions {
  /** Clock for modification times (ms since epoch). Defaults to Date.now. */
  now?: () => number;
  /** The root filesystem refuses writes (docker run --read-only). */
  readOnlyRoot?: boolean;
  /** Mounts over the root (volumes, binds, tmpfs); the innermost one decides for a path. */
  mounts?: MountPoint[];
}

/** Attributes that `setAttr` can change (chmod, chown, touch -d). */
export interface FsAttrs {
  mode?: number;
  uid?: number;
  gid?: number;
  mtimeMs?: number;
}

export class OverlayFs implements ContainerFs {
  private readonly lowers: LayerData[]; // top → bottom
  private readonly lowerIdx: (LayerIndex | undefined)[];
  private readonly up = new Map<string, LayerNode | null>();
  private readonly upIdx: LayerIndex = { children: new Map(), implicitDirs: new Set() };
  private stackCache = new Map<string, number[] | null>();
  private clock: () => number;
  private fixedNow: number | undefined;
  private readonly readOnlyRoot: boolean;
  /** Longest path first, so the first mount containing a path is the innermost. */
  private readonly mounts: MountPoint[];

  constructor(lowers: LayerData[], upper: LayerData, opts: ContainerFsOptions = {}) {
    this.lowers = lowers.slice().reverse();
    this.lowerIdx = this.lowers.map(() => undefined);
    for (const [k, v] of Object.entries(upper)) {
      const key = normalizePath(k);
      this.up.set(key, v === null ? null : { ...v });
    }
    for (const k of this.up.keys()) if (k !== '/') addToIndex(this.upIdx, this.up, k);
    this.clock = opts.now ?? (() => Date.now());
    this.readOnlyRoot = opts.readOnlyRoot ?? false;
    this.mounts = (opts.mounts ?? []).map((m) => ({ path: normalizePath(m.path), readOnly: m.readOnly, tmpfs: m.tmpfs })).sort((a, b) => b.path.length - a.path.length);
  }

  /** The innermost mount holding physical path `path` (undefined: the root filesystem). */
  private mountOf(path: string): MountPoint | undefined {
    return this.mounts.find((mp) => mp.path === path || isWithin(path, mp.path));
  }

  /** Whether the filesystem holding physical path `path` accepts writes. */
  isWritable(path: string): boolean {
    const m = this.mountOf(path);
    return m ? !m.readOnly : !this.readOnlyRoot;
  }

  /**
   * A node as stat reports it: a directory on a tmpfs has the size tmpfs gives it; one that
   * several layers contribute to is merged (overlayfs then reports a link count of 1).
   */
  private statNode(r: Resolved): FsNode | undefined {
    const n = r.node;
    if (!n || n.type !== 'dir' || n.pseudo) return n;
    if (this.mountOf(r.path)?.tmpfs) return { ...n, size: (this.listDir(r.path).length + 2) * TMPFS_DIRENT_SIZE, onTmpfs: true };
    if (r.path !== '/' && (this.stack(r.path)?.length ?? 0) > 1) return { ...n, merged: true };
    // (A node copied from an earlier stat into a layer carries the flag it had then.)
    if (n.merged) {
      const { merged: _merged, ...plain } = n;
      return plain;
    }
    return n;
  }

  /** EROFS for a change at physical path `path` on a read-only filesystem (reported as `shown`). */
  private assertWritable(path: string, syscall: string, shown: string): void {
    if (!this.isWritable(path)) throw new FsError('EROFS', syscall, shown);
  }

  /** Pin the clock used for modification times (the userland's simulated time). */
  setNow(ms: number | undefined): void {
    this.fixedNow = ms;
  }

  private now(): number {
    return this.fixedNow ?? this.clock();
  }

  // ---- layer access -------------------------------------------------------------------------

  /** Layer 0 is the upper layer, 1.. the lowers from top to bottom. */
  private get layerCount(): number {
    return this.lowers.length + 1;
  }

  private index(li: number): LayerIndex {
    if (li === 0) return this.upIdx;
    let idx = this.lowerIdx[li - 1];
    if (!idx) {
      idx = indexLayer(this.lowers[li - 1]!);
      this.lowerIdx[li - 1] = idx;
    }
    return idx;
  }

  /** What layer `li` says about `path`: a node, null (whiteout) or undefined (nothing). */
  private entry(li: number, path: string): LayerNode | null | undefined {
    if (li === 0) {
      const v = this.up.get(path);
      if (v !== undefined) return v;
      if (path === '/' || this.upIdx.implicitDirs.has(path)) return path === '/' ? undefined : (IMPLICIT_DIR as LayerNode);
      return undefined;
    }
    const layer = this.lowers[li - 1]!;
    if (Object.prototype.hasOwnProperty.call(layer, path)) return layer[path] as LayerNode | null;
    if (path !== '/' && this.index(li).implicitDirs.has(path)) return IMPLICIT_DIR as LayerNode;
    return undefined;
  }

  /** Layers contributing to directory `path` (top → bottom), or null if it is not a directory. */
  private stack(path: string): number[] | null {
    const cached = this.stackCache.get(path);
    if (cached !== undefined) return cached;
    let result: number[] | null;
    if (path === '/') {
      result = [];
      for (let li = 0; li < this.layerCount; li++) {
        result.push(li);
        const e = this.entry(li, '/');
        if (e && e.opaque) break;
      }
    } else {
      const parentStack = this.stack(parentOf(path));
      result = parentStack ? this.childStack(parentStack, path) : null;
    }
    this.stackCache.set(path, result);
    return result;
  }

  private childStack(parentStack: number[], path: string): number[] | null {
    const out: number[] = [];
    for (const li of parentStack) {
      const e = this.entry(li, path);
      if (e === undefined) continue;
      if (e === null || e.type !== 'dir') break;
      out.push(li);
      if (e.opaque) break;
    }
    return out.length ? out : null;
  }

  /** The merged node at a physical path (no symlink following), or undefined. */
  private nodeAt(path: string): LayerNode | undefined {
    if (path === '/') {
      for (let li = 0; li < this.layerCount; li++) {
        const e = this.entry(li, '/');
        if (e) return e;
      }
      return IMPLICIT_DIR as LayerNode;
    }
    const ps = this.stack(parentOf(path));
    if (!ps) return undefined;
    for (const li of ps) {
      const e = this.entry(li, path);
      if (e === undefined) continue;
      return e === null ? undefined : e;
    }
    return undefined;
  }

  /** Whether some lower layer makes `path` visible when the upper says nothing about it. */
  private visibleInLowers(path: string): boolean {
    if (path === '/') return true;
    const ps = this.stack(parentOf(path));
    if (!ps) return false;
    for (const li of ps) {
      if (li === 0) continue;
      const e = this.entry(li, path);
      if (e === undefined) continue;
      return e !== null;
    }
    return false;
  }

  private invalidate(): void {
    if (this.stackCache.size) this.stackCache = new Map();
  }

  // ---- resolution ---------------------------------------------------------------------------

  /** Resolve `input` physically; throws FsError for ENOENT (in a parent), ENOTDIR, ELOOP. */
  resolve(input: string, followLast: boolean, syscall = 'stat'): Resolved {
    const trailingSlash = input.length > 1 && input.endsWith('/');
    if (trailingSlash) followLast = true;
    let pending = splitPath(input.startsWith('/') ? input : '/' + input);
    const cur: string[] = [];
    let budget = MAX_SYMLINKS;
    let node: FsNode | undefined = this.nodeAt('/');
    while (pending.length) {
      const comp = pending.shift()!;
      if (comp === '.') continue;
      if (comp === '..') {
        cur.pop();
        node = this.nodeAt(cur.length ? '/' + cur.join('/') : '/');
        continue;
      }
      const candidate = '/' + [...cur, comp].join('/');
      const n = this.nodeAt(candidate);
      const last = pending.length === 0;
      if (!n) {
        if (!last) throw new FsError('ENOENT', syscall, input);
        return { path: candidate, node: undefined };
      }
      if (n.type === 'symlink' && (!last || followLast)) {
        if (--budget < 0) throw new FsError('ELOOP', syscall, input);
        const target = n.target ?? '';
        if (target.startsWith('/')) cur.length = 0;
        pending = [...splitPath(target), ...pending];
        node = this.nodeAt(cur.length ? '/' + cur.join('/') : '/');
        continue;
      }
      cur.push(comp);
      node = n;
      if (!last && n.type !== 'dir') throw new FsError('ENOTDIR', syscall, input);
    }
    const path = cur.length ? '/' + cur.join('/') : '/';
    if (trailingSlash && node && node.type !== 'dir') throw new FsError('ENOTDIR', syscall, input);
    return { path, node };
  }

  /** Like resolve(), but reports failures as an error code instead of throwing. */
  lookup(input: string, followLast = true): { path: string; node?: FsNode; error?: FsErrorCode } {
    try {
      const r = this.resolve(input, followLast);
      return r.node ? { path: r.path, node: this.statNode(r) } : { path: r.path, error: 'ENOENT' };
    } catch (e) {
      return { path: input, error: (e as FsError).code ?? 'ENOENT' };
    }
  }

  // ---- reads --------------------------------------------------------------------------------

  stat(path: string): FsNode | undefined {
    try {
      return this.statNode(this.resolve(path, true));
    } catch {
      return undefined;
    }
  }

  lstat(path: string): FsNode | undefined {
    try {
      return this.statNode(this.resolve(path, false));
    } catch {
      return undefined;
    }
  }

  readFile(path: string): string | undefined {
    const n = this.stat(path);
    if (!n || n.type !== 'file') return undefined;
    return n.content ?? '';
  }

  /** Names in a physical directory path, sorted (byte order). */
  private listDir(path: string): string[] {
    const st = this.stack(path);
    if (!st) return [];
    const names = new Set<string>();
    for (const li of st) {
      const set = this.index(li).children.get(path);
      if (set) for (const n of set) names.add(n);
    }
    const out: string[] = [];
    for (const name of names) {
      const child = joinPath(path, name);
      for (const li of st) {
        const e = this.entry(li, child);
        if (e === undefined) continue;
        if (e !== null) out.push(name);
        break;
      }
    }
    return out.sort();
  }

  readdir(path: string): string[] | undefined {
    try {
      const r = this.resolve(path, true);
      if (!r.node || r.node.type !== 'dir') return undefined;
      return this.listDir(r.path);
    } catch {
      return undefined;
    }
  }

  // ---- writes -------------------------------------------------------------------------------

  private setUpper(path: string, node: LayerNode | null): void {
    const had = this.up.has(path);
    this.up.set(path, node);
    if (!had) addToIndex(this.upIdx, this.up, path);
    this.upIdx.implicitDirs.delete(path);
    this.invalidate();
  }

  private deleteUpperTree(path: string): void {
    const kids = this.upIdx.children.get(path);
    if (kids) {
      for (const k of kids) this.deleteUpperTree(joinPath(path, k));
      this.upIdx.children.delete(path);
    }
    this.up.delete(path);
    this.upIdx.implicitDirs.delete(path);
    if (path !== '/') this.upIdx.children.get(parentOf(path))?.delete(baseName(path));
    this.invalidate();
  }

  /** Copy a directory (and its ancestors) up into the upper layer. */
  private copyUpDir(path: string): void {
    if (path === '/') return;
    if (this.up.get(path)) return;
    this.copyUpDir(parentOf(path));
    const n = this.nodeAt(path);
    if (!n) throw new FsError('ENOENT', 'open', path);
    const copy: LayerNode = { ...n };
    delete copy.opaque;
    this.setUpper(path, copy);
  }

  private touchDir(path: string): void {
    if (path === '/') {
      const n = this.up.get('/');
      if (n) n.mtimeMs = this.now();
      return;
    }
    this.copyUpDir(path);
    const n = this.up.get(path);
    if (n) n.mtimeMs = this.now();
  }

  writeFile(path: string, content: string, opts: { mode?: number; uid?: number; gid?: number; append?: boolean } = {}): void {
    const r = this.resolve(path, true, 'open');
    if (r.node && r.node.type === 'dir') throw new FsError('EISDIR', 'open', path);
    if (r.path === '/') throw new FsError('EISDIR', 'open', path);
    this.assertWritable(r.path, 'open', path);
    const now = this.now();
    const parent = parentOf(r.path);
    if (r.node) {
      const text = opts.append ? (r.node.content ?? '') + content : content;
      const node: LayerNode = { ...r.node, content: text, size: utf8Length(text), mtimeMs: now };
      delete node.opaque;
      this.copyUpDir(parent);
      this.setUpper(r.path, node);
    } else {
      this.copyUpDir(parent);
      this.setUpper(r.path, {
        type: 'file',
        mode: opts.mode ?? 0o644,
        uid: opts.uid ?? 0,
        gid: opts.gid ?? 0,
        content,
        size: utf8Length(content),
        mtimeMs: now,
      });
      this.touchDir(parent);
    }
  }

  /** Create a directory at a physical path whose parent exists (no checks). */
  private createDir(path: string, mode: number, attrs: FsAttrs = {}): void {
    const parent = parentOf(path);
    this.copyUpDir(parent);
    const wasWhiteout = this.up.get(path) === null;
    const node: LayerNode = { type: 'dir', mode, uid: attrs.uid ?? 0, gid: attrs.gid ?? 0, mtimeMs: this.now() };
    if (wasWhiteout) node.opaque = true;
    this.setUpper(path, node);
    this.touchDir(parent);
  }

  mkdir(path: string, opts: { mode?: number; recursive?: boolean } = {}): void {
    const mode = opts.mode ?? 0o755;
    if (!opts.recursive) {
      const r = this.resolve(path, false, 'mkdir');
      if (r.node) throw new FsError('EEXIST', 'mkdir', path);
      this.assertWritable(r.path, 'mkdir', path);
      this.createDir(r.path, mode);
      return;
    }
    const parts = splitPath(normalizePath(path));
    let prefix = '';
    for (const part of parts) {
      prefix += '/' + part;
      const r = this.resolve(prefix, true, 'mkdir');
      if (r.node) {
        if (r.node.type !== 'dir') throw new FsError(prefix === normalizePath(path) ? 'EEXIST' : 'ENOTDIR', 'mkdir', path);
        continue;
      }
      this.assertWritable(r.path, 'mkdir', path);
      this.createDir(r.path, mode);
    }
  }

  remove(path: string, opts: { recursive?: boolean } = {}): void {
    const r = this.resolve(path, false, 'unlink');
    if (!r.node) throw new FsError('ENOENT', 'unlink', path);
    if (r.path === '/') throw new FsError('EBUSY', 'rmdir', path);
    this.assertWritable(r.path, 'unlink', path);
    if (r.node.type === 'dir' && !opts.recursive && this.listDir(r.path).length) {
      throw new FsError('ENOTEMPTY', 'rmdir', path);
    }
    this.removePhysical(r.path);
  }

  private removePhysical(path: string): void {
    const parent = parentOf(path);
    this.deleteUpperTree(path);
    if (this.visibleInLowers(path)) {
      this.copyUpDir(parent);
      this.setUpper(path, null);
    }
    this.touchDir(parent);
  }

  symlink(target: string, path: string): void {
    const r = this.resolve(path, false, 'symlink');
    if (r.node) throw new FsError('EEXIST', 'symlink', path);
    this.assertWritable(r.path, 'symlink', path);
    const parent = parentOf(r.path);
    this.copyUpDir(parent);
    this.setUpper(r.path, { type: 'symlink', mode: 0o777, uid: 0, gid: 0, target, size: utf8Length(target), mtimeMs: this.now() });
    this.touchDir(parent);
  }

  rename(from: string, to: string): void {
    const rf = this.resolve(from, false, 'rename');
    if (!rf.node) throw new FsError('ENOENT', 'rename', from);
    const rt = this.resolve(to, false, 'rename');
    if (rf.path === rt.path) return;
    this.assertWritable(rf.path, 'rename', from);
    this.assertWritable(rt.path, 'rename', to);
    if (rf.path === '/' ) throw new FsError('EBUSY', 'rename', from);
    if (rf.node.type === 'dir' && isWithin(rt.path, rf.path)) throw new FsError('EINVAL', 'rename', to);
    if (rt.node) {
      if (rt.node.type === 'dir' && rf.node.type !== 'dir') throw new FsError('EISDIR', 'rename', to);
      if (rf.node.type === 'dir' && rt.node.type !== 'dir') throw new FsError('ENOTDIR', 'rename', to);
      if (rt.node.type === 'dir' && this.listDir(rt.path).length) throw new FsError('ENOTEMPTY', 'rename', to);
    }
    // Collect the merged subtree (overlayfs without redirect_dir copies directories up whole).
    const entries: [string, LayerNode][] = [];
    const collect = (p: string, rel: string): void => {
      const n = this.nodeAt(p)!;
      const copy: LayerNode = { ...n };
      delete copy.opaque;
      entries.push([rel, copy]);
      if (n.type === 'dir') for (const name of this.listDir(p)) collect(joinPath(p, name), rel + '/' + name);
    };
    collect(rf.path, '');
    if (rt.node) this.removePhysical(rt.path);
    this.removePhysical(rf.path);
    const dest = rt.path;
    this.copyUpDir(parentOf(dest));
    for (const [rel, node] of entries) {
      const p = dest + rel;
      if (rel === '' && node.type === 'dir' && this.up.get(p) === null) node.opaque = true;
      this.setUpper(p, node);
    }
    this.touchDir(parentOf(dest));
  }

  /** chmod / chown / utime on the node a path resolves to (following symlinks unless told not to). */
  setAttr(path: string, attrs: FsAttrs, follow = true): void {
    const r = this.resolve(path, follow, 'chmod');
    if (!r.node) throw new FsError('ENOENT', 'chmod', path);
    this.assertWritable(r.path, 'chmod', path);
    if (r.path !== '/') this.copyUpDir(parentOf(r.path));
    const node: LayerNode = { ...r.node };
    if (r.node.type !== 'dir') delete node.opaque;
    if (attrs.mode !== undefined) node.mode = attrs.mode;
    if (attrs.uid !== undefined) node.uid = attrs.uid;
    if (attrs.gid !== undefined) node.gid = attrs.gid;
    if (attrs.mtimeMs !== undefined) node.mtimeMs = attrs.mtimeMs;
    if (r.path === '/') {
      this.up.set('/', node);
      this.invalidate();
    } else this.setUpper(r.path, node);
  }

  upper(): LayerData {
    const out: LayerData = {};
    const keys = [...this.up.keys()].sort();
    for (const k of keys) {
      const v = this.up.get(k)!;
      out[k] = v === null ? null : { ...v };
    }
    return out;
  }
}

/** A container's filesystem: `lowers` bottom → top (image layers), `upper` the container's layer. */
export function createContainerFs(lowers: LayerData[], upper: LayerData = {}, opts?: ContainerFsOptions): OverlayFs {
  return new OverlayFs(lowers, upper, opts);
}
