// What the engine needs from the outside world, injected so the core stays pure and isomorphic.
import type { CatalogImage } from '../catalog/types.js';
import type { LayerData } from './fs/types.js';
import type { HostFiles } from './host-files.js';
import type { BuildContextReader } from './build/context.js';
import type { ProcessOutcome, ProcessRequest } from './userland/types.js';

export interface ImageSource {
  /** A catalogue image for repository (familiar path, e.g. 'library/nginx' or 'nginx') and tag. */
  find(familiarName: string, tag: string): CatalogImage | undefined;
  findByDigest?(familiarName: string, digest: string): CatalogImage | undefined;
  hasRepository?(familiarName: string): boolean;
  /** Layer contents by tree name. */
  layerTree(name: string): LayerData;
}

export interface ProcessRunner {
  start(req: ProcessRequest): ProcessOutcome;
}

/** A client-side file that opened but could not be read (the CLI names the file around it). */
export class HostFileReadError extends Error {}

export interface HostAccess {
  /** Host environment, for `-e NAME` pass-through. */
  env: Record<string, string | undefined>;
  /**
   * Reads a client-side file (--env-file, --label-file), relative to the client's cwd; bytes let
   * the reader check UTF-8 as the CLI does. Throws Error(message) with Go's text: a failure to
   * open (e.g. "open f: no such file or directory"), or HostFileReadError when the file opened
   * but could not be read ("read f: is a directory").
   */
  readFile?(path: string): string | Uint8Array;
  /** The client's filesystem for `docker cp` and `export -o` (see HostFiles in commands/container/cp.ts). */
  files?: HostFiles;
  /** The client's build context for `docker build` (Node: src/host/node-context.ts). */
  buildContext?: BuildContextReader;
}

export interface EngineEnv {
  /** Wall clock, ms since epoch. */
  now(): number;
  /** Seeded or crypto-backed randomness; see rng.ts. Supplied per invocation. */
  seed?: number;
  images: ImageSource;
  processes: ProcessRunner;
  host: HostAccess;
}
