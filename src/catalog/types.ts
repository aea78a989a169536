// The shape of the built-in image catalogue: what a registry would serve for each image.
// Pure data; no node: imports (the catalogue is bundled into the browser too).

/** Docker's image config (the `Config` object of `docker image inspect`). Keys as Docker spells them. */
export interface ImageConfig {
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  Env?: string[];
  ExposedPorts?: Record<string, Record<string, never>>;
  Labels?: Record<string, string> | null;
  OnBuild?: string[] | null;
  StopSignal?: string;
  User?: string;
  Volumes?: Record<string, Record<string, never>> | null;
  WorkingDir?: string;
  Healthcheck?: { Test: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; Retries?: number };
  Shell?: string[];
  ArgsEscaped?: boolean;
}

/** One filesystem layer as the registry and `docker pull` see it. */
export interface CatalogLayer {
  /** sha256:… of the compressed blob; its first 12 hex characters label the pull progress lines. */
  digest: string;
  /** sha256:… of the uncompressed tar (RootFS.Layers in inspect). */
  diffId: string;
  /** Uncompressed size in bytes (what `docker history` shows for the layer). */
  size: number;
  /** Name of the file-tree layer (see fs/types.ts) holding this layer's content, if modelled. */
  tree?: string;
  /** Size in bytes of the compressed blob as the registry serves it (manifest `size`). */
  compressedSize?: number;
}

/** One `docker history` row, oldest first as in the image config. */
export interface CatalogHistoryEntry {
  created: string;
  createdBy: string;
  comment?: string;
  emptyLayer?: boolean;
}

export interface CatalogImage {
  /** Familiar repository name: 'nginx', 'busybox'. */
  repository: string;
  /** Tags this image answers to, first one is the canonical ('latest'). */
  tags: string[];
  /** sha256:<64 hex>, the image ID. */
  id: string;
  /** sha256:<64 hex>, the manifest digest shown in RepoDigests and by pull. */
  digest: string;
  /** RFC 3339 (nanoseconds) creation time. */
  created: string;
  architecture: string;
  os: string;
  variant?: string;
  /** Total uncompressed size in bytes (images SIZE column). */
  size: number;
  config: ImageConfig;
  layers: CatalogLayer[];
  history: CatalogHistoryEntry[];
  dockerVersion?: string;
  author?: string;
  comment?: string;
  /** Which image this one is built FROM in the catalogue (for shared layers and `ancestor`). */
  parentImage?: string;
  /**
   * Where the data comes from: 'engine' = recorded from the real engine of the reference machine
   * (exact); 'hub' = modelled on the official Docker Hub image (made-up IDs and digests).
   */
  source?: 'engine' | 'hub';
  /** Size in bytes of the image config blob (manifest `config.size`). */
  configSize?: number;
}
