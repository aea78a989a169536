// Docker's help texts, captured from the real CLI by scripts/capture-help.mjs, and what can be
// read off them: the usage line and each command's flag table (the same flags Docker accepts).
import helpData from './help-data.json';
import helpFlags from './help-flags-data.js';
import { FLAG_VALUE_CHECKS, type FlagValueCheck } from './flag-checks.js';
import type { HelpFlag } from './help-flags.js';

const HELP: Record<string, string> = helpData as Record<string, string>;
/** Each command's flag table as read off its help (the CLI build stores them read: help-flags-data.ts). */
const HELP_FLAGS: Record<string, HelpFlag[] | undefined> = helpFlags;

export type { FlagValueType } from './help-flags.js';

export interface FlagSpec extends HelpFlag {
  /** Hidden deprecated alias: values go to `aliasOf`, and cobra prints a deprecation notice. */
  aliasOf?: string;
  deprecated?: string;
  /** The CLI's own validation of a value, run as the flag is parsed. */
  check?: FlagValueCheck;
}

/** Flags Docker accepts but hides from help (deprecated spellings). */
const HIDDEN_FLAGS: Record<string, FlagSpec[]> = {
  stop: [{ long: 'time', typeWord: 'int', kind: 'int', repeatable: false, aliasOf: 'timeout', deprecated: 'use --timeout instead' }],
  restart: [{ long: 'time', typeWord: 'int', kind: 'int', repeatable: false, aliasOf: 'timeout', deprecated: 'use --timeout instead' }],
};
HIDDEN_FLAGS['container stop'] = HIDDEN_FLAGS.stop;
HIDDEN_FLAGS['container restart'] = HIDDEN_FLAGS.restart;
// run/create keep the pre-1.9 spellings of --network and --network-alias as hidden synonyms
// (no deprecation notice).
const NETWORK_SYNONYMS: FlagSpec[] = [
  { long: 'net', typeWord: 'network', kind: 'other', repeatable: true, aliasOf: 'network' },
  { long: 'net-alias', typeWord: 'list', kind: 'list', repeatable: true, aliasOf: 'network-alias' },
];
for (const path of ['run', 'create', 'container run', 'container create']) HIDDEN_FLAGS[path] = NETWORK_SYNONYMS;
// buildx build keeps the classic builder's flags, hidden, for scripts that still pass them: they
// are parsed (numbers and booleans checked) and otherwise ignored, some with a warning (observed
// on CLI 28.2.2: `docker build -m abc .` builds; `--cpu-shares abc` is a flag error).
const hidden = (long: string, typeWord: string, kind: FlagSpec['kind'], short?: string, repeatable = false): FlagSpec => ({ long, short, typeWord, kind, repeatable });
const CLASSIC_BUILD_FLAGS: FlagSpec[] = [
  hidden('compress', '', 'bool'), hidden('cpu-period', 'int64', 'int'), hidden('cpu-quota', 'int64', 'int'),
  hidden('cpu-shares', 'int64', 'int', 'c'), hidden('cpuset-cpus', 'string', 'string'), hidden('cpuset-mems', 'string', 'string'),
  hidden('force-rm', '', 'bool'), hidden('isolation', 'string', 'string'), hidden('memory', 'string', 'string', 'm'),
  hidden('memory-swap', 'string', 'string'), hidden('rm', '', 'bool'), hidden('security-opt', 'stringSlice', 'list', undefined, true),
  hidden('squash', '', 'bool'),
];
for (const path of ['build', 'image build', 'builder build']) HIDDEN_FLAGS[path] = CLASSIC_BUILD_FLAGS;

export function helpText(path: string): string | undefined {
  return HELP[path];
}

export function hasHelp(path: string): boolean {
  return Object.prototype.hasOwnProperty.call(HELP, path);
}

/** `docker ps [OPTIONS]` — the text after "Usage:  " on the first line of the help. */
export function usageLine(path: string): string {
  const text = HELP[path] ?? '';
  const m = /^Usage:\s+(.*)$/m.exec(text);
  return m ? m[1] : `docker ${path}`;
}

const flagCache = new Map<string, FlagSpec[]>();

/** The flags a command accepts: its help's flag table, Docker's hidden spellings, the value checks. */
export function flagSpecs(path: string): FlagSpec[] {
  let specs = flagCache.get(path);
  if (specs) return specs;
  const checks = FLAG_VALUE_CHECKS[path];
  specs = [...(HELP_FLAGS[path] ?? []), ...(HIDDEN_FLAGS[path] ?? [])].map((spec) => {
    const check: FlagValueCheck | undefined = checks?.[spec.long];
    return check !== undefined ? { ...spec, check } : { ...spec };
  });
  flagCache.set(path, specs);
  return specs;
}
