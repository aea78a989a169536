/**
 * Go's encoding/json Marshal for the values described in values.ts, as Docker's `json`
 * template function uses it: HTML escaping off, map keys sorted, struct fields in
 * declaration order (renamed or skipped through `json` tags given to `asStruct`).
 */

import {
  GoNumber,
  kindOf,
  sortedMapEntries,
  structFields,
  structLookup,
  typeInfo,
  typeName,
} from './values.js';

/** Thrown for values Go's encoder rejects (NaN, functions, ...). */
export class JSONUnsupportedError extends Error {}

const HEX = '0123456789abcdef';

/** Go's string encoding: control characters, quotes, backslashes, U+2028/9, invalid UTF-16. */
export function goJSONString(s: string, escapeHTML: boolean): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | null = null;
    if (c < 0x20) {
      switch (c) {
        case 0x08: esc = '\\b'; break;
        case 0x0c: esc = '\\f'; break;
        case 0x0a: esc = '\\n'; break;
        case 0x0d: esc = '\\r'; break;
        case 0x09: esc = '\\t'; break;
        default: esc = '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
      }
    } else if (c === 0x22) esc = '\\"';
    else if (c === 0x5c) esc = '\\\\';
    else if (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26)) esc = '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
    else if (c === 0x2028) esc = '\\u2028';
    else if (c === 0x2029) esc = '\\u2029';
    else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      esc = '\\ufffd';
    }
    if (esc !== null) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** Go's JSON string encoding with escapeHTML=false (the Encoder Docker's templates use). */
export function jsonString(s: string): string {
  return goJSONString(s, false);
}

function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new JSONUnsupportedError(`json: unsupported value: ${f}`);
  // JavaScript's shortest formatting switches to exponents at the same points as Go's
  // encoder (below 1e-6 and from 1e21 up) and writes exponents the same way (1e-7, 1e+21).
  if (Object.is(f, -0)) return '-0';
  return String(f);
}

function base64(b: Uint8Array): string {
  let bin = '';
  for (const x of b) bin += String.fromCharCode(x);
  return btoa(bin);
}

interface TagInfo {
  name: string;
  omitEmpty: boolean;
  skip: boolean;
}

function parseTag(field: string, tag: string | undefined): TagInfo {
  if (tag === undefined) return { name: field, omitEmpty: false, skip: false };
  if (tag === '-') return { name: field, omitEmpty: false, skip: true };
  const [name, ...opts] = tag.split(',');
  return { name: name === '' ? field : name, omitEmpty: opts.includes('omitempty'), skip: false };
}

function isEmptyValue(v: unknown): boolean {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return true;
    case 'bool':
      return v === false;
    case 'int':
    case 'uint':
    case 'float':
      return Number(v instanceof GoNumber ? v.value : v) === 0;
    case 'string':
      return v === '';
    case 'slice':
      return (v as unknown[]).length === 0;
    case 'bytes':
      return (v as Uint8Array).length === 0;
    case 'map':
      return sortedMapEntries(v as object).length === 0;
    default:
      return false;
  }
}

function encode(v: unknown): string {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return 'null';
    case 'bool':
      return v ? 'true' : 'false';
    case 'int':
    case 'uint':
      if (typeof v === 'bigint') return v.toString();
      return String(v instanceof GoNumber ? v.value : v);
    case 'float':
      return jsonFloat(v instanceof GoNumber ? v.value : (v as number));
    case 'complex':
      throw new JSONUnsupportedError('json: unsupported type: complex128');
    case 'string':
      return jsonString(v as string);
    case 'bytes':
      return jsonString(base64(v as Uint8Array));
    case 'func':
      throw new JSONUnsupportedError(`json: unsupported type: ${typeName(v)}`);
    case 'slice': {
      const arr = v as unknown[];
      return '[' + arr.map((e) => encode(e)).join(',') + ']';
    }
    case 'map': {
      const marshal = methodOf(v, 'MarshalJSON');
      if (marshal) return fromMarshaler(marshal.call(v));
      const entries = sortedMapEntries(v as object);
      return '{' + entries.map((e) => jsonString(String(e.key)) + ':' + encode(e.value)).join(',') + '}';
    }
    case 'struct': {
      const marshal = methodOf(v, 'MarshalJSON');
      if (marshal) return fromMarshaler(marshal.call(v));
      const obj = v as Record<string, unknown>;
      const tags = typeInfo(obj)?.json ?? {};
      const parts: string[] = [];
      for (const field of structFields(obj)) {
        if (!/^\p{Lu}/u.test(field)) continue; // unexported
        const tag = parseTag(field, tags[field]);
        if (tag.skip) continue;
        const value = obj[field];
        if (tag.omitEmpty && isEmptyValue(value)) continue;
        parts.push(jsonString(tag.name) + ':' + encode(value));
      }
      return '{' + parts.join(',') + '}';
    }
  }
  return 'null';
}

function methodOf(v: unknown, name: string): ((...a: unknown[]) => unknown) | undefined {
  const m = structLookup(v as object, name);
  return m.found && typeof m.value === 'function' ? (m.value as (...a: unknown[]) => unknown) : undefined;
}

function fromMarshaler(out: unknown): string {
  if (typeof out === 'string') {
    try {
      JSON.parse(out);
    } catch {
      throw new JSONUnsupportedError('json: error calling MarshalJSON');
    }
    return compact(out);
  }
  return encode(out);
}

/** Removes insignificant whitespace from valid JSON text, keeping strings as they are. */
function compact(s: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      out += c;
      if (c === '\\') out += s[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      out += c;
    }
  }
  return out;
}

/** json.Marshal(v). Throws JSONUnsupportedError where Go returns an error. */
export function marshalJSON(v: unknown): string {
  return encode(v);
}
