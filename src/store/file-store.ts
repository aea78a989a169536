// State in $FAKEDOCKER_HOME/state.json: an exclusive lock file around each read-modify-write, and
// atomic replacement (write a temporary file, fsync, rename), so parallel invocations never lose
// an update and a crash never leaves half a file.
// Named imports: a namespace import costs the bundled CLI a copy of the whole module at start-up.
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { EngineState } from '../engine/state.js';
import { StateDamagedError, type StateStore } from './store.js';
import { decodeStateFile, encodeStateFile, type ByteReader } from './state-file.js';

/** A lock file with no pid in it is a creator that died between creating and writing it. */
const EMPTY_LOCK_STALE_MS = 30_000;
/** The break lock is held for microseconds; one this old belongs to a breaker that died. */
const BREAK_LOCK_STALE_MS = 10_000;

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export class FileStore implements StateStore {
  readonly file: string;
  private readonly lockFile: string;
  private readonly breakFile: string;
  /** The state file the last read state came from (see readSnapshot()). */
  private openFd: number | undefined;

  constructor(readonly home: string) {
    this.file = join(home, 'state.json');
    this.lockFile = join(home, 'state.lock');
    this.breakFile = join(home, 'state.lock.break');
  }

  private acquire(): void {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      if (this.create(this.lockFile)) return;
      this.breakStaleLock();
      if (Date.now() - started > 120_000) throw new Error(`timed out waiting for the lock ${this.lockFile}`);
      sleepMs(Math.min(2 + attempt, 20));
    }
  }

  /** Creates `file` holding this process's pid; false when it exists already. */
  private create(file: string): boolean {
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(file, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return true;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') return false;
        if (code !== 'ENOENT' || attempt > 0) throw e;
        mkdirSync(this.home, { recursive: true }); // first use of this home
      }
    }
  }

  /**
   * Removes the lock if its holder has died. Judging and removing are two steps, and between them
   * the lock may be released by a live holder and taken by another process; so the lock is judged
   * again under a second lock that only breakers take. A dead holder's lock can then be removed by
   * no one but the one breaker, and the file judged is the file removed.
   */
  private breakStaleLock(): void {
    if (!this.lockIsStale()) return;
    if (!this.create(this.breakFile)) {
      if (ageMs(this.breakFile) > BREAK_LOCK_STALE_MS) unlinkQuietly(this.breakFile);
      return;
    }
    try {
      if (this.lockIsStale()) unlinkQuietly(this.lockFile);
    } finally {
      unlinkQuietly(this.breakFile);
    }
  }

  private lockIsStale(): boolean {
    let fd: number;
    try {
      fd = openSync(this.lockFile, 'r');
    } catch {
      return false; // released meanwhile
    }
    try {
      const text = readFileSync(fd, 'utf8');
      if (text === '') return Date.now() - fstatSync(fd).mtimeMs > EMPTY_LOCK_STALE_MS;
      return !this.processAlive(Number(text));
    } finally {
      closeSync(fd);
    }
  }

  /** Whether the process holding a lock still runs (a method so tests can play other processes). */
  protected processAlive(pid: number): boolean {
    if (!(pid > 0)) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  }

  private release(): void {
    unlinkQuietly(this.lockFile);
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
  /**
   * `answer` on the state as it is, without the lock; undefined when there is no state yet or
   * `answer` has none (then nothing has been changed: the caller goes on to transact).
   */
  answerWithoutLock<T>(answer: (state: EngineState) => T | undefined): T | undefined {
    const snapshot = this.readSnapshot();
    return snapshot && answer(snapshot.state);
  }

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

/** unlink (rmSync is much slower to start: it loads the recursive remover), quiet if already gone. */
function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Removed meanwhile.
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function fileStamp(st: Stats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}
