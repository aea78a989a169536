// docker build: Dockerfile parsing, the build itself, and the host's build-context interface.
export { runBuild, pruneBuildCache } from './builder.js';
export type { BuildOptions, BuildResult } from './builder.js';
export { buildContextOf } from './context.js';
export type { BuildContextEntry, BuildContextReader } from './context.js';
export { parseDockerfile, DockerfileError } from './dockerfile.js';
export { sha256Hex } from './sha256.js';
