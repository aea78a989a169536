// argv → command → {state, stdout, stderr, exitCode}, for a given table of commands. Pure: the
// state is transformed with immer and every outside dependency comes in through EngineEnv.
// dispatch.ts binds it to every command (the CLI and the library); the CLI's listing entry
// (cli-list.ts) binds it to a few read-only ones, so that `ps` starts without loading the rest.
import { produce, setAutoFreeze } from 'immer';
import type { EngineState } from '../engine/state.js';
import type { EngineEnv } from '../engine/env.js';
import { Daemon } from '../engine/daemon.js';
import { DaemonError } from '../engine/errors.js';
import { seedState } from '../engine/rng.js';
import { anythingDue } from '../engine/containers/view.js';
import { CliError, UsageError, type ArgRule, type CommandContext, type CommandDef, type InteractiveSession } from './command.js';
import { FlagError, HelpRequested, parseFlags } from './flags.js';
import { flagSpecs, hasHelp, helpText, usageLine } from './help.js';
import { CLIENT_VERSION_LINE } from '../commands/system/version.js';
import { checkContext, checkLogLevel } from './client-options.js';
import { StateDamagedError } from '../store/store.js';

setAutoFreeze(false);

/** The commands a command line can run, found by the path the user typed ('ps', 'container ls'). */
export interface CommandTable {
  find(path: string): { def: CommandDef; helpPath: string } | undefined;
  /** Management commands whose first argument is a subcommand. */
  groups: ReadonlySet<string>;
  /**
   * False for a table of some commands only: a command line it cannot answer exactly as the full
   * table would (another command, `help TOPIC`) is declined (NotAnsweredHere) instead.
   */
  complete: boolean;
  /** Brings every container up to the current time before a command that may change state. */
  advance?(d: Daemon): void;
  /** After a command that may change state: what follows from it (--rm containers removed). */
  settle?(d: Daemon): void;
}

export interface ExecuteOptions {
  env: EngineEnv;
  stdin?: string;
  stdinIsTty?: boolean;
  stdoutIsTty?: boolean;
}

export interface ExecuteResult {
  state: EngineState;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Virtual time the command spent waiting (stop timeouts, attached sleeps). */
  waitedMs: number;
  /** An attached container that is still running when the command returns. */
  attachedTo?: string;
  /** An interactive (-it) shell session the terminal adapter should drive. */
  interactive?: InteractiveSession;
}

function plural(n: number): string {
  return n === 1 ? 'argument' : 'arguments';
}

/** Cobra's argument validators, each with its own wording (and Docker's stray "S"). */
function checkArgs(rule: ArgRule, path: string, n: number): void {
  const cmd = `docker ${path}`;
  const fail = (msg: string, hint: 'Run' | 'See' | 'SRun') => {
    throw new CliError(`docker: '${cmd}' ${msg}\n\nUsage:  ${usageLine(path)}\n\n${hint} '${cmd} --help' for more information`, 1);
  };
  switch (rule.kind) {
    case 'none':
      if (n > 0) fail('accepts no arguments', 'Run');
      break;
    case 'exact':
      if (n !== rule.n) fail(`requires ${rule.n} ${plural(rule.n)}`, 'Run');
      break;
    case 'min':
      if (n < rule.n) fail(`requires at least ${rule.n} ${plural(rule.n)}`, 'See');
      break;
    case 'max':
      if (n > rule.n) fail(`requires at most ${rule.n} ${plural(rule.n)}`, 'SRun');
      break;
    case 'range':
      if (n < rule.min || n > rule.max) fail(`requires at least ${rule.min} and at most ${rule.max} ${plural(rule.max)}`, 'Run');
      break;
    case 'any':
      break;
  }
}

function usageBlock(path: string, message: string): string {
  const usage = path === '' ? 'docker [OPTIONS] COMMAND [ARG...]' : usageLine(path);
  return `${message}\n\nUsage:  ${usage}\n\nRun '${path === '' ? 'docker' : commandName(usage)} --help' for more information\n`;
}

/**
 * The command as its usage line names it: 'docker ps', and 'docker buildx build' for `docker
 * build` (the buildx plugin answers build and builder commands, and its hints name itself).
 */
function commandName(usage: string): string {
  const words: string[] = [];
  for (const w of usage.split(' ')) {
    if (/^[[A-Z<-]/.test(w) || w.includes('|')) break;
    words.push(w);
  }
  return words.join(' ');
}

/**
 * Thrown inside a read-only attempt when the command line cannot be answered there: the command
 * needs a writable draft, or (with a partial table) other commands. Nothing has been changed or
 * printed by then.
 */
export class NotAnsweredHere extends Error {}

export function executeWith(table: CommandTable, state: EngineState, argv: string[], opts: ExecuteOptions): ExecuteResult {
  // Fast path: read-only commands run on the state itself, no immer draft (see CommandDef.readOnly).
  return executeReadOnlyWith(table, state, argv, opts) ?? attempt(table, state, argv, opts, false)!;
}

/**
 * Runs the command only if it leaves the state as it is (a read-only command with nothing due);
 * otherwise returns undefined without having changed anything. The CLI uses it to answer such
 * commands without taking the state lock.
 */
export function executeReadOnlyWith(table: CommandTable, state: EngineState, argv: string[], opts: ExecuteOptions): ExecuteResult | undefined {
  return state.rng !== null ? attempt(table, state, argv, opts, true) : undefined;
}

function attempt(table: CommandTable, state: EngineState, argv: string[], opts: ExecuteOptions, readOnly: boolean): ExecuteResult | undefined {
  if (!readOnly && !table.complete) throw new Error('a partial command table runs read-only commands only');
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  let waitedMs = 0;
  let attachedTo: string | undefined;
  let interactive: InteractiveSession | undefined;
  const out = (s: string) => { stdout += s; };
  const err = (s: string) => { stderr += s; };

  const recipe = (draft: EngineState) => {
    const seed = draft.rng ?? seedState(opts.env.seed ?? Math.floor(Math.random() * 2 ** 32));
    const d = new Daemon(draft as EngineState, opts.env, seed);
    d.readOnlyAttempt = readOnly;
    const initialRng = d.random.state().join(',');
    try {
      exitCode = dispatch(table, d, argv, opts, out, err, (id, session) => { attachedTo = id; interactive = session; });
    } catch (e) {
      if (e instanceof NotAnsweredHere) throw e;
      exitCode = reportError(e, err);
    }
    waitedMs = d.waitedMs;
    if (readOnly) return;
    if (waitedMs > 0) draft.clockSkewMs = (draft.clockSkewMs ?? 0) + waitedMs;
    if (d.random.state().join(',') !== initialRng || draft.rng === null) d.saveRandom();
  };
  if (readOnly) {
    try {
      recipe(state);
    } catch (e) {
      if (e instanceof NotAnsweredHere) return undefined;
      throw e;
    }
    return { state, stdout, stderr, exitCode, waitedMs, attachedTo, interactive };
  }
  const next = produce(state, recipe);
  return { state: next, stdout, stderr, exitCode, waitedMs, attachedTo, interactive };
}

function reportError(e: unknown, err: (s: string) => void): number {
  // A stored container record found damaged while the command runs: the store reports it, and
  // nothing is saved.
  if (e instanceof StateDamagedError) throw e;
  if (e instanceof CliError) { err(`${e.message}\n`); return e.exitCode; }
  if (e instanceof DaemonError) { err(`Error response from daemon: ${e.message}\n`); return 1; }
  const msg = e instanceof Error ? e.message : String(e);
  err(`fakedocker: internal error: ${msg}\n`);
  if (typeof process !== 'undefined' && process.env?.FAKEDOCKER_DEBUG && e instanceof Error) err(`${e.stack}\n`);
  return 1;
}

function dispatch(table: CommandTable, d: Daemon, argv: string[], opts: ExecuteOptions, out: (s: string) => void, err: (s: string) => void, attached: (id: string, session?: InteractiveSession) => void): number {
  // Global options come before the command.
  let rest: string[];
  let globalFlags: Record<string, unknown>;
  try {
    const parsed = parseFlags(argv, flagSpecs(''), { interspersed: false });
    globalFlags = parsed.flags;
    checkLogLevel(globalFlags);
    if (parsed.flags.version) { out(`${CLIENT_VERSION_LINE}\n`); return 0; }
    rest = parsed.positionals;
  } catch (e) {
    if (e instanceof HelpRequested) {
      checkLogLevel(e.flags);
      out(helpText('') ?? '');
      return 0;
    }
    if (e instanceof FlagError) { err(usageBlock('', e.message)); return 125; }
    throw e;
  }
  // Bare `docker` (and a bare management command) print their help on stderr.
  if (rest.length === 0) { err(helpText('') ?? ''); return 0; }
  const findCommand = (path: string) => {
    const found = table.find(path);
    if (!found && !table.complete) throw new NotAnsweredHere();
    return found;
  };
  if (rest[0] === 'help') {
    const topic = rest.slice(1).filter((a) => !a.startsWith('-')).join(' ');
    if (topic === '') { out(helpText('') ?? ''); return 0; }
    const found = findCommand(topic);
    const key = found ? found.helpPath : topic;
    const text = helpText(key);
    if (text === undefined) throw new CliError(`unknown help topic: ${topic}`, 1);
    out(text);
    return 0;
  }

  let path = rest[0];
  let args = rest.slice(1);
  if (table.groups.has(path)) {
    const group = path;
    const sub = args.find((a) => !a.startsWith('-'));
    if (args.length === 0) { err(helpText(group) ?? ''); return 0; }
    if (args[0] === '--help' || args[0] === '-h') { out(helpText(group) ?? ''); return 0; }
    if (sub === undefined || sub !== args[0]) {
      // Flags before the subcommand: cobra reports them against the group.
      try {
        parseFlags(args, [], { interspersed: true });
      } catch (e) {
        if (e instanceof FlagError) { err(usageBlock(group, e.message)); return 125; }
      }
    }
    path = `${group} ${args[0]}`;
    args = args.slice(1);
    if (!findCommand(path)) {
      if (hasHelp(path)) throw new CliError(`fakedocker: 'docker ${path}' is not supported by this emulator`, 1);
      throw new CliError(`docker: unknown command: docker ${path}\n\nUsage:  docker ${group}\n\nRun 'docker ${group} --help' for more information`, 1);
    }
  }
  const found = findCommand(path);
  if (!found) {
    if (hasHelp(path)) throw new CliError(`fakedocker: 'docker ${path}' is not supported by this emulator`, 1);
    throw new CliError(`docker: unknown command: docker ${path}\n\nRun 'docker --help' for more information`, 1);
  }
  const { def, helpPath } = found;
  let parsed;
  try {
    parsed = parseFlags(args, flagSpecs(helpPath), { interspersed: def.interspersed !== false });
  } catch (e) {
    if (e instanceof HelpRequested) {
      if (e.viaShorthand) out('Flag shorthand -h has been deprecated, use --help\n');
      out(helpText(helpPath) ?? '');
      return 0;
    }
    if (e instanceof FlagError) { err(usageBlock(helpPath, e.message)); return 125; }
    throw e;
  }
  for (const n of parsed.notices) out(`${n}\n`);
  checkArgs(def.args, helpPath, parsed.positionals.length);
  checkContext(globalFlags, d.env.host.env);
  const ctx: CommandContext = {
    d,
    path: helpPath,
    flags: parsed.flags,
    changed: parsed.changed,
    out,
    err,
    stdin: opts.stdin,
    // Getters: finding out whether a stream is a terminal costs the CLI a module load, and few
    // commands ask.
    get stdinIsTty() { return opts.stdinIsTty ?? false; },
    get stdoutIsTty() { return opts.stdoutIsTty ?? false; },
  };
  if (d.readOnlyAttempt) {
    if (!def.readOnly || anythingDue(d.state.containers, d.now())) throw new NotAnsweredHere();
  } else {
    table.advance?.(d); // (with nothing due, as in a read-only attempt, it would change nothing)
  }
  try {
    const code = def.run(ctx, parsed.positionals) ?? 0;
    if (ctx.attachedTo) attached(ctx.attachedTo, ctx.interactive);
    return code;
  } catch (e) {
    if (e instanceof UsageError) { err(usageBlock(helpPath, e.message)); return e.exitCode; }
    throw e;
  } finally {
    if (!d.readOnlyAttempt) table.settle?.(d);
  }
}

