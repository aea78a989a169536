// docker export: the container's merged filesystem as a tar archive, written with -o through the
// adapter's host file access (see cp.ts). Without -o the real CLI streams the tar to stdout.
import { CliError, flagString, type CommandDef } from '../../cli/command.js';
import type { ContainerFs, FsNode } from '../../engine/fs/types.js';
import { joinPath } from '../../engine/fs/index.js';
import { containerView, hostFiles, nodeBytes } from './cp.js';

const enc = new TextEncoder();
const SKIP = new Set(['/proc', '/sys']);
/** Under /dev (a tmpfs in a running container) the archive holds only the init layer's entries. */
const DEV_ON_DISK = new Set(['console', 'pts', 'shm']);

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, n: FsNode, size: number): Uint8Array {
  const h = new Uint8Array(512);
  const put = (s: string, off: number, len: number) => h.set(enc.encode(s).slice(0, len), off);
  let prefix = '';
  let nm = name;
  if (enc.encode(nm).length > 100) {
    const i = nm.lastIndexOf('/', nm.length - 2 > 155 ? 155 : nm.length - 2);
    if (i > 0) { prefix = nm.slice(0, i); nm = nm.slice(i + 1); }
  }
  put(nm, 0, 100);
  put(octal(n.mode & 0o7777, 8), 100, 8);
  put(octal(n.uid, 8), 108, 8);
  put(octal(n.gid, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor((n.mtimeMs ?? 0) / 1000), 12), 136, 12);
  put('        ', 148, 8);
  put(n.type === 'dir' ? '5' : n.type === 'symlink' ? '2' : '0', 156, 1);
  if (n.type === 'symlink') put(n.target ?? '', 157, 100);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  put(prefix, 345, 155);
  let sum = 0;
  for (const b of h) sum += b;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}

/** A tar archive of the whole filesystem (without /proc, /sys contents, /dev's devices). */
export function exportTar(fs: ContainerFs, nowMs = 0): Uint8Array {
  const parts: Uint8Array[] = [];
  // The engine's init layer: /.dockerenv (an empty file) comes first.
  if (!fs.lstat('/.dockerenv')) parts.push(header('.dockerenv', { type: 'file', mode: 0o755, uid: 0, gid: 0, mtimeMs: nowMs }, 0));
  addTree(fs, '/', '', parts);
  return finish(parts);
}

/** The archive `docker cp CONTAINER:PATH -` streams: PATH under its base name (or its contents for "/."). */
export function pathTar(fs: ContainerFs, path: string, name: string): Uint8Array {
  const parts: Uint8Array[] = [];
  const n = fs.lstat(path);
  if (n) addEntry(fs, path, name, n, parts);
  return finish(parts);
}

function addEntry(fs: ContainerFs, path: string, rel: string, n: FsNode, parts: Uint8Array[]): void {
  const data = n.type === 'file' ? nodeBytes(n) : new Uint8Array(0);
  parts.push(header(rel + (n.type === 'dir' ? '/' : ''), n, data.length));
  if (data.length) {
    parts.push(data);
    const pad = (512 - (data.length % 512)) % 512;
    if (pad) parts.push(new Uint8Array(pad));
  }
  if (n.type === 'dir' && !SKIP.has(path) && !path.startsWith('/dev/')) addTree(fs, path, rel, parts);
}

function addTree(fs: ContainerFs, dir: string, rel: string, parts: Uint8Array[]): void {
  for (const name of (fs.readdir(dir) ?? []).slice().sort()) {
    if (dir === '/dev' && !DEV_ON_DISK.has(name)) continue;
    const path = joinPath(dir, name);
    const n = fs.lstat(path);
    if (n) addEntry(fs, path, rel ? `${rel}/${name}` : name, n, parts);
  }
}

function finish(parts: Uint8Array[]): Uint8Array {
  parts.push(new Uint8Array(1024));
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) { out.set(p, off); off += p.length; }
  return out;
}

export const exportCommand: CommandDef = {
  invocations: ['export', 'container export'],
  args: { kind: 'exact', n: 1 },
  run(ctx, [ref]) {
    const output = flagString(ctx, 'output');
    if (output === undefined || output === '') {
      if (ctx.stdoutIsTty) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect', 1);
      const c = ctx.d.getContainer(ref);
      // The archive is valid UTF-8 (ASCII headers, text contents, zero padding): it survives the text stdout.
      ctx.out(new TextDecoder().decode(exportTar(containerView(ctx.d, c), Date.parse(c.created))));
      ctx.d.event('container', 'export', c.id, { image: c.config.Image, name: c.name });
      return 0;
    }
    const c = ctx.d.getContainer(ref);
    const host = hostFiles(ctx);
    const tar = exportTar(containerView(ctx.d, c), Date.parse(c.created));
    host.writeFile(host.resolve(output), tar, 0o600);
    ctx.d.event('container', 'export', c.id, { image: c.config.Image, name: c.name });
  },
};
