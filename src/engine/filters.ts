// Docker's filter arguments: key=value pairs, values of one key ORed, keys ANDed.
import { DaemonError } from './errors.js';

export type Filters = Map<string, string[]>;

/** Parses -f values (already checked for '=' by the CLI); keys are lower-cased and trimmed. */
export function parseFilters(values: string[]): Filters {
  const f: Filters = new Map();
  for (const v of values) {
    const eq = v.indexOf('=');
    const key = v.slice(0, eq).trim().toLowerCase();
    const value = v.slice(eq + 1).trim();
    const list = f.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    f.set(key, list);
  }
  return f;
}

export function validateFilterKeys(f: Filters, accepted: string[]): void {
  for (const key of f.keys()) if (!accepted.includes(key)) throw new DaemonError(`invalid filter '${key}'`, 'invalid');
}

/** Go regexp (RE2) source → JS RegExp; unsupported syntax errors like Go's. */
export function goRegexp(src: string): RegExp {
  try {
    return new RegExp(src);
  } catch {
    throw new DaemonError(`error parsing regexp: invalid or unsupported Perl syntax: \`${src}\``, 'invalid');
  }
}
