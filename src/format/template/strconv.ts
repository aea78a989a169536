/** The parts of Go's strconv that template parsing relies on: unquoting and number syntax. */

export class SyntaxError_ extends Error {
  constructor() {
    super('invalid syntax');
  }
}

const SIMPLE_ESCAPES: Record<string, number> = {
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
  '\\': 0x5c,
};

export interface UnquotedChar {
  /** A code point, or a single byte when `isByte` (from \x or octal escapes). */
  value: number;
  isByte: boolean;
  /** Index just past the character. */
  next: number;
}

function hexVal(c: string): number {
  const n = parseInt(c, 16);
  return Number.isNaN(n) || !/^[0-9a-fA-F]$/.test(c) ? -1 : n;
}

/** strconv.UnquoteChar: decodes the first character or escape of s[at:]. Throws on bad syntax. */
export function unquoteChar(s: string, at: number, quote: string): UnquotedChar {
  const c = s[at];
  if (c === undefined) throw new SyntaxError_();
  if (c === quote && (quote === "'" || quote === '"')) throw new SyntaxError_();
  if (c !== '\\') {
    const cp = s.codePointAt(at)!;
    return { value: cp, isByte: false, next: at + (cp > 0xffff ? 2 : 1) };
  }
  const e = s[at + 1];
  if (e === undefined) throw new SyntaxError_();
  if (e in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[e], isByte: false, next: at + 2 };
  switch (e) {
    case 'x':
    case 'u':
    case 'U': {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      let v = 0;
      for (let j = 0; j < n; j++) {
        const h = hexVal(s[at + 2 + j] ?? '');
        if (h < 0) throw new SyntaxError_();
        v = v * 16 + h;
      }
      if (e === 'x') return { value: v, isByte: true, next: at + 2 + n };
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxError_();
      return { value: v, isByte: false, next: at + 2 + n };
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      let v = 0;
      for (let j = 0; j < 3; j++) {
        const d = s.charCodeAt(at + 1 + j) - 0x30;
        if (!(d >= 0 && d <= 7)) throw new SyntaxError_();
        v = v * 8 + d;
      }
      if (v > 255) throw new SyntaxError_();
      return { value: v, isByte: true, next: at + 4 };
    }
    case "'":
    case '"':
      if (e !== quote) throw new SyntaxError_();
      return { value: e.charCodeAt(0), isByte: false, next: at + 2 };
  }
  throw new SyntaxError_();
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** strconv.Unquote for "..." and `...` literals. Throws SyntaxError_. */
export function unquote(s: string): string {
  const q = s[0];
  if (s.length < 2 || s[s.length - 1] !== q) throw new SyntaxError_();
  const body = s.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new SyntaxError_();
    return body.includes('\r') ? body.replace(/\r/g, '') : body;
  }
  if (q !== '"') throw new SyntaxError_();
  if (!body.includes('\\')) {
    if (body.includes('"') || body.includes('\n')) throw new SyntaxError_();
    return body;
  }
  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] === '\n') throw new SyntaxError_();
    const r = unquoteChar(body, i, '"');
    if (r.isByte) bytes.push(r.value);
    else for (const b of encoder.encode(String.fromCodePoint(r.value))) bytes.push(b);
    i = r.next;
  }
  return decoder.decode(new Uint8Array(bytes));
}

// ---------------------------------------------------------------------------
// Numbers.

function lower(c: string): string {
  return c.toLowerCase();
}

/** strconv's underscoreOK: are the underscores in a base-prefixed literal well placed? */
function underscoreOK(s0: string): boolean {
  let s = s0;
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1]))) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv.ParseUint(s, 0, 64) / ParseInt(s, 0, 64). Returns null on any error. */
export function parseGoInt(s: string, signed: boolean): bigint | null {
  if (s.length === 0) return null;
  let neg = false;
  let body = s;
  if (signed && (body[0] === '+' || body[0] === '-')) {
    neg = body[0] === '-';
    body = body.slice(1);
  } else if (!signed && (body[0] === '+' || body[0] === '-')) {
    return null;
  }
  if (body.length === 0) return null;
  let base = 10;
  let digits = body;
  if (body[0] === '0' && body.length > 1) {
    const p = lower(body[1]);
    if (p === 'x') {
      base = 16;
      digits = body.slice(2);
    } else if (p === 'o') {
      base = 8;
      digits = body.slice(2);
    } else if (p === 'b') {
      base = 2;
      digits = body.slice(2);
    } else {
      base = 8;
      digits = body.slice(1);
    }
  }
  if (digits.includes('_')) {
    if (!underscoreOK(body)) return null;
    digits = digits.replace(/_/g, '');
  }
  if (digits.length === 0) return null;
  let v = 0n;
  const b = BigInt(base);
  for (const c of digits) {
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return null;
    v = v * b + BigInt(d);
  }
  if (neg) v = -v;
  if (signed ? v < INT64_MIN || v > INT64_MAX : v > UINT64_MAX) return null;
  return v;
}

const DECIMAL_FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/;

/** strconv.ParseFloat(s, 64) for the syntax the lexer can produce. Returns null on error. */
export function parseGoFloat(s0: string): number | null {
  let s = s0;
  if (s.includes('_')) {
    if (!underscoreOK(s)) return null;
    s = s.replace(/_/g, '');
  }
  if (DECIMAL_FLOAT.test(s)) {
    const f = Number(s);
    return Number.isFinite(f) ? f : null;
  }
  const m = HEX_FLOAT.exec(s);
  if (m && (m[2].length > 0 || m[3].length > 0)) {
    const mant = parseInt((m[2] || '0') + (m[3] || ''), 16);
    const f = mant * Math.pow(2, parseInt(m[4], 10) - 4 * m[3].length);
    if (!Number.isFinite(f)) return null;
    return m[1] === '-' ? -f : f;
  }
  return null;
}
