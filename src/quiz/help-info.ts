// What the captured `docker … --help` texts say about commands and flags, for explanations and
// for tab completion: command paths, one-line summaries, subcommands and flag descriptions.
import { flagSpecs, hasHelp, helpText, usageLine, type FlagSpec } from '../cli/help.js';

export { flagSpecs, hasHelp, usageLine, type FlagSpec };

/** Management commands whose first argument is a subcommand (those with a "Commands:" list). */
export function isGroup(path: string): boolean {
  return subcommands(path).length > 0 && path !== '';
}

const subCache = new Map<string, { name: string; summary: string }[]>();

/** The commands listed in a help text's command sections ('' lists the top-level ones). */
export function subcommands(path: string): { name: string; summary: string }[] {
  let list = subCache.get(path);
  if (list) return list;
  list = [];
  const text = helpText(path) ?? '';
  let inCommands = false;
  for (const line of text.split('\n')) {
    if (/^[A-Za-z ]*Commands:$/.test(line)) { inCommands = true; continue; }
    if (!inCommands) continue;
    const m = /^ {2}([a-z][a-z0-9-]*)\*?\s+(.*)$/.exec(line);
    if (m) {
      // Plugins (buildx*, compose*) are not part of the captured CLI.
      if (!/^ {2}[a-z][a-z0-9-]*\*/.test(line)) list.push({ name: m[1], summary: m[2].trim() });
      continue;
    }
    inCommands = false;
  }
  subCache.set(path, list);
  return list;
}

/** The one-line description under the usage line ('List containers'). */
export function commandSummary(path: string): string | undefined {
  const text = helpText(path);
  if (!text) return undefined;
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith('Usage:'));
  for (let j = i + 1; j < lines.length; j++) {
    if (lines[j].trim() !== '') return lines[j].trim();
  }
  return undefined;
}

const descCache = new Map<string, Map<string, string>>();

/** Each flag's description from the Options table, wrapped lines joined ('all' → 'Show all containers …'). */
export function flagDescriptions(path: string): Map<string, string> {
  let map = descCache.get(path);
  if (map) return map;
  map = new Map();
  const text = helpText(path) ?? '';
  let inOptions = false;
  let current: string | undefined;
  let column = 0;
  for (const line of text.split('\n')) {
    if (line === 'Options:') { inOptions = true; continue; }
    if (!inOptions) continue;
    if (line.trim() === '') { inOptions = false; continue; }
    const m = /^( {2}(?:-[A-Za-z0-9], | {4})--([A-Za-z0-9-]+)(?: [A-Za-z0-9-]+)?\s+)(.*)$/.exec(line);
    if (m && /^ {2}(-[A-Za-z0-9], | {4})--/.test(line)) {
      current = m[2];
      column = m[1].length;
      map.set(current, m[3].trim());
    } else if (current && line.length > column && line.slice(0, column).trim() === '') {
      map.set(current, `${map.get(current)} ${line.trim()}`.trim());
    }
  }
  descCache.set(path, map);
  return map;
}

/** The help path for the words of a command line after `docker` ('container ls'), and how many words it took. */
export function resolveCommandPath(words: string[]): { path: string; used: number } | undefined {
  const first = words[0];
  if (first === undefined || first.startsWith('-')) return undefined;
  if (isGroup(first)) {
    const sub = words[1];
    if (sub !== undefined && !sub.startsWith('-') && hasHelp(`${first} ${sub}`)) return { path: `${first} ${sub}`, used: 2 };
    return { path: first, used: 1 };
  }
  return hasHelp(first) ? { path: first, used: 1 } : undefined;
}
