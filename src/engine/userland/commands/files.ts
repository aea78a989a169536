// File tools: ls cat touch mkdir rm rmdir mv cp ln chmod chown find du df basename dirname stat.
import { STRERROR, type FsErrorCode } from '../../fs/errors.js';
import { baseName, joinPath, normalizePath, parentOf } from '../../fs/path.js';
import type { FsNode } from '../../fs/types.js';
import { MEM_TOTAL_KB, groupName, parseGroup, parsePasswd, userName } from '../context.js';
import { blocksOf, fsErrorCode, lookupPath, lsTime, modeString, nodeSize, walkTree } from '../fsutil.js';
import { globMatch } from '../shell/glob.js';
import { getopt, type Cmd, type CommandImpl } from './types.js';

const se = (c: FsErrorCode) => STRERROR[c];

function tryFs(fn: () => void): FsErrorCode | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return fsErrorCode(e);
  }
}

// ---- ls -----------------------------------------------------------------------------------------

interface LsEntry {
  name: string;
  path: string;
  node: FsNode;
}

function lsLong(c: Cmd, entries: LsEntry[], human: boolean): string[] {
  const fs = c.sim.fs;
  const rows = entries.map((e) => {
    const n = e.node;
    const nlink = n.type === 'dir' ? (e.path === '/' || n.merged ? 1 : 2 + (fs.readdir(e.path) ?? []).filter((k) => fs.lstat(joinPath(e.path, k))?.type === 'dir').length) : 1;
    const size = nodeSize(n);
    return {
      mode: modeString(n),
      nlink: String(nlink),
      user: userName(fs, n.uid) ?? String(n.uid),
      group: groupName(fs, n.gid) ?? String(n.gid),
      size: human ? humanSize(size, c.gnu) : String(size),
      device: n.device,
      time: lsTime(n.mtimeMs ?? c.sim.nowMs, c.sim.nowMs),
      name: e.name + (n.type === 'symlink' ? ` -> ${n.target ?? ''}` : ''),
    };
  });
  // A device shows "major, minor" where the size goes: busybox in fixed widths, GNU aligned.
  const devices = rows.map((r) => r.device).filter((d): d is [number, number] => d !== undefined);
  const majorWidth = Math.max(0, ...devices.map(([major]) => String(major).length));
  const minorWidth = Math.max(0, ...devices.map(([, minor]) => String(minor).length));
  for (const r of rows) {
    if (!r.device) continue;
    const [major, minor] = r.device.map(String) as [string, string];
    r.size = c.gnu ? `${major.padStart(majorWidth)}, ${minor.padStart(minorWidth)}` : `${major.padStart(4)},${minor.padStart(4)}`;
  }
  if (!c.gnu) {
    return rows.map((r) => `${r.mode} ${r.nlink.padStart(4)} ${r.user.padEnd(8)} ${r.group.padEnd(8)} ${r.size.padStart(9)} ${r.time} ${r.name}`);
  }
  const w = (k: 'nlink' | 'user' | 'group' | 'size') => Math.max(...rows.map((r) => r[k].length));
  const [wn, wu, wg, ws] = [w('nlink'), w('user'), w('group'), w('size')];
  return rows.map((r) => `${r.mode} ${r.nlink.padStart(wn)} ${r.user.padEnd(wu)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.time} ${r.name}`);
}

export function humanSize(n: number, gnu: boolean): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (gnu) return (v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))) + units[u];
  return v.toFixed(1) + units[u];
}

function columns(names: string[], width = 80, uniform = false): string[] {
  if (!names.length) return [];
  const maxLen = Math.max(...names.map((n) => n.length));
  if (uniform) {
    // busybox: every column as wide as the longest name + 2, filled top to bottom.
    const colW = maxLen + 2;
    const cols = Math.max(1, Math.floor((width + 2) / colW));
    const rows = Math.ceil(names.length / cols);
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let col = 0; col < cols; col++) {
        const n = names[col * rows + r];
        if (n === undefined) continue;
        const last = names[(col + 1) * rows + r] === undefined;
        line += last ? n : n.padEnd(colW);
      }
      lines.push(line);
    }
    return lines;
  }
  for (let cols = Math.min(names.length, Math.floor(width / 3)); cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const colWidths: number[] = [];
    for (let col = 0; col < cols; col++) {
      const slice = names.slice(col * rows, (col + 1) * rows);
      if (slice.length) colWidths.push(Math.max(...slice.map((n) => n.length)) + 2);
    }
    const total = colWidths.reduce((a, b) => a + b, 0) - 2;
    if (total <= width || cols === 1) {
      const lines: string[] = [];
      for (let r = 0; r < rows; r++) {
        let line = '';
        for (let col = 0; col < colWidths.length; col++) {
          const n = names[col * rows + r];
          if (n === undefined) continue;
          const last = col === colWidths.length - 1 || names[(col + 1) * rows + r] === undefined;
          line += last ? n : n.padEnd(colWidths[col]!);
        }
        lines.push(line);
      }
      return lines;
    }
  }
  void maxLen;
  return names;
}

export const ls: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1));
  const f = o.flags;
  const long = f.has('l') || f.has('n') || f.has('g') || f.has('o');
  const all = f.has('a');
  const almost = f.has('A');
  const dirOnly = f.has('d');
  const human = f.has('h');
  const one = f.has('1') || !c.sim.req.tty;
  const fs = c.sim.fs;
  const operands = o.operands.length ? o.operands : ['.'];
  let status = 0;
  const files: LsEntry[] = [];
  const dirs: LsEntry[] = [];
  for (const op of operands) {
    const path = c.abs(op);
    const follow = !long || op.endsWith('/');
    const r = lookupPath(fs, path, true);
    const l = lookupPath(fs, path, false);
    const node = follow ? r.node : l.node;
    if (!node && !l.node) {
      const code = r.error ?? l.error ?? 'ENOENT';
      c.err(c.gnu ? `ls: cannot access '${op}': ${se(code)}\n` : `ls: ${op}: ${se(code)}\n`);
      status = c.gnu ? 2 : 1;
      continue;
    }
    const use = node ?? l.node!;
    if (use.type === 'dir' && !dirOnly) dirs.push({ name: op, path: r.path, node: use });
    else files.push({ name: op, path, node: use });
  }
  const print = (list: LsEntry[]) => {
    if (long) for (const line of lsLong(c, list, human)) c.out(line + '\n');
    else if (one) for (const e of list) c.out(e.name + '\n');
    else for (const line of columns(list.map((e) => e.name), 80, !c.gnu)) c.out(line + '\n');
  };
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  print(files);
  const showHeaders = operands.length > 1 || f.has('R');
  dirs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const listDir = (d: LsEntry, first: boolean) => {
    const names = (fs.readdir(d.path) ?? []).filter((n) => all || almost || !n.startsWith('.'));
    const entries: LsEntry[] = names.map((n) => ({ name: n, path: joinPath(d.path, n), node: fs.lstat(joinPath(d.path, n))! }));
    if (all) {
      entries.unshift({ name: '..', path: parentOf(d.path), node: fs.stat(parentOf(d.path))! }, { name: '.', path: d.path, node: d.node });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    if (!first || files.length) c.out('\n');
    if (showHeaders) c.out(`${d.name}:\n`);
    if (long) c.out(`total ${entries.reduce((s, e) => s + blocksOf(e.node), 0)}\n`);
    print(entries);
    if (f.has('R')) {
      for (const e of entries) {
        if (e.node.type === 'dir' && e.name !== '.' && e.name !== '..') listDir({ name: d.name === '/' ? '/' + e.name : d.name.replace(/\/$/, '') + '/' + e.name, path: e.path, node: e.node }, false);
      }
    }
  };
  dirs.forEach((d, i) => listDir(d, i === 0));
  return status;
};

// ---- cat ----------------------------------------------------------------------------------------

export const cat: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1));
  const operands = o.operands.length ? o.operands : ['-'];
  let st = 0;
  let lineNo = 0;
  for (const op of operands) {
    let text: string;
    if (op === '-') text = c.io.stdin;
    else {
      const r = lookupPath(c.sim.fs, c.abs(op), true);
      if (!r.node) {
        c.err(c.gnu ? `cat: ${op}: ${se(r.error ?? 'ENOENT')}\n` : `cat: can't open '${op}': ${se(r.error ?? 'ENOENT')}\n`);
        st = 1;
        continue;
      }
      if (r.node.type === 'dir') {
        c.err(c.gnu ? `cat: ${op}: Is a directory\n` : `cat: read error: Is a directory\n`);
        st = 1;
        continue;
      }
      text = r.node.content ?? '';
    }
    if (o.flags.has('n')) {
      text = text.replace(/^(.*)$/gm, (m, _l, off: number) => (off === text.length && m === '' ? '' : `${String(++lineNo).padStart(6)}\t${m}`));
    }
    c.out(text);
  }
  return st;
};

// ---- touch mkdir rm rmdir -----------------------------------------------------------------------

export const touch: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1), 'dtr');
  let st = 0;
  for (const op of o.operands) {
    const path = c.abs(op);
    const code = tryFs(() => {
      const n = c.sim.fs.stat(path);
      if (n?.type === 'dir') {
        const impl = c.sim.fs as { setAttr?: (p: string, a: { mtimeMs: number }) => void };
        impl.setAttr?.(path, { mtimeMs: c.sim.nowMs });
      } else if (!n && o.flags.has('c')) return;
      else c.sim.fs.writeFile(path, '', { append: true, uid: c.sim.user.uid, gid: c.sim.user.gid });
    });
    if (code) {
      c.err(c.gnu ? `touch: cannot touch '${op}': ${se(code)}\n` : `touch: ${op}: ${se(code)}\n`);
      st = 1;
    }
  }
  return st;
};

export const mkdir: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1), 'm');
  const mode = o.values.has('m') ? parseInt(o.values.get('m')!, 8) : 0o755;
  let st = 0;
  if (!o.operands.length) {
    c.err(c.gnu ? "mkdir: missing operand\nTry 'mkdir --help' for more information.\n" : 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b7) multi-call binary.\n\nUsage: mkdir [-m MODE] [-p] DIRECTORY...\n\nCreate DIRECTORY\n\n\t-m MODE\tMode\n\t-p\tNo error if exists; make parent directories as needed\n');
    return 1;
  }
  for (const op of o.operands) {
    const code = tryFs(() => c.sim.fs.mkdir(c.abs(op), { recursive: o.flags.has('p'), mode }));
    if (code) {
      c.err(c.gnu ? `mkdir: cannot create directory '${op}': ${se(code)}\n` : `mkdir: can't create directory '${op}': ${se(code)}\n`);
      st = 1;
    } else if (o.flags.has('v') && c.gnu) c.out(`mkdir: created directory '${op}'\n`);
  }
  return st;
};

export const rm: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1));
  const recursive = o.flags.has('r') || o.flags.has('R');
  const force = o.flags.has('f');
  let st = 0;
  if (!o.operands.length && !force) {
    c.err(c.gnu ? "rm: missing operand\nTry 'rm --help' for more information.\n" : 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b7) multi-call binary.\n\nUsage: rm [-irf] FILE...\n\nRemove (unlink) FILEs\n\n\t-i\tAlways prompt before removing\n\t-f\tNever prompt\n\t-R,-r\tRecurse\n');
    return 1;
  }
  for (const op of o.operands) {
    const path = c.abs(op);
    if (recursive && path === '/' && c.gnu) {
      c.err(`rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`);
      st = 1;
      continue;
    }
    const node = c.sim.fs.lstat(path);
    if (!node) {
      if (force) continue;
      const code = lookupPath(c.sim.fs, path, false).error ?? 'ENOENT';
      c.err(c.gnu ? `rm: cannot remove '${op}': ${se(code)}\n` : `rm: can't remove '${op}': ${se(code)}\n`);
      st = 1;
      continue;
    }
    if (node.type === 'dir' && !recursive) {
      c.err(c.gnu ? `rm: cannot remove '${op}': Is a directory\n` : `rm: '${op}' is a directory\n`);
      st = 1;
      continue;
    }
    if (path === '/') {
      // busybox rm -rf /: removes what it can; the mounts stay. Keep the root itself.
      for (const n of c.sim.fs.readdir('/') ?? []) tryFs(() => c.sim.fs.remove('/' + n, { recursive: true }));
      continue;
    }
    const code = tryFs(() => c.sim.fs.remove(path, { recursive }));
    if (code) {
      c.err(c.gnu ? `rm: cannot remove '${op}': ${se(code)}\n` : `rm: can't remove '${op}': ${se(code)}\n`);
      st = 1;
    } else if (o.flags.has('v')) c.out(c.gnu ? `removed '${op}'\n` : `removed '${op}'\n`);
  }
  return st;
};

export const rmdir: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1));
  let st = 0;
  for (const op of o.operands) {
    const path = c.abs(op);
    const n = c.sim.fs.lstat(path);
    let code: FsErrorCode | undefined;
    if (!n) code = lookupPath(c.sim.fs, path, false).error ?? 'ENOENT';
    else if (n.type !== 'dir') code = 'ENOTDIR';
    else code = tryFs(() => c.sim.fs.remove(path));
    if (code) {
      c.err(c.gnu ? `rmdir: failed to remove '${op}': ${se(code)}\n` : `rmdir: '${op}': ${se(code)}\n`);
      st = 1;
    }
  }
  return st;
};

// ---- mv cp ln -----------------------------------------------------------------------------------

function destFor(c: Cmd, src: string, dest: string): string {
  const d = c.abs(dest);
  const n = c.sim.fs.stat(d);
  return n?.type === 'dir' ? joinPath(lookupPath(c.sim.fs, d).path, baseName(normalizePath(c.abs(src)))) : d;
}

export const mv: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1));
  if (o.operands.length < 2) {
    c.err(c.gnu ? (o.operands.length ? `mv: missing destination file operand after '${o.operands[0]}'\n` : 'mv: missing file operand\n') + "Try 'mv --help' for more information.\n" : 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b7) multi-call binary.\n\nUsage: mv [-fin] SOURCE DEST\nor: mv [-fin] SOURCE... DIRECTORY\n\nRename SOURCE to DEST, or move SOURCEs to DIRECTORY\n\n\t-f\tDon\'t prompt before overwriting\n\t-i\tInteractive, prompt before overwrite\n\t-n\tDon\'t overwrite an existing file\n');
    return 1;
  }
  const dest = o.operands[o.operands.length - 1]!;
  let st = 0;
  for (const src of o.operands.slice(0, -1)) {
    const sp = c.abs(src);
    if (!c.sim.fs.lstat(sp)) {
      const code = lookupPath(c.sim.fs, sp, false).error ?? 'ENOENT';
      c.err(c.gnu ? `mv: cannot stat '${src}': ${se(code)}\n` : `mv: can't rename '${src}': ${se(code)}\n`);
      st = 1;
      continue;
    }
    const target = destFor(c, src, dest);
    const code = tryFs(() => c.sim.fs.rename(sp, target));
    if (code) {
      c.err(c.gnu ? `mv: cannot move '${src}' to '${dest}': ${se(code)}\n` : `mv: can't rename '${src}': ${se(code)}\n`);
      st = 1;
    }
  }
  return st;
};

function copyTree(c: Cmd, from: string, to: string, preserve: boolean): void {
  const fs = c.sim.fs;
  const n = fs.stat(from)!;
  if (n.type === 'dir') {
    if (!fs.stat(to)) fs.mkdir(to, { mode: n.mode });
    for (const name of fs.readdir(from) ?? []) {
      const child = joinPath(from, name);
      const l = fs.lstat(child)!;
      if (l.type === 'symlink') {
        if (!fs.lstat(joinPath(to, name))) fs.symlink(l.target ?? '', joinPath(to, name));
      } else copyTree(c, child, joinPath(to, name), preserve);
    }
    return;
  }
  fs.writeFile(to, n.content ?? '', { mode: n.mode, uid: preserve ? n.uid : c.sim.user.uid, gid: preserve ? n.gid : c.sim.user.gid });
}

export const cp: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1));
  const recursive = o.flags.has('r') || o.flags.has('R') || o.flags.has('a');
  if (o.operands.length < 2) {
    c.err(c.gnu ? (o.operands.length ? `cp: missing destination file operand after '${o.operands[0]}'\n` : 'cp: missing file operand\n') + "Try 'cp --help' for more information.\n" : 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b7) multi-call binary.\n\nUsage: cp [-arPLHpfinlsTu] SOURCE DEST\nor: cp [-arPLHpfinlsu] SOURCE... { -t DIRECTORY | DIRECTORY }\n\nCopy SOURCEs to DEST\n');
    return 1;
  }
  const dest = o.operands[o.operands.length - 1]!;
  let st = 0;
  for (const src of o.operands.slice(0, -1)) {
    const sp = c.abs(src);
    const r = lookupPath(c.sim.fs, sp, true);
    if (!r.node) {
      c.err(c.gnu ? `cp: cannot stat '${src}': ${se(r.error ?? 'ENOENT')}\n` : `cp: can't stat '${src}': ${se(r.error ?? 'ENOENT')}\n`);
      st = 1;
      continue;
    }
    if (r.node.type === 'dir' && !recursive) {
      c.err(c.gnu ? `cp: -r not specified; omitting directory '${src}'\n` : `cp: omitting directory '${src}'\n`);
      st = 1;
      continue;
    }
    const target = destFor(c, src, dest);
    const code = tryFs(() => copyTree(c, sp, target, o.flags.has('a') || o.flags.has('p')));
    if (code) {
      c.err(c.gnu ? `cp: cannot create regular file '${dest}': ${se(code)}\n` : `cp: can't create '${target}': ${se(code)}\n`);
      st = 1;
    }
  }
  return st;
};

export const ln: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1));
  const [target, linkArg] = o.operands;
  if (!target) {
    c.err(c.gnu ? "ln: missing file operand\nTry 'ln --help' for more information.\n" : 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b7) multi-call binary.\n\nUsage: ln [-sfnbtv] [-S SUF] TARGET... LINK|DIR\n');
    return 1;
  }
  const linkName = linkArg ?? baseName(target);
  let path = c.abs(linkName);
  if (c.sim.fs.stat(path)?.type === 'dir' && !o.flags.has('n')) path = joinPath(lookupPath(c.sim.fs, path).path, baseName(target));
  if (o.flags.has('f') && c.sim.fs.lstat(path)) tryFs(() => c.sim.fs.remove(path));
  let code: FsErrorCode | undefined;
  if (o.flags.has('s')) code = tryFs(() => c.sim.fs.symlink(target, path));
  else {
    const src = lookupPath(c.sim.fs, c.abs(target), true);
    if (!src.node) code = src.error ?? 'ENOENT';
    else if (src.node.type === 'dir') code = 'EPERM';
    else code = tryFs(() => c.sim.fs.writeFile(path, src.node!.content ?? '', { mode: src.node!.mode }));
    if (code && !src.node) {
      c.err(c.gnu ? `ln: failed to access '${target}': ${se(code)}\n` : `ln: ${target}: ${se(code)}\n`);
      return 1;
    }
  }
  if (code) {
    const shown = linkArg ?? baseName(target);
    c.err(c.gnu ? `ln: failed to create ${o.flags.has('s') ? 'symbolic ' : 'hard '}link '${shown}': ${se(code)}\n` : `ln: ${shown}: ${se(code)}\n`);
    return 1;
  }
  return 0;
};

// ---- chmod chown --------------------------------------------------------------------------------

function applySymbolic(mode: number, spec: string, isDir: boolean): number | undefined {
  let m = mode;
  for (const clause of spec.split(',')) {
    const r = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!r) return undefined;
    const who = r[1] || 'a';
    let bits = 0;
    for (const p of r[3]!) {
      const val = p === 'r' ? 4 : p === 'w' ? 2 : p === 'x' || (p === 'X' && (isDir || (mode & 0o111) !== 0)) ? 1 : 0;
      if (who.includes('u') || who.includes('a')) bits |= val << 6;
      if (who.includes('g') || who.includes('a')) bits |= val << 3;
      if (who.includes('o') || who.includes('a')) bits |= val;
      if (p === 't') bits |= 0o1000;
      if (p === 's') bits |= (who.includes('u') || who.includes('a') ? 0o4000 : 0) | (who.includes('g') || who.includes('a') ? 0o2000 : 0);
    }
    if (r[2] === '+') m |= bits;
    else if (r[2] === '-') m &= ~bits;
    else {
      let mask = 0;
      if (who.includes('u') || who.includes('a')) mask |= 0o4700;
      if (who.includes('g') || who.includes('a')) mask |= 0o2070;
      if (who.includes('o') || who.includes('a')) mask |= 0o1007;
      m = (m & ~mask) | bits;
    }
  }
  return m;
}

function setAttr(c: Cmd, path: string, attrs: { mode?: number; uid?: number; gid?: number }): FsErrorCode | undefined {
  const impl = c.sim.fs as { setAttr?: (p: string, a: typeof attrs) => void };
  if (typeof impl.setAttr !== 'function') return undefined;
  return tryFs(() => impl.setAttr!(path, attrs));
}

export const chmod: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  const recursive = args[0] === '-R';
  if (recursive) args.shift();
  const [spec, ...files] = args;
  if (!spec || !files.length) {
    c.err(c.gnu ? `chmod: missing operand${spec ? ` after '${spec}'` : ''}\nTry 'chmod --help' for more information.\n` : 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b7) multi-call binary.\n\nUsage: chmod [-Rcvf] MODE[,MODE]... FILE...\n');
    return 1;
  }
  let st = 0;
  for (const f of files) {
    const path = c.abs(f);
    const targets: string[] = [];
    if (recursive) walkTree(c.sim.fs, path, (p, n) => void (n.type !== 'symlink' && targets.push(p)));
    else targets.push(path);
    if (!c.sim.fs.lstat(path)) {
      const code = lookupPath(c.sim.fs, path).error ?? 'ENOENT';
      c.err(c.gnu ? `chmod: cannot access '${f}': ${se(code)}\n` : `chmod: ${f}: ${se(code)}\n`);
      st = 1;
      continue;
    }
    for (const t of targets) {
      const n = c.sim.fs.stat(t);
      if (!n) continue;
      const mode = /^[0-7]+$/.test(spec) ? parseInt(spec, 8) : applySymbolic(n.mode, spec, n.type === 'dir');
      if (mode === undefined) {
        c.err(c.gnu ? `chmod: invalid mode: '${spec}'\nTry 'chmod --help' for more information.\n` : `chmod: invalid mode '${spec}'\n`);
        return 1;
      }
      const code = setAttr(c, t, { mode });
      if (code) {
        const shown = f + t.slice(path.length);
        c.err(c.gnu ? `chmod: changing permissions of '${shown}': ${se(code)}\n` : `chmod: ${shown}: ${se(code)}\n`);
        st = 1;
      }
    }
  }
  return st;
};

export const chown: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  const recursive = args[0] === '-R';
  if (recursive) args.shift();
  const [spec, ...files] = args;
  if (!spec || !files.length) {
    c.err(c.gnu ? `chown: missing operand${spec ? ` after '${spec}'` : ''}\nTry 'chown --help' for more information.\n` : 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b7) multi-call binary.\n\nUsage: chown [-RhLHPcvf] USER[:[GRP]] FILE...\n');
    return 1;
  }
  const [u, g] = spec.split(/[:.]/);
  const pw = parsePasswd(c.sim.fs);
  const gr = parseGroup(c.sim.fs);
  const uid = u ? (/^\d+$/.test(u) ? Number(u) : pw.find((p) => p.name === u)?.uid) : undefined;
  if (u && uid === undefined) {
    c.err(c.gnu ? `chown: invalid user: '${spec}'\n` : `chown: unknown user ${u}\n`);
    return 1;
  }
  const gid = g ? (/^\d+$/.test(g) ? Number(g) : gr.find((x) => x.name === g)?.gid) : undefined;
  if (g && gid === undefined) {
    c.err(c.gnu ? `chown: invalid group: '${spec}'\n` : `chown: unknown group ${g}\n`);
    return 1;
  }
  let st = 0;
  for (const f of files) {
    const path = c.abs(f);
    if (!c.sim.fs.lstat(path)) {
      const code = lookupPath(c.sim.fs, path).error ?? 'ENOENT';
      c.err(c.gnu ? `chown: cannot access '${f}': ${se(code)}\n` : `chown: ${f}: ${se(code)}\n`);
      st = 1;
      continue;
    }
    const targets: string[] = [];
    if (recursive) walkTree(c.sim.fs, path, (p, n) => void (n.type !== 'symlink' && targets.push(p)));
    else targets.push(path);
    for (const t of targets) {
      const code = setAttr(c, t, { uid, gid });
      if (code) {
        const shown = f + t.slice(path.length);
        c.err(c.gnu ? `chown: changing ownership of '${shown}': ${se(code)}\n` : `chown: ${shown}: ${se(code)}\n`);
        st = 1;
      }
    }
  }
  return st;
};

// ---- find du df ---------------------------------------------------------------------------------

export const find: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  const paths: string[] = [];
  while (args.length && !args[0]!.startsWith('-') && args[0] !== '!' && args[0] !== '(') paths.push(args.shift()!);
  if (!paths.length) paths.push('.');
  let name: string | undefined;
  let iname: string | undefined;
  let type: string | undefined;
  let maxdepth = Infinity;
  let mindepth = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-name') name = args[++i];
    else if (a === '-iname') iname = args[++i];
    else if (a === '-type') type = args[++i];
    else if (a === '-maxdepth') maxdepth = Number(args[++i]);
    else if (a === '-mindepth') mindepth = Number(args[++i]);
  }
  let st = 0;
  for (const p of paths) {
    const abs = c.abs(p);
    const r = lookupPath(c.sim.fs, abs, false);
    if (!r.node) {
      c.err(c.gnu ? `find: '${p}': ${se(r.error ?? 'ENOENT')}\n` : `find: ${p}: ${se(r.error ?? 'ENOENT')}\n`);
      st = 1;
      continue;
    }
    const start = r.node.type === 'symlink' && c.sim.fs.stat(abs)?.type === 'dir' && p.endsWith('/') ? lookupPath(c.sim.fs, abs).path : abs;
    walkTree(c.sim.fs, start, (path, node, depth) => {
      if (depth > maxdepth) return false;
      const shown = p.replace(/\/$/, '') + path.slice(start.length === 1 ? 0 : start.length);
      const display = depth === 0 ? p : start === '/' ? '/' + path.slice(1) : shown;
      const base = depth === 0 ? baseName(p) || p : baseName(path);
      let ok = depth >= mindepth;
      if (ok && name !== undefined) ok = globMatch(name, base);
      if (ok && iname !== undefined) ok = globMatch(iname.toLowerCase(), base.toLowerCase());
      if (ok && type) ok = (type === 'f' && node.type === 'file' && !node.device) || (type === 'c' && node.device !== undefined) || (type === 'd' && node.type === 'dir') || (type === 'l' && node.type === 'symlink');
      if (ok) c.out(display + '\n');
      return depth < maxdepth;
    });
  }
  return st;
};

export const du: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1), 'd');
  const summary = o.flags.has('s');
  const human = o.flags.has('h');
  const fmt = (k: number) => (human ? (k === 0 ? '0' : humanSize(k * 1024, c.gnu)) : String(k));
  let st = 0;
  for (const p of o.operands.length ? o.operands : ['.']) {
    const abs = c.abs(p);
    if (!c.sim.fs.lstat(abs)) {
      c.err(c.gnu ? `du: cannot access '${p}': No such file or directory\n` : `du: ${p}: No such file or directory\n`);
      st = 1;
      continue;
    }
    const visit = (path: string, shown: string, top: boolean): number => {
      const n = c.sim.fs.lstat(path)!;
      let total = blocksOf(n);
      if (n.type === 'dir') {
        for (const name of c.sim.fs.readdir(path) ?? []) {
          total += visit(joinPath(path, name), shown.replace(/\/$/, '') + '/' + name, false);
        }
        if (!summary || top) c.out(`${fmt(total)}\t${shown}\n`);
      } else if (top || o.flags.has('a')) c.out(`${fmt(total)}\t${shown}\n`);
      return total;
    };
    visit(abs, p, true);
  }
  return st;
};

/** A mounted filesystem as df reports it; `device` tells apart the mounts of one filesystem. */
interface DfMount {
  source: string;
  size: number;
  used: number;
  avail: number;
  target: string;
  device: string;
}

/** Half the memory: what a tmpfs gets by default. */
const HALF_MEM_KB = MEM_TOTAL_KB / 2;

/**
 * The container's mounts in /proc/mounts order, as df sees them (observed): the host disk behind
 * /etc/resolv.conf, /etc/hostname and /etc/hosts, /dev's tmpfs again behind runc's masked /proc
 * files, and tmpfs instances over /sys/fs/cgroup, /proc/acpi and /sys/firmware.
 */
function dfMounts(): DfMount[] {
  const disk = { source: '/dev/vda', size: 264212084, used: 24728852, avail: 81662060, device: 'vda' };
  const dev = { source: 'tmpfs', size: 65536, used: 0, avail: 65536, device: 'dev' };
  const memory = (target: string) => ({ source: 'tmpfs', size: HALF_MEM_KB, used: 0, avail: HALF_MEM_KB, target, device: target });
  return [
    { ...disk, source: 'overlay', target: '/', device: 'overlay' },
    { ...dev, target: '/dev' },
    memory('/sys/fs/cgroup'),
    { source: 'shm', size: 65536, used: 0, avail: 65536, target: '/dev/shm', device: 'shm' },
    { ...disk, target: '/etc/resolv.conf' },
    { ...disk, target: '/etc/hostname' },
    { ...disk, target: '/etc/hosts' },
    memory('/proc/acpi'),
    { ...dev, target: '/proc/interrupts' },
    { ...dev, target: '/proc/keys' },
    { ...dev, target: '/proc/timer_list' },
    memory('/sys/firmware'),
  ];
}

/** GNU df shows one mount per filesystem: the one with the shortest mount point. */
function oneMountPerDevice(mounts: DfMount[]): DfMount[] {
  const best = new Map<string, DfMount>();
  for (const m of mounts) {
    const seen = best.get(m.device);
    if (!seen || m.target.length < seen.target.length) best.set(m.device, m);
  }
  return mounts.filter((m) => best.get(m.device) === m);
}

/**
 * The mount holding a df operand (the innermost mount point over it), or undefined after an
 * error. busybox reports the first mount of that filesystem in the table (/etc/hosts shows as
 * /etc/resolv.conf) and takes a device node for a mounted device; GNU reports the mount itself.
 */
function operandMount(c: Cmd, operand: string, mounts: DfMount[]): DfMount | undefined {
  const abs = c.abs(operand);
  const node = c.sim.fs.stat(abs);
  // (The kernel filesystems' mount points exist though the simulation has no files under /proc and /sys.)
  const exists = node !== undefined || mounts.some((m) => m.target === abs);
  if (!exists || (node?.device && !c.gnu)) {
    c.err(c.gnu ? `df: ${operand}: No such file or directory\n` : `df: ${operand}: can't find mount point\n`);
    return undefined;
  }
  const holding = mounts.filter((m) => m.target === '/' || abs === m.target || abs.startsWith(`${m.target}/`))
    .reduce((a, b) => (b.target.length > a.target.length ? b : a));
  return c.gnu ? holding : mounts.find((m) => m.device === holding.device);
}

export const df: CommandImpl = (c) => {
  const human = c.argv.includes('-h');
  const mounts = dfMounts();
  const operands = c.argv.slice(1).filter((a) => !a.startsWith('-'));
  const pct = (u: number, a: number) => (u === 0 ? '0%' : `${Math.ceil((u * 100) / (u + a))}%`);
  const h = (k: number) => {
    if (k === 0) return '0';
    if (c.gnu) {
      const units = ['K', 'M', 'G', 'T'];
      let v = k;
      let i = 0;
      while (v >= 1024 && i < 3) {
        v /= 1024;
        i++;
      }
      return (v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1).replace(/\.0$/, '') : String(Math.ceil(v))) + units[i];
    }
    return humanSize(k * 1024, false);
  };
  const figures = (m: DfMount) => [human ? h(m.size) : String(m.size), human ? h(m.used) : String(m.used), human ? h(m.avail) : String(m.avail)];
  let status = 0;
  if (!c.gnu) {
    // busybox: the header, then each row (or an operand's error) as it comes.
    c.out(human ? 'Filesystem                Size      Used Available Use% Mounted on\n' : 'Filesystem           1K-blocks      Used Available Use% Mounted on\n');
    const print = (m: DfMount) => c.out(`${m.source.padEnd(20)} ${figures(m).map((f) => f.padStart(9)).join(' ')} ${pct(m.used, m.avail).padStart(4)} ${m.target}\n`);
    if (!operands.length) mounts.forEach(print);
    for (const operand of operands) {
      const m = operandMount(c, operand, mounts);
      if (m) print(m);
      else status = 1;
    }
    return status;
  }
  // GNU: errors while the operands are looked at, then the table (one mount per filesystem).
  let rows = oneMountPerDevice(mounts);
  if (operands.length) {
    rows = [];
    for (const operand of operands) {
      const m = operandMount(c, operand, mounts);
      if (m) rows.push(m);
      else status = 1;
    }
  }
  if (rows.length === 0) return status; // no header without a row
  const head = ['Filesystem', human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'];
  const lines = [head, ...rows.map((m) => [m.source, ...figures(m), pct(m.used, m.avail), m.target])];
  // GNU df's least field widths (its field table): 14 for the source, 5 for the numbers, 4 for Use%.
  const least = [14, 5, 5, 5, 4, 0];
  const w = head.map((_, i) => Math.max(least[i]!, ...lines.map((r) => r[i]!.length)));
  for (const r of lines) c.out(`${r[0]!.padEnd(w[0]!)} ${r[1]!.padStart(w[1]!)} ${r[2]!.padStart(w[2]!)} ${r[3]!.padStart(w[3]!)} ${r[4]!.padStart(w[4]!)} ${r[5]}\n`);
  return status;
};

export const basename: CommandImpl = (c) => {
  const [p, suffix] = c.argv.slice(1);
  if (p === undefined) {
    c.err(c.gnu ? "basename: missing operand\nTry 'basename --help' for more information.\n" : 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b7) multi-call binary.\n\nUsage: basename FILE [SUFFIX]\n');
    return 1;
  }
  let b = p.replace(/\/+$/, '');
  b = b === '' ? '/' : b.slice(b.lastIndexOf('/') + 1);
  if (suffix && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length);
  c.out(b + '\n');
  return 0;
};

export const dirname: CommandImpl = (c) => {
  const p = c.argv[1];
  if (p === undefined) {
    c.err(c.gnu ? "dirname: missing operand\nTry 'dirname --help' for more information.\n" : 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b7) multi-call binary.\n\nUsage: dirname FILENAME\n');
    return 1;
  }
  const t = p.replace(/\/+$/, '');
  const i = t.lastIndexOf('/');
  c.out((i < 0 ? '.' : i === 0 ? '/' : t.slice(0, i).replace(/\/+$/, '') || '/') + '\n');
  return 0;
};

export const stat: CommandImpl = (c) => {
  let st = 0;
  for (const op of c.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const r = lookupPath(c.sim.fs, c.abs(op), false);
    if (!r.node) {
      c.err(c.gnu ? `stat: cannot statx '${op}': ${se(r.error ?? 'ENOENT')}\n` : `stat: can't stat '${op}': ${se(r.error ?? 'ENOENT')}\n`);
      st = 1;
      continue;
    }
    const n = r.node;
    const kind = n.type === 'dir' ? 'directory' : n.type === 'symlink' ? 'symbolic link' : nodeSize(n) ? 'regular file' : 'regular empty file';
    c.out(`  File: ${op}${n.type === 'symlink' ? ` -> ${n.target}` : ''}\n  Size: ${nodeSize(n)}\t${kind}\n Access: (${(n.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(n)})  Uid: (${n.uid}/${userName(c.sim.fs, n.uid) ?? 'UNKNOWN'})   Gid: (${n.gid}/${groupName(c.sim.fs, n.gid) ?? 'UNKNOWN'})\n`);
  }
  return st;
};
