// Errors thrown by container filesystems, carrying errno-like codes so that the userland can
// print each tool's own text for them.

export type FsErrorCode =
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'EACCES'
  | 'ELOOP'
  | 'EINVAL'
  | 'EBUSY'
  | 'EPERM'
  | 'EROFS';

/** strerror() texts of glibc/musl for the codes above (identical for these). */
export const STRERROR: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  ELOOP: 'Too many levels of symbolic links',
  EINVAL: 'Invalid argument',
  EBUSY: 'Device or resource busy',
  EPERM: 'Operation not permitted',
  EROFS: 'Read-only file system',
};

export class FsError extends Error {
  readonly code: FsErrorCode;
  readonly path: string;
  readonly syscall: string;
  constructor(code: FsErrorCode, syscall: string, path: string) {
    super(`${code}: ${STRERROR[code]}, ${syscall} '${path}'`);
    this.name = 'FsError';
    this.code = code;
    this.syscall = syscall;
    this.path = path;
  }
}

export function isFsError(e: unknown): e is FsError {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && (e as Error).name === 'FsError';
}
