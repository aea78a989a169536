/** Go text/template's predefined functions (and, or, not, len, index, slice, print, eq, ...). */

import { sprint, sprintf, sprintln } from './fmt.js';
import { isPrintRune } from './lexer.js';
import {
  GoComplex,
  GoNil,
  GoNumber,
  GoParamType,
  Kind,
  byteLength,
  byteSlice,
  elemIsInterface,
  elemType,
  isAscii,
  isTrue,
  kindOf,
  mapGet,
  mapSize,
  typeName,
  utf8Bytes,
  zeroValue,
} from './values.js';

export interface BuiltinSpec {
  params: GoParamType[];
  variadic: GoParamType | null;
  impl: (args: unknown[]) => unknown;
}

/** Go's evalArgs: the text form of a function's arguments (used by html, js, urlquery). */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(
    args.map((a) => (a === undefined ? '<no value>' : a)),
    true,
  );
}

export function htmlEscape(s: string): string {
  if (!/['"&<>\0]/.test(s)) return s;
  return s.replace(/['"&<>\0]/g, (c) => {
    switch (c) {
      case '\0':
        return '\ufffd';
      case '"':
        return '&#34;';
      case "'":
        return '&#39;';
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      default:
        return '&gt;';
    }
  });
}

export function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    switch (ch) {
      case '\\':
        out += '\\\\';
        continue;
      case "'":
        out += "\\'";
        continue;
      case '"':
        out += '\\"';
        continue;
      case '<':
        out += '\\u003C';
        continue;
      case '>':
        out += '\\u003E';
        continue;
      case '&':
        out += '\\u0026';
        continue;
      case '=':
        out += '\\u003D';
        continue;
    }
    if (r < 0x20) out += '\\u00' + r.toString(16).toUpperCase().padStart(2, '0');
    else if (r < 0x80 || isPrintRune(r)) out += ch;
    else out += '\\u' + r.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

export function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

// ---------------------------------------------------------------------------
// Comparison.

type BasicKind = 'invalid' | 'bool' | 'complex' | 'int' | 'float' | 'string' | 'uint';

function basicKind(v: unknown): BasicKind {
  const k: Kind = kindOf(v);
  switch (k) {
    case 'bool':
    case 'complex':
    case 'int':
    case 'float':
    case 'string':
    case 'uint':
      return k;
  }
  return 'invalid';
}

/** In comparisons a JS null is a nil interface, like a missing value. */
function isValid(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function intValue(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  return BigInt(Math.trunc(v instanceof GoNumber ? v.value : (v as number)));
}

function floatValue(v: unknown): number {
  return v instanceof GoNumber ? v.value : typeof v === 'bigint' ? Number(v) : (v as number);
}

function isNilValue(v: unknown): boolean {
  return v === undefined || v === null || v instanceof GoNil;
}

function eq(arg1: unknown, rest: unknown[]): boolean {
  if (rest.length === 0) throw new Error('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const arg of rest) {
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') truth = intValue(arg1) >= 0n && intValue(arg1) === intValue(arg);
      else if (k1 === 'uint' && k2 === 'int') truth = intValue(arg) >= 0n && intValue(arg1) === intValue(arg);
      else if (isValid(arg1) && isValid(arg)) {
        throw new Error('incompatible types for comparison');
      }
    } else {
      switch (k1) {
        case 'bool':
        case 'string':
          truth = arg1 === arg;
          break;
        case 'int':
        case 'uint':
          truth = intValue(arg1) === intValue(arg);
          break;
        case 'float':
          truth = floatValue(arg1) === floatValue(arg);
          break;
        case 'complex':
          truth = (arg1 as GoComplex).re === (arg as GoComplex).re && (arg1 as GoComplex).im === (arg as GoComplex).im;
          break;
        default: {
          const ka = kindOf(arg1);
          const kb = kindOf(arg);
          const canCompare = ka === kb || !isValid(arg1) || !isValid(arg);
          if (!canCompare) {
            throw new Error(
              `non-comparable types ${sprintf('%v', [arg1])}: ${typeName(arg1)}, ${typeName(arg)}: ${sprintf('%v', [arg])}`,
            );
          }
          if (isNilValue(arg1) || isNilValue(arg)) {
            truth = isNilValue(arg) === isNilValue(arg1);
          } else {
            if (kb === 'slice' || kb === 'map' || kb === 'func' || kb === 'bytes') {
              throw new Error(`non-comparable type ${sprintf('%s', [arg])}: ${typeName(arg)}`);
            }
            truth = arg1 === arg;
          }
        }
      }
    }
    if (truth) return true;
  }
  return false;
}

function lt(arg1: unknown, arg2: unknown): boolean {
  const k1 = basicKind(arg1);
  if (k1 === 'invalid') throw new Error('invalid type for comparison');
  const k2 = basicKind(arg2);
  if (k2 === 'invalid') throw new Error('invalid type for comparison');
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return intValue(arg1) < 0n || intValue(arg1) < intValue(arg2);
    if (k1 === 'uint' && k2 === 'int') return intValue(arg2) >= 0n && intValue(arg1) < intValue(arg2);
    throw new Error('incompatible types for comparison');
  }
  switch (k1) {
    case 'bool':
    case 'complex':
      throw new Error('invalid type for comparison');
    case 'float':
      return floatValue(arg1) < floatValue(arg2);
    case 'int':
    case 'uint':
      return intValue(arg1) < intValue(arg2);
    default:
      return compareBytes(arg1 as string, arg2 as string) < 0;
  }
}

function compareBytes(a: string, b: string): number {
  if (isAscii(a) && isAscii(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = utf8Bytes(a);
  const y = utf8Bytes(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function le(a: unknown, b: unknown): boolean {
  return lt(a, b) || eq(a, [b]);
}

// ---------------------------------------------------------------------------
// index, slice, len.

function indexArg(index: unknown, cap: number): number {
  const k = kindOf(index);
  let x: number;
  if (k === 'int' || k === 'uint') x = Number(intValue(index));
  else if (!isValid(index)) throw new Error('cannot index slice/array with nil');
  else throw new Error(`cannot index slice/array with type ${typeName(index)}`);
  if (x < 0 || x > cap) throw new Error(`index out of range: ${x}`);
  return x;
}

function elemOf(container: unknown, v: unknown): unknown {
  if (v === null && elemIsInterface(typeName(container))) return undefined;
  return v;
}

function index(item0: unknown, indexes: unknown[]): unknown {
  let item = item0;
  if (item === undefined || item === null) throw new Error('index of untyped nil');
  for (const ix of indexes) {
    if (item === null || item instanceof GoNil) throw new Error('index of nil pointer');
    switch (kindOf(item)) {
      case 'string': {
        const s = item as string;
        const n = byteLength(s);
        const x = indexArg(ix, n);
        if (x === n) throw new Error('reflect: string index out of range');
        item = new GoNumber('uint8', isAscii(s) ? s.charCodeAt(x) : utf8Bytes(s)[x]);
        break;
      }
      case 'bytes': {
        const b = item as Uint8Array;
        const x = indexArg(ix, b.length);
        if (x === b.length) throw new Error('reflect: slice index out of range');
        item = new GoNumber('uint8', b[x]);
        break;
      }
      case 'slice': {
        const arr = item as unknown[];
        const x = indexArg(ix, arr.length);
        if (x === arr.length) throw new Error('reflect: slice index out of range');
        item = elemOf(arr, arr[x]);
        break;
      }
      case 'map': {
        const mt = typeName(item);
        const keyType = mt.startsWith('map[') ? mt.slice(4, mt.indexOf(']')) : 'string';
        if (!isValid(ix)) {
          if (keyType !== 'interface {}') throw new Error(`value is nil; should be of type ${keyType}`);
        } else if (keyType === 'string' && typeof ix !== 'string') {
          throw new Error(`value has type ${typeName(ix)}; should be ${keyType}`);
        }
        const r = mapGet(item as object, ix);
        item = r.found ? elemOf(item, r.value) : zeroValue(elemType(mt));
        break;
      }
      default:
        throw new Error(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

function slice(item: unknown, indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new Error('slice of untyped nil');
  if (item instanceof GoNil) throw new Error('slice of nil pointer');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  let len: number;
  const k = kindOf(item);
  if (k === 'string') {
    if (indexes.length === 3) throw new Error('cannot 3-index slice a string');
    len = byteLength(item as string);
  } else if (k === 'slice') len = (item as unknown[]).length;
  else if (k === 'bytes') len = (item as Uint8Array).length;
  else throw new Error(`can't slice item of type ${typeName(item)}`);
  const idx = [0, len, len];
  indexes.forEach((ix, i) => {
    idx[i] = indexArg(ix, len);
  });
  if (idx[0] > idx[1]) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (k === 'string') return byteSlice(item as string, idx[0], idx[1]);
  if (k === 'bytes') return (item as Uint8Array).slice(idx[0], idx[1]);
  const out = (item as unknown[]).slice(idx[0], idx[1]);
  const info = (item as { [k: symbol]: unknown })[Symbol.for('fakedocker.template.goType')];
  if (info) Object.defineProperty(out, Symbol.for('fakedocker.template.goType'), { value: info, enumerable: false });
  return out;
}

function length(item: unknown): number {
  if (item === null || item instanceof GoNil) throw new Error('len of nil pointer');
  switch (kindOf(item)) {
    case 'string':
      return byteLength(item as string);
    case 'slice':
      return (item as unknown[]).length;
    case 'bytes':
      return (item as Uint8Array).length;
    case 'map':
      return mapSize(item as object);
    case 'invalid':
      throw new Error('reflect: call of reflect.Value.Type on zero Value');
  }
  throw new Error(`len of type ${typeName(item)}`);
}

const RV: GoParamType = 'reflect.Value';

/** The builtins; `and`, `or` and `call` are special-cased by the executor. */
export const BUILTINS: Record<string, BuiltinSpec> = {
  and: { params: [RV], variadic: RV, impl: () => undefined },
  or: { params: [RV], variadic: RV, impl: () => undefined },
  call: { params: [RV], variadic: RV, impl: () => undefined },
  not: { params: [RV], variadic: null, impl: (a) => !isTrue(a[0]) },
  len: { params: [RV], variadic: null, impl: (a) => length(a[0]) },
  index: { params: [RV], variadic: RV, impl: (a) => index(a[0], a.slice(1)) },
  slice: { params: [RV], variadic: RV, impl: (a) => slice(a[0], a.slice(1)) },
  print: { params: [], variadic: 'any', impl: (a) => sprint(a) },
  printf: { params: ['string'], variadic: 'any', impl: (a) => sprintf(a[0] as string, a.slice(1)) },
  println: { params: [], variadic: 'any', impl: (a) => sprintln(a) },
  html: { params: [], variadic: 'any', impl: (a) => htmlEscape(evalArgs(a)) },
  js: { params: [], variadic: 'any', impl: (a) => jsEscape(evalArgs(a)) },
  urlquery: { params: [], variadic: 'any', impl: (a) => urlQueryEscape(evalArgs(a)) },
  eq: { params: [RV], variadic: RV, impl: (a) => eq(a[0], a.slice(1)) },
  ne: { params: [RV, RV], variadic: null, impl: (a) => !eq(a[0], [a[1]]) },
  lt: { params: [RV, RV], variadic: null, impl: (a) => lt(a[0], a[1]) },
  le: { params: [RV, RV], variadic: null, impl: (a) => le(a[0], a[1]) },
  gt: { params: [RV, RV], variadic: null, impl: (a) => !le(a[0], a[1]) },
  ge: { params: [RV, RV], variadic: null, impl: (a) => !lt(a[0], a[1]) },
};
