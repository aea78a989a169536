// Parser for the POSIX-ish shell language of the simulated userland (sh -c, bash -c, scripts).
// Words are kept raw (with their quotes) and expanded at run time by expand.ts.

export interface Redir {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<';
  target: string; // raw word (or heredoc body for '<<')
}

export type Node =
  | { t: 'simple'; assigns: string[]; words: string[]; redirs: Redir[]; line: number }
  | { t: 'pipeline'; cmds: Node[]; bang: boolean; line: number }
  | { t: 'andor'; first: Node; rest: { op: '&&' | '||'; node: Node }[] }
  | { t: 'list'; items: { node: Node; bg: boolean }[] }
  | { t: 'if'; clauses: { cond: Node; body: Node }[]; elseBody?: Node; redirs: Redir[] }
  | { t: 'for'; name: string; words: string[] | null; body: Node; redirs: Redir[] }
  | { t: 'while'; cond: Node; body: Node; until: boolean; redirs: Redir[] }
  | { t: 'case'; word: string; items: { patterns: string[]; body: Node | null }[]; redirs: Redir[] }
  | { t: 'group'; body: Node; subshell: boolean; redirs: Redir[] }
  | { t: 'func'; name: string; body: Node };

type Tok =
  | { k: 'word'; v: string; line: number }
  | { k: 'op'; v: string; line: number }
  | { k: 'redir'; fd: number | null; v: string; line: number }
  | { k: 'nl'; line: number }
  | { k: 'eof'; line: number };

export class ParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly token: string,
  ) {
    super(message);
  }
}

const OPS = ['&&', '||', ';;', ';', '&', '|', '(', ')'];

/** Index just past the end of a `$(`…`)`, `${`…`}` or backquoted section starting at i. */
function skipNested(src: string, i: number): number {
  if (src.startsWith('$((', i)) {
    let depth = 0;
    for (let j = i + 1; j < src.length; j++) {
      if (src[j] === '(') depth++;
      else if (src[j] === ')') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return src.length;
  }
  if (src.startsWith('$(', i)) {
    let depth = 1;
    let j = i + 2;
    while (j < src.length && depth > 0) {
      const c = src[j];
      if (c === '\\') j += 2;
      else if (c === "'") {
        const e = src.indexOf("'", j + 1);
        j = e < 0 ? src.length : e + 1;
      } else if (c === '"') j = skipDouble(src, j);
      else if (c === '(') {
        depth++;
        j++;
      } else if (c === ')') {
        depth--;
        j++;
      } else j++;
    }
    return j;
  }
  if (src.startsWith('${', i)) {
    let depth = 1;
    let j = i + 2;
    while (j < src.length && depth > 0) {
      if (src[j] === '\\') j++;
      else if (src[j] === '{') depth++;
      else if (src[j] === '}') depth--;
      j++;
    }
    return j;
  }
  if (src[i] === '`') {
    let j = i + 1;
    while (j < src.length && src[j] !== '`') j += src[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  return i + 1;
}

function skipDouble(src: string, i: number): number {
  let j = i + 1;
  while (j < src.length && src[j] !== '"') {
    if (src[j] === '\\') j += 2;
    else if (src[j] === '$' || src[j] === '`') j = skipNested(src, j);
    else j++;
  }
  return j + 1;
}

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  const pendingHeredocs: { tok: { k: 'word'; v: string; line: number }; delim: string; strip: boolean }[] = [];
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      toks.push({ k: 'nl', line });
      i++;
      line++;
      // Heredoc bodies follow the line that introduced them.
      for (const h of pendingHeredocs.splice(0)) {
        const lines: string[] = [];
        while (i < src.length) {
          let e = src.indexOf('\n', i);
          if (e < 0) e = src.length;
          let l = src.slice(i, e);
          i = e + 1;
          line++;
          if (h.strip) l = l.replace(/^\t+/, '');
          if (l === h.delim) break;
          lines.push(l);
        }
        h.tok.v = lines.map((l) => l + '\n').join('');
      }
      continue;
    }
    const amp = src.startsWith('&>>', i) ? '&>>' : src.startsWith('&>', i) ? '&>' : null;
    if (amp) {
      toks.push({ k: 'redir', fd: null, v: amp, line });
      i += amp.length;
      continue;
    }
    // Redirections, with an optional fd number.
    const m = /^(\d?)(>>|>&|<&|<<-|<<|>\||>|<)/.exec(src.slice(i, i + 6));
    if (m) {
      const op = m[2] === '>|' ? '>' : m[2]!;
      i += m[0].length;
      if (op === '<<' || op === '<<-') {
        toks.push({ k: 'redir', fd: m[1] ? Number(m[1]) : null, v: '<<', line });
        // Read the delimiter word now, the body after the next newline.
        while (src[i] === ' ' || src[i] === '\t') i++;
        let j = i;
        while (j < src.length && !/[\s;&|()<>]/.test(src[j]!)) j++;
        const rawDelim = src.slice(i, j);
        i = j;
        const tok = { k: 'word' as const, v: '', line };
        toks.push(tok);
        pendingHeredocs.push({ tok, delim: rawDelim.replace(/['"\\]/g, ''), strip: op === '<<-' });
        continue;
      }
      toks.push({ k: 'redir', fd: m[1] ? Number(m[1]) : null, v: op, line });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      toks.push({ k: 'op', v: op, line });
      i += op.length;
      continue;
    }
    // A word.
    let j = i;
    const startLine = line;
    while (j < src.length) {
      const d = src[j]!;
      if (/[ \t\n;&|()<>]/.test(d)) break;
      let end: number;
      if (d === '\\') end = j + 2;
      else if (d === "'") {
        const e = src.indexOf("'", j + 1);
        end = e < 0 ? src.length : e + 1;
      } else if (d === '"') end = skipDouble(src, j);
      else if (d === '$' || d === '`') end = Math.max(skipNested(src, j), j + 1);
      else end = j + 1;
      for (let q = j; q < end && q < src.length; q++) if (src[q] === '\n') line++;
      j = end;
    }
    toks.push({ k: 'word', v: src.slice(i, Math.min(j, src.length)), line: startLine });
    i = j;
  }
  toks.push({ k: 'eof', line });
  return toks;
}

const RESERVED_END = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);

export function parse(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p]!;
  const isWord = (v?: string) => peek().k === 'word' && (v === undefined || (peek() as { v: string }).v === v);
  const isOp = (v: string) => peek().k === 'op' && (peek() as { v: string }).v === v;
  const fail = (): never => {
    const t = peek();
    const tv = t.k === 'eof' ? 'end of file' : t.k === 'nl' ? 'newline' : (t as { v: string }).v;
    throw new ParseError(`syntax error: unexpected ${tv}`, t.line, tv);
  };
  const skipNl = () => {
    while (peek().k === 'nl') p++;
  };
  const expectWord = (v: string) => {
    skipNl();
    if (!isWord(v)) fail();
    p++;
  };

  function list(stop: (t: Tok) => boolean): Node {
    const items: { node: Node; bg: boolean }[] = [];
    for (;;) {
      while (peek().k === 'nl' || isOp(';')) p++;
      const t = peek();
      if (t.k === 'eof' || stop(t)) break;
      const node = andOr();
      let bg = false;
      if (isOp('&')) {
        bg = true;
        p++;
      } else if (isOp(';')) p++;
      else if (peek().k === 'nl') p++;
      else if (!(peek().k === 'eof' || stop(peek()))) fail();
      items.push({ node, bg });
    }
    return { t: 'list', items };
  }

  function andOr(): Node {
    const first = pipeline();
    const rest: { op: '&&' | '||'; node: Node }[] = [];
    while (isOp('&&') || isOp('||')) {
      const op = (peek() as { v: string }).v as '&&' | '||';
      p++;
      skipNl();
      rest.push({ op, node: pipeline() });
    }
    return rest.length ? { t: 'andor', first, rest } : first;
  }

  function pipeline(): Node {
    const line = peek().line;
    let bang = false;
    if (isWord('!')) {
      bang = true;
      p++;
    }
    const cmds = [command()];
    while (isOp('|')) {
      p++;
      skipNl();
      cmds.push(command());
    }
    return cmds.length === 1 && !bang ? cmds[0]! : { t: 'pipeline', cmds, bang, line };
  }

  function redirects(): Redir[] {
    const rs: Redir[] = [];
    while (peek().k === 'redir') {
      const r = peek() as { fd: number | null; v: string };
      p++;
      if (peek().k !== 'word') fail();
      const target = (peek() as { v: string }).v;
      p++;
      const op = r.v as Redir['op'];
      const fd = r.fd ?? (op.startsWith('<') ? 0 : 1);
      rs.push({ fd, op, target });
    }
    return rs;
  }

  const endsWith = (...words: string[]) => (t: Tok) => t.k === 'word' && words.includes(t.v);

  function command(): Node {
    const t = peek();
    if (t.k === 'word') {
      switch (t.v) {
        case 'if': {
          p++;
          const clauses: { cond: Node; body: Node }[] = [];
          let elseBody: Node | undefined;
          for (;;) {
            const cond = list(endsWith('then'));
            expectWord('then');
            const body = list(endsWith('elif', 'else', 'fi'));
            clauses.push({ cond, body });
            if (isWord('elif')) {
              p++;
              continue;
            }
            if (isWord('else')) {
              p++;
              elseBody = list(endsWith('fi'));
            }
            expectWord('fi');
            break;
          }
          return { t: 'if', clauses, elseBody, redirs: redirects() };
        }
        case 'while':
        case 'until': {
          p++;
          const cond = list(endsWith('do'));
          expectWord('do');
          const body = list(endsWith('done'));
          expectWord('done');
          return { t: 'while', cond, body, until: t.v === 'until', redirs: redirects() };
        }
        case 'for': {
          p++;
          if (peek().k !== 'word') fail();
          const name = (peek() as { v: string }).v;
          p++;
          let words: string[] | null = null;
          skipNl();
          if (isWord('in')) {
            p++;
            words = [];
            while (peek().k === 'word') {
              words.push((peek() as { v: string }).v);
              p++;
            }
          }
          if (isOp(';')) p++;
          expectWord('do');
          const body = list(endsWith('done'));
          expectWord('done');
          return { t: 'for', name, words, body, redirs: redirects() };
        }
        case 'case': {
          p++;
          const word = (peek() as { v: string }).v;
          p++;
          expectWord('in');
          const items: { patterns: string[]; body: Node | null }[] = [];
          for (;;) {
            skipNl();
            if (isWord('esac')) {
              p++;
              break;
            }
            if (isOp('(')) p++;
            const patterns: string[] = [];
            for (;;) {
              if (peek().k !== 'word') fail();
              patterns.push((peek() as { v: string }).v);
              p++;
              if (isOp('|')) {
                p++;
                continue;
              }
              break;
            }
            if (!isOp(')')) fail();
            p++;
            const body = list((tk) => (tk.k === 'op' && tk.v === ';;') || (tk.k === 'word' && tk.v === 'esac'));
            items.push({ patterns, body });
            if (isOp(';;')) p++;
          }
          return { t: 'case', word, items, redirs: redirects() };
        }
        case '{': {
          p++;
          const body = list(endsWith('}'));
          expectWord('}');
          return { t: 'group', body, subshell: false, redirs: redirects() };
        }
      }
      if (RESERVED_END.has(t.v)) fail();
      // Function definition: name ( )
      const n1 = toks[p + 1];
      const n2 = toks[p + 2];
      if (n1?.k === 'op' && n1.v === '(' && n2?.k === 'op' && n2.v === ')') {
        p += 3;
        skipNl();
        const body = command();
        return { t: 'func', name: t.v, body };
      }
    }
    if (isOp('(')) {
      p++;
      const body = list((tk) => tk.k === 'op' && tk.v === ')');
      if (!isOp(')')) fail();
      p++;
      return { t: 'group', body, subshell: true, redirs: redirects() };
    }
    // Simple command.
    const line = peek().line;
    const assigns: string[] = [];
    const words: string[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const tk = peek();
      if (tk.k === 'redir') {
        redirs.push(...redirects());
        continue;
      }
      if (tk.k !== 'word') break;
      if (words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(tk.v)) assigns.push(tk.v);
      else words.push(tk.v);
      p++;
    }
    if (!assigns.length && !words.length && !redirs.length) fail();
    return { t: 'simple', assigns, words, redirs, line };
  }

  const root = list(() => false);
  if (peek().k !== 'eof') fail();
  return root;
}
