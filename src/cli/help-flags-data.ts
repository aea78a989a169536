// Every command's flag table, read off its help text (help-flags.ts) when first asked for. The CLI
// build replaces this module with the tables already read, one file per command (scripts/build.mjs,
// LAZY_DATA), so a start reads a small JSON file instead of parsing help text.
import helpData from './help-data.json';
import { parseHelpFlags, type HelpFlag } from './help-flags.js';

const HELP: Record<string, string> = helpData as Record<string, string>;
const read = new Map<string, HelpFlag[]>();

const has = (key: string | symbol): key is string => typeof key === 'string' && Object.prototype.hasOwnProperty.call(HELP, key);
const flagsOf = (key: string): HelpFlag[] => {
  let flags = read.get(key);
  if (!flags) read.set(key, (flags = parseHelpFlags(HELP[key], key)));
  return flags;
};

const helpFlags: Record<string, HelpFlag[]> = new Proxy({}, {
  get: (_, key) => (has(key) ? flagsOf(key) : undefined),
  has: (_, key) => has(key),
  ownKeys: () => Object.keys(HELP),
  getOwnPropertyDescriptor: (_, key) => (has(key) ? { value: flagsOf(key), writable: false, enumerable: true, configurable: true } : undefined),
});

export default helpFlags;
