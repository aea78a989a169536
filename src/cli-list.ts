// The CLI's listing entry: `fakedocker ps` (and its `container ls` forms) without loading every
// other command, so that it starts about as fast as Node itself. bin/fakedocker runs this bundle
// first for those command lines. It answers only what it can answer exactly as cli-main.ts would:
// a read-only command, on an existing state, with no container due to change. Otherwise it prints
// nothing and returns false, and the loader runs cli-main.ts.
import type { EngineEnv } from './engine/env.js';
import { executeReadOnlyWith, NotAnsweredHere, type ExecuteResult } from './cli/command-line.js';
import { LISTING_COMMANDS } from './commands/listing.js';
import { FileStore } from './store/file-store.js';
import { isTerminal, parseNow, parseSeed, stateHome, writeAll } from './cli/process-io.js';

/** What only other commands use: reaching for it means the command line is not one of ours. */
const elsewhere = new Proxy({}, { get: () => { throw new NotAnsweredHere(); } });

export function answerListing(): boolean {
  const argv = process.argv.slice(2);
  const now = parseNow(process.env.FAKEDOCKER_NOW);
  const env = { now, seed: parseSeed(process.env.FAKEDOCKER_SEED), images: elsewhere, processes: elsewhere, host: { env: process.env } } as EngineEnv;
  let result: ExecuteResult | undefined;
  try {
    result = new FileStore(stateHome()).answerWithoutLock((state) => executeReadOnlyWith(LISTING_COMMANDS, state, argv, {
      env,
      get stdinIsTty() { return isTerminal(0); },
      get stdoutIsTty() { return isTerminal(1); },
    }));
  } catch {
    // A damaged state file, or anything unexpected: cli-main.ts reports it in its own words.
    return false;
  }
  if (result === undefined) return false;
  writeAll(1, result.stdout);
  writeAll(2, result.stderr);
  process.exit(result.exitCode);
}
