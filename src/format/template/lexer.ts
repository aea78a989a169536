/**
 * Tokenizer for Go template text. It follows the behaviour of Go's text/template/parse
 * lexer (token kinds, trim markers, comments, error texts, line counting) so that the
 * parser can report the same errors at the same lines. Positions are JS string indices;
 * the executor converts them to Go's byte columns when it reports an error.
 */

export const enum Tok {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  // Keywords follow.
  Keyword,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

export interface Item {
  typ: Tok;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: Record<string, Tok> = {
  '.': Tok.Dot,
  block: Tok.Block,
  break: Tok.Break,
  continue: Tok.Continue,
  define: Tok.Define,
  else: Tok.Else,
  end: Tok.End,
  if: Tok.If,
  range: Tok.Range,
  nil: Tok.Nil,
  template: Tok.Template,
  with: Tok.With,
};

const EOF = -1;
const LEFT_DELIM = '{{';
const RIGHT_DELIM = '}}';
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
const TRIM_MARKER_LEN = 2;

export function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
}

// Unicode-class patterns are built on first use: building them costs every CLI start ~1 ms.
let letterOrDigit: RegExp | undefined;

export function isAlphaNumeric(r: number): boolean {
  if (r < 0x80) {
    return r === 0x5f || (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a);
  }
  return r >= 0 && (letterOrDigit ??= new RegExp('^[\\p{L}\\p{Nd}]$', 'u')).test(String.fromCodePoint(r));
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.charCodeAt(at) === 0x2d && isSpace(s.charCodeAt(at + 1));
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return isSpace(s.charCodeAt(at)) && s.charCodeAt(at + 1) === 0x2d;
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function isSpaceChar(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** `%#U` formatting of a code point, as in Go's `bad character U+0021 '!'`. */
export function formatUnicode(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  if (isPrintRune(r)) return `U+${hex} '${String.fromCodePoint(r)}'`;
  return `U+${hex}`;
}

let printable: RegExp | undefined;

/** Go's unicode.IsPrint. */
export function isPrintRune(r: number): boolean {
  if (r === 0x20) return true;
  if (r < 0x20 || r === 0x7f) return false;
  if (r < 0x7f) return true;
  return (printable ??= new RegExp('^[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}]$', 'u')).test(String.fromCodePoint(r));
}

type StateFn = ((l: Lexer) => StateFn) | null;

export interface LexOptions {
  breakOK: boolean;
  continueOK: boolean;
}

export class Lexer {
  private input: string;
  private pos = 0;
  private start = 0;
  private atEOF = false;
  private parenDepth = 0;
  private line = 1;
  private startLine = 1;
  private insideAction = false;
  private item: Item = { typ: Tok.EOF, pos: 0, val: 'EOF', line: 1 };
  private width = 0;

  constructor(input: string, private readonly options: LexOptions) {
    this.input = input;
  }

  /** Returns the next token. After an error token, every call returns EOF. */
  nextItem(): Item {
    this.item = { typ: Tok.EOF, pos: this.pos, val: 'EOF', line: this.startLine };
    let state: StateFn = this.insideAction ? lexInsideAction : lexText;
    while (state !== null) state = state(this);
    return this.item;
  }

  // -- primitives ----------------------------------------------------------

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    if (r === 0x0a) this.line++;
    return r;
  }

  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      // Step back over one code point.
      const c = this.input.charCodeAt(this.pos - 1);
      const w = c >= 0xdc00 && c <= 0xdfff && this.pos > 1 ? 2 : 1;
      this.pos -= w;
      if (c === 0x0a) this.line--;
    }
  }

  private thisItem(typ: Tok): Item {
    const i: Item = { typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return i;
  }

  emit(typ: Tok): StateFn {
    this.item = this.thisItem(typ);
    return null;
  }

  private emitItem(i: Item): StateFn {
    this.item = i;
    return null;
  }

  private ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  private accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  private acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || !valid.includes(String.fromCodePoint(r))) break;
    }
    this.backup();
  }

  errorf(msg: string): StateFn {
    this.item = { typ: Tok.Error, pos: this.start, val: msg, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  private atRightDelim(): { delim: boolean; trim: boolean } {
    const s = this.input;
    if (hasRightTrimMarker(s, this.pos) && s.startsWith(RIGHT_DELIM, this.pos + TRIM_MARKER_LEN)) {
      return { delim: true, trim: true };
    }
    if (s.startsWith(RIGHT_DELIM, this.pos)) return { delim: true, trim: false };
    return { delim: false, trim: false };
  }

  private atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    switch (r) {
      case EOF:
      case 0x2e: // .
      case 0x2c: // ,
      case 0x7c: // |
      case 0x3a: // :
      case 0x29: // )
      case 0x28: // (
        return true;
    }
    return this.input.startsWith(RIGHT_DELIM, this.pos);
  }

  private leftTrimLength(from: number): number {
    let i = from;
    while (i < this.input.length && isSpaceChar(this.input.charCodeAt(i))) i++;
    return i - from;
  }

  private rightTrimLength(from: number, to: number): number {
    let i = to;
    while (i > from && isSpaceChar(this.input.charCodeAt(i - 1))) i--;
    return to - i;
  }

  // -- states ------------------------------------------------------------

  static text(l: Lexer): StateFn {
    const s = l.input;
    const x = s.indexOf(LEFT_DELIM, l.pos);
    if (x >= 0) {
      if (x > l.pos) {
        l.pos = x;
        let trimLength = 0;
        if (hasLeftTrimMarker(s, x + LEFT_DELIM.length)) trimLength = l.rightTrimLength(l.start, l.pos);
        l.pos -= trimLength;
        l.line += countNewlines(s, l.start, l.pos);
        const i = l.thisItem(Tok.Text);
        l.pos += trimLength;
        l.ignore();
        if (i.val.length > 0) return l.emitItem(i);
      }
      return lexLeftDelim;
    }
    l.pos = s.length;
    if (l.pos > l.start) {
      l.line += countNewlines(s, l.start, l.pos);
      return l.emit(Tok.Text);
    }
    return l.emit(Tok.EOF);
  }

  static leftDelim(l: Lexer): StateFn {
    l.pos += LEFT_DELIM.length;
    const trimSpace = hasLeftTrimMarker(l.input, l.pos);
    const afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
    if (l.input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
      l.pos += afterMarker;
      l.ignore();
      return lexComment;
    }
    const i = l.thisItem(Tok.LeftDelim);
    l.insideAction = true;
    l.pos += afterMarker;
    l.ignore();
    l.parenDepth = 0;
    return l.emitItem(i);
  }

  static comment(l: Lexer): StateFn {
    l.pos += LEFT_COMMENT.length;
    const x = l.input.indexOf(RIGHT_COMMENT, l.pos);
    if (x < 0) return l.errorf('unclosed comment');
    l.pos = x + RIGHT_COMMENT.length;
    const { delim, trim } = l.atRightDelim();
    if (!delim) return l.errorf('comment ends before closing delimiter');
    l.line += countNewlines(l.input, l.start, l.pos);
    l.thisItem(Tok.Comment);
    if (trim) l.pos += TRIM_MARKER_LEN;
    l.pos += RIGHT_DELIM.length;
    if (trim) l.pos += l.leftTrimLength(l.pos);
    l.ignore();
    return lexText;
  }

  static rightDelim(l: Lexer): StateFn {
    const { trim } = l.atRightDelim();
    if (trim) {
      l.pos += TRIM_MARKER_LEN;
      l.ignore();
    }
    l.pos += RIGHT_DELIM.length;
    const i = l.thisItem(Tok.RightDelim);
    if (trim) {
      l.pos += l.leftTrimLength(l.pos);
      l.ignore();
    }
    l.insideAction = false;
    return l.emitItem(i);
  }

  static insideAction(l: Lexer): StateFn {
    const { delim } = l.atRightDelim();
    if (delim) {
      if (l.parenDepth === 0) return lexRightDelim;
      return l.errorf('unclosed left paren');
    }
    const r = l.next();
    if (r === EOF) return l.errorf('unclosed action');
    if (isSpace(r)) {
      l.backup();
      return lexSpace;
    }
    switch (r) {
      case 0x3d: // =
        return l.emit(Tok.Assign);
      case 0x3a: // :
        if (l.next() !== 0x3d) return l.errorf('expected :=');
        return l.emit(Tok.Declare);
      case 0x7c: // |
        return l.emit(Tok.Pipe);
      case 0x22: // "
        return lexQuote;
      case 0x60: // `
        return lexRawQuote;
      case 0x24: // $
        return lexVariable;
      case 0x27: // '
        return lexChar;
      case 0x2e: {
        // '.' starts a field unless a digit follows.
        if (l.pos < l.input.length) {
          const c = l.input.charCodeAt(l.pos);
          if (c < 0x30 || c > 0x39) return lexField;
        }
        l.backup();
        return lexNumber;
      }
      case 0x28: // (
        l.parenDepth++;
        return l.emit(Tok.LeftParen);
      case 0x29: // )
        l.parenDepth--;
        if (l.parenDepth < 0) return l.errorf('unexpected right paren');
        return l.emit(Tok.RightParen);
    }
    if (r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
      l.backup();
      return lexNumber;
    }
    if (isAlphaNumeric(r)) {
      l.backup();
      return lexIdentifier;
    }
    if (r <= 0x7f && r >= 0x20 && r !== 0x7f) return l.emit(Tok.Char);
    return l.errorf(`unrecognized character in action: ${formatUnicode(r)}`);
  }

  static space(l: Lexer): StateFn {
    let numSpaces = 0;
    for (;;) {
      const r = l.peek();
      if (!isSpace(r)) break;
      l.next();
      numSpaces++;
    }
    // A trim-marked right delimiter starts with a space: leave it for lexRightDelim.
    if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(RIGHT_DELIM, l.pos - 1 + TRIM_MARKER_LEN)) {
      l.backup();
      if (numSpaces === 1) return lexRightDelim;
    }
    return l.emit(Tok.Space);
  }

  static identifier(l: Lexer): StateFn {
    for (;;) {
      const r = l.next();
      if (isAlphaNumeric(r)) continue;
      l.backup();
      const word = l.input.slice(l.start, l.pos);
      if (!l.atTerminator()) return l.errorf(`bad character ${formatUnicode(r)}`);
      const kw = Object.prototype.hasOwnProperty.call(KEYWORDS, word) ? KEYWORDS[word] : undefined;
      if (kw !== undefined && kw > Tok.Keyword) {
        if ((kw === Tok.Break && !l.options.breakOK) || (kw === Tok.Continue && !l.options.continueOK)) {
          return l.emit(Tok.Identifier);
        }
        return l.emit(kw);
      }
      if (word[0] === '.') return l.emit(Tok.Field);
      if (word === 'true' || word === 'false') return l.emit(Tok.Bool);
      return l.emit(Tok.Identifier);
    }
  }

  static fieldOrVariable(l: Lexer, typ: Tok): StateFn {
    if (l.atTerminator()) return l.emit(typ === Tok.Variable ? Tok.Variable : Tok.Dot);
    let r: number;
    for (;;) {
      r = l.next();
      if (!isAlphaNumeric(r)) {
        l.backup();
        break;
      }
    }
    if (!l.atTerminator()) return l.errorf(`bad character ${formatUnicode(r)}`);
    return l.emit(typ);
  }

  static variable(l: Lexer): StateFn {
    if (l.atTerminator()) return l.emit(Tok.Variable);
    return Lexer.fieldOrVariable(l, Tok.Variable);
  }

  static char(l: Lexer): StateFn {
    for (;;) {
      let r = l.next();
      if (r === 0x5c) {
        r = l.next();
        if (r !== EOF && r !== 0x0a) continue;
        return l.errorf('unterminated character constant');
      }
      if (r === EOF || r === 0x0a) return l.errorf('unterminated character constant');
      if (r === 0x27) break;
    }
    return l.emit(Tok.CharConstant);
  }

  static number(l: Lexer): StateFn {
    if (!l.scanNumber()) return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
    const sign = l.peek();
    if (sign === 0x2b || sign === 0x2d) {
      // Complex: 1+2i. No spaces, must end in 'i'.
      if (!l.scanNumber() || l.input[l.pos - 1] !== 'i') {
        return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
      }
      return l.emit(Tok.Complex);
    }
    return l.emit(Tok.Number);
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }

  static quote(l: Lexer): StateFn {
    for (;;) {
      let r = l.next();
      if (r === 0x5c) {
        r = l.next();
        if (r !== EOF && r !== 0x0a) continue;
        return l.errorf('unterminated quoted string');
      }
      if (r === EOF || r === 0x0a) return l.errorf('unterminated quoted string');
      if (r === 0x22) break;
    }
    return l.emit(Tok.String);
  }

  static rawQuote(l: Lexer): StateFn {
    for (;;) {
      const r = l.next();
      if (r === EOF) return l.errorf('unterminated raw quoted string');
      if (r === 0x60) break;
    }
    return l.emit(Tok.RawString);
  }
}

const lexText: StateFn = Lexer.text;
const lexLeftDelim: StateFn = Lexer.leftDelim;
const lexComment: StateFn = Lexer.comment;
const lexRightDelim: StateFn = Lexer.rightDelim;
const lexInsideAction: StateFn = Lexer.insideAction;
const lexSpace: StateFn = Lexer.space;
const lexIdentifier: StateFn = Lexer.identifier;
const lexField: StateFn = (l) => Lexer.fieldOrVariable(l, Tok.Field);
const lexVariable: StateFn = Lexer.variable;
const lexChar: StateFn = Lexer.char;
const lexNumber: StateFn = Lexer.number;
const lexQuote: StateFn = Lexer.quote;
const lexRawQuote: StateFn = Lexer.rawQuote;

/** Go's strconv.Quote (used for `%q` of short strings in lexer and parser messages). */
export function goQuote(s: string): string {
  return quoteWith(s, '"', false);
}

const ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
};

/** strconv.Quote / QuoteToASCII / QuoteRune. */
export function quoteWith(s: string, quote: '"' | "'", asciiOnly: boolean): string {
  let out = quote;
  for (const ch of s) {
    let r = ch.codePointAt(0)!;
    if (r >= 0xd800 && r <= 0xdfff) r = 0xfffd; // lone surrogate: invalid UTF-8 in Go terms
    out += quoteRune(r, quote, asciiOnly);
  }
  return out + quote;
}

export function quoteRune(r: number, quote: string, asciiOnly: boolean): string {
  const ch = String.fromCodePoint(r);
  if (ch === quote || r === 0x5c) return '\\' + ch;
  if (asciiOnly) {
    if (r < 0x80 && isPrintRune(r)) return ch;
  } else if (isPrintRune(r)) {
    return ch;
  }
  const esc = ESCAPES[r];
  if (esc) return esc;
  if (r < 0x20 || r === 0x7f) return '\\x' + r.toString(16).padStart(2, '0');
  if (r < 0x10000) return '\\u' + r.toString(16).padStart(4, '0');
  return '\\U' + r.toString(16).padStart(8, '0');
}
