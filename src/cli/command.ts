// What a command module declares, and the context it runs in.
import type { Daemon } from '../engine/daemon.js';
import type { FlagValues } from './flags.js';

export type ArgRule =
  | { kind: 'none' }
  | { kind: 'exact'; n: number }
  | { kind: 'min'; n: number }
  | { kind: 'max'; n: number }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'any' };

export interface CommandContext {
  d: Daemon;
  /** Help key of the command as invoked ('ps', 'container ls'): usage lines and error hints. */
  path: string;
  flags: FlagValues;
  changed: Set<string>;
  out(text: string): void;
  err(text: string): void;
  /** Text available on stdin (piped input), if any. */
  stdin?: string;
  /** Whether stdin / stdout are terminals (for -t / -it checks). */
  stdinIsTty: boolean;
  stdoutIsTty: boolean;
  /** Set by attached run/start when the container keeps running: the adapter waits on it. */
  attachedTo?: string;
  /** Set when an attached -it session should become an interactive shell in the terminal. */
  interactive?: InteractiveSession;
}

export interface InteractiveSession {
  containerId: string;
  /** 'main': the container's own process (run -it, start -ai); 'exec': an exec'd process. */
  mode: 'main' | 'exec';
  /** The shell program to run each typed line with ('sh', '/bin/bash'…). */
  shell: string;
}

export interface CommandDef {
  /** Every way to invoke it, e.g. ['ps', 'container ls', 'container list', 'container ps']. */
  invocations: string[];
  args: ArgRule;
  /** false for run/create/exec: flags end at the first positional (the image). */
  interspersed?: boolean;
  /**
   * The command never changes state (ps, images, logs…): when no container is due to change
   * either, it runs on the state as it is, without an immer draft.
   */
  readOnly?: boolean;
  run(ctx: CommandContext, args: string[]): number | void;
}

/** An error printed verbatim on stderr with the given exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** Usage errors print the command's usage block after the message. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = 125) {
    super(message);
  }
}

export function flagString(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.flags[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v[v.length - 1] : undefined;
}

export function flagBool(ctx: CommandContext, name: string): boolean {
  return ctx.flags[name] === true;
}

export function flagList(ctx: CommandContext, name: string): string[] {
  const v = ctx.flags[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function flagInt(ctx: CommandContext, name: string, fallback: number): number {
  const v = flagString(ctx, name);
  return v === undefined ? fallback : Number(v);
}
