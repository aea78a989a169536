// Docker's help texts, captured from the real CLI by scripts/capture-help.mjs, and what can be
// read off them: the usage line and each command's flag table (the same flags Docker accepts).
import helpData from './help-data.json';
import { FLAG_VALUE_CHECKS, type FlagValueCheck } from './flag-checks.js';

const HELP: Record<string, string> = helpData as Record<string, string>;

export type FlagValueType = 'bool' | 'string' | 'int' | 'uint' | 'float' | 'duration' | 'list' | 'filter' | 'map' | 'other';

export interface FlagSpec {
  long: string;
  short?: string;
  /** The type word printed in help ('' for booleans). */
  typeWord: string;
  kind: FlagValueType;
  /** Repeatable flags collect every value. */
  repeatable: boolean;
  defaultText?: string;
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

const REPEATABLE = new Set(['list', 'filter', 'map', 'stringArray', 'strings', 'stringSlice', 'ulimit', 'gpu-request', 'mount', 'network', 'port', 'throttleddevice', 'weight-device', 'pull', 'external-ca', 'command', 'config', 'secret', 'stringToString']);

function kindOf(typeWord: string): FlagValueType {
  switch (typeWord) {
    case '': return 'bool';
    case 'string': return 'string';
    case 'int': case 'int64': case 'int32': return 'int';
    case 'uint': case 'uint16': case 'uint64': return 'uint';
    case 'float': return 'float';
    case 'duration': return 'duration';
    case 'filter': return 'filter';
    case 'list': case 'stringArray': case 'strings': case 'stringSlice': return 'list';
    case 'map': return 'map';
    default: return 'other';
  }
}

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

export function flagSpecs(path: string): FlagSpec[] {
  let specs = flagCache.get(path);
  if (specs) return specs;
  specs = [];
  const text = HELP[path] ?? '';
  const lines = text.split('\n');
  let inOptions = false;
  let current: FlagSpec | undefined;
  for (const line of lines) {
    if (/^(Global )?Options:$/.test(line)) { inOptions = line === 'Options:' || path === ''; continue; }
    if (!inOptions) continue;
    if (line.trim() === '') { inOptions = false; continue; }
    const m = /^ {2}(?:-([A-Za-z0-9]), )?(?: {4})?--([A-Za-z0-9-]+)(?: ([A-Za-z0-9-]+))?(?: {2,}|$)(.*)$/.exec(line);
    if (m) {
      const typeWord = m[3] ?? '';
      current = { long: m[2], short: m[1], typeWord, kind: kindOf(typeWord), repeatable: REPEATABLE.has(typeWord) };
      specs.push(current);
      const d = /\(default (.*)\)$/.exec(m[4]);
      if (d) current.defaultText = d[1];
    } else if (current) {
      const d = /\(default (.*)\)$/.exec(line.trim());
      if (d) current.defaultText = d[1];
    }
  }
  specs.push(...(HIDDEN_FLAGS[path] ?? []));
  for (const spec of specs) {
    const check = FLAG_VALUE_CHECKS[path]?.[spec.long];
    if (check) spec.check = check;
  }
  flagCache.set(path, specs);
  return specs;
}
