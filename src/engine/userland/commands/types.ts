import type { IO, Shell } from '../shell/interp.js';
import type { Sim } from '../context.js';

/** One run of a program: argv, streams and the calling shell (cwd, variables). */
export interface Cmd {
  sim: Sim;
  sh: Shell;
  argv: string[];
  /** Name the program was invoked as (basename of argv[0]); busybox applets dispatch on it. */
  name: string;
  io: IO;
  env: Map<string, string>;
  /** GNU tools (Debian family) rather than busybox. */
  gnu: boolean;
  abs(p: string): string;
  out(s: string): void;
  err(s: string): void;
}

export type CommandImpl = (c: Cmd) => number;

/**
 * Split short options: returns flags, option values, operands; `--` ends options. `missing`: the
 * first option that takes a value but came last without one.
 */
export function getopt(args: string[], withValue = ''): { flags: Set<string>; values: Map<string, string>; operands: string[]; long: string[]; missing?: string } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  const long: string[] = [];
  let missing: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      long.push(a);
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d+$/.test(a)) {
      for (let k = 1; k < a.length; k++) {
        const ch = a[k]!;
        if (withValue.includes(ch)) {
          const v = a.slice(k + 1) || args[++i];
          if (v === undefined) missing ??= ch;
          values.set(ch, v ?? '');
          break;
        }
        flags.add(ch);
      }
      continue;
    }
    operands.push(a);
  }
  return { flags, values, operands, long, ...(missing !== undefined ? { missing } : {}) };
}
