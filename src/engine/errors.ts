// Errors the simulated daemon returns; the CLI layer decides how to print them
// ("Error response from daemon: …", "docker: …", exit codes).

export class DaemonError extends Error {
  constructor(message: string, readonly status: 'not-found' | 'conflict' | 'invalid' | 'not-modified' | 'server' = 'server') {
    super(message);
  }
}

export function noSuchContainer(ref: string): DaemonError {
  return new DaemonError(`No such container: ${ref}`, 'not-found');
}

export function noSuchImage(ref: string): DaemonError {
  return new DaemonError(`No such image: ${ref}`, 'not-found');
}
