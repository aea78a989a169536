// Dockerfile parsing: logical lines (comments, `\` continuations), instructions with their line
// numbers, and the parse errors BuildKit reports.

export const INSTRUCTIONS = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];

export interface Instruction {
  cmd: string; // upper case
  /** The keyword as written ('from', 'FROM'). */
  keyword?: string;
  /** Text after the keyword, continuations joined, trimmed. */
  rest: string;
  /** Leading --flag=value options (COPY --from, --chown, --chmod; RUN --mount…; HEALTHCHECK --interval). */
  flags: Record<string, string>;
  /** rest without the leading flags. */
  args: string;
  /** JSON (exec) form, when args is a JSON string array. */
  json?: string[];
  /** Here-documents (RUN <<EOF, COPY <<EOF /dest), in order. */
  heredocs?: Heredoc[];
  line: number;
  endLine: number;
}

export interface Heredoc {
  name: string;
  content: string;
  /** Unquoted delimiter: variables are expanded in the content. */
  expand: boolean;
}

export class DockerfileError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
  }
}

export function levenshtein(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return dp[a.length][b.length];
}

function suggestion(word: string): string {
  let best = '';
  let bestD = Infinity;
  for (const ins of INSTRUCTIONS) {
    const dd = levenshtein(word.toUpperCase(), ins);
    if (dd < bestD) { best = ins; bestD = dd; }
  }
  return bestD <= 2 && bestD < word.length ? ` (did you mean ${best}?)` : '';
}

export function parseJsonArray(s: string): string[] | undefined {
  const t = s.trim();
  if (!t.startsWith('[')) return undefined;
  try {
    const v = JSON.parse(t);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  } catch { /* not JSON */ }
  return undefined;
}

function splitFlags(rest: string): { flags: Record<string, string>; args: string } {
  const flags: Record<string, string> = {};
  let r = rest;
  for (;;) {
    const m = /^--([a-zA-Z-]+)(?:=(\S*))?(?:\s+|$)/.exec(r);
    if (!m) break;
    flags[m[1]] = m[2] ?? 'true';
    r = r.slice(m[0].length);
  }
  return { flags, args: r.trim() };
}

export function parseDockerfile(text: string): Instruction[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const out: Instruction[] = [];
  let i = 0;
  // Parser directives (# syntax=, # escape=) are comments to us.
  while (i < lines.length) {
    const raw = lines[i];
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) { i++; continue; }
    const start = i + 1;
    let logical = '';
    let cur = raw;
    for (;;) {
      const t = cur.replace(/\s+$/, '');
      if (t.endsWith('\\')) {
        logical += t.slice(0, -1);
        i++;
        // Comment lines and empty lines inside a continuation are skipped.
        while (i < lines.length && (lines[i].trim().startsWith('#') || lines[i].trim() === '')) i++;
        if (i >= lines.length) break;
        cur = lines[i];
        continue;
      }
      logical += cur;
      break;
    }
    let end = Math.min(i + 1, lines.length);
    i++;
    const heredocs: Heredoc[] = [];
    if (/^\s*(RUN|COPY|ADD)\s/i.test(logical)) {
      const re = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
      let hm;
      while ((hm = re.exec(logical))) {
        const body: string[] = [];
        while (i < lines.length && (hm[1] ? lines[i].replace(/^\t+/, '') : lines[i]) !== hm[3]) {
          body.push(hm[1] ? lines[i].replace(/^\t+/, '') : lines[i]);
          i++;
        }
        i++; // the terminator
        end = Math.min(i, lines.length);
        heredocs.push({ name: hm[3], content: body.map((l) => `${l}\n`).join(''), expand: hm[2] === '' });
      }
    }
    const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(logical)!;
    const word = m[1];
    const cmd = word.toUpperCase();
    if (!INSTRUCTIONS.includes(cmd)) {
      throw new DockerfileError(`dockerfile parse error on line ${start}: unknown instruction: ${word}${suggestion(word)}`, start);
    }
    const rest = m[2].trim();
    const { flags, args } = cmd === 'COPY' || cmd === 'ADD' || cmd === 'RUN' || cmd === 'HEALTHCHECK' || cmd === 'FROM' ? splitFlags(rest) : { flags: {}, args: rest };
    const ins: Instruction = { cmd, keyword: word, rest, flags, args, line: start, endLine: end };
    const json = parseJsonArray(args);
    if (json) ins.json = json;
    if (heredocs.length) ins.heredocs = heredocs;
    if (cmd !== 'ARG' && cmd !== 'HEALTHCHECK' && args === '' && !(cmd === 'RUN' && false)) {
      throw new DockerfileError(`dockerfile parse error on line ${start}: ${cmd} requires at least one argument`, start);
    }
    out.push(ins);
  }
  return out;
}

/** BuildKit's source excerpt around `line` (1-based) for error reports. */
export function sourceExcerpt(name: string, text: string, line: number, endLine = line): string {
  const lines = text.split('\n');
  let start = line;
  let end = endLine;
  if (start > lines.length || start < 1) return '';
  if (end > lines.length) end = lines.length;
  const pad = end === start ? 4 : 2;
  let p = 0;
  for (;;) {
    if (p >= pad) break;
    if (start > 1) { start--; p++; }
    if (end !== lines.length) { end++; p++; }
    p++;
  }
  let s = `${name}:${line}\n--------------------\n`;
  for (let n = start; n <= end; n++) {
    const mark = n >= line && n <= endLine ? '>>>' : '   ';
    s += `${String(n).padStart(4)} | ${mark} ${lines[n - 1]}\n`;
  }
  s += '--------------------\n';
  return s;
}

/** ${VAR}, $VAR, ${VAR:-default}, ${VAR:+alt}; unknown variables expand to ''. */
export function expandVars(s: string, vars: Record<string, string | undefined>, keepUnknown = false): string {
  return s.replace(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, n1, op, word, n2) => {
    if (all === '\\$') return keepUnknown ? all : '$';
    const name = n1 ?? n2;
    const v = vars[name];
    if (op === ':-' || op === '-') return v === undefined || (op === ':-' && v === '') ? word : v;
    if (op === ':+' || op === '+') return v === undefined || (op === ':+' && v === '') ? '' : word;
    if (v === undefined) return keepUnknown ? all : '';
    return v;
  });
}

/** Splits `a=b "c d"=e` style words, honouring double/single quotes. */
export function splitWords(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | null = null;
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = null;
      else if (c === '\\' && q === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
    } else if (c === '"' || c === "'") { q = c; has = true; }
    else if (c === '\\' && i + 1 < s.length) { cur += s[++i]; has = true; }
    else if (/\s/.test(c)) { if (cur || has) out.push(cur); cur = ''; has = false; }
    else { cur += c; has = true; }
  }
  if (cur || has) out.push(cur);
  return out;
}

/** KEY=VALUE pairs of ENV/LABEL/ARG (also the legacy `ENV KEY VALUE` form). */
export function parsePairs(args: string, legacy: boolean): [string, string][] {
  const t = args.trim();
  const first = t.split(/\s+/)[0];
  if (legacy && !first.includes('=')) {
    const i = t.search(/\s/);
    return [[first, i < 0 ? '' : splitWords(t.slice(i).trim()).join(' ')]];
  }
  return splitWords(t).map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? [w, ''] as [string, string] : [w.slice(0, eq), w.slice(eq + 1)] as [string, string];
  });
}
