// The client machine's files, as `docker cp`, `export -o` and friends reach them. Injected by the
// adapter (Node: nodeHostFiles in commands/container/cp.ts), absent in the browser.

export interface HostFileStat {
  type: 'file' | 'dir' | 'symlink';
  /** Permission bits (0o644). */
  mode: number;
  size: number;
  mtimeMs: number;
}

/** The client machine's filesystem, as `docker cp` and `docker export -o` need it. */
export interface HostFiles {
  /** Absolute form of a path given on the command line (relative to the client's cwd). */
  resolve(path: string): string;
  /** lstat; undefined when the path does not exist. */
  lstat(path: string): HostFileStat | undefined;
  readFile(path: string): Uint8Array;
  readlink(path: string): string;
  readdir(path: string): string[];
  /** Creates one directory (the parent exists). */
  mkdir(path: string, mode: number): void;
  /** Creates or truncates a file. */
  writeFile(path: string, data: Uint8Array, mode: number): void;
  symlink(target: string, path: string): void;
  /** Removes a file (run --cidfile takes back the file it created when the create fails). */
  remove(path: string): void;
}
