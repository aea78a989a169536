// State in $FAKEDOCKER_HOME/state.json: an exclusive lock file around each read-modify-write, and
// atomic replacement (write a temporary file, fsync, rename), so parallel invocations never lose
// an update and a crash never leaves half a file.
// Named imports: a namespace import costs the bundled CLI a copy of the whole module at start-up.
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { EngineState } from '../engine/state.js';
import { StateDamagedError, type StateStore } from './store.js';
import { decodeStateFile, encodeStateFile, type ByteReader } from './state-file.js';

const STALE_LOCK_MS = 30_000;

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class FileStore implements StateStore {
  readonly file: string;
  private readonly lockFile: string;
  /** The state file the last read state came from (see readSnapshot()). */
  private openFd: number | undefined;

  constructor(readonly home: string) {
    this.file = join(home, 'state.json');
    this.lockFile = join(home, 'state.lock');
  }

  private acquire(): void {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(this.lockFile, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' && attempt === 0) { // first use of this home
          mkdirSync(this.home, { recursive: true });
          continue;
        }
        if (code !== 'EEXIST') throw e;
      }
      this.breakStaleLock();
      if (Date.now() - started > 120_000) throw new Error(`timed out waiting for the lock ${this.lockFile}`);
      sleepMs(Math.min(2 + attempt, 20));
    }
  }

  private breakStaleLock(): void {
    try {
      const pid = Number(readFileSync(this.lockFile, 'utf8'));
      const age = Date.now() - statSync(this.lockFile).mtimeMs;
      if ((pid > 0 && !processAlive(pid)) || age > STALE_LOCK_MS) rmSync(this.lockFile, { force: true });
    } catch {
      // The holder released it meanwhile.
    }
  }

  private release(): void {
    try {
      unlinkSync(this.lockFile); // (rmSync is much slower to start: it loads the recursive remover)
    } catch {
      // Already broken as stale by another process.
    }
  }

  read(): EngineState | undefined {
    return this.readSnapshot()?.state;
  }

  /**
   * The state with the identity of the file it came from (see unchanged()). The file stays open
   * until the next read: its records are read from it when something needs them (a listing reads
   * the first line only). Writes replace the file by rename, so these bytes never change.
   */
  private readSnapshot(): Snapshot | undefined {
    this.closeOpenFile();
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    try {
      // fstat and read through one descriptor, so the identity belongs to exactly these bytes.
      const st = fstatSync(fd);
      this.openFd = fd;
      return { state: decodeStateFile(fileReader(fd, st.size, this.file), this.file), stamp: fileStamp(st) };
    } catch (e) {
      this.closeOpenFile();
      throw e;
    }
  }

  private closeOpenFile(): void {
    if (this.openFd === undefined) return;
    closeSync(this.openFd);
    this.openFd = undefined;
  }

  /** True while state.json is still the file a snapshot was read from (writes replace it by rename). */
  private unchanged(snapshot: Snapshot): boolean {
    try {
      return fileStamp(statSync(this.file)) === snapshot.stamp;
    } catch {
      return false;
    }
  }

  private write(state: EngineState): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, encodeStateFile(state));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }

  /**
   * `tryWithoutLock` may answer from the current state without the lock (a read-only command: it
   * returns undefined when it would change something); then the update runs under the lock, on
   * the state already read if no one replaced the file meanwhile.
   */
  transact<T>(
    update: (state: EngineState | undefined) => { state: EngineState; result: T; changed: boolean },
    tryWithoutLock?: (state: EngineState) => T | undefined,
  ): T {
    let early: Snapshot | undefined;
    if (tryWithoutLock) {
      early = this.readSnapshot();
      if (early) {
        const answer = tryWithoutLock(early.state);
        if (answer !== undefined) return answer;
      }
    }
    this.acquire();
    try {
      const current = early && this.unchanged(early) ? early.state : this.read();
      const r = update(current);
      if (r.changed || current === undefined) this.write(r.state);
      return r.result;
    } finally {
      this.release();
    }
  }
}

interface Snapshot {
  state: EngineState;
  stamp: string;
}

/** Reads of an open file at given offsets. */
function fileReader(fd: number, size: number, location: string): ByteReader {
  return {
    size,
    read(start, end) {
      const buf = new Uint8Array(end - start);
      for (let at = 0; at < buf.length;) {
        const n = readSync(fd, buf, at, buf.length - at, start + at);
        if (n === 0) throw new StateDamagedError(location, 'it was cut short while being read');
        at += n;
      }
      return buf;
    },
  };
}

function fileStamp(st: Stats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}
