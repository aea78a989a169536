// A command's flag table as its help prints it ("  -a, --all    Show all containers (default
// shows just running)"): read off the captured help texts. Pure, so that the CLI build can store
// the tables already read (help-flags-data.ts) instead of parsing help text at every start.

export type FlagValueType = 'bool' | 'string' | 'int' | 'uint' | 'float' | 'duration' | 'list' | 'filter' | 'map' | 'other';

/** One flag as the help lists it. */
export interface HelpFlag {
  long: string;
  short?: string;
  /** The type word printed in help ('' for booleans). */
  typeWord: string;
  kind: FlagValueType;
  /** Repeatable flags collect every value. */
  repeatable: boolean;
  defaultText?: string;
}

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

/** The flags in the "Options:" table of a help text (the root's "Global Options:" for path ''). */
export function parseHelpFlags(text: string, path: string): HelpFlag[] {
  const flags: HelpFlag[] = [];
  let inOptions = false;
  let current: HelpFlag | undefined;
  for (const line of text.split('\n')) {
    if (/^(Global )?Options:$/.test(line)) { inOptions = line === 'Options:' || path === ''; continue; }
    if (!inOptions) continue;
    if (line.trim() === '') { inOptions = false; continue; }
    const m = /^ {2}(?:-([A-Za-z0-9]), )?(?: {4})?--([A-Za-z0-9-]+)(?: ([A-Za-z0-9-]+))?(?: {2,}|$)(.*)$/.exec(line);
    if (m) {
      const typeWord = m[3] ?? '';
      current = { long: m[2], typeWord, kind: kindOf(typeWord), repeatable: REPEATABLE.has(typeWord) };
      if (m[1] !== undefined) current.short = m[1];
      flags.push(current);
      const d = /\(default (.*)\)$/.exec(m[4]);
      if (d) current.defaultText = d[1];
    } else if (current) {
      const d = /\(default (.*)\)$/.exec(line.trim());
      if (d) current.defaultText = d[1];
    }
  }
  return flags;
}
