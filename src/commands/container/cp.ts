// docker cp: between a container's filesystem and the client's (host) filesystem. The host side
// is not part of the isomorphic engine: the adapter supplies it as `env.host.files` (HostFiles).
import { CliError, flagBool, type CommandContext, type CommandDef } from '../../cli/command.js';
import type { ContainerFs, FsNode } from '../../engine/fs/types.js';
import { commitFs, imageLowers, openFs } from '../../engine/containers/runtime.js';
import { copyInRefusal } from '../../engine/volumes/mounts.js';
import { createContainerFs } from '../../engine/fs/index.js';
import type { LayerData } from '../../engine/fs/types.js';
import type { Daemon } from '../../engine/daemon.js';
import type { ContainerRecord } from '../../engine/state.js';
import { baseName, joinPath, normalizePath, parentOf } from '../../engine/fs/index.js';
import { DaemonError } from '../../engine/errors.js';
import { humanSizeWithPrecision } from '../../format/units.js';
import { pathTar } from './export.js';

export type { HostFiles, HostFileStat } from '../../engine/host-files.js';
import type { HostFiles, HostFileStat } from '../../engine/host-files.js';

/** The container's own filesystem (image layers, Docker's init files, its layer; no volumes), as export sees it. */
export function containerView(d: Daemon, c: ContainerRecord) {
  return createContainerFs(imageLowers(d, c, 'disk'), JSON.parse(JSON.stringify(c.upper)) as LayerData);
}

/** The host file access the adapter injected, or a clear error. */
export function hostFiles(ctx: CommandContext): HostFiles {
  const files = (ctx.d.env.host as { files?: HostFiles }).files;
  if (!files) throw new CliError('fakedocker: this environment has no access to the local filesystem', 1);
  return files;
}

/** Bytes of the tar stream Docker sends for these entries (what the progress line counts). */
export function tarSize(fileSizes: number[]): number {
  return fileSizes.reduce((n, s) => n + 512 + Math.ceil(s / 512) * 512, 0) + 1024;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export function nodeBytes(n: FsNode): Uint8Array {
  if (n.content !== undefined) return enc.encode(n.content);
  return new Uint8Array(n.size ?? 0);
}

function splitArg(arg: string): { container?: string; path: string } {
  // A colon before any slash separates CONTAINER:PATH (a path with a slash first is local).
  if (arg.startsWith('/') || arg.startsWith('.') || arg === '-') return { path: arg };
  const i = arg.indexOf(':');
  if (i <= 0) return { path: arg };
  return { container: arg.slice(0, i), path: arg.slice(i + 1) };
}

export const cpCommand: CommandDef = {
  invocations: ['cp', 'container cp'],
  args: { kind: 'any' },
  run(ctx, args) {
    if (args.length !== 2) {
      // Checked here: the usage block has both forms.
      throw new CliError(`docker: 'docker ${ctx.path}' requires 2 arguments\n\nUsage:  docker ${ctx.path} [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker ${ctx.path} [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH\n\nRun 'docker ${ctx.path} --help' for more information`, 1);
    }
    const [srcArg, dstArg] = args;
    const src = splitArg(srcArg);
    const dst = splitArg(dstArg);
    if (src.container === undefined && dst.container === undefined) throw new CliError('must specify at least one container source', 1);
    if (src.container !== undefined && dst.container !== undefined) throw new CliError('copying between containers is not supported', 1);
    if ((src.container !== undefined && src.path === '') || (dst.container !== undefined && dst.path === '')) {
      throw new CliError('filepath cannot be empty', 1);
    }
    const quiet = flagBool(ctx, 'quiet') || !ctx.stdoutIsTty;
    const d = ctx.d;
    if (src.container !== undefined) {
      const c = d.getContainer(src.container);
      const fs = openFs(d, c); // docker cp sees volume contents at their mount points
      const cpath = normalizePath(src.path, '/');
      const node = fs.lstat(cpath);
      if (!node) throw new DaemonError(`Could not find the file ${src.path} in container ${src.container}`, 'not-found');
      if (dst.path === '-') {
        ctx.out(new TextDecoder().decode(pathTar(fs, cpath, cpath === '/' || /\/\.$/.test(src.path) ? '.' : baseName(cpath))));
        return 0;
      }
      const host = hostFiles(ctx);
      const sizes = copyOut(ctx, fs, cpath, node, host, dst.path, src.path.endsWith('/.'));
      if (!quiet) ctx.err(`Successfully copied ${humanSizeWithPrecision(tarSize(sizes), 3)} to ${host.resolve(dst.path)}\n`);
      return 0;
    }
    const c = d.getContainer(dst.container!);
    if (src.path === '-') throw new CliError('fakedocker: docker cp from stdin (-) is not supported by this emulator', 1);
    const host = hostFiles(ctx);
    const hpath = host.resolve(src.path);
    const hstat = host.lstat(hpath);
    if (!hstat) throw new CliError(`lstat ${hpath}: no such file or directory`, 1);
    const fs = openFs(d, c);
    const cpath = normalizePath(dst.path, '/');
    if (!fs.stat(cpath) && !fs.stat(parentOf(cpath))) {
      throw new DaemonError(`Could not find the file ${parentOf(cpath)} in container ${dst.container}`, 'not-found');
    }
    const refusal = copyInRefusal(c, cpath);
    if (refusal) throw new DaemonError(refusal, 'invalid');
    const sizes = copyIn(fs, host, hpath, hstat, cpath, dst.path.endsWith('/'), src.path.endsWith('/.'));
    commitFs(d, c, fs);
    if (!quiet) ctx.err(`Successfully copied ${humanSizeWithPrecision(tarSize(sizes), 3)} to ${dstArg}\n`);
    return 0;
  },
};

function copyOut(ctx: CommandContext, fs: ContainerFs, cpath: string, node: FsNode, host: HostFiles, dest: string, contentsOnly: boolean): number[] {
  const sizes: number[] = [];
  let target = host.resolve(dest);
  const existing = host.lstat(target);
  if (node.type === 'dir') {
    if (existing && existing.type !== 'dir') throw new CliError(`cannot copy directory`, 1);
    if (existing && !contentsOnly) target = joinPath(target, baseName(cpath));
  } else {
    if (!existing && dest.endsWith('/')) throw new CliError('no such directory', 1);
    if (existing?.type === 'dir') target = joinPath(target, baseName(cpath));
  }
  const parent = parentOf(target);
  if (!host.lstat(parent)) throw new CliError(`invalid output path: directory ${JSON.stringify(parent)} does not exist`, 1);
  const walk = (from: string, n: FsNode, to: string): void => {
    if (n.type === 'dir') {
      sizes.push(0);
      const have = host.lstat(to);
      if (!have) host.mkdir(to, n.mode & 0o7777);
      for (const name of fs.readdir(from) ?? []) {
        const child = joinPath(from, name);
        const cn = fs.lstat(child);
        if (cn) walk(child, cn, joinPath(to, name));
      }
    } else if (n.type === 'symlink') {
      sizes.push(0);
      host.symlink(n.target ?? '', to);
    } else {
      const bytes = nodeBytes(n);
      sizes.push(bytes.length);
      host.writeFile(to, bytes, n.mode & 0o7777);
    }
  };
  void ctx;
  walk(cpath, node, target);
  return sizes;
}

function copyIn(fs: ContainerFs, host: HostFiles, hpath: string, hstat: HostFileStat, cpath: string, destIsDir: boolean, contentsOnly: boolean): number[] {
  const sizes: number[] = [];
  let target = cpath;
  const existing = fs.stat(cpath);
  if (existing?.type === 'dir') {
    if (!(hstat.type === 'dir' && contentsOnly)) target = joinPath(cpath, baseName(hpath));
  } else if (!existing) {
    if (destIsDir || !fs.stat(parentOf(cpath))) throw new CliError('no such directory', 1);
  } else if (hstat.type === 'dir') {
    throw new CliError('cannot copy directory', 1);
  }
  const walk = (from: string, st: HostFileStat, to: string): void => {
    if (st.type === 'dir') {
      sizes.push(0);
      if (!fs.stat(to)) fs.mkdir(to, { mode: st.mode & 0o7777 });
      for (const name of host.readdir(from)) {
        const child = joinPath(from, name);
        const cs = host.lstat(child);
        if (cs) walk(child, cs, joinPath(to, name));
      }
    } else if (st.type === 'symlink') {
      sizes.push(0);
      if (fs.lstat(to)) fs.remove(to);
      fs.symlink(host.readlink(from), to);
    } else {
      const bytes = host.readFile(from);
      sizes.push(bytes.length);
      fs.writeFile(to, dec.decode(bytes), { mode: st.mode & 0o7777 });
    }
  };
  walk(hpath, hstat, target);
  return sizes;
}

/** The parts of Node's `fs` module that `nodeHostFiles` uses (passed in: this file stays isomorphic). */
export interface NodeFsLike {
  lstatSync(p: string, o: { throwIfNoEntry: false }): { isDirectory(): boolean; isSymbolicLink(): boolean; mode: number; size: number; mtimeMs: number } | undefined;
  readFileSync(p: string): Uint8Array;
  readlinkSync(p: string): string;
  readdirSync(p: string): string[];
  mkdirSync(p: string, o: { mode: number }): unknown;
  writeFileSync(p: string, data: Uint8Array, o: { mode: number }): void;
  chmodSync(p: string, mode: number): void;
  symlinkSync(target: string, p: string): void;
  unlinkSync(p: string): void;
}

/**
 * HostFiles over Node's fs, for the CLI adapter:
 *   `env.host.files = nodeHostFiles(fs, process.cwd())` (with `import * as fs from 'node:fs'`).
 */
export function nodeHostFiles(fs: NodeFsLike, cwd: string): HostFiles {
  return {
    resolve: (p) => normalizePath(p, cwd),
    lstat(p) {
      const st = fs.lstatSync(p, { throwIfNoEntry: false });
      if (!st) return undefined;
      return { type: st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : 'file', mode: st.mode & 0o7777, size: st.size, mtimeMs: st.mtimeMs };
    },
    readFile: (p) => fs.readFileSync(p),
    readlink: (p) => fs.readlinkSync(p),
    readdir: (p) => fs.readdirSync(p).slice().sort(),
    mkdir: (p, mode) => { fs.mkdirSync(p, { mode }); },
    writeFile: (p, data, mode) => { fs.writeFileSync(p, data, { mode }); fs.chmodSync(p, mode); },
    symlink: (target, p) => fs.symlinkSync(target, p),
    remove: (p) => fs.unlinkSync(p),
  };
}
