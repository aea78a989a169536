/**
 * Docker's template functions (docker/cli `templates` package): `json`, `split`, `join`,
 * `title`, `lower`, `upper`, `pad`, `truncate`, and the header-mode replacements used to
 * render table headers.
 */

import type { FuncMap } from './exec.js';
import { JSONUnsupportedError, marshalJSON } from './json.js';
import { byteLength, byteSlice, goFunc } from './values.js';

/** strings.Title: upper-cases the first letter of each word. */
export function goTitle(s: string): string {
  let prev = 0x20;
  let out = '';
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    out += isSeparator(prev) ? titleCase(ch) : ch;
    prev = r;
  }
  return out;
}

function titleCase(ch: string): string {
  const special: Record<string, string> = { ǆ: 'ǅ', ǅ: 'ǅ', Ǆ: 'ǅ', ǉ: 'ǈ', Ǉ: 'ǈ', ǌ: 'ǋ', Ǌ: 'ǋ', ǳ: 'ǲ', Ǳ: 'ǲ' };
  if (special[ch]) return special[ch];
  const up = ch.toUpperCase();
  return Array.from(up).length === 1 ? up : ch;
}

function isSeparator(r: number): boolean {
  if (r <= 0x7f) {
    if ((r >= 0x30 && r <= 0x39) || (r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || r === 0x5f) return false;
    return true;
  }
  const ch = String.fromCodePoint(r);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return /\s/u.test(ch);
}

/** strings.Split(s, sep): "" splits into characters. */
export function goSplit(s: string, sep: string): string[] {
  if (sep === '') return Array.from(s);
  return s.split(sep);
}

/** strings.ToLower: simple (one rune to one rune) case mapping, no context rules. */
export function goLower(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    if (ch === '\u0130') out += 'i';
    else {
      const l = ch.toLowerCase();
      out += Array.from(l).length === 1 ? l : ch;
    }
  }
  return out;
}

/** strings.ToUpper: simple (one rune to one rune) case mapping (ß stays ß). */
export function goUpper(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toUpperCase();
  let out = '';
  for (const ch of s) {
    const u = ch.toUpperCase();
    out += Array.from(u).length === 1 ? u : ch;
  }
  return out;
}

/** Docker's `json`: json.Marshal with HTML escaping off; "" when Go's encoder would fail. */
export function dockerJSON(v: unknown): string {
  try {
    return marshalJSON(v);
  } catch (e) {
    if (e instanceof JSONUnsupportedError) return '';
    throw e;
  }
}

/** Docker's `pad`: spaces around s, only when s is not empty. */
export function dockerPad(s: string, prefix: number, suffix: number): string {
  if (s === '') return s;
  if (prefix < 0 || suffix < 0) throw new Error('strings: negative Repeat count');
  return ' '.repeat(prefix) + s + ' '.repeat(suffix);
}

/** Docker's `truncate`: s[:n] on bytes when len(s) >= n. */
export function dockerTruncate(s: string, n: number): string {
  if (byteLength(s) < n) return s;
  if (n < 0) throw new Error(`runtime error: slice bounds out of range [:${n}]`);
  return byteSlice(s, 0, n);
}

/** The functions every Docker `--format` template has (docker/cli templates.basicFunctions). */
export const dockerFuncs: FuncMap = {
  json: goFunc((v: unknown) => dockerJSON(v), { params: ['any'], raw: true }),
  split: goFunc((s: string, sep: string) => goSplit(s, sep), { params: ['string', 'string'] }),
  join: goFunc((elems: string[], sep: string) => elems.join(sep), { params: ['[]string', 'string'] }),
  title: goFunc((s: string) => goTitle(s), { params: ['string'] }),
  lower: goFunc((s: string) => goLower(s), { params: ['string'] }),
  upper: goFunc((s: string) => goUpper(s), { params: ['string'] }),
  pad: goFunc((s: string, p: number, q: number) => dockerPad(s, p, q), { params: ['string', 'int', 'int'] }),
  truncate: goFunc((s: string, n: number) => dockerTruncate(s, n), { params: ['string', 'int'] }),
};

/**
 * Replacements used when rendering table headers (docker/cli templates.HeaderFunctions): the
 * header text passes through unchanged. `pad` is not replaced. Pass them as
 * `execute(headers, { funcs: dockerHeaderFuncs })` on a template parsed with `dockerFuncs`.
 */
export const dockerHeaderFuncs: FuncMap = {
  json: goFunc((v: string) => v, { params: ['string'] }),
  split: goFunc((v: string, _sep: string) => v, { params: ['string', 'string'] }),
  join: goFunc((v: string, _sep: string) => v, { params: ['string', 'string'] }),
  title: goFunc((v: string) => v, { params: ['string'] }),
  lower: goFunc((v: string) => v, { params: ['string'] }),
  upper: goFunc((v: string) => v, { params: ['string'] }),
  truncate: goFunc((v: string, _n: number) => v, { params: ['string', 'int'] }),
};
