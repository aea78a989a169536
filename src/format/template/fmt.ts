/**
 * A port of the behaviour of Go's fmt package (Sprint, Sprintln, Sprintf and `%v` printing)
 * for the values described in values.ts.
 */

import { isPrintRune, quoteRune, quoteWith } from './lexer.js';
import {
  GoComplex,
  GoNil,
  GoNumber,
  kindOf,
  sortedMapEntries,
  structFields,
  structLookup,
  typeInfo,
  typeName,
  utf8Bytes,
  isAscii,
} from './values.js';

const FAKE_POINTER = '0xc000010000';

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  widPresent: boolean;
  precPresent: boolean;
  wid: number;
  prec: number;
}

function runeCount(s: string): number {
  if (isAscii(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Does this object have a Go method of this name (struct values only)? */
function method(v: unknown, name: string): ((...a: unknown[]) => unknown) | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const info = typeInfo(v);
  if (!info || info.kind !== 'struct') return undefined;
  const m = structLookup(v, name);
  return m.found && typeof m.value === 'function' ? (m.value as (...a: unknown[]) => unknown) : undefined;
}

function isStructPointer(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const info = typeInfo(v);
  return info !== undefined && info.kind === 'struct' && info.name.startsWith('*');
}

class Printer {
  buf = '';
  f: Flags = Printer.noFlags();
  private erroring = false;
  /** The operand being printed (for %!verb(type=value) messages). */
  private arg: unknown = undefined;
  private inValue = false;
  /** Print top-level struct pointers without their `&`. */
  derefTop = false;

  static noFlags(): Flags {
    return {
      plus: false, minus: false, sharp: false, space: false, zero: false, plusV: false, sharpV: false,
      widPresent: false, precPresent: false, wid: 0, prec: 0,
    };
  }

  clearFlags(): void {
    this.f = Printer.noFlags();
  }

  // -- padding ---------------------------------------------------------------

  private writePadding(n: number): void {
    if (n <= 0) return;
    const padChar = this.f.zero && !this.f.minus ? '0' : ' ';
    this.buf += padChar.repeat(n);
  }

  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.f.wid - runeCount(s);
    if (!this.f.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  private truncate(s: string): string {
    if (this.f.precPresent) {
      const n = this.f.prec;
      if (isAscii(s)) return s.length > n ? s.slice(0, n) : s;
      const runes = Array.from(s);
      if (runes.length > n) return runes.slice(0, n).join('');
    }
    return s;
  }

  // -- entry points ------------------------------------------------------------

  printArg(arg: unknown, verb: string): void {
    this.arg = arg;
    this.inValue = false;
    if (arg === undefined || arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg));
      return;
    }
    if (verb === 'p') {
      this.fmtPointer(arg, verb);
      return;
    }
    switch (kindOf(arg)) {
      case 'bool':
        this.fmtBool(arg as boolean, verb, arg);
        return;
      case 'float':
        this.fmtFloatVerb(numberValue(arg), verb, arg);
        return;
      case 'complex':
        this.fmtComplex(arg as GoComplex, verb, arg);
        return;
      case 'int':
        this.fmtIntegerVerb(arg as number | bigint | GoNumber, true, verb, arg);
        return;
      case 'uint':
        this.fmtIntegerVerb(arg as GoNumber, false, verb, arg);
        return;
      case 'string':
        this.fmtString(arg as string, verb, arg);
        return;
      case 'bytes':
        this.fmtBytes(arg as Uint8Array, verb, arg);
        return;
    }
    if (this.handleMethods(arg, verb)) return;
    this.printValue(arg, verb, 0, this.derefTop);
  }

  private handleMethods(v: unknown, verb: string): boolean {
    if (this.erroring || this.f.sharpV) return false;
    if (verb !== 'v' && verb !== 's' && verb !== 'x' && verb !== 'X' && verb !== 'q') return false;
    const errFn = method(v, 'Error');
    const strFn = errFn ?? method(v, 'String');
    if (!strFn) return false;
    let s: unknown;
    try {
      s = strFn.call(v);
    } catch (e) {
      this.buf += `%!${verb}(PANIC=${errFn ? 'Error' : 'String'} method: ${e instanceof Error ? e.message : String(e)})`;
      return true;
    }
    this.fmtString(String(s), verb, v);
    return true;
  }

  printValue(v: unknown, verb: string, depth: number, deref = false): void {
    if (depth > 0 && v !== undefined && this.handleMethods(v, verb)) return;
    this.arg = v;
    this.inValue = true;
    switch (kindOf(v)) {
      case 'invalid':
        if (depth === 0) this.buf += '<invalid reflect.Value>';
        else if (verb === 'v') this.buf += '<nil>';
        else this.badVerb(verb, v);
        return;
      case 'nil':
        if (v === null) {
          // A nil interface{} element.
          this.buf += this.f.sharpV ? 'interface {}(nil)' : '<nil>';
          return;
        }
        this.fmtPointer(v, verb);
        return;
      case 'bool':
        this.fmtBool(v as boolean, verb, v);
        return;
      case 'int':
        this.fmtIntegerVerb(v as number, true, verb, v);
        return;
      case 'uint':
        this.fmtIntegerVerb(v as GoNumber, false, verb, v);
        return;
      case 'float':
        this.fmtFloatVerb(numberValue(v), verb, v);
        return;
      case 'complex':
        this.fmtComplex(v as GoComplex, verb, v);
        return;
      case 'string':
        this.fmtString(v as string, verb, v);
        return;
      case 'bytes':
        this.fmtBytes(v as Uint8Array, verb, v);
        return;
      case 'map': {
        const m = v as object;
        if (this.f.sharpV) this.buf += typeName(v) + '{';
        else this.buf += 'map[';
        const entries = sortedMapEntries(m);
        entries.forEach((e, i) => {
          if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
          this.printValue(e.key, verb, depth + 1);
          this.buf += ':';
          this.printValue(e.value, verb, depth + 1);
        });
        this.buf += this.f.sharpV ? '}' : ']';
        return;
      }
      case 'struct': {
        if (isStructPointer(v) && !deref) {
          if (depth > 0) {
            this.fmtPointer(v, verb);
            return;
          }
          this.buf += '&';
        }
        const obj = v as Record<string, unknown>;
        if (this.f.sharpV) this.buf += typeName(v).replace(/^\*/, '');
        this.buf += '{';
        structFields(obj).forEach((name, i) => {
          if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
          if (this.f.plusV || this.f.sharpV) this.buf += name + ':';
          this.printValue(obj[name], verb, depth + 1);
        });
        this.buf += '}';
        return;
      }
      case 'slice': {
        const arr = v as unknown[];
        const t = typeName(v);
        if ((verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') && (t === '[]uint8' || t === '[]byte')) {
          this.fmtBytes(Uint8Array.from(arr as number[]), verb, v);
          return;
        }
        if (this.f.sharpV) {
          this.buf += t + '{';
          arr.forEach((e, i) => {
            if (i > 0) this.buf += ', ';
            this.printValue(e, verb, depth + 1);
          });
          this.buf += '}';
          return;
        }
        this.buf += '[';
        arr.forEach((e, i) => {
          if (i > 0) this.buf += ' ';
          this.printValue(e, verb, depth + 1);
        });
        this.buf += ']';
        return;
      }
      case 'func':
        this.fmtPointer(v, verb);
        return;
    }
  }

  private badVerb(verb: string, v: unknown): void {
    this.erroring = true;
    this.buf += '%!' + verb + '(';
    if (v !== undefined && v !== null) {
      this.buf += typeName(v) + '=';
      if (this.inValue) this.printValue(v, 'v', 0);
      else this.printArg(v, 'v');
    } else if (v === null && this.inValue) {
      this.buf += 'interface {}=<nil>';
    } else {
      this.buf += '<nil>';
    }
    this.buf += ')';
    this.erroring = false;
  }

  private fmtPointer(v: unknown, verb: string): void {
    const isNil = v instanceof GoNil || v === null;
    switch (verb) {
      case 'v':
        if (this.f.sharpV) {
          this.buf += '(' + typeName(v) + ')(' + (isNil ? 'nil' : FAKE_POINTER) + ')';
        } else if (isNil) {
          this.pad('<nil>');
        } else {
          this.pad(FAKE_POINTER);
        }
        return;
      case 'p':
        if (kindOf(v) === 'struct' && !isStructPointer(v)) break;
        if (!['slice', 'map', 'func', 'struct', 'nil'].includes(kindOf(v))) break;
        this.pad(isNil ? '0x0' : FAKE_POINTER);
        return;
      case 'b':
      case 'o':
      case 'd':
      case 'x':
      case 'X':
        if (isNil) {
          this.fmtInteger(0, verb === 'b' ? 2 : verb === 'o' ? 8 : verb === 'd' ? 10 : 16, false, verb, verb === 'X');
          return;
        }
        this.pad(FAKE_POINTER);
        return;
    }
    this.badVerb(verb, v);
  }

  // -- scalars -------------------------------------------------------------

  private fmtBool(b: boolean, verb: string, v: unknown): void {
    if (verb === 't' || verb === 'v') this.pad(b ? 'true' : 'false');
    else this.badVerb(verb, v);
  }

  private fmtIntegerVerb(n: number | bigint | GoNumber, signed: boolean, verb: string, v: unknown): void {
    const x = n instanceof GoNumber ? n.value : n;
    switch (verb) {
      case 'v':
        if (this.f.sharpV && !signed) {
          const save = this.f.sharp;
          this.f.sharp = true;
          this.fmtInteger(x, 16, signed, verb, false);
          this.f.sharp = save;
        } else {
          this.fmtInteger(x, 10, signed, verb, false);
        }
        return;
      case 'd':
        this.fmtInteger(x, 10, signed, verb, false);
        return;
      case 'b':
        this.fmtInteger(x, 2, signed, verb, false);
        return;
      case 'o':
      case 'O':
        this.fmtInteger(x, 8, signed, verb, false);
        return;
      case 'x':
        this.fmtInteger(x, 16, signed, verb, false);
        return;
      case 'X':
        this.fmtInteger(x, 16, signed, verb, true);
        return;
      case 'c':
        this.pad(runeString(Number(x)));
        return;
      case 'q': {
        const r = Number(x);
        const rr = r > 0x10ffff || r < 0 || (r >= 0xd800 && r <= 0xdfff) ? 0xfffd : r;
        this.pad("'" + quoteRune(rr, "'", this.f.plus) + "'");
        return;
      }
      case 'U':
        this.fmtUnicode(typeof x === 'bigint' ? x : BigInt(Math.trunc(x)));
        return;
    }
    this.badVerb(verb, v);
  }

  fmtInteger(x: number | bigint, base: number, signed: boolean, verb: string, upper: boolean): void {
    const big = typeof x === 'bigint' ? x : BigInt(Math.trunc(x));
    const negative = signed && big < 0n;
    const abs = negative ? -big : big;
    let prec = 0;
    const f = this.f;
    if (f.precPresent) {
      prec = f.prec;
      if (prec === 0 && abs === 0n) {
        const oldZero = f.zero;
        f.zero = false;
        this.writePadding(f.wid);
        f.zero = oldZero;
        return;
      }
    } else if (f.zero && !f.minus && f.widPresent) {
      prec = f.wid;
      if (negative || f.plus || f.space) prec--;
    }
    let s = abs.toString(base);
    if (upper) s = s.toUpperCase();
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
    if (f.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8 && s[0] !== '0') s = '0' + s;
      else if (base === 16) s = (upper ? '0X' : '0x') + s;
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (f.plus) s = '+' + s;
    else if (f.space) s = ' ' + s;
    const oldZero = f.zero;
    f.zero = false;
    this.pad(s);
    f.zero = oldZero;
  }

  private fmtUnicode(r0: bigint): void {
    const u = BigInt.asUintN(64, r0);
    const r = Number(u);
    let hex = u.toString(16).toUpperCase();
    const prec = this.f.precPresent && this.f.prec > 4 ? this.f.prec : 4;
    if (hex.length < prec) hex = '0'.repeat(prec - hex.length) + hex;
    let s = 'U+' + hex;
    if (this.f.sharp && r >= 0 && r <= 0x10ffff && isPrintRune(r)) s += " '" + String.fromCodePoint(r) + "'";
    const oldZero = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = oldZero;
  }

  private fmtFloatVerb(x: number, verb: string, v: unknown): void {
    switch (verb) {
      case 'v':
        this.fmtFloat(x, 'g', -1);
        return;
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        this.fmtFloat(x, verb, -1);
        return;
      case 'f':
      case 'e':
      case 'E':
      case 'F':
        this.fmtFloat(x, verb, 6);
        return;
    }
    this.badVerb(verb, v);
  }

  fmtFloat(x: number, verb: string, prec0: number): void {
    const f = this.f;
    const prec = f.precPresent ? f.prec : prec0;
    let num = formatFloat(x, verb === 'F' ? 'f' : verb, prec);
    if (num[0] === '-' || num[0] === '+') {
      // keep
    } else {
      num = '+' + num;
    }
    if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = f.zero;
      f.zero = false;
      if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
      this.pad(num);
      f.zero = oldZero;
      return;
    }
    if (f.plus || num[0] !== '+') {
      if (f.zero && !f.minus && f.widPresent && f.wid > num.length) {
        this.buf += num[0];
        this.writePadding(f.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  private fmtComplex(c: GoComplex, verb: string, v: unknown): void {
    if (!'vbgGxXfFeE'.includes(verb)) {
      this.badVerb(verb, v);
      return;
    }
    const oldPlus = this.f.plus;
    this.buf += '(';
    this.fmtFloatVerb(c.re, verb, v);
    this.f.plus = true;
    this.fmtFloatVerb(c.im, verb, v);
    this.buf += 'i)';
    this.f.plus = oldPlus;
  }

  private fmtString(s: string, verb: string, v: unknown): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(s);
        else this.fmtS(s);
        return;
      case 's':
        this.fmtS(s);
        return;
      case 'x':
        this.fmtSbx(utf8Bytes(s), '0123456789abcdef');
        return;
      case 'X':
        this.fmtSbx(utf8Bytes(s), '0123456789ABCDEF');
        return;
      case 'q':
        this.fmtQ(s);
        return;
    }
    this.badVerb(verb, v);
  }

  private fmtBytes(b: Uint8Array, verb: string, v: unknown): void {
    switch (verb) {
      case 'v':
      case 'd': {
        if (this.f.sharpV) {
          this.buf += typeName(v) + '{';
          b.forEach((x, i) => {
            if (i > 0) this.buf += ', ';
            this.buf += '0x' + x.toString(16);
          });
          this.buf += '}';
          return;
        }
        this.buf += '[';
        b.forEach((x, i) => {
          if (i > 0) this.buf += ' ';
          this.fmtInteger(x, 10, false, verb, false);
        });
        this.buf += ']';
        return;
      }
      case 's':
        this.fmtS(new TextDecoder().decode(b));
        return;
      case 'x':
        this.fmtSbx(b, '0123456789abcdef');
        return;
      case 'X':
        this.fmtSbx(b, '0123456789ABCDEF');
        return;
      case 'q':
        this.fmtQ(new TextDecoder().decode(b));
        return;
    }
    this.printValue(Array.from(b), verb, 0);
  }

  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  private fmtQ(s0: string): void {
    const s = this.truncate(s0);
    if (this.f.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(quoteWith(s, '"', this.f.plus));
  }

  private fmtSbx(b: Uint8Array, digits: string): void {
    const f = this.f;
    let length = b.length;
    if (f.precPresent && f.prec < length) length = f.prec;
    let width = 2 * length;
    if (width > 0) {
      if (f.space) {
        if (f.sharp) width *= 2;
        width += length - 1;
      } else if (f.sharp) {
        width += 2;
      }
    } else {
      if (f.widPresent) this.writePadding(f.wid);
      return;
    }
    if (f.widPresent && f.wid > width && !f.minus) this.writePadding(f.wid - width);
    let out = '';
    if (f.sharp) out = '0' + (digits === '0123456789abcdef' ? 'x' : 'X');
    for (let i = 0; i < length; i++) {
      if (f.space && i > 0) {
        out += ' ';
        if (f.sharp) out += '0' + (digits === '0123456789abcdef' ? 'x' : 'X');
      }
      const c = b[i];
      out += digits[c >> 4] + digits[c & 0xf];
    }
    this.buf += out;
    if (f.widPresent && f.wid > width && f.minus) this.writePadding(f.wid - width);
  }

  // -- Sprintf ---------------------------------------------------------------

  doPrintf(format: string, a: unknown[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    let reordered = false;
    let goodArgNum = true;

    const argNumber = (i: number): number => {
      // Returns new i; updates argNum/afterIndex/goodArgNum.
      if (i >= end || format[i] !== '[') return i;
      reordered = true;
      const r = parseArgNumber(format, i);
      if (r.ok && r.index >= 0 && r.index < a.length) {
        argNum = r.index;
        afterIndex = true;
        return i + r.wid;
      }
      goodArgNum = false;
      afterIndex = r.ok;
      return i + r.wid;
    };

    let i = 0;
    formatLoop: while (i < end) {
      goodArgNum = true;
      const lasti = i;
      while (i < end && format[i] !== '%') i++;
      if (i > lasti) this.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++; // skip %
      this.clearFlags();
      const f = this.f;
      simple: for (; i < end; i++) {
        const c = format[i];
        switch (c) {
          case '#':
            f.sharp = true;
            break;
          case '0':
            f.zero = !f.minus;
            break;
          case '+':
            f.plus = true;
            break;
          case '-':
            f.minus = true;
            f.zero = false;
            break;
          case ' ':
            f.space = true;
            break;
          default:
            if (c >= 'a' && c <= 'z' && argNum < a.length) {
              if (c === 'v') {
                f.sharpV = f.sharp;
                f.sharp = false;
                f.plusV = f.plus;
                f.plus = false;
              }
              this.printArg(a[argNum], c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simple;
        }
      }
      afterIndex = false;
      i = argNumber(i);
      // width
      if (i < end && format[i] === '*') {
        i++;
        const r = intFromArg(a, argNum);
        f.wid = r.num;
        f.widPresent = r.isInt;
        argNum = r.newArgNum;
        if (!f.widPresent) this.buf += '%!(BADWIDTH)';
        if (f.wid < 0) {
          f.wid = -f.wid;
          f.minus = true;
          f.zero = false;
        }
        afterIndex = false;
      } else {
        const r = parseNum(format, i, end);
        f.wid = r.num;
        f.widPresent = r.isNum;
        i = r.newi;
        if (afterIndex && f.widPresent) goodArgNum = false;
      }
      // precision
      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) goodArgNum = false;
        afterIndex = false;
        i = argNumber(i);
        if (i < end && format[i] === '*') {
          i++;
          const r = intFromArg(a, argNum);
          f.prec = r.num;
          f.precPresent = r.isInt;
          argNum = r.newArgNum;
          if (f.prec < 0) {
            f.prec = 0;
            f.precPresent = false;
          }
          if (!f.precPresent) this.buf += '%!(BADPREC)';
          afterIndex = false;
        } else {
          const r = parseNum(format, i, end);
          f.prec = r.num;
          f.precPresent = r.isNum;
          i = r.newi;
          if (!f.precPresent) {
            f.prec = 0;
            f.precPresent = true;
          }
        }
      }
      if (!afterIndex) i = argNumber(i);
      if (i >= end) {
        this.buf += '%!(NOVERB)';
        break;
      }
      const cp = format.codePointAt(i)!;
      const verb = String.fromCodePoint(cp);
      i += verb.length;
      if (verb === '%') {
        this.buf += '%';
      } else if (!goodArgNum) {
        this.buf += '%!' + verb + '(BADINDEX)';
      } else if (argNum >= a.length) {
        this.buf += '%!' + verb + '(MISSING)';
      } else {
        if (verb === 'v') {
          f.sharpV = f.sharp;
          f.sharp = false;
          f.plusV = f.plus;
          f.plus = false;
        }
        this.printArg(a[argNum], verb);
        argNum++;
      }
    }
    if (!reordered && argNum < a.length) {
      this.clearFlags();
      this.buf += '%!(EXTRA ';
      a.slice(argNum).forEach((arg, k) => {
        if (k > 0) this.buf += ', ';
        if (arg === undefined || arg === null) this.buf += '<nil>';
        else {
          this.buf += typeName(arg) + '=';
          this.printArg(arg, 'v');
        }
      });
      this.buf += ')';
    }
  }
}

function parseNum(s: string, start: number, end: number): { num: number; isNum: boolean; newi: number } {
  if (start >= end) return { num: 0, isNum: false, newi: end };
  let num = 0;
  let isNum = false;
  let newi = start;
  for (; newi < end && s[newi] >= '0' && s[newi] <= '9'; newi++) {
    if (num > 1e6 || num < -1e6) return { num: 0, isNum: false, newi: end };
    num = num * 10 + (s.charCodeAt(newi) - 48);
    isNum = true;
  }
  return { num, isNum, newi };
}

function parseArgNumber(format: string, at: number): { index: number; wid: number; ok: boolean } {
  const rest = format.slice(at);
  if (rest.length < 3) return { index: 0, wid: 1, ok: false };
  for (let i = 1; i < rest.length; i++) {
    if (rest[i] === ']') {
      const r = parseNum(rest, 1, i);
      if (!r.isNum || r.newi !== i) return { index: 0, wid: i + 1, ok: false };
      return { index: r.num - 1, wid: i + 1, ok: true };
    }
  }
  return { index: 0, wid: 1, ok: false };
}

function intFromArg(a: unknown[], argNum: number): { num: number; isInt: boolean; newArgNum: number } {
  let num = 0;
  let isInt = false;
  let newArgNum = argNum;
  if (argNum < a.length) {
    const v = a[argNum];
    const k = kindOf(v);
    if (k === 'int' || k === 'uint') {
      num = Number(v instanceof GoNumber ? v.value : (v as number | bigint));
      isInt = true;
    }
    newArgNum = argNum + 1;
    if (num > 1e6 || num < -1e6) {
      num = 0;
      isInt = false;
    }
  }
  return { num, isInt, newArgNum };
}

function numberValue(v: unknown): number {
  if (v instanceof GoNumber) return v.value;
  return v as number;
}

function runeString(r: number): string {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(r);
}

function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r === 0x60 || r === 0xfeff) return false;
    if (r < 0x20 && r !== 0x09) return false;
    if (r === 0x7f) return false;
    if (r >= 0xd800 && r <= 0xdfff) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Float formatting (strconv.FormatFloat).

interface Digits {
  d: string;
  dp: number;
}

function shortestDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const e = x.toExponential();
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(e)!;
  const d = (m[1] + (m[2] ?? '')).replace(/0+$/, '');
  return { d, dp: parseInt(m[3], 10) + 1 };
}

function exactDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (expBits === 0) e2 = -1074;
  else {
    mant |= 1n << 52n;
    e2 = expBits - 1075;
  }
  let d: string;
  let dp: number;
  if (e2 >= 0) {
    d = (mant << BigInt(e2)).toString();
    dp = d.length;
  } else {
    d = (mant * 5n ** BigInt(-e2)).toString();
    dp = d.length + e2;
  }
  return { d: d.replace(/0+$/, ''), dp };
}

/** Round to nd digits, half to even on exact ties (Go's decimal.Round). */
function roundDigits(x: Digits, nd: number): Digits {
  const { d } = x;
  let { dp } = x;
  if (nd < 0 || nd >= d.length) return x;
  let up: boolean;
  if (d[nd] === '5' && nd + 1 === d.length) up = nd > 0 && (d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = d[nd] >= '5';
  if (!up) return { d: d.slice(0, nd).replace(/0+$/, ''), dp };
  let i = nd - 1;
  while (i >= 0 && d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: dp + 1 };
  const nd2 = d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1);
  return { d: nd2, dp };
}

function fmtE(neg: boolean, digs: Digits, prec: number, fmt: string): string {
  let s = neg ? '-' : '';
  const nd = digs.d.length;
  s += nd === 0 ? '0' : digs.d[0];
  if (prec > 0) {
    s += '.';
    let i = 1;
    const m = Math.min(nd, prec + 1);
    if (i < m) {
      s += digs.d.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) s += '0';
  }
  s += fmt;
  let exp = nd === 0 ? 0 : digs.dp - 1;
  if (exp < 0) {
    s += '-';
    exp = -exp;
  } else {
    s += '+';
  }
  s += exp < 10 ? '0' + exp : String(exp);
  return s;
}

function fmtF(neg: boolean, digs: Digits, prec: number): string {
  let s = neg ? '-' : '';
  const nd = digs.d.length;
  if (digs.dp > 0) {
    const m = Math.min(nd, digs.dp);
    s += digs.d.slice(0, m);
    for (let k = m; k < digs.dp; k++) s += '0';
  } else {
    s += '0';
  }
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) {
      const j = digs.dp + i - 1;
      s += j >= 0 && j < nd ? digs.d[j] : '0';
    }
  }
  return s;
}

/** strconv.FormatFloat(x, fmt, prec, 64) for fmt in e E f g G (others fall back to g). */
export function formatFloat(x: number, fmt0: string, prec0: number): string {
  let fmt = fmt0;
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (fmt === 'x' || fmt === 'X' || fmt === 'b') return formatBinaryFloat(x, fmt, prec0);
  if (!'eEfgG'.includes(fmt)) fmt = 'g';
  const neg = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const shortest = prec0 < 0;
  let prec = prec0;
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(abs);
    const nd = digs.d.length;
    if (fmt === 'e' || fmt === 'E') prec = Math.max(nd - 1, 0);
    else if (fmt === 'f') prec = Math.max(nd - digs.dp, 0);
    else prec = nd;
  } else {
    const exact = exactDigits(abs);
    if (fmt === 'e' || fmt === 'E') digs = roundDigits(exact, prec + 1);
    else if (fmt === 'f') digs = roundDigits(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digs = roundDigits(exact, prec);
    }
  }
  if (fmt === 'e' || fmt === 'E') return fmtE(neg, digs, prec, fmt);
  if (fmt === 'f') return fmtF(neg, digs, prec);
  // g, G
  const nd = digs.d.length;
  let eprec = prec;
  if (eprec > nd && nd >= digs.dp) eprec = nd;
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > nd) prec = nd;
    return fmtE(neg, digs, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > digs.dp) prec = nd;
  return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
}

/** strconv's %b (mantissa p exponent) and %x/%X (hexadecimal mantissa and binary exponent). */
function formatBinaryFloat(x: number, fmt: string, prec: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const neg = hi >>> 31 === 1;
  let exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exp === 0) exp++;
  else mant |= 1n << 52n;
  exp -= 1023;
  const sign = neg ? '-' : '';
  if (fmt === 'b') {
    const e = exp - 52;
    return sign + mant.toString() + 'p' + (e >= 0 ? '+' : '-') + Math.abs(e);
  }
  if (mant === 0n) exp = 0;
  mant <<= 8n; // leading 1 (if any) at bit 60
  const bit60 = 1n << 60n;
  while (mant !== 0n && (mant & bit60) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (bit60 - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = sign + '0' + fmt + String((mant >> 60n) & 1n);
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  out += fmt === 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  const e = Math.abs(exp);
  out += e < 10 ? '0' + e : String(e);
  return out;
}

// ---------------------------------------------------------------------------
// Public helpers.

/**
 * fmt.Sprint: spaces between operands when neither is a string. With `derefPointers`, struct
 * pointers print as their struct (as template's evalArgs passes them).
 */
export function sprint(args: unknown[], derefPointers = false): string {
  const p = new Printer();
  p.derefTop = derefPointers;
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: spaces between all operands, newline at the end. */
export function sprintln(args: unknown[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' ';
    p.printArg(arg, 'v');
  });
  return p.buf + '\n';
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: unknown[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}

/** How a template action prints its value (fmt.Fprint after dereferencing a pointer). */
export function printForTemplate(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  const p = new Printer();
  if (isStructPointer(v)) {
    if (method(v, 'Error') || method(v, 'String')) {
      p.printArg(v, 'v');
      return p.buf;
    }
    p.printValue(v, 'v', 0, true);
    return p.buf;
  }
  p.printArg(v, 'v');
  return p.buf;
}
