// Tab completion for the playground: docker commands and subcommands, flags (from the captured help
// texts), container names, image names and a few flag values. Pure: the caller passes the line up
// to the cursor and what the daemon holds.
import { flagSpecs, isGroup, subcommands, type FlagSpec } from '../../src/quiz/help-info.js';

export interface CompletionContext {
  containers: { name: string; status: string }[];
  /** Local images ('nginx:latest') and pullable ones from the catalogue. */
  localImages: string[];
  catalogImages: string[];
  networks: string[];
  volumes: string[];
}

export interface Completion {
  /** Where the word being completed starts in the line. */
  start: number;
  /** The word typed so far. */
  prefix: string;
  candidates: string[];
}

export const BUILTINS = ['docker', 'clear', 'help', 'history', 'explain', 'reset'];

/** Words of a partial line, leniently (an open quote just runs to the end). */
export function partialWords(line: string): { words: string[]; current: string; currentStart: number } {
  const words: string[] = [];
  let word = '';
  let start = 0;
  let inWord = false;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else word += c;
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (inWord) { words.push(word); word = ''; inWord = false; }
      continue;
    }
    if (!inWord) { inWord = true; start = i; }
    if (c === '"' || c === "'") { quote = c; continue; }
    if (c === '\\' && i + 1 < line.length) { word += line[++i]; continue; }
    word += c;
  }
  if (!inWord) start = line.length;
  return { words, current: inWord ? word : '', currentStart: start };
}

// What positional arguments a command takes, for the commands the playground can run.
type ArgKind = 'container' | 'running' | 'stopped' | 'paused' | 'image' | 'pullable' | 'network' | 'volume' | 'none';

const ARGS: Record<string, ArgKind[]> = {
  run: ['pullable'], create: ['pullable'], pull: ['pullable'], push: ['image'],
  start: ['stopped'], stop: ['running'], restart: ['container'], kill: ['running'], rm: ['container'],
  logs: ['container'], port: ['container'], rename: ['container'], pause: ['running'], unpause: ['paused'],
  wait: ['container'], inspect: ['container', 'image'], exec: ['running'], attach: ['running'], top: ['running'],
  stats: ['running'], diff: ['container'], commit: ['container'], export: ['container'], update: ['container'], cp: ['container'],
  images: ['image'], rmi: ['image'], tag: ['image'], history: ['image'], save: ['image'],
  'volume rm': ['volume'], 'volume inspect': ['volume'], 'network rm': ['network'], 'network inspect': ['network'],
  'network connect': ['network'], 'network disconnect': ['network'],
};

/** Commands that take one argument of that kind and then something else (rename OLD NEW). */
const SINGLE = new Set(['run', 'create', 'logs', 'port', 'rename', 'exec', 'attach', 'top', 'diff', 'commit', 'export', 'tag', 'history', 'images', 'network connect', 'network disconnect']);

const ALIAS_PATH: Record<string, string> = {
  'container ls': 'ps', 'container list': 'ps', 'container ps': 'ps', 'image ls': 'images', 'image list': 'images',
  'image rm': 'rmi', 'image remove': 'rmi', 'container remove': 'rm', 'volume remove': 'volume rm', 'network remove': 'network rm',
};

function argKindsFor(path: string): ArgKind[] {
  const p = ALIAS_PATH[path] ?? path.replace(/^(container|image) /, '');
  return ARGS[p] ?? ARGS[path] ?? [];
}

const FLAG_VALUES: Record<string, string[]> = {
  restart: ['no', 'always', 'unless-stopped', 'on-failure'],
  format: ['json', 'table', "'{{.Names}}'", "'{{.ID}} {{.Image}} {{.Status}}'"],
  signal: ['SIGTERM', 'SIGKILL', 'SIGINT', 'SIGHUP', 'SIGUSR1'],
  pull: ['always', 'missing', 'never'],
  filter: ['status=running', 'status=exited', 'name=', 'ancestor=', 'label=', 'dangling=true', 'reference='],
};

function valuesFor(spec: FlagSpec, ctx: CompletionContext): string[] {
  if (spec.long === 'network' || spec.long === 'net') return ctx.networks;
  if (spec.long === 'volumes-from') return ctx.containers.map((c) => c.name);
  return FLAG_VALUES[spec.long] ?? [];
}

function containersOf(kind: ArgKind, ctx: CompletionContext): string[] {
  const pick = (f: (s: string) => boolean) => ctx.containers.filter((c) => f(c.status)).map((c) => c.name);
  switch (kind) {
    case 'container': return pick(() => true);
    case 'running': return pick((s) => s === 'running' || s === 'paused' || s === 'restarting');
    case 'stopped': return pick((s) => s === 'exited' || s === 'created');
    case 'paused': return pick((s) => s === 'paused');
    default: return [];
  }
}

function argCandidates(kind: ArgKind, ctx: CompletionContext): string[] {
  switch (kind) {
    case 'image': return ctx.localImages;
    case 'pullable': return [...new Set([...ctx.localImages, ...ctx.catalogImages])];
    case 'network': return ctx.networks;
    case 'volume': return ctx.volumes;
    case 'none': return [];
    default: return containersOf(kind, ctx);
  }
}

function flagWords(specs: FlagSpec[], prefix: string): string[] {
  const out: string[] = [];
  for (const s of specs) {
    if (s.aliasOf) continue;
    out.push(`--${s.long}`);
    if (s.short && prefix.length <= 2 && !prefix.startsWith('--')) out.push(`-${s.short}`);
  }
  return out;
}

/** Candidates for the word at the end of `line` (the text left of the cursor). */
export function complete(line: string, ctx: CompletionContext): Completion {
  const { words, current, currentStart } = partialWords(line);
  const done = (candidates: string[]): Completion => ({
    start: currentStart,
    prefix: current,
    candidates: [...new Set(candidates.filter((c) => c.startsWith(current)))].sort(),
  });
  if (words.length === 0) return done(BUILTINS);
  if (words[0] === 'explain' || words[0] === 'help') {
    // `explain docker run …` completes like the command itself.
    const rest = line.slice(line.indexOf(words[0]) + words[0].length);
    const inner = complete(rest.replace(/^\s*/, ''), ctx);
    const offset = line.length - rest.replace(/^\s*/, '').length;
    return { ...inner, start: inner.start + offset, candidates: words.length === 1 && !rest.trim() ? ['docker'] : inner.candidates };
  }
  if (words[0] !== 'docker') return done([]);
  const args = words.slice(1);
  // Global flags come before the command.
  let i = 0;
  const globals = flagSpecs('');
  while (i < args.length && args[i].startsWith('-')) {
    const spec = globals.find((s) => `--${s.long}` === args[i] || `-${s.short}` === args[i]);
    i += spec && spec.kind !== 'bool' && !args[i].includes('=') ? 2 : 1;
  }
  if (i >= args.length) {
    if (current.startsWith('-')) return done(flagWords(globals, current));
    return done(subcommands('').map((c) => c.name));
  }
  let path = args[i];
  i++;
  if (isGroup(path)) {
    if (i >= args.length) return done(current.startsWith('-') ? ['--help'] : subcommands(path).map((c) => c.name));
    path = `${path} ${args[i]}`;
    i++;
  }
  const specs = flagSpecs(path);
  // Walk the arguments typed so far: flags (and their values) and positionals.
  let positionals = 0;
  let pendingValue: FlagSpec | undefined;
  const stopsAtImage = ['run', 'create', 'container run', 'container create', 'exec', 'container exec'].includes(path);
  for (; i < args.length; i++) {
    const w = args[i];
    if (pendingValue) { pendingValue = undefined; continue; }
    if (w === '--') { positionals += args.length - i - 1; break; }
    if (w.startsWith('--')) {
      const spec = specs.find((s) => s.long === w.slice(2));
      if (spec && spec.kind !== 'bool' && !w.includes('=')) pendingValue = spec;
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      const last = specs.find((s) => s.short === w[w.length - 1]);
      const allBool = [...w.slice(1, -1)].every((c) => specs.find((s) => s.short === c)?.kind === 'bool');
      if (last && last.kind !== 'bool' && allBool) pendingValue = last;
      continue;
    }
    positionals++;
    if (stopsAtImage && positionals >= 1) return done([]); // the container's command: not docker's to complete
  }
  if (pendingValue) return done(valuesFor(pendingValue, { ...ctx }));
  if (current.startsWith('-')) return done([...flagWords(specs, current), '--help']);
  const kinds = argKindsFor(path);
  if (kinds.length === 0) return done([]);
  const single = SINGLE.has(ALIAS_PATH[path] ?? path.replace(/^(container|image) /, ''));
  if (single && positionals >= 1) return done([]);
  return done(kinds.flatMap((k) => argCandidates(k, ctx)));
}

/** The longest common prefix of the candidates. */
export function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}
