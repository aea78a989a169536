// A parser with the semantics of spf13/pflag as cobra drives it for the Docker CLI: shorthand
// groups (-aq), -n5 / -n=5 / --last=5 / --last 5, a value flag always takes the next argument
// (even one starting with '-'), "--" ends flags, and optionally flags stop at the first
// positional argument (run, exec, create: everything after IMAGE belongs to the container).
// yargs-parser was not used: its defaults (boolean negation of --no-*, dash-option values,
// number parsing) differ from pflag and Docker's error texts must come out verbatim.
import type { FlagSpec } from './help.js';

export class FlagError extends Error {}
export class HelpRequested extends Error {
  /**
   * `-h` works but cobra warns that the shorthand is deprecated. `flags`: those given before the
   * help flag (the root command still checks --log-level).
   */
  constructor(readonly viaShorthand = false, readonly flags: FlagValues = {}) {
    super('help requested');
  }
}

export type FlagValues = Record<string, string | boolean | string[]>;

export interface ParsedArgs {
  flags: FlagValues;
  /** Long names of the flags the user gave explicitly. */
  changed: Set<string>;
  positionals: string[];
  /** Notices cobra prints on stdout while parsing (deprecated flags). */
  notices: string[];
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

export function parseInteger(value: string, bits = 64): number | undefined {
  // strconv.ParseInt(s, 0, 64) accepts sign, 0x / 0o / 0b prefixes and underscores after a prefix.
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[0-9]+)$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1] + m[2].replace(/_/g, '').replace(/^0([0-7]+)$/, '0o$1'));
  if (!Number.isFinite(n) || Math.abs(n) > 2 ** (bits - 1)) return undefined;
  return n;
}

function validate(spec: FlagSpec, value: string): string | undefined {
  if (spec.check) return spec.check(value);
  switch (spec.kind) {
    case 'bool':
      if (!['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) {
        return `strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`;
      }
      return undefined;
    case 'int':
      if (parseInteger(value) === undefined) return `strconv.ParseInt: parsing ${goQuote(value)}: ${/^[+-]?\d+$/.test(value) ? 'value out of range' : 'invalid syntax'}`;
      return undefined;
    case 'uint':
      if (!/^\d+$/.test(value)) return `strconv.ParseUint: parsing ${goQuote(value)}: invalid syntax`;
      return undefined;
    case 'float':
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return `strconv.ParseFloat: parsing ${goQuote(value)}: invalid syntax`;
      return undefined;
    case 'filter':
      if (!value.includes('=')) return 'bad format of filter (expected name=value)';
      return undefined;
    case 'duration':
      if (!/^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|\u00b5s|ms|s|m|h))+$/.test(value) && value !== '0') return `time: invalid duration ${goQuote(value)}`;
      return undefined;
    default:
      return undefined;
  }
}

function boolValue(value: string): boolean {
  return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value);
}

export function parseFlags(argv: string[], specs: FlagSpec[], opts: { interspersed: boolean }): ParsedArgs {
  const byLong = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const s of specs) {
    byLong.set(s.long, s);
    if (s.short) byShort.set(s.short, s);
  }
  const flags: FlagValues = {};
  const changed = new Set<string>();
  const positionals: string[] = [];
  const notices: string[] = [];

  const set = (given: FlagSpec, value: string) => {
    let spec = given;
    const err = validate(spec, value);
    if (err) {
      const name = spec.short ? `-${spec.short}, --${spec.long}` : `--${spec.long}`;
      throw new FlagError(`invalid argument ${goQuote(value)} for ${goQuote(name)} flag: ${err}`);
    }
    if (spec.deprecated) notices.push(`Flag --${spec.long} has been deprecated, ${spec.deprecated}`);
    if (spec.aliasOf) spec = byLong.get(spec.aliasOf) ?? spec;
    changed.add(spec.long);
    if (spec.kind === 'bool') flags[spec.long] = boolValue(value);
    else if (spec.repeatable) {
      const prev = flags[spec.long];
      flags[spec.long] = Array.isArray(prev) ? [...prev, value] : [value];
    } else flags[spec.long] = value;
  };

  const args = argv.slice();
  while (args.length > 0) {
    const s = args.shift()!;
    if (s.length < 2 || s[0] !== '-') {
      positionals.push(s);
      if (!opts.interspersed) { positionals.push(...args); break; }
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) { positionals.push(...args); break; }
      const body = s.slice(2);
      if (body.startsWith('-') || body.startsWith('=')) throw new FlagError(`bad flag syntax: ${s}`);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const spec = byLong.get(name);
      if (name === 'help') throw new HelpRequested(false, flags);
      if (!spec) {
        throw new FlagError(`unknown flag: --${name}`);
      }
      if (eq >= 0) set(spec, body.slice(eq + 1));
      else if (spec.kind === 'bool') set(spec, 'true');
      else if (args.length > 0) set(spec, args.shift()!);
      else throw new FlagError(`flag needs an argument: ${s}`);
      continue;
    }
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = shorthands[0];
      const spec = byShort.get(c);
      if (!spec) {
        if (c === 'h') throw new HelpRequested(true, flags);
        throw new FlagError(`unknown shorthand flag: '${c}' in -${shorthands}`);
      }
      if (shorthands.length > 2 && shorthands[1] === '=') { set(spec, shorthands.slice(2)); shorthands = ''; }
      else if (spec.kind === 'bool') { set(spec, 'true'); shorthands = shorthands.slice(1); }
      else if (shorthands.length > 1) { set(spec, shorthands.slice(1)); shorthands = ''; }
      else if (args.length > 0) { set(spec, args.shift()!); shorthands = ''; }
      else throw new FlagError(`flag needs an argument: '${c}' in -${shorthands}`);
    }
  }
  return { flags, changed, positionals, notices };
}
