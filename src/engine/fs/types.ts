// Contract for container filesystems: image layers (read-only, from the catalogue) under a
// copy-on-write upper layer that belongs to the container and is persisted with it.

export type FsNodeType = 'file' | 'dir' | 'symlink';

export interface FsNode {
  type: FsNodeType;
  /** Permission bits, e.g. 0o755. */
  mode: number;
  uid: number;
  gid: number;
  /** File content (text). Large binaries are not stored: `size` alone describes them. */
  content?: string;
  size?: number;
  /** Symlink target. */
  target?: string;
  /** Modification time, ms since epoch. */
  mtimeMs?: number;
  /** Set by stat on a directory of a tmpfs: `size` is what tmpfs reports, and it uses no blocks. */
  onTmpfs?: boolean;
  /** A mount point of a kernel filesystem (/proc, /sys): reported with its `size`, using no blocks. */
  pseudo?: boolean;
  /** Set by stat: a directory merged from several layers, for which overlayfs reports one link. */
  merged?: boolean;
  /** A character device (/dev/null…): its major and minor numbers. Reads as an empty file. */
  device?: [number, number];
}

/** A layer: absolute path → node, or null for a whiteout (deleted in this layer). JSON-serialisable. */
export type LayerData = Record<string, FsNode | null>;

/** Read/write view of one container's filesystem. Writes go to the upper layer only. */
export interface ContainerFs {
  stat(path: string): FsNode | undefined;
  lstat(path: string): FsNode | undefined;
  readFile(path: string): string | undefined;
  readdir(path: string): string[] | undefined;
  writeFile(path: string, content: string, opts?: { mode?: number; uid?: number; gid?: number; append?: boolean }): void;
  mkdir(path: string, opts?: { mode?: number; recursive?: boolean }): void;
  remove(path: string, opts?: { recursive?: boolean }): void;
  symlink(target: string, path: string): void;
  rename(from: string, to: string): void;
  /** The upper layer as it stands now (to persist with the container). */
  upper(): LayerData;
}
