// Time values are kept as RFC 3339 strings with nanoseconds, as Docker prints them; these helpers
// convert between them and milliseconds for arithmetic.
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/** ms since epoch + extra nanoseconds (0..999999) → 2026-11-28T01:25:45.203291443Z */
export function rfc3339Nano(ms: number, extraNanos = 0): string {
  const seconds = Math.floor(ms / 1000);
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  // Sub-millisecond parts of `ms` (ordering ticks) are kept, then the extra nanoseconds added.
  const nanos = Math.min(999_999_999, Math.floor((ms - seconds * 1000) * 1_000_000) + Math.floor(extraNanos));
  let frac = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return frac ? `${base}.${frac}Z` : `${base}Z`;
}

/** Like rfc3339Nano but always with 9 fractional digits (docker logs -t). */
export function rfc3339NanoFixed(t: string): string {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(t);
  if (!m) return t;
  return `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}Z`;
}

export function parseTime(t: string): number {
  if (!t || t === ZERO_TIME) return 0;
  return parseUtcFast(t) ?? parseTimeGeneral(t);
}

/** parseTime for any RFC 3339 time (exported for the test comparing it with the fast path). */
export function parseTimeGeneral(t: string): number {
  if (!t || t === ZERO_TIME) return 0;
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(t);
  if (!m) return Date.parse(t);
  const frac = (m[2] ?? '').padEnd(9, '0');
  return Date.parse(`${m[1]}${m[3]}`) + Number(frac.slice(0, 9)) / 1e6;
}

export function isZeroTime(t: string | undefined): boolean {
  return !t || t === ZERO_TIME;
}

/** Go's time.Time.String() for UTC, whole seconds: 2026-11-28 01:25:43 +0000 UTC */
export function goTimeString(ms: number): string {
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Digits t[from..to) as a number, or -1 if any is not a digit. */
function digits(t: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * parseTime for the one layout the engine writes, "YYYY-MM-DDTHH:MM:SS[.fraction]Z", without a
 * regular expression or Date.parse (a listing parses thousands); undefined for anything else.
 */
function parseUtcFast(t: string): number | undefined {
  const n = t.length;
  if (n < 20 || t.charCodeAt(n - 1) !== 90 /* Z */ || t[4] !== '-' || t[7] !== '-' || t[10] !== 'T' || t[13] !== ':' || t[16] !== ':') return undefined;
  const year = digits(t, 0, 4), month = digits(t, 5, 7), day = digits(t, 8, 10);
  const hour = digits(t, 11, 13), minute = digits(t, 14, 16), second = digits(t, 17, 19);
  // Years below 100 (Date.UTC reads them as 19xx) and out-of-range fields take the general path.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  let nanos = 0;
  if (n > 20) {
    if (t[19] !== '.' || n - 21 < 1) return undefined;
    const fracDigits = Math.min(n - 21, 9);
    const frac = digits(t, 20, 20 + fracDigits);
    if (frac < 0 || digits(t, 20, n - 1) < 0) return undefined;
    nanos = frac * 10 ** (9 - fracDigits);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) + nanos / 1e6;
}
