// The build context as the client sees it: injected by the host (the CLI reads the local disk,
// a browser host can serve an in-memory tree). The engine never touches the host directly.

export interface BuildContextEntry {
  /** Path relative to the context root, '/'-separated, no leading './' ('src/app.js'). */
  path: string;
  type: 'file' | 'dir' | 'symlink';
  /** Permission bits (0o644). */
  mode: number;
  /** File content (UTF-8 text). */
  content?: string;
  /** Size in bytes. */
  size: number;
  /** Symlink target. */
  target?: string;
}

export interface BuildContextReader {
  /** What a client path (relative to the client's cwd, or absolute) is: 'dir', 'file' or undefined (absent). */
  stat(path: string): 'dir' | 'file' | undefined;
  /** A client file's text, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /** Every entry below the directory `dir`, recursively (directories included), in lexical order. */
  list(dir: string): BuildContextEntry[];
}

/** `env.host.buildContext`, where the host provides it. */
export function buildContextOf(host: { buildContext?: BuildContextReader }): BuildContextReader | undefined {
  return host.buildContext;
}
