// Text tools: head tail wc grep sed cut sort uniq tr seq expr tee rev.
import { STRERROR } from '../../fs/errors.js';
import { Blocked } from '../context.js';
import { lookupPath } from '../fsutil.js';
import { getopt, type Cmd, type CommandImpl } from './types.js';

/** Read an operand ('-' = stdin); prints the tool's error and returns undefined on failure. */
function readInput(c: Cmd, op: string, fmt: { gnu: (op: string, e: string) => string; bb: (op: string, e: string) => string }): string | undefined {
  if (op === '-') return c.io.stdin;
  const r = lookupPath(c.sim.fs, c.abs(op), true);
  if (!r.node) {
    const e = STRERROR[r.error ?? 'ENOENT'];
    c.err(c.gnu ? fmt.gnu(op, e) : fmt.bb(op, e));
    return undefined;
  }
  if (r.node.type === 'dir') {
    c.err(c.gnu ? `${c.name}: error reading '${op}': Is a directory\n` : `${c.name}: read error: Is a directory\n`);
    return undefined;
  }
  return r.node.content ?? '';
}

const splitLines = (t: string) => {
  if (t === '') return [];
  const ls = t.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
};

function countArg(args: string[]): { n: number; fromEnd: boolean; bytes: boolean; rest: string[]; follow: boolean } {
  let n = 10;
  let fromEnd = false;
  let bytes = false;
  let follow = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n' || a === '-c') {
      bytes = a === '-c';
      const v = args[++i] ?? '10';
      fromEnd = v.startsWith('+');
      n = Math.abs(parseInt(v, 10));
    } else if (/^-[nc]-?\+?\d+$/.test(a)) {
      bytes = a[1] === 'c';
      fromEnd = a[2] === '+';
      n = Math.abs(parseInt(a.slice(2), 10));
    } else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a === '-f' || a === '-F' || a === '--follow') follow = true;
    else if (a === '-q' || a === '-v') continue;
    else rest.push(a);
  }
  return { n, fromEnd, bytes, rest, follow };
}

export const head: CommandImpl = (c) => {
  const o = countArg(c.argv.slice(1));
  const ops = o.rest.length ? o.rest : ['-'];
  let st = 0;
  ops.forEach((op, i) => {
    const t = readInput(c, op, { gnu: (p, e) => `head: cannot open '${p}' for reading: ${e}\n`, bb: (p, e) => `head: ${p}: ${e}\n` });
    if (t === undefined) {
      st = 1;
      return;
    }
    if (ops.length > 1) c.out(`${i ? '\n' : ''}==> ${op === '-' ? 'standard input' : op} <==\n`);
    if (o.bytes) c.out(t.slice(0, o.n));
    else c.out(splitLines(t).slice(0, o.n).map((l) => l + '\n').join('').slice(0, t.length));
  });
  return st;
};

export const tail: CommandImpl = (c) => {
  const o = countArg(c.argv.slice(1));
  const ops = o.rest.length ? o.rest : ['-'];
  let st = 0;
  ops.forEach((op, i) => {
    if (op === '/dev/null') return;
    const t = readInput(c, op, { gnu: (p, e) => `tail: cannot open '${p}' for reading: ${e}\n`, bb: (p, e) => `tail: can't open '${p}': ${e}\n` });
    if (t === undefined) {
      st = 1;
      return;
    }
    if (ops.length > 1) c.out(`${i ? '\n' : ''}==> ${op === '-' ? 'standard input' : op} <==\n`);
    if (o.bytes) c.out(o.fromEnd ? t.slice(o.n - 1) : t.slice(Math.max(0, t.length - o.n)));
    else {
      const lines = splitLines(t);
      const sel = o.fromEnd ? lines.slice(Math.max(0, o.n - 1)) : o.n === 0 ? [] : lines.slice(-o.n);
      c.out(sel.map((l) => l + '\n').join(''));
    }
  });
  if (o.follow) {
    if (st && ops.every((op) => op !== '/dev/null')) {
      if (c.gnu) c.err('tail: no files remaining\n');
      else return st;
      return st;
    }
    throw new Blocked('tail');
  }
  return st;
};

export const wc: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1));
  let sel = ['l', 'w', 'c'].filter((f) => o.flags.has(f) || (f === 'c' && o.flags.has('m')));
  if (!sel.length) sel = ['l', 'w', 'c'];
  const ops = o.operands.length ? o.operands : ['-'];
  const rows: { counts: number[]; name?: string }[] = [];
  let st = 0;
  const totals = [0, 0, 0];
  for (const op of ops) {
    const t = readInput(c, op, { gnu: (p, e) => `wc: ${p}: ${e}\n`, bb: (p, e) => `wc: ${p}: ${e}\n` });
    if (t === undefined) {
      st = 1;
      continue;
    }
    const counts = [(t.match(/\n/g) ?? []).length, t.split(/\s+/).filter(Boolean).length, new TextEncoder().encode(t).length];
    counts.forEach((v, i) => (totals[i]! += v));
    rows.push({ counts, name: o.operands.length ? op : undefined });
  }
  if (rows.length > 1) rows.push({ counts: totals, name: 'total' });
  const idx = sel.map((f) => ['l', 'w', 'c'].indexOf(f));
  let width: number;
  if (!c.gnu) width = sel.length === 1 ? 0 : 9;
  else if (sel.length === 1 && rows.length === 1) width = 0;
  else if (!o.operands.length) width = 7;
  else width = Math.max(1, ...rows.map((r) => String(r.counts[2]).length));
  for (const r of rows) {
    const cells = idx.map((i) => String(r.counts[i]).padStart(width));
    c.out(cells.join(' ') + (r.name !== undefined ? ` ${r.name}` : '') + '\n');
  }
  return st;
};

/** Convert a POSIX BRE/ERE to a JavaScript regular expression source. */
export function posixToJs(re: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const ch = re[i]!;
    if (ch === '\\' && i + 1 < re.length) {
      const n = re[++i]!;
      if (!extended && '(){}|+?'.includes(n)) out += n;
      else if (n === '<' || n === '>') out += '\\b';
      else out += '\\' + n;
      continue;
    }
    if (ch === '[') {
      let j = i + 1;
      if (re[j] === '^') j++;
      if (re[j] === ']') j++;
      while (j < re.length && re[j] !== ']') j += re[j] === '[' && re[j + 1] === ':' ? re.indexOf(':]', j) - j + 2 : 1;
      const body = re.slice(i + 1, j).replace(/\[:(\w+):\]/g, (_m, k: string) => ({ alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', blank: ' \\t', punct: '!-/:-@\\[-`{-~', xdigit: '0-9A-Fa-f' })[k] ?? '').replace(/\\/g, '\\\\');
      out += '[' + body + ']';
      i = j;
      continue;
    }
    if (!extended && '(){}|+?'.includes(ch)) out += '\\' + ch;
    else out += ch;
  }
  return out;
}

export const grep: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1), 'em');
  const f = o.flags;
  const extended = f.has('E') || c.name === 'egrep';
  const fixed = f.has('F') || c.name === 'fgrep';
  const ops = [...o.operands];
  const pattern = o.values.get('e') ?? ops.shift();
  if (pattern === undefined) {
    c.err(c.gnu ? "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n" : 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b7) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n');
    return 2;
  }
  const src = fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : posixToJs(pattern, extended);
  let re: RegExp;
  try {
    re = new RegExp(f.has('w') ? `\\b(?:${src})\\b` : f.has('x') ? `^(?:${src})$` : src, f.has('i') ? 'i' : '');
  } catch {
    c.err(c.gnu ? `grep: Unmatched ( or \\(\n` : `grep: bad regex '${pattern}'\n`);
    return 2;
  }
  const files = ops.length ? ops : ['-'];
  const multi = (files.length > 1 || f.has('r')) && !f.has('h');
  let matchedAny = false;
  let err = false;
  const max = o.values.has('m') ? Number(o.values.get('m')) : Infinity;
  for (const file of files) {
    const t = readInput(c, file, { gnu: (p, e) => `grep: ${p}: ${e}\n`, bb: (p, e) => `grep: ${p}: ${e}\n` });
    if (t === undefined) {
      err = true;
      continue;
    }
    let count = 0;
    const name = file === '-' ? '(standard input)' : file;
    splitLines(t).forEach((line, i) => {
      if (count >= max) return;
      const m = re.test(line) !== f.has('v');
      if (!m) return;
      count++;
      matchedAny = true;
      if (f.has('q') || f.has('l') || f.has('c')) return;
      if (f.has('o')) {
        const g = new RegExp(re.source, re.flags + 'g');
        for (const mm of line.matchAll(g)) c.out(`${multi ? name + ':' : ''}${f.has('n') ? i + 1 + ':' : ''}${mm[0]}\n`);
        return;
      }
      c.out(`${multi ? name + ':' : ''}${f.has('n') ? i + 1 + ':' : ''}${line}\n`);
    });
    if (f.has('c')) c.out(`${multi ? name + ':' : ''}${count}\n`);
    if (f.has('l') && count) c.out(name + '\n');
    if (f.has('q') && matchedAny) return 0;
  }
  return err && !(f.has('q') && matchedAny) ? 2 : matchedAny ? 0 : 1;
};

interface SedCmd {
  addr1?: string;
  addr2?: string;
  neg: boolean;
  cmd: string;
  re?: RegExp;
  rep?: string;
  global?: boolean;
  print?: boolean;
  nth?: number;
  text?: string;
}

function parseSed(script: string, extended: boolean): SedCmd[] | string {
  const cmds: SedCmd[] = [];
  let i = 0;
  const readAddr = (): string | undefined => {
    if (script[i] === '$') {
      i++;
      return '$';
    }
    const m = /^\d+/.exec(script.slice(i));
    if (m) {
      i += m[0].length;
      return m[0];
    }
    if (script[i] === '/' || script[i] === '\\') {
      const delim = script[i] === '\\' ? script[++i]! : '/';
      let j = i + 1;
      while (j < script.length && script[j] !== delim) j += script[j] === '\\' ? 2 : 1;
      const a = '/' + script.slice(i + 1, j);
      i = j + 1;
      return a;
    }
    return undefined;
  };
  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script[i]!)) i++;
    if (i >= script.length) break;
    const c: SedCmd = { neg: false, cmd: '' };
    c.addr1 = readAddr();
    if (c.addr1 !== undefined && script[i] === ',') {
      i++;
      c.addr2 = readAddr();
    }
    while (script[i] === ' ') i++;
    if (script[i] === '!') {
      c.neg = true;
      i++;
    }
    c.cmd = script[i++] ?? '';
    if (c.cmd === 's' || c.cmd === 'y') {
      const delim = script[i++]!;
      const parts: string[] = [];
      let cur = '';
      while (i < script.length && parts.length < 2) {
        const ch = script[i]!;
        if (ch === '\\' && script[i + 1] === delim) {
          cur += delim;
          i += 2;
          continue;
        }
        if (ch === '\\') {
          cur += ch + (script[i + 1] ?? '');
          i += 2;
          continue;
        }
        if (ch === delim) {
          parts.push(cur);
          cur = '';
          i++;
          continue;
        }
        cur += ch;
        i++;
      }
      if (parts.length < 2) return `unterminated \`${c.cmd}' command`;
      let flags = '';
      while (i < script.length && /[gpiI0-9]/.test(script[i]!)) flags += script[i++];
      if (c.cmd === 's') {
        c.re = new RegExp(posixToJs(parts[0]!, extended), flags.includes('i') || flags.includes('I') ? 'gi' : 'g');
        c.rep = parts[1]!;
        c.global = flags.includes('g');
        c.print = flags.includes('p');
        const nth = /\d+/.exec(flags);
        c.nth = nth ? Number(nth[0]) : 1;
      } else c.text = parts.join('\u0000');
    } else if ('aic'.includes(c.cmd)) {
      let t = script.slice(i).replace(/^\\?\s*/, '');
      const nl = t.indexOf('\n');
      if (nl >= 0) t = t.slice(0, nl);
      i += script.slice(i).length - (script.slice(i).length - (nl >= 0 ? script.slice(i).indexOf('\n') : script.slice(i).length));
      c.text = t;
    } else if (!'pdqn=PD'.includes(c.cmd) || c.cmd === '') return `unknown command: \`${c.cmd}'`;
    cmds.push(c);
  }
  return cmds;
}

function sedReplace(rep: string, m: RegExpExecArray): string {
  return rep.replace(/\\(\d)|\\n|\\t|\\&|&|\\\\/g, (t, d: string | undefined) => {
    if (d !== undefined) return m[Number(d)] ?? '';
    if (t === '&') return m[0];
    if (t === '\\&') return '&';
    if (t === '\\n') return '\n';
    if (t === '\\t') return '\t';
    return '\\';
  });
}

export const sed: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  let quiet = false;
  let inPlace = false;
  let extended = false;
  const scripts: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n') quiet = true;
    else if (a === '-i' || a.startsWith('-i')) inPlace = true;
    else if (a === '-E' || a === '-r') extended = true;
    else if (a === '-e') scripts.push(args[++i] ?? '');
    else if (/^-[nEr]+$/.test(a)) {
      quiet ||= a.includes('n');
      extended ||= /[Er]/.test(a);
    } else if (!scripts.length && !files.length && !args.slice(0, i).includes('-e')) scripts.push(a);
    else files.push(a);
  }
  const parsed = parseSed(scripts.join('\n'), extended);
  if (typeof parsed === 'string') {
    c.err(`sed: -e expression #1, char ${scripts.join('\n').length}: ${parsed}\n`);
    return 1;
  }
  const run = (text: string): string => {
    const lines = splitLines(text);
    const noFinalNl = text !== '' && !text.endsWith('\n');
    let out = '';
    const ranges = new Map<SedCmd, boolean>();
    const matchAddr = (a: string, line: string, n: number) => (a === '$' ? n === lines.length : a.startsWith('/') ? new RegExp(posixToJs(a.slice(1), extended)).test(line) : Number(a) === n);
    for (let idx = 0; idx < lines.length; idx++) {
      let line = lines[idx]!;
      const n = idx + 1;
      let deleted = false;
      let quit = false;
      let append = '';
      for (const cmd of parsed) {
        let sel = true;
        if (cmd.addr1 !== undefined) {
          if (cmd.addr2 === undefined) sel = matchAddr(cmd.addr1, line, n);
          else {
            const active = ranges.get(cmd) ?? false;
            if (!active) {
              sel = matchAddr(cmd.addr1, line, n);
              if (sel) ranges.set(cmd, !(/^\d+$/.test(cmd.addr2) && Number(cmd.addr2) <= n) && !matchAddr(cmd.addr2, line, n) || /^\//.test(cmd.addr2));
              if (sel && /^\//.test(cmd.addr2)) ranges.set(cmd, true);
            } else {
              sel = true;
              if (matchAddr(cmd.addr2, line, n) || (/^\d+$/.test(cmd.addr2) && Number(cmd.addr2) <= n)) ranges.set(cmd, false);
            }
          }
        }
        if (cmd.neg) sel = !sel;
        if (!sel) continue;
        switch (cmd.cmd) {
          case 's': {
            const re = new RegExp(cmd.re!.source, cmd.re!.flags);
            let k = 0;
            let changed = false;
            line = line.replace(re, (...mm) => {
              k++;
              const full = mm.slice(0, -2) as string[];
              const m = Object.assign([...full], { index: 0, input: line }) as unknown as RegExpExecArray;
              if (cmd.global ? k >= cmd.nth! : k === cmd.nth) {
                changed = true;
                return sedReplace(cmd.rep!, m);
              }
              return full[0]!;
            });
            if (changed && cmd.print) out += line + '\n';
            break;
          }
          case 'y': {
            const [from = '', to = ''] = cmd.text!.split('\u0000');
            line = [...line].map((ch) => (from.includes(ch) ? to[from.indexOf(ch)] ?? ch : ch)).join('');
            break;
          }
          case 'p':
            out += line + '\n';
            break;
          case 'd':
            deleted = true;
            break;
          case 'q':
            quit = true;
            break;
          case '=':
            out += n + '\n';
            break;
          case 'a':
            append += cmd.text + '\n';
            break;
          case 'i':
            out += cmd.text + '\n';
            break;
          case 'c':
            out += cmd.text + '\n';
            deleted = true;
            break;
        }
        if (deleted || quit) break;
      }
      if (!deleted && !quiet) out += line + (noFinalNl && idx === lines.length - 1 ? '' : '\n');
      out += append;
      if (quit) break;
    }
    return out;
  };
  if (!files.length) {
    c.out(run(c.io.stdin));
    return 0;
  }
  let st = 0;
  for (const f of files) {
    const t = readInput(c, f, { gnu: (p, e) => `sed: can't read ${p}: ${e}\n`, bb: (p, e) => `sed: ${p}: ${e}\n` });
    if (t === undefined) {
      st = c.gnu ? 2 : 1;
      continue;
    }
    if (inPlace) {
      try {
        c.sim.fs.writeFile(c.abs(f), run(t));
      } catch {
        st = 4;
      }
    } else c.out(run(t));
  }
  return st;
};

function parseList(spec: string): (n: number) => boolean {
  const parts = spec.split(',').map((p) => {
    const m = /^(\d*)(-?)(\d*)$/.exec(p);
    if (!m) return () => false;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    return (n: number) => n >= a && n <= b;
  });
  return (n) => parts.some((f) => f(n));
}

export const cut: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1), 'dfcb');
  const delim = o.values.get('d') ?? '\t';
  const fields = o.values.get('f');
  const chars = o.values.get('c') ?? o.values.get('b');
  if (!fields && !chars) {
    c.err(c.gnu ? "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n" : 'cut: expected a list of bytes, characters, or fields\n');
    return 1;
  }
  let st = 0;
  for (const op of o.operands.length ? o.operands : ['-']) {
    const t = readInput(c, op, { gnu: (p, e) => `cut: ${p}: ${e}\n`, bb: (p, e) => `cut: can't open '${p}': ${e}\n` });
    if (t === undefined) {
      st = 1;
      continue;
    }
    for (const line of splitLines(t)) {
      if (chars) {
        const sel = parseList(chars);
        c.out([...line].filter((_, i) => sel(i + 1)).join('') + '\n');
      } else {
        if (!line.includes(delim)) {
          if (!o.flags.has('s')) c.out(line + '\n');
          continue;
        }
        const sel = parseList(fields!);
        c.out(line.split(delim).filter((_, i) => sel(i + 1)).join(delim) + '\n');
      }
    }
  }
  return st;
};

export const sort: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1), 'kt');
  let lines: string[] = [];
  let st = 0;
  for (const op of o.operands.length ? o.operands : ['-']) {
    const t = readInput(c, op, { gnu: (p, e) => `sort: cannot read: ${p}: ${e}\n`, bb: (p, e) => `sort: can't open '${p}': ${e}\n` });
    if (t === undefined) {
      st = 2;
      continue;
    }
    lines.push(...splitLines(t));
  }
  if (st) return c.gnu ? 2 : 1;
  const sep = o.values.get('t');
  const k = o.values.get('k');
  const keyOf = (l: string) => {
    if (!k) return l;
    const n = parseInt(k, 10);
    const parts = sep ? l.split(sep) : l.trim().split(/\s+/);
    return parts.slice(n - 1).join(sep ?? ' ');
  };
  const num = o.flags.has('n') || o.flags.has('h');
  const fold = o.flags.has('f');
  lines.sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (num) {
      const d = (parseFloat(ka) || 0) - (parseFloat(kb) || 0);
      if (d) return d;
    } else {
      const x = fold ? ka.toUpperCase() : ka;
      const y = fold ? kb.toUpperCase() : kb;
      if (x !== y) return x < y ? -1 : 1;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  });
  if (o.flags.has('r')) lines.reverse();
  if (o.flags.has('u')) lines = lines.filter((l, i) => i === 0 || keyOf(l) !== keyOf(lines[i - 1]!));
  c.out(lines.map((l) => l + '\n').join(''));
  return 0;
};

export const uniq: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1));
  const t = readInput(c, o.operands[0] ?? '-', { gnu: (p, e) => `uniq: ${p}: ${e}\n`, bb: (p, e) => `uniq: can't open '${p}': ${e}\n` });
  if (t === undefined) return 1;
  const groups: [string, number][] = [];
  for (const l of splitLines(t)) {
    const last = groups[groups.length - 1];
    const same = last && (o.flags.has('i') ? last[0].toLowerCase() === l.toLowerCase() : last[0] === l);
    if (same) last[1]++;
    else groups.push([l, 1]);
  }
  for (const [l, n] of groups) {
    if (o.flags.has('d') && n < 2) continue;
    if (o.flags.has('u') && n > 1) continue;
    c.out(o.flags.has('c') ? `${String(n).padStart(7)} ${l}\n` : l + '\n');
  }
  return 0;
};

function expandSet(s: string): string {
  s = s
    .replace(/\[:upper:\]/g, 'A-Z')
    .replace(/\[:lower:\]/g, 'a-z')
    .replace(/\[:digit:\]/g, '0-9')
    .replace(/\[:alpha:\]/g, 'A-Za-z')
    .replace(/\[:alnum:\]/g, 'A-Za-z0-9')
    .replace(/\[:space:\]/g, ' \t\n\r\f\v')
    .replace(/\[:blank:\]/g, ' \t')
    .replace(/\[:punct:\]/g, '!-/:-@[-`{-~');
  const [u] = [s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\')];
  let out = '';
  for (let i = 0; i < u.length; i++) {
    if (u[i + 1] === '-' && i + 2 < u.length) {
      for (let k = u.charCodeAt(i); k <= u.charCodeAt(i + 2); k++) out += String.fromCharCode(k);
      i += 2;
    } else out += u[i];
  }
  return out;
}

export const tr: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1));
  const [a, b] = o.operands;
  if (a === undefined) {
    c.err(c.gnu ? "tr: missing operand\nTry 'tr --help' for more information.\n" : 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b7) multi-call binary.\n\nUsage: tr [-cds] STRING1 [STRING2]\n');
    return 1;
  }
  const s1 = expandSet(a);
  const s2 = b !== undefined ? expandSet(b) : '';
  let t = c.io.stdin;
  if (o.flags.has('d')) t = [...t].filter((ch) => (o.flags.has('c') ? s1.includes(ch) : !s1.includes(ch))).join('');
  else if (b !== undefined) t = [...t].map((ch) => (s1.includes(ch) ? s2[Math.min(s1.indexOf(ch), s2.length - 1)] ?? ch : ch)).join('');
  if (o.flags.has('s')) {
    const sq = b !== undefined && !o.flags.has('d') ? s2 : s1;
    t = t.replace(/(.)\1+/gs, (m, ch: string) => (sq.includes(ch) ? ch : m));
  }
  c.out(t);
  return 0;
};

export const seq: CommandImpl = (c) => {
  const args = c.argv.slice(1);
  let sep = '\n';
  const nums: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-s') sep = args[++i] ?? '';
    else if (args[i] === '-w') continue;
    else nums.push(args[i]!);
  }
  if (!nums.length) {
    c.err(c.gnu ? "seq: missing operand\nTry 'seq --help' for more information.\n" : 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b7) multi-call binary.\n\nUsage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n');
    return 1;
  }
  for (const n of nums) {
    if (!/^-?\d+(\.\d+)?$/.test(n)) {
      c.err(c.gnu ? `seq: invalid floating point argument: '${n}'\nTry 'seq --help' for more information.\n` : `seq: invalid number '${n}'\n`);
      return 1;
    }
  }
  const [first, inc, last] = nums.length === 1 ? [1, 1, Number(nums[0])] : nums.length === 2 ? [Number(nums[0]), 1, Number(nums[1])] : [Number(nums[0]), Number(nums[1]), Number(nums[2])];
  const out: string[] = [];
  if (inc === 0) return 1;
  for (let v = first; inc > 0 ? v <= last : v >= last; v += inc) {
    out.push(String(v));
    if (out.length > 100000) break;
  }
  if (out.length) c.out(out.join(sep) + '\n');
  return 0;
};

export const expr: CommandImpl = (c) => {
  const a = c.argv.slice(1);
  let p = 0;
  const isInt = (s: string) => /^-?\d+$/.test(s);
  const fail = (msg: string): never => {
    throw new Error(msg);
  };
  const primary = (): string => {
    const t = a[p++];
    if (t === undefined) fail('syntax error');
    if (t === '(') {
      const v = or();
      if (a[p++] !== ')') fail('syntax error');
      return v;
    }
    if (t === 'length') return String((a[p++] ?? '').length);
    return t!;
  };
  const colon = (): string => {
    let v = primary();
    while (a[p] === ':') {
      p++;
      const re = new RegExp('^' + posixToJs(primary(), false));
      const m = re.exec(v);
      v = m ? (m[1] !== undefined ? m[1] : String(m[0].length)) : m === null && /\\\(/.test(a[p - 1]!) ? '' : '0';
    }
    return v;
  };
  const mul = (): string => {
    let v = colon();
    while (['*', '/', '%'].includes(a[p] ?? '')) {
      const op = a[p++]!;
      const r = colon();
      if (!isInt(v) || !isInt(r)) fail('non-integer argument');
      if (op !== '*' && Number(r) === 0) fail('division by zero');
      v = String(op === '*' ? Number(v) * Number(r) : op === '/' ? Math.trunc(Number(v) / Number(r)) : Number(v) % Number(r));
    }
    return v;
  };
  const add = (): string => {
    let v = mul();
    while (a[p] === '+' || a[p] === '-') {
      const op = a[p++]!;
      const r = mul();
      if (!isInt(v) || !isInt(r)) fail('non-integer argument');
      v = String(op === '+' ? Number(v) + Number(r) : Number(v) - Number(r));
    }
    return v;
  };
  const cmp = (): string => {
    let v = add();
    while (['=', '!=', '<', '>', '<=', '>=', '=='].includes(a[p] ?? '')) {
      const op = a[p++]!;
      const r = add();
      const both = isInt(v) && isInt(r);
      const x: number | string = both ? Number(v) : v;
      const y: number | string = both ? Number(r) : r;
      const res = op === '=' || op === '==' ? x === y : op === '!=' ? x !== y : op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
      v = res ? '1' : '0';
    }
    return v;
  };
  const and = (): string => {
    let v = cmp();
    while (a[p] === '&') {
      p++;
      const r = cmp();
      v = v !== '' && v !== '0' && r !== '' && r !== '0' ? v : '0';
    }
    return v;
  };
  const or = (): string => {
    let v = and();
    while (a[p] === '|') {
      p++;
      const r = and();
      v = v !== '' && v !== '0' ? v : r !== '' && r !== '0' ? r : '0';
    }
    return v;
  };
  try {
    if (!a.length) fail('missing operand');
    const v = or();
    if (p < a.length) fail(`syntax error: unexpected argument '${a[p]}'`);
    c.out(v + '\n');
    return v === '' || v === '0' ? 1 : 0;
  } catch (e) {
    c.err(`expr: ${(e as Error).message}\n`);
    return 2;
  }
};

export const tee: CommandImpl = (c) => {
  const o = getopt(c.argv.slice(1));
  for (const f of o.operands) {
    try {
      c.sim.fs.writeFile(c.abs(f), c.io.stdin, { append: o.flags.has('a') });
    } catch (e) {
      c.err(`tee: ${f}: ${STRERROR[(e as { code: 'ENOENT' }).code] ?? 'No such file or directory'}\n`);
    }
  }
  c.out(c.io.stdin);
  return 0;
};

export const rev: CommandImpl = (c) => {
  c.out(splitLines(c.io.stdin).map((l) => [...l].reverse().join('') + '\n').join(''));
  return 0;
};
