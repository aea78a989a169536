// State in $FAKEDOCKER_HOME/state.json: an exclusive lock file around each read-modify-write, and
// atomic replacement (write a temporary file, fsync, rename), so parallel invocations never lose
// an update and a crash never leaves half a file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EngineState } from '../engine/state.js';
import { decodeState, type StateStore } from './store.js';

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

  constructor(readonly home: string) {
    this.file = path.join(home, 'state.json');
    this.lockFile = path.join(home, 'state.lock');
  }

  private acquire(): void {
    fs.mkdirSync(this.home, { recursive: true });
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = fs.openSync(this.lockFile, 'wx');
        fs.writeSync(fd, String(process.pid));
        fs.closeSync(fd);
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      this.breakStaleLock();
      if (Date.now() - started > 120_000) throw new Error(`timed out waiting for the lock ${this.lockFile}`);
      sleepMs(Math.min(2 + attempt, 20));
    }
  }

  private breakStaleLock(): void {
    try {
      const pid = Number(fs.readFileSync(this.lockFile, 'utf8'));
      const age = Date.now() - fs.statSync(this.lockFile).mtimeMs;
      if ((pid > 0 && !processAlive(pid)) || age > STALE_LOCK_MS) fs.rmSync(this.lockFile, { force: true });
    } catch {
      // The holder released it meanwhile.
    }
  }

  private release(): void {
    fs.rmSync(this.lockFile, { force: true });
  }

  read(): EngineState | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    return decodeState(text, this.file);
  }

  private write(state: EngineState): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, JSON.stringify(state));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.file);
  }

  transact<T>(update: (state: EngineState | undefined) => { state: EngineState; result: T; changed: boolean }): T {
    this.acquire();
    try {
      const current = this.read();
      const r = update(current);
      if (r.changed || current === undefined) this.write(r.state);
      return r.result;
    } finally {
      this.release();
    }
  }
}
