// echo, printf and test/[ as the shells build them in (texts differ between ash, dash and bash).
import type { IO, Shell } from './interp.js';
import { normalizePath } from '../../fs/path.js';
import { lookupPath } from '../fsutil.js';
import { canAccess } from '../context.js';

/** Interpret backslash escapes (echo -e / dash echo / printf %b). Returns [text, stop]. */
export function unescapeEcho(s: string): [string, boolean] {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const d = s[++i]!;
    switch (d) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'e': out += '\x1b'; break;
      case '\\': out += '\\'; break;
      case 'c': return [out, true];
      case '0': {
        const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
        out += String.fromCharCode(parseInt(m || '0', 8));
        i += m.length;
        break;
      }
      case 'x': {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16));
          i += m[0].length;
        } else out += '\\x';
        break;
      }
      default:
        out += '\\' + d;
    }
  }
  return [out, false];
}

export function echoBuiltin(sh: Shell, argv: string[], io: IO): number {
  const args = argv.slice(1);
  let newline = true;
  let escapes = sh.kind === 'dash';
  if (sh.kind === 'dash') {
    if (args[0] === '-n') {
      newline = false;
      args.shift();
    }
  } else {
    while (args.length && /^-[neE]+$/.test(args[0]!)) {
      const a = args.shift()!;
      for (const ch of a.slice(1)) {
        if (ch === 'n') newline = false;
        else if (ch === 'e') escapes = true;
        else if (ch === 'E') escapes = false;
      }
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const [t, stop] = unescapeEcho(text);
    if (stop) {
      io.out(t);
      return 0;
    }
    text = t;
  }
  io.out(text + (newline ? '\n' : ''));
  return 0;
}

export function formatPrintf(fmt: string, args: string[], onError?: (a: string) => void): string {
  let out = '';
  let ai = 0;
  const hasSpec = /%[^%]/.test(fmt);
  do {
    for (let i = 0; i < fmt.length; i++) {
      const c = fmt[i]!;
      if (c === '\\') {
        const m = /^\\([0-7]{1,3}|.)/.exec(fmt.slice(i))!;
        const [t] = unescapeEcho(m[1]!.length > 1 || /[0-7]/.test(m[1]!) ? '\\0' + m[1] : m[0]);
        out += t;
        i += m[0].length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([a-zA-Z%])/.exec(fmt.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      i += m[0].length - 1;
      const conv = m[4]!;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const flags = m[1]!;
      const width = m[2] === '*' ? Number(args[ai++] ?? 0) : m[2] ? Number(m[2]) : 0;
      const prec = m[3] === '*' ? Number(args[ai++] ?? 0) : m[3] !== undefined ? Number(m[3]) : undefined;
      const arg = args[ai++];
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          break;
        case 'b':
          s = unescapeEcho(arg ?? '')[0];
          break;
        case 'c':
          s = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
          let n = 0;
          const a = (arg ?? '').trim();
          if (/^[-+]?\d+$/.test(a)) n = parseInt(a, 10);
          else if (/^0x[0-9a-f]+$/i.test(a)) n = parseInt(a, 16);
          else if (/^['"]./.test(a)) n = a.charCodeAt(1);
          else if (a !== '') onError?.(a);
          s = conv === 'x' ? n.toString(16) : conv === 'X' ? n.toString(16).toUpperCase() : conv === 'o' ? n.toString(8) : String(n);
          if (prec !== undefined) s = s.padStart(prec, '0');
          if (flags.includes('+') && n >= 0 && 'di'.includes(conv)) s = '+' + s;
          break;
        }
        case 'f':
        case 'e':
        case 'g': {
          const n = Number(arg ?? 0) || 0;
          s = conv === 'f' ? n.toFixed(prec ?? 6) : conv === 'e' ? n.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2') : String(n);
          break;
        }
        default:
          s = '';
      }
      if (width && s.length < width) {
        if (flags.includes('-')) s = s.padEnd(width);
        else if (flags.includes('0') && /[diuxXofe]/.test(conv)) s = s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0');
        else s = s.padStart(width);
      }
      out += s;
    }
  } while (hasSpec && ai < args.length && ai > 0);
  return out;
}

export function printfBuiltin(sh: Shell, argv: string[], io: IO): number {
  if (argv.length < 2) {
    if (sh.kind === 'bash') io.err(sh.msg('printf: usage: printf [-v var] format [arguments]'));
    else io.err(sh.kind === 'dash' ? sh.msg('printf: usage: printf format [arg ...]') : 'printf: usage: printf FORMAT [ARGUMENT...]\n');
    return 2;
  }
  let st = 0;
  io.out(
    formatPrintf(argv[1]!, argv.slice(2), (a) => {
      st = 1;
      if (sh.kind === 'bash') io.err(sh.msg(`printf: ${a}: invalid number`));
      else if (sh.kind === 'dash') io.err(sh.msg(`printf: ${a}: expected numeric value`));
      else io.err(`${sh.name}: invalid number '${a}'\n`);
    }),
  );
  return st;
}

class TestError extends Error {}

export function testBuiltin(sh: Shell, argv: string[], io: IO): number {
  const name = argv[0]!;
  let args = argv.slice(1);
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      if (sh.kind === 'bash') io.err(sh.msg("[: missing `]'"));
      else if (sh.kind === 'dash') io.err(sh.msg('[: missing ]'));
      else io.err(`${sh.name}: [: missing ]\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  const prefix = sh.kind === 'ash' ? '' : `${name}: `;
  const fail = (text: string): never => {
    throw new TestError(text);
  };
  const fs = sh.sim.fs;
  const int = (s: string): number => {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) {
      if (sh.kind === 'bash') fail(`${prefix}${s}: integer expression expected`);
      if (sh.kind === 'dash') fail(`${prefix}Illegal number: ${s}`);
      fail(`invalid number '${s}'`);
    }
    return parseInt(s, 10);
  };
  const unary = (op: string, a: string): boolean => {
    const p = normalizePath(a, sh.cwd);
    switch (op) {
      case '-z': return a === '';
      case '-n': return a !== '';
      case '-e': return a !== '' && !!fs.stat(p);
      case '-f': return a !== '' && fs.stat(p)?.type === 'file';
      case '-d': return a !== '' && fs.stat(p)?.type === 'dir';
      case '-L':
      case '-h': return a !== '' && fs.lstat(p)?.type === 'symlink';
      case '-s': { const n = fs.stat(p); return !!n && (n.type === 'dir' || (n.size ?? (n.content ?? '').length) > 0); }
      case '-r': { const n = lookupPath(fs, p).node; return !!n && canAccess(n, sh.sim.user, 4); }
      case '-w': { const n = lookupPath(fs, p).node; return !!n && canAccess(n, sh.sim.user, 2); }
      case '-x': { const n = lookupPath(fs, p).node; return !!n && canAccess(n, sh.sim.user, 1); }
      case '-b': case '-c': case '-p': case '-S': case '-t': case '-g': case '-u': case '-k': return false;
    }
    if (sh.kind === 'bash') fail(`${prefix}${op}: unary operator expected`);
    return fail(`${prefix}${op}: unexpected operator`);
  };
  const binaryOps = ['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>', '-nt', '-ot', '-ef'];
  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=':
      case '==': return a === b;
      case '!=': return a !== b;
      case '<': return a < b;
      case '>': return a > b;
      case '-eq': return int(a) === int(b);
      case '-ne': return int(a) !== int(b);
      case '-lt': return int(a) < int(b);
      case '-le': return int(a) <= int(b);
      case '-gt': return int(a) > int(b);
      case '-ge': return int(a) >= int(b);
      case '-nt': return (fs.stat(normalizePath(a, sh.cwd))?.mtimeMs ?? 0) > (fs.stat(normalizePath(b, sh.cwd))?.mtimeMs ?? 0);
      case '-ot': return (fs.stat(normalizePath(a, sh.cwd))?.mtimeMs ?? 0) < (fs.stat(normalizePath(b, sh.cwd))?.mtimeMs ?? 0);
    }
    return false;
  };
  // Recursive descent for -a / -o / ! / ( ).
  let p = 0;
  const expr = (): boolean => {
    let v = andExpr();
    while (args[p] === '-o') {
      p++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  const andExpr = (): boolean => {
    let v = notExpr();
    while (args[p] === '-a') {
      p++;
      const r = notExpr();
      v = v && r;
    }
    return v;
  };
  const notExpr = (): boolean => {
    if (args[p] === '!' && p + 1 < args.length) {
      p++;
      return !notExpr();
    }
    return prim();
  };
  const prim = (): boolean => {
    const a = args[p];
    if (a === undefined) fail(`${prefix}argument expected`);
    if (a === '(' && args.length - p >= 3) {
      p++;
      const v = expr();
      if (args[p] !== ')') fail(`${prefix}closing paren expected`);
      p++;
      return v;
    }
    if (p + 2 < args.length + 0 && binaryOps.includes(args[p + 1]!) ) {
      const b = args[p + 2];
      p += 3;
      return binary(a!, args[p - 2]!, b!);
    }
    if (binaryOps.includes(args[p + 1] ?? '') && args[p + 2] === undefined) {
      if (sh.kind === 'bash') fail(`${prefix}${args[p]}: unary operator expected`);
      fail(`${prefix}${args[p + 1]}: argument expected`);
    }
    if (/^-[a-zA-Z]$/.test(a!) && args[p + 1] !== undefined) {
      p += 2;
      return unary(a!, args[p - 1]!);
    }
    p++;
    return a !== '';
  };
  try {
    if (args.length === 0) return 1;
    const v = expr();
    if (p < args.length) {
      if (sh.kind === 'bash') fail(`${prefix}too many arguments`);
      fail(`${prefix}${args[p]}: unexpected operator`);
    }
    return v ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      io.err(sh.kind === 'ash' ? `${sh.name}: ${e.message}\n` : sh.msg(e.message));
      return 2;
    }
    throw e;
  }
}
