// What both CLI entries (cli-main.ts, cli-list.ts) read from the process and how they write back.
import { homedir } from 'node:os';
import { readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The state folder: $FAKEDOCKER_HOME, else ~/.fakedocker. */
export function stateHome(): string {
  return process.env.FAKEDOCKER_HOME || join(homedir(), '.fakedocker');
}

export function parseNow(raw: string | undefined): (() => number) {
  if (!raw) return () => Date.now();
  const t = Date.parse(raw);
  if (Number.isNaN(t)) {
    process.stderr.write(`fakedocker: FAKEDOCKER_NOW is not an RFC 3339 time: ${raw}\n`);
    process.exit(1);
  }
  return () => t;
}

export function parseSeed(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) {
    process.stderr.write(`fakedocker: FAKEDOCKER_SEED must be an integer: ${raw}\n`);
    process.exit(1);
  }
  return Number(raw) >>> 0;
}

// node:tty (and process.stdin/stdout, which load it) costs milliseconds at start-up: asked lazily.
export const isTerminal = (fd: number): boolean => (require('node:tty') as typeof import('node:tty')).isatty(fd);

export function readStdin(): string | undefined {
  if (isTerminal(0)) return undefined;
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes all of `text` to fd 1 or 2 synchronously; a closed pipe ends the process quietly. */
export function writeAll(fd: number, text: string): void {
  let buf = Buffer.from(text, 'utf8');
  let spins = 0;
  while (buf.length > 0) {
    try {
      buf = buf.subarray(writeSync(fd, buf));
      spins = 0;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (code !== 'EAGAIN' || ++spins > 10_000) return; // as docker's printers, ignore a failed write (a full disk…)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1); // a full non-blocking pipe
    }
  }
}
