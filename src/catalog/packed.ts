// The packed text format of the layer file trees recorded from the real engine, and its decoder.
// Isomorphic: no node: imports.
//
// Packed grammar (one entry per line, sorted by path; each path is front-coded against the
// previous line's path):
//
//   line   := kind prefix TAB suffix [ TAB attrs ]
//   kind   := 'd' (directory) | 'f' (regular file; hard links are stored as files)
//           | 'l' (symlink) | 'w' (whiteout: the path is deleted in this layer → null)
//   prefix := decimal: how many leading characters of the previous path this path shares
//   attrs  := attr ( ' ' attr )*      ('>' must come last: the rest of the line is the target)
//   attr   := 'm' octal mode   (default: d 755, f = the tree's fileMode, l 777)
//           | 'u' uid | 'g' gid       (default 0)
//           | 's' size in bytes       (files; default 0)
//           | 't' mtime, seconds since the epoch in base 36 (default: the tree's mtime)
//           | 'c'                     (the file's text is in `contents[path]`)
//           | '>' symlink target

import type { FsNode, LayerData } from '../engine/fs/types.js';

export interface PackedTree {
  /** Default modification time of the entries, seconds since the epoch. */
  mtime: number;
  /** Default permission bits of regular files. */
  fileMode?: number;
  /** The packed entry lines (grammar above). */
  entries: string;
  /** Text content of the files marked `c`, by absolute path. */
  contents: Record<string, string>;
}

/** Decodes one packed tree into path → node (whiteouts → null). */
export function decodePackedTree(packed: PackedTree): LayerData {
  const out: LayerData = {};
  const fileMode = packed.fileMode ?? 0o644;
  let prev = '';
  if (packed.entries === '') return out;
  for (const line of packed.entries.split('\n')) {
    const t1 = line.indexOf('\t');
    const t2 = line.indexOf('\t', t1 + 1);
    const kind = line[0];
    const prefix = Number(line.slice(1, t1));
    const suffix = t2 < 0 ? line.slice(t1 + 1) : line.slice(t1 + 1, t2);
    const path = prev.slice(0, prefix) + suffix;
    prev = path;
    if (kind === 'w') {
      out[path] = null;
      continue;
    }
    const type = kind === 'd' ? 'dir' : kind === 'l' ? 'symlink' : 'file';
    const node: FsNode = {
      type,
      mode: type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : fileMode,
      uid: 0,
      gid: 0,
    };
    let mtime = packed.mtime;
    if (t2 >= 0) {
      const attrs = line.slice(t2 + 1);
      let i = 0;
      while (i < attrs.length) {
        const c = attrs[i];
        if (c === '>') {
          node.target = attrs.slice(i + 1);
          break;
        }
        let j = attrs.indexOf(' ', i);
        if (j < 0) j = attrs.length;
        const v = attrs.slice(i + 1, j);
        switch (c) {
          case 'm': node.mode = parseInt(v, 8); break;
          case 'u': node.uid = Number(v); break;
          case 'g': node.gid = Number(v); break;
          case 's': node.size = Number(v); break;
          case 't': mtime = parseInt(v, 36); break;
          case 'c': node.content = packed.contents[path] ?? ''; break;
          default: throw new Error(`packed tree: bad attribute ${JSON.stringify(c)} in line ${JSON.stringify(line)}`);
        }
        i = j + 1;
      }
    }
    if (type === 'file' && node.size === undefined) node.size = node.content !== undefined ? utf8Length(node.content) : 0;
    node.mtimeMs = mtime * 1000;
    out[path] = node;
  }
  return out;
}

/** Byte length of a string in UTF-8 (no TextEncoder needed). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

