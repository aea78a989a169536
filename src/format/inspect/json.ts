// Go's encoding/json as the daemon and the CLI use it for `docker inspect`: an encoder for the
// JSON trees built in this folder, and json.Indent / json.Compact over JSON text.
//
// Trees: a plain object is a Go struct (keys in insertion order; a key whose value is
// `undefined` is left out, which is how `omitempty` is written), a `Map` is a Go map (keys
// sorted byte-wise, as Go sorts them), arrays are slices, `null` is nil.


export interface EncodeOptions {
  /** Escape <, > and & as \u003c, \u003e, \u0026 (json.Marshal; the daemon's Encoder turns it off). */
  escapeHTML: boolean;
}

import { goJSONString } from '../template/json.js';
import { compareGoStrings } from '../template/values.js';

export { goJSONString };

/** Byte-wise (UTF-8) order of Go map keys (the template engine's comparison). */
export const compareKeys = compareGoStrings;

function goNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${n}`);
  if (Object.is(n, -0)) return '-0';
  return String(n);
}

/** Encodes a tree (see the header) as compact JSON text. */
export function encodeJSON(v: unknown, opts: EncodeOptions = { escapeHTML: false }): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string': return goJSONString(v, opts.escapeHTML);
    case 'number': return goNumber(v);
    case 'bigint': return v.toString();
    case 'boolean': return v ? 'true' : 'false';
    case 'object': break;
    default: throw new Error(`json: unsupported type: ${typeof v}`);
  }
  if (Array.isArray(v)) return '[' + v.map((e) => encodeJSON(e, opts)).join(',') + ']';
  if (v instanceof Map) {
    const keys = [...v.keys()].map(String).sort(compareKeys);
    return '{' + keys.map((k) => goJSONString(k, opts.escapeHTML) + ':' + encodeJSON(v.get(k), opts)).join(',') + '}';
  }
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x === undefined) continue;
    parts.push(goJSONString(k, opts.escapeHTML) + ':' + encodeJSON(x, opts));
  }
  return '{' + parts.join(',') + '}';
}

/** A Go map from a record (the encoder sorts its keys). */
export function goMap<T>(rec: Record<string, T> | null | undefined): Map<string, T> | null {
  if (rec === null || rec === undefined) return null;
  return new Map(Object.entries(rec));
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/**
 * Go's json.Indent(dst, src, prefix, indent) for valid JSON: whitespace between tokens is
 * dropped, empty objects and arrays stay `{}` / `[]`, `:` is followed by one space.
 */
export function indentJSON(src: string, prefix = '', indent = '    '): string {
  let out = '';
  let depth = 0;
  let needIndent = false;
  const newline = () => {
    out += '\n' + prefix + indent.repeat(depth);
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '"') {
      if (needIndent) {
        newline();
        needIndent = false;
      }
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j;
      continue;
    }
    if (isSpace(c)) continue;
    if (needIndent && c !== ']' && c !== '}') {
      newline();
      needIndent = false;
    }
    switch (c) {
      case '{':
      case '[':
        out += c;
        depth++;
        needIndent = true;
        break;
      case ',':
        out += c;
        newline();
        break;
      case ':':
        out += ': ';
        break;
      case '}':
      case ']':
        depth--;
        if (needIndent) needIndent = false;
        else newline();
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

/** Go's json.Compact: drops insignificant whitespace, strings untouched. */
export function compactJSON(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j;
      continue;
    }
    if (!isSpace(c)) out += c;
  }
  return out;
}
