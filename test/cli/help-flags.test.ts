// Flag tables read off Docker's help texts (src/cli/help-flags.ts), and the CLI build's stored copy
// of them (dist/src/data/help-flags/, read at start-up instead of the help texts).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import helpData from '../../src/cli/help-data.json';
import { parseHelpFlags } from '../../src/cli/help-flags.js';
import { flagSpecs } from '../../src/cli/help.js';

const HELP = helpData as Record<string, string>;

describe('flag tables', () => {
  it('reads ps\'s options: shorthands, types, repeatable lists and defaults', () => {
    const flags = parseHelpFlags(HELP.ps, 'ps');
    const byName = new Map(flags.map((f) => [f.long, f]));
    expect(byName.get('all')).toMatchObject({ long: 'all', short: 'a', typeWord: '', kind: 'bool', repeatable: false });
    expect(byName.get('filter')).toMatchObject({ short: 'f', typeWord: 'filter', kind: 'filter', repeatable: true });
    expect(byName.get('last')).toMatchObject({ short: 'n', kind: 'int', defaultText: '-1' });
    expect(byName.get('format')).toMatchObject({ kind: 'string' });
    expect(byName.get('format')!.short).toBeUndefined();
  });

  it('reads the root\'s global options for the empty path only', () => {
    expect(parseHelpFlags(HELP[''], '').map((f) => f.long)).toEqual(expect.arrayContaining(['config', 'context', 'debug', 'host', 'log-level', 'version']));
    expect(parseHelpFlags(HELP.ps, 'ps').map((f) => f.long)).not.toContain('log-level');
  });

  it('adds the hidden spellings and the value checks', () => {
    expect(flagSpecs('stop').find((f) => f.long === 'time')).toMatchObject({ aliasOf: 'timeout' });
    expect(typeof flagSpecs('run').find((f) => f.long === 'memory')!.check).toBe('function');
    expect(flagSpecs('ps').every((f) => f.check === undefined)).toBe(true);
  });
});

const stored = path.resolve(__dirname, '../../dist/src/data/help-flags');
describe.skipIf(!existsSync(stored))('the CLI build\'s stored flag tables', () => {
  it('are the tables read off each help text', () => {
    // The build writes key number i (in the help data's key order) to i.json.
    Object.keys(HELP).forEach((key, i) => {
      expect(JSON.parse(readFileSync(path.join(stored, `${i}.json`), 'utf8')), key).toEqual(JSON.parse(JSON.stringify(parseHelpFlags(HELP[key], key))));
    });
  });
});
