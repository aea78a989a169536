// Container filesystems: copy-on-write overlay over image layers, and `docker diff`.
export type { ContainerFs, FsNode, FsNodeType, LayerData } from './types.js';
export { createContainerFs, OverlayFs, indexLayer, utf8Length } from './overlay.js';
export type { ContainerFsOptions, FsAttrs, LayerNode, LayerIndex, MountPoint } from './overlay.js';
export { diffChanges, formatChanges } from './diff.js';
export type { Change, DiffOptions } from './diff.js';
export { FsError, isFsError, STRERROR } from './errors.js';
export type { FsErrorCode } from './errors.js';
export { normalizePath, splitPath, joinPath, parentOf, baseName, isWithin } from './path.js';
