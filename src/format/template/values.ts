/**
 * How plain JavaScript values stand for Go values inside the template engine.
 *
 * | JavaScript                         | Go                                              |
 * | ---------------------------------- | ----------------------------------------------- |
 * | `undefined`                        | no value (invalid reflect.Value, nil interface) |
 * | `null`                             | a nil pointer (prints `<nil>`)                  |
 * | `string`, `boolean`                | `string`, `bool`                                |
 * | integer `number`                   | `int`                                           |
 * | non-integer `number`               | `float64`                                       |
 * | `bigint`                           | `int64`                                         |
 * | `GoNumber` (see `goNum`)           | a number of an explicit Go type (`float64(2)`)  |
 * | `GoNil` (see `goNil`)              | a typed nil pointer, e.g. `(*types.Health)(nil)` |
 * | array                              | slice (`[]string` when all strings, else `[]interface {}`) |
 * | `Map`                              | map (keys sorted when printed or ranged)        |
 * | plain object                       | `map[string]interface {}` unless marked         |
 * | object marked with `asStruct`      | struct: fields in declaration order, functions are methods |
 * | `Uint8Array`                       | `[]byte`                                        |
 */

/** Symbol under which an object (or its prototype) carries its Go type. */
export const GO_TYPE: unique symbol = Symbol.for('fakedocker.template.goType') as never;

/** Symbol under which a function carries its Go signature (see `goFunc`). */
export const GO_FUNC: unique symbol = Symbol.for('fakedocker.template.goFunc') as never;

export type GoKindName = 'struct' | 'map' | 'slice';

export interface GoTypeInfo {
  kind: GoKindName;
  /** The Go type as `%T` and error messages print it, e.g. `*formatter.ContainerContext`. */
  name: string;
  /**
   * For structs: the `json:"..."` tag of fields whose JSON name differs from the Go name
   * (e.g. `{ ID: 'Id', Labels: 'Labels,omitempty', Secret: '-' }`).
   */
  json?: Record<string, string>;
}

function mark<T extends object>(obj: T, info: GoTypeInfo): T {
  Object.defineProperty(obj, GO_TYPE, { value: info, enumerable: false, configurable: true, writable: true });
  return obj;
}

/**
 * Marks `obj` as a Go struct named `typeName` (e.g. `*formatter.ContainerContext`): its own
 * non-function properties are its fields in declaration order, function properties (own or
 * inherited from a class) are its methods. A missing field is an execution error.
 */
export function asStruct<T extends object>(obj: T, typeName: string, json?: Record<string, string>): T {
  return mark(obj, json ? { kind: 'struct', name: typeName, json } : { kind: 'struct', name: typeName });
}

/**
 * Marks `obj` as a Go map (the default for unmarked plain objects). A missing key gives
 * `<no value>` (or an error in `missingKey: 'error'` mode). `typeName` defaults to
 * `map[string]interface {}`; its element type decides what `index` returns for a missing key.
 */
export function asMap<T extends object>(obj: T, typeName = 'map[string]interface {}'): T {
  return mark(obj, { kind: 'map', name: typeName });
}

/** Gives an array an explicit Go slice type, e.g. `asSlice(ports, '[]types.Port')`. */
export function asSlice<T extends unknown[]>(arr: T, typeName: string): T {
  return mark(arr, { kind: 'slice', name: typeName });
}

export type GoNumType =
  | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr'
  | 'float32' | 'float64';

/** A number with an explicit Go type: use it for floats with integral values (`goNum('float64', 2)`). */
export class GoNumber {
  constructor(readonly type: GoNumType, readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
}

export function goNum(type: GoNumType, value: number): GoNumber {
  return new GoNumber(type, value);
}

/** Shorthand for `goNum('float64', x)`. */
export function goFloat(value: number): GoNumber {
  return new GoNumber('float64', value);
}

/** A nil pointer (or nil map/slice/interface) of a named Go type. */
export class GoNil {
  constructor(readonly type: string) {}
}

export function goNil(typeName: string): GoNil {
  return new GoNil(typeName);
}

/** A Go complex128 (only made by complex literals in templates). */
export class GoComplex {
  constructor(readonly re: number, readonly im: number) {}
}

/** Parameter types understood when checking arguments of functions and methods. */
export type GoParamType = 'any' | 'reflect.Value' | 'string' | 'int' | 'int64' | 'float64' | 'bool' | '[]string';

export interface GoFuncSpec {
  /** Types of the fixed parameters. Default: `fn.length` parameters of type `any`. */
  params?: GoParamType[];
  /** Element type of a trailing `...T` parameter. */
  variadic?: GoParamType;
  /**
   * Pass arguments in the engine's representation (`GoNumber` boxes kept) instead of plain JS
   * numbers: for functions that must tell `float64(2)` from `int(2)`, like `json`.
   */
  raw?: boolean;
}

/**
 * Attaches a Go signature to a function used in a func map or as a method, so that argument
 * count and types are checked with Go's messages (`wrong number of args for X: want 2 got 1`,
 * `wrong type for value; expected string; got int`).
 */
export function goFunc<F extends (...args: never[]) => unknown>(fn: F, spec: GoFuncSpec): F {
  Object.defineProperty(fn, GO_FUNC, { value: spec, enumerable: false, configurable: true, writable: true });
  return fn;
}

// ---------------------------------------------------------------------------
// Kinds and type names.

export type Kind =
  | 'invalid' | 'nil' | 'bool' | 'int' | 'uint' | 'float' | 'complex'
  | 'string' | 'slice' | 'bytes' | 'map' | 'struct' | 'func';

const UINT_TYPES = new Set(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);

export function numKind(t: GoNumType): Kind {
  if (t === 'float32' || t === 'float64') return 'float';
  return UINT_TYPES.has(t) ? 'uint' : 'int';
}

export function typeInfo(v: object): GoTypeInfo | undefined {
  return (v as { [GO_TYPE]?: GoTypeInfo })[GO_TYPE];
}

export function kindOf(v: unknown): Kind {
  switch (typeof v) {
    case 'undefined':
      return 'invalid';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'function':
      return 'func';
    case 'object': {
      if (v === null) return 'nil';
      if (v instanceof GoNumber) return numKind(v.type);
      if (v instanceof GoNil) return 'nil';
      if (v instanceof GoComplex) return 'complex';
      if (Array.isArray(v)) return 'slice';
      if (v instanceof Uint8Array) return 'bytes';
      if (v instanceof Map) return 'map';
      const info = typeInfo(v);
      if (info) return info.kind === 'slice' ? 'slice' : info.kind;
      return 'map';
    }
    default:
      return 'invalid';
  }
}

/** The Go type name of a value, as `%T` prints it. */
export function typeName(v: unknown): string {
  switch (typeof v) {
    case 'undefined':
      return '<nil>';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float64';
    case 'bigint':
      return 'int64';
    case 'function':
      return 'func()';
    case 'object': {
      if (v === null) return '<nil>';
      if (v instanceof GoNumber) return v.type;
      if (v instanceof GoNil) return v.type;
      if (v instanceof GoComplex) return 'complex128';
      if (v instanceof Uint8Array) return '[]uint8';
      const info = typeInfo(v);
      if (info) return info.name;
      if (Array.isArray(v)) return v.length > 0 && v.every((e) => typeof e === 'string') ? '[]string' : '[]interface {}';
      return 'map[string]interface {}';
    }
    default:
      return '<nil>';
  }
}

/** Does a container of this type name hold `interface{}` elements (nil elements are "no value")? */
export function elemIsInterface(containerType: string): boolean {
  return containerType.endsWith('interface {}') || containerType.endsWith(']any');
}

/** The element type of `[]T`, `[N]T` or `map[K]T`. */
export function elemType(containerType: string): string {
  let t = containerType;
  if (t.startsWith('*')) t = t.slice(1);
  if (t.startsWith('[')) return t.slice(t.indexOf(']') + 1);
  if (t.startsWith('map[')) {
    let depth = 0;
    for (let i = 3; i < t.length; i++) {
      if (t[i] === '[') depth++;
      else if (t[i] === ']' && --depth === 0) return t.slice(i + 1);
    }
  }
  return 'interface {}';
}

/** The zero value of a Go type given by name. */
export function zeroValue(type: string): unknown {
  if (type === 'string') return '';
  if (type === 'bool') return false;
  if (type === 'int') return 0;
  if (/^(u?int(8|16|32|64)?|uintptr|float(32|64))$/.test(type)) return new GoNumber(type as GoNumType, 0);
  if (type === 'interface {}' || type === 'any' || type === 'error') return undefined;
  return new GoNil(type);
}

// ---------------------------------------------------------------------------
// Struct and map access.

/** Property lookup on a struct: own properties and class methods, never Object.prototype's. */
export function structLookup(obj: object, name: string): { found: boolean; value?: unknown } {
  let o: object | null = obj;
  while (o !== null && o !== Object.prototype && o !== Array.prototype) {
    if (Object.prototype.hasOwnProperty.call(o, name)) {
      return { found: true, value: (obj as Record<string, unknown>)[name] };
    }
    o = Object.getPrototypeOf(o);
  }
  return { found: false };
}

/** The fields (non-function own enumerable properties) of a struct, in declaration order. */
export function structFields(obj: object): string[] {
  const out: string[] = [];
  for (const k of Object.keys(obj)) {
    if (typeof (obj as Record<string, unknown>)[k] !== 'function') out.push(k);
  }
  return out;
}

export function isExported(name: string): boolean {
  const c = name.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return /^\p{Lu}/u.test(name);
}

/** Returned by structGet / mapGetValue for an absent field or key. */
export const NOT_FOUND: unique symbol = Symbol('not found') as never;

/** Like structLookup, without allocating. */
export function structGet(obj: object, name: string): unknown {
  let o: object | null = obj;
  while (o !== null && o !== Object.prototype && o !== Array.prototype) {
    if (Object.prototype.hasOwnProperty.call(o, name)) return (obj as Record<string, unknown>)[name];
    o = Object.getPrototypeOf(o);
  }
  return NOT_FOUND;
}

/** Like mapGet, without allocating. */
export function mapGetValue(m: object, key: string): unknown {
  if (m instanceof Map) return m.has(key) ? m.get(key) : NOT_FOUND;
  return Object.prototype.hasOwnProperty.call(m, key) ? (m as Record<string, unknown>)[key] : NOT_FOUND;
}

/** Byte-wise (UTF-8 order) comparison of strings, as Go sorts map keys. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (astral code points) sort after U+E000..U+FFFF in UTF-8.
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}

export interface MapEntry {
  key: unknown;
  value: unknown;
}

/** Entries of a map value sorted as Go's fmtsort sorts them. */
export function sortedMapEntries(m: object): MapEntry[] {
  const entries: MapEntry[] = [];
  if (m instanceof Map) {
    for (const [key, value] of m) entries.push({ key, value });
  } else {
    for (const key of Object.keys(m)) entries.push({ key, value: (m as Record<string, unknown>)[key] });
  }
  entries.sort((a, b) => compareKeys(a.key, b.key));
  return entries;
}

function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return compareGoStrings(a, b);
  const x = toNumber(a);
  const y = toNumber(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x < y ? -1 : x > y ? 1 : 0;
  return compareGoStrings(String(a), String(b));
}

export function mapSize(m: object): number {
  return m instanceof Map ? m.size : Object.keys(m).length;
}

export function mapGet(m: object, key: unknown): { found: boolean; value?: unknown } {
  if (m instanceof Map) {
    if (m.has(key)) return { found: true, value: m.get(key) };
    return { found: false };
  }
  const k = String(key);
  if (Object.prototype.hasOwnProperty.call(m, k)) return { found: true, value: (m as Record<string, unknown>)[k] };
  return { found: false };
}

/** The numeric value of a Go number (NaN for anything else). */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v instanceof GoNumber) return v.value;
  if (typeof v === 'bigint') return Number(v);
  return NaN;
}

/** Go's truthiness (`if`, `with`, `and`, `or`, `not`). `ok` is false for values with none. */
export function isTrue(v: unknown): boolean {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'bool':
      return v as boolean;
    case 'int':
    case 'uint':
    case 'float':
      return typeof v === 'bigint' ? v !== 0n : toNumber(v) !== 0;
    case 'complex':
      return (v as GoComplex).re !== 0 || (v as GoComplex).im !== 0;
    case 'string':
      return (v as string).length > 0;
    case 'slice':
      return (v as unknown[]).length > 0;
    case 'bytes':
      return (v as Uint8Array).length > 0;
    case 'map':
      return mapSize(v as object) > 0;
    case 'struct':
    case 'func':
      return true;
  }
}

// ---------------------------------------------------------------------------
// Go strings are bytes: helpers for byte-level operations on JS strings.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

export function isAscii(s: string): boolean {
  return ASCII.test(s);
}

export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

export function utf8Decode(b: Uint8Array): string {
  return decoder.decode(b);
}

/** `len(s)` in Go: the number of UTF-8 bytes. */
export function byteLength(s: string): number {
  if (isAscii(s)) return s.length;
  return encoder.encode(s).length;
}

/** `s[i:j]` on bytes. */
export function byteSlice(s: string, i: number, j: number): string {
  if (isAscii(s)) return s.slice(i, j);
  return decoder.decode(encoder.encode(s).subarray(i, j));
}
