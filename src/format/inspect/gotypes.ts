// Go types of the API structs the CLI decodes inspect responses into, and the decoding itself:
// JSON (as the daemon sent it) → values for the template engine that behave like the CLI's typed
// structs (field order, embedded structs, nil pointers/slices/maps, time.Time, time.Duration),
// each carrying how Go's encoding/json would marshal it again (for the `json` template function).
import { asMap, asSlice, asStruct, goNil } from '../template/index.js';
import { compareKeys, goJSONString } from './json.js';

export type GoType =
  | { kind: 'string' }
  | { kind: 'bool' }
  | { kind: 'int'; name: string }
  | { kind: 'time' }
  | { kind: 'duration' }
  | { kind: 'any' }
  | { kind: 'empty' }
  | { kind: 'ptr'; elem: GoType }
  | { kind: 'slice'; elem: GoType; name?: string }
  | { kind: 'array'; elem: GoType; len: number }
  | { kind: 'map'; key: string; elem: GoType; name?: string }
  | { kind: 'struct'; name: string; fields: GoField[] };

export interface GoField {
  name: string;
  /** JSON key when it differs from the Go name. */
  json?: string;
  omitempty?: boolean;
  embedded?: boolean;
  type: GoType;
}

export const T = {
  string: { kind: 'string' } as GoType,
  bool: { kind: 'bool' } as GoType,
  int: { kind: 'int', name: 'int' } as GoType,
  int64: { kind: 'int', name: 'int64' } as GoType,
  uint16: { kind: 'int', name: 'uint16' } as GoType,
  uint64: { kind: 'int', name: 'uint64' } as GoType,
  uint: { kind: 'int', name: 'uint' } as GoType,
  time: { kind: 'time' } as GoType,
  duration: { kind: 'duration' } as GoType,
  any: { kind: 'any' } as GoType,
  empty: { kind: 'empty' } as GoType,
  ptr: (elem: GoType): GoType => ({ kind: 'ptr', elem }),
  slice: (elem: GoType, name?: string): GoType => ({ kind: 'slice', elem, name }),
  array: (elem: GoType, len: number): GoType => ({ kind: 'array', elem, len }),
  map: (elem: GoType, key = 'string', name?: string): GoType => ({ kind: 'map', key, elem, name }),
  struct: (name: string, fields: GoField[]): GoType => ({ kind: 'struct', name, fields }),
};

/** Field shorthand: f('Name', T.string), f('ID', T.string, { json: 'Id' }). */
export function f(name: string, type: GoType, opts: Omit<GoField, 'name' | 'type'> = {}): GoField {
  return { name, type, ...opts };
}

export function goTypeName(t: GoType): string {
  switch (t.kind) {
    case 'string': return 'string';
    case 'bool': return 'bool';
    case 'int': return t.name;
    case 'time': return 'time.Time';
    case 'duration': return 'time.Duration';
    case 'any': return 'interface {}';
    case 'empty': return 'struct {}';
    case 'ptr': return '*' + goTypeName(t.elem);
    case 'slice': return t.name ?? '[]' + goTypeName(t.elem);
    case 'array': return `[${t.len}]${goTypeName(t.elem)}`;
    case 'map': return t.name ?? `map[${t.key}]${goTypeName(t.elem)}`;
    case 'struct': return t.name;
  }
}

/** Hidden on decoded values: their JSON as Go's encoder (HTML escaping off) writes it. */
export const TYPED_JSON: unique symbol = Symbol.for('fakedocker.inspect.typedJSON') as never;

function hide(obj: object, key: PropertyKey, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: false, configurable: true, writable: true });
}

function withJSON<V extends object>(v: V, json: unknown, t: GoType): V {
  hide(v, TYPED_JSON, () => marshalTyped(json, t));
  return v;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObj(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---- time.Time and time.Duration -------------------------------------------------------------

const ZERO_TIME = '0001-01-01T00:00:00Z';

/** time.Time.String() of an RFC 3339 time: "2026-11-28 02:23:31.77046471 +0000 UTC". */
export function goTimeString(rfc: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(rfc);
  if (!m) return rfc;
  let frac = m[3] ?? '';
  frac = frac.replace(/0+$/, '');
  if (frac === '.') frac = '';
  const zone = m[4] === 'Z' ? '+0000 UTC' : `${m[4].replace(':', '')} ${m[4].replace(':', '')}`;
  return `${m[1]} ${m[2]}${frac} ${zone}`;
}

function goTime(rfc: string) {
  const t = asStruct({}, 'time.Time');
  hide(t, 'String', () => goTimeString(rfc));
  hide(t, 'Unix', () => Math.floor(Date.parse(rfc) / 1000));
  hide(t, 'IsZero', () => rfc === ZERO_TIME);
  return t;
}

function fmtFrac(v: number, prec: number): { rest: number; digits: string } {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const d = v % 10;
    print = print || d !== 0;
    if (print) digits = String(d) + digits;
    v = Math.floor(v / 10);
  }
  return { rest: v, digits: print ? '.' + digits : '' };
}

/** time.Duration.String(): 1s, 1m30s, 1h0m0s, 500ms, 1.5µs, 0s. */
export function goDurationString(ns: number): string {
  if (ns === 0) return '0s';
  const neg = ns < 0;
  let u = Math.abs(ns);
  let out: string;
  if (u < 1e9) {
    let prec: number;
    let unit: string;
    if (u < 1e3) return (neg ? '-' : '') + u + 'ns';
    if (u < 1e6) { prec = 3; unit = 'µs'; } else { prec = 6; unit = 'ms'; }
    const { rest, digits } = fmtFrac(u, prec);
    out = `${rest}${digits}${unit}`;
  } else {
    const { rest, digits } = fmtFrac(u, 9);
    u = rest;
    out = `${u % 60}${digits}s`;
    u = Math.floor(u / 60);
    if (u > 0) {
      out = `${u % 60}m` + out;
      u = Math.floor(u / 60);
      if (u > 0) out = `${u}h` + out;
    }
  }
  return (neg ? '-' : '') + out;
}

function goDuration(ns: number) {
  const d = asStruct({}, 'time.Duration');
  hide(d, 'String', () => goDurationString(ns));
  hide(d, 'Seconds', () => ns / 1e9);
  return d;
}

// ---- decoding --------------------------------------------------------------------------------

/** Every field of a struct with embedded structs flattened, as encoding/json sees them. */
function jsonFields(t: Extract<GoType, { kind: 'struct' }>): GoField[] {
  const out: GoField[] = [];
  for (const fld of t.fields) {
    if (fld.embedded) {
      const inner = fld.type.kind === 'ptr' ? fld.type.elem : fld.type;
      if (inner.kind === 'struct') { out.push(...jsonFields(inner)); continue; }
    }
    out.push(fld);
  }
  return out;
}

function jsonKey(fld: GoField): string {
  return fld.json ?? fld.name;
}

/** The value json.Unmarshal leaves in a field of this type for this JSON (null = zero value). */
export function decode(json: unknown, t: GoType): unknown {
  switch (t.kind) {
    case 'string': return typeof json === 'string' ? json : '';
    case 'bool': return typeof json === 'boolean' ? json : false;
    case 'int': return typeof json === 'number' ? json : 0;
    case 'time': return withJSON(goTime(typeof json === 'string' ? json : ZERO_TIME), json ?? ZERO_TIME, t);
    case 'duration': return withJSON(goDuration(typeof json === 'number' ? json : 0), json ?? 0, t);
    case 'any': return decodeAny(json);
    case 'empty': return withJSON(asStruct({}, 'struct {}'), {}, t);
    case 'ptr':
      if (json === null || json === undefined) return goNil(goTypeName(t));
      if (t.elem.kind === 'struct') return decodeStruct(json, t.elem, '*' + t.elem.name);
      return decode(json, t.elem);
    case 'slice': {
      const arr = Array.isArray(json) ? json.map((e) => decode(e, t.elem)) : [];
      return withJSON(asSlice(arr, goTypeName(t)), Array.isArray(json) ? json : null, t);
    }
    case 'array': {
      const src = Array.isArray(json) ? json : [];
      const arr = Array.from({ length: t.len }, (_, i) => decode(src[i] ?? null, t.elem));
      return withJSON(asSlice(arr, goTypeName(t)), src, t);
    }
    case 'map': {
      const obj: Record<string, unknown> = {};
      if (isObj(json)) for (const [k, v] of Object.entries(json)) obj[k] = decode(v, t.elem);
      return withJSON(asMap(obj, goTypeName(t)), isObj(json) ? json : null, t);
    }
    case 'struct':
      return decodeStruct(json, t, t.name);
  }
}

function decodeStruct(json: unknown, t: Extract<GoType, { kind: 'struct' }>, typeName: string): object {
  const src = isObj(json) ? json : {};
  const obj: Record<string, unknown> = {};
  const promoted: Record<string, unknown> = {};
  for (const fld of t.fields) {
    if (fld.embedded) {
      const inner = fld.type.kind === 'ptr' ? fld.type.elem : fld.type;
      if (inner.kind !== 'struct') continue;
      const sub = decodeStruct(src, inner, fld.type.kind === 'ptr' ? '*' + inner.name : inner.name) as Record<string, unknown>;
      obj[fld.name] = sub;
      // Promoted fields (and their own promoted fields), reachable as .Field but not printed.
      for (const name of Object.getOwnPropertyNames(sub)) {
        if (!(name in promoted)) promoted[name] = sub[name];
      }
      continue;
    }
    obj[fld.name] = decode(src[jsonKey(fld)] ?? null, fld.type);
  }
  for (const [name, value] of Object.entries(promoted)) {
    if (!Object.prototype.hasOwnProperty.call(obj, name)) hide(obj, name, value);
  }
  asStruct(obj, typeName);
  return withJSON(obj, isObj(json) ? json : {}, t);
}

/** encoding/json into interface{}: objects → map[string]interface {}, arrays → []interface {}. */
export function decodeAny(json: unknown): unknown {
  if (Array.isArray(json)) return asSlice(json.map(decodeAny), '[]interface {}');
  if (isObj(json)) {
    const obj: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(json)) obj[k] = decodeAny(v);
    return asMap(obj, 'map[string]interface {}');
  }
  return json === undefined ? null : json;
}

// ---- encoding (json.Marshal of the typed value, HTML escaping off) ---------------------------

function isEmpty(json: unknown, t: GoType): boolean {
  switch (t.kind) {
    case 'string': return json === '' || json == null;
    case 'bool': return json !== true;
    case 'int':
    case 'duration': return !json;
    case 'any':
    case 'ptr': return json === null || json === undefined;
    case 'slice':
      return !Array.isArray(json) || json.length === 0;
    case 'map':
      return !isObj(json) || Object.keys(json).length === 0;
    case 'array': return t.len === 0;
    default: return false;
  }
}

function marshalAny(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return '[' + v.map(marshalAny).join(',') + ']';
  if (isObj(v)) {
    const keys = Object.keys(v).sort(compareKeys);
    return '{' + keys.map((k) => goJSONString(k, false) + ':' + marshalAny(v[k])).join(',') + '}';
  }
  if (typeof v === 'string') return goJSONString(v, false);
  return String(v);
}

/** json.Marshal of the struct this JSON decodes into (fields the type lacks are dropped). */
export function marshalTyped(json: unknown, t: GoType): string {
  switch (t.kind) {
    case 'string': return goJSONString(typeof json === 'string' ? json : '', false);
    case 'bool': return json === true ? 'true' : 'false';
    case 'int':
    case 'duration': return String(typeof json === 'number' ? json : 0);
    case 'time': return goJSONString(typeof json === 'string' ? json : ZERO_TIME, false);
    case 'any': return marshalAny(json);
    case 'empty': return '{}';
    case 'ptr': return json === null || json === undefined ? 'null' : marshalTyped(json, t.elem);
    case 'slice':
      if (!Array.isArray(json)) return 'null';
      return '[' + json.map((e) => marshalTyped(e, t.elem)).join(',') + ']';
    case 'array': {
      const src = Array.isArray(json) ? json : [];
      return '[' + Array.from({ length: t.len }, (_, i) => marshalTyped(src[i] ?? null, t.elem)).join(',') + ']';
    }
    case 'map': {
      if (!isObj(json)) return 'null';
      const keys = Object.keys(json).sort(compareKeys);
      return '{' + keys.map((k) => goJSONString(k, false) + ':' + marshalTyped(json[k], t.elem)).join(',') + '}';
    }
    case 'struct': {
      const src = isObj(json) ? json : {};
      const parts: string[] = [];
      for (const fld of jsonFields(t)) {
        const v = src[jsonKey(fld)];
        if (fld.omitempty && isEmpty(v, fld.type)) continue;
        parts.push(goJSONString(jsonKey(fld), false) + ':' + marshalTyped(v ?? null, fld.type));
      }
      return '{' + parts.join(',') + '}';
    }
  }
}

/** The `json` a decoded value carries, if any. */
export function typedJSON(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const fn = (v as { [TYPED_JSON]?: () => string })[TYPED_JSON];
  return fn ? fn() : undefined;
}
