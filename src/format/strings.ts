// Small string helpers with Go's exact behaviour.
import { displayWidth } from './tabwriter.js';

/** strconv.Quote: double quotes, Go escapes, printable Unicode kept as is. */
const PLAIN_PRINTABLE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

export function goQuote(s: string): string {
  if (PLAIN_PRINTABLE.test(s)) return `"${s}"`; // printable ASCII without quotes or backslashes
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\t': out += '\\t'; continue;
      case '\r': out += '\\r'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp >= 0x80 && cp < 0xa0) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/** Docker's Ellipsis: keep w-1 display columns and add "…" when the text is wider than w. */
export function ellipsis(s: string, w: number): string {
  if (w <= 0) return '';
  if (!/[^\x00-\x7f]/.test(s)) return s.length <= w ? s : w === 1 ? s[0] : `${s.slice(0, w - 1)}…`;
  if (displayWidth(s) <= w) return s;
  if (w === 1) return [...s][0] ?? '';
  let out = '';
  let width = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (width + cw > w - 1) break;
    out += ch;
    width += cw;
  }
  return out + '…';
}

/** Natural ("version") order as fvbommel/sortorder compares: digit runs by value. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a[i];
    const cb = b[j];
    const da = ca >= '0' && ca <= '9';
    const db = cb >= '0' && cb <= '9';
    if (da && db) {
      let ei = i; while (ei < a.length && a[ei] >= '0' && a[ei] <= '9') ei++;
      let ej = j; while (ej < b.length && b[ej] >= '0' && b[ej] <= '9') ej++;
      const na = a.slice(i, ei).replace(/^0+/, '');
      const nb = b.slice(j, ej).replace(/^0+/, '');
      if (na.length !== nb.length) return na.length < nb.length;
      if (na !== nb) return na < nb;
      if (ei - i !== ej - j) return ei - i < ej - j;
      i = ei; j = ej;
      continue;
    }
    if (ca !== cb) return ca < cb;
    i++; j++;
  }
  return a.length - i < b.length - j;
}

export function naturalCompare(a: string, b: string): number {
  return naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0;
}
