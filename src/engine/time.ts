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
