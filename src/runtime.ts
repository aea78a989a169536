// Wires the pure engine to its default collaborators: the built-in catalogue as the registry and
// the simulated userland as the container runtime. Isomorphic: the CLI and the browser share it.
import type { EngineEnv, ProcessRunner } from './engine/env.js';
import { catalogTags, findCatalogImage, findCatalogImageByDigest, getLayerTree } from './catalog/index.js';
import { startProcess } from './engine/userland/index.js';

export const defaultProcessRunner: ProcessRunner = { start: startProcess };

export function createEnv(opts: { now: () => number; seed?: number; hostEnv?: Record<string, string | undefined>; processes?: ProcessRunner }): EngineEnv {
  return {
    now: opts.now,
    seed: opts.seed,
    images: {
      find: (repo, tag) => findCatalogImage(repo, tag),
      findByDigest: (repo, digest) => findCatalogImageByDigest(repo, digest),
      hasRepository: (repo) => catalogTags(repo).length > 0,
      layerTree: (name) => getLayerTree(name),
    },
    processes: opts.processes ?? defaultProcessRunner,
    host: { env: opts.hostEnv ?? {} },
  };
}
