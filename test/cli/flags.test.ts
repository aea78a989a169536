// The pflag-compatible parser: Docker's flag syntax and its exact error texts (observed on CLI 28.2.2).
import { describe, expect, it } from 'vitest';
import { FlagError, HelpRequested, parseFlags } from '../../src/cli/flags.js';
import { flagSpecs } from '../../src/cli/help.js';

const ps = flagSpecs('ps');
const run = flagSpecs('run');
const err = (argv: string[], specs = ps) => {
  try {
    parseFlags(argv, specs, { interspersed: true });
  } catch (e) {
    if (e instanceof FlagError) return e.message;
    throw e;
  }
  return 'no error';
};

describe('flag parsing', () => {
  it('reads flags from the captured help', () => {
    expect(ps.find((f) => f.long === 'last')).toMatchObject({ short: 'n', kind: 'int', defaultText: '-1' });
    expect(run.find((f) => f.long === 'publish')).toMatchObject({ short: 'p', repeatable: true });
  });
  it('handles shorthand groups, = forms and repeated values', () => {
    const r = parseFlags(['-aq', '-n5', '--filter', 'name=x', '-f=status=running', '--no-trunc'], ps, { interspersed: true });
    expect(r.flags).toMatchObject({ all: true, quiet: true, last: '5', filter: ['name=x', 'status=running'], 'no-trunc': true });
  });
  it('gives a value flag the next argument even when it starts with -', () => {
    expect(parseFlags(['--format', '-a'], ps, { interspersed: true }).flags.format).toBe('-a');
    expect(err(['-n', '-a'])).toBe('invalid argument "-a" for "-n, --last" flag: strconv.ParseInt: parsing "-a": invalid syntax');
  });
  it('stops at the image for run (non-interspersed)', () => {
    const r = parseFlags(['-d', 'nginx', '-g', 'daemon off;'], run, { interspersed: false });
    expect(r.positionals).toEqual(['nginx', '-g', 'daemon off;']);
  });
  it.each([
    [['--foo'], 'unknown flag: --foo'],
    [['-az'], "unknown shorthand flag: 'z' in -z"],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--filter'], 'flag needs an argument: --filter'],
    [['-n', 'abc'], 'invalid argument "abc" for "-n, --last" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    [['--all=maybe'], 'invalid argument "maybe" for "-a, --all" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['-f', 'x'], 'invalid argument "x" for "-f, --filter" flag: bad format of filter (expected name=value)'],
  ])('%j → %s', (argv, message) => expect(err(argv as string[])).toBe(message));
  it.each([
    ['run', ['-e', '=x'], 'invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x'],
    ['run', ['-e', ''], 'invalid argument "" for "-e, --env" flag: invalid environment variable: '],
    ['run', ['-e', 'A B=1'], 'no error'],
    ['exec', ['--env==x'], 'invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x'],
    ['run', ['--label', '=x'], 'invalid argument "=x" for "-l, --label" flag: invalid label \'=x\': empty name'],
    ['create', ['-l', ''], 'invalid argument "" for "-l, --label" flag: invalid label \'\': empty name'],
    ['run', ['--label', 'A B=1'], 'invalid argument "A B=1" for "-l, --label" flag: label \'A B\' contains whitespaces'],
    ['run', ['--label', ' A=1'], 'no error'],
    ['volume create', ['--label', 'A B=1'], 'invalid argument "A B=1" for "--label" flag: label \'A B\' contains whitespaces'],
    ['network create', ['--label', '=x'], 'invalid argument "=x" for "--label" flag: invalid label \'=x\': empty name'],
  ])('%s %j: the value is checked as the flag is parsed', (path, argv, message) => expect(err(argv as string[], flagSpecs(path as string))).toBe(message));
  it('turns --help and -h into help requests', () => {
    expect(() => parseFlags(['--help'], run, { interspersed: false })).toThrow(HelpRequested);
    expect(() => parseFlags(['-h'], ps, { interspersed: true })).toThrow(HelpRequested);
  });
});
