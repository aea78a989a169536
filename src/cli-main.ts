// The `fakedocker` executable: reads the environment, runs one command against the state in
// $FAKEDOCKER_HOME under its lock, prints the result, and exits with Docker's exit code.
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { execute, executeReadOnly, type ExecuteOptions, type ExecuteResult } from './cli/dispatch.js';
import { FileStore } from './store/file-store.js';
import { StateDamagedError } from './store/store.js';
import { createEnv } from './runtime.js';
import { HostFileReadError } from './engine/env.js';
import { createInitialState } from './engine/initial-state.js';
import { runInteractiveSession } from './interactive.js';
import { nodeHostFiles } from './commands/container/cp.js';
import { nodeBuildContext } from './host/node-context.js';
import { isTerminal, parseNow, parseSeed, readStdin, stateHome, writeAll } from './cli/process-io.js';

function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  const home = stateHome();
  const now = parseNow(process.env.FAKEDOCKER_NOW);
  const seed = parseSeed(process.env.FAKEDOCKER_SEED);
  const env = createEnv({ now, seed, hostEnv: process.env });
  // The whole fs module (for cp): required as it is; a namespace import would copy it at every start.
  env.host.files = nodeHostFiles(require('node:fs') as typeof import('node:fs'), process.cwd());
  env.host.buildContext = nodeBuildContext(process.cwd());
  env.host.readFile = (file: string) => {
    try {
      return readFileSync(resolvePath(file));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Go opens a directory fine; it is the read that fails.
      if (code === 'EISDIR') throw new HostFileReadError(`read ${file}: is a directory`);
      throw new Error(`open ${file}: ${code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
    }
  };
  const store = new FileStore(home);
  // Only commands that can feed a container read stdin (reading it otherwise would block on a pipe).
  const wantsStdin =
    argv.some((a) => /^-[a-zA-Z]*i[a-zA-Z]*$|^--interactive$/.test(a)) || // run/exec -i
    (argv.includes('cp') && argv.includes('-')) || // cp - CONTAINER:PATH
    (argv.includes('build') && argv.includes('-')) || // build -f -
    (argv.includes('prune') && !argv.some((a) => /^-[a-zA-Z]*f[a-zA-Z]*$|^--force$/.test(a))); // the "Are you sure?" answer
  const stdin = wantsStdin ? readStdin() : undefined;
  const options = (input?: string): ExecuteOptions => ({
    env,
    stdin: input,
    get stdinIsTty() { return isTerminal(0); },
    get stdoutIsTty() { return isTerminal(1); },
  });
  const runOnce = (args: string[], input?: string): ExecuteResult =>
    store.transact(
      (state) => {
        const initial = state ?? createInitialState(seed ?? Math.floor(Math.random() * 2 ** 32), now());
        const r = execute(initial, args, options(input));
        return { state: r.state, result: r, changed: r.state !== state };
      },
      (state) => executeReadOnly(state, args, options(input)),
    );
  let result: ExecuteResult;
  try {
    result = runOnce(argv, stdin);
  } catch (e) {
    if (e instanceof StateDamagedError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`fakedocker: ${(e as Error).message}\n`);
    process.exit(1);
  }
  writeAll(1, result.stdout);
  writeAll(2, result.stderr);
  if (result.interactive || result.attachedTo) quietOnClosedPipe();
  if (result.interactive && isTerminal(0)) {
    const session = result.interactive;
    void runInteractiveSession({ run: (args) => runOnce(args) }, session).then((code) => {
      process.exitCode = code;
    });
    return;
  }
  if (result.attachedTo) {
    // Real docker stays attached until the container stops or the user interrupts.
    setInterval(() => {}, 1 << 30);
    process.on('SIGINT', () => process.exit(130));
    return;
  }
  // Everything is written (synchronously): exiting now spares Node's end-of-script event loop
  // pass, ~2 ms of every command.
  process.exit(result.exitCode);
}

main();
