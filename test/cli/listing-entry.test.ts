// The CLI's listing entry (src/cli-list.ts, dist/src/cli-list.cjs): bin/fakedocker tries it first
// for `ps` and its `container ls` forms; it answers exactly as the full CLI does, or hands over.
// To see which bundle answered, the command lines also run on an install that has only the
// listing bundle: there a command line it does not answer fails to find cli-main.cjs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LISTING_INVOCATIONS } from '../../src/commands/listing.js';
import { PS_DEFAULT_TABLE } from '../../src/format/container.js';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist', 'src');
const built = existsSync(path.join(dist, 'cli-list.cjs')) && existsSync(path.join(dist, 'cli-main.cjs'));

it('bin/fakedocker tries the listing entry for exactly the listing commands', () => {
  const loader = readFileSync(path.join(root, 'bin', 'fakedocker'), 'utf8');
  const listed = /const LISTING = new Set\((\[[^\]]*\])\)/.exec(loader);
  expect(listed).not.toBeNull();
  expect(JSON.parse(listed![1].replace(/'/g, '"')).sort()).toEqual([...LISTING_INVOCATIONS].sort());
});

describe.skipIf(!built)('the listing entry', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'fd-listing-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  // An install with the listing bundle only.
  const listingOnly = path.join(scratch, 'install');
  mkdirSync(path.join(listingOnly, 'dist', 'src'), { recursive: true });
  cpSync(path.join(root, 'bin'), path.join(listingOnly, 'bin'), { recursive: true });
  cpSync(path.join(dist, 'cli-list.cjs'), path.join(listingOnly, 'dist', 'src', 'cli-list.cjs'));
  cpSync(path.join(dist, 'data'), path.join(listingOnly, 'dist', 'src', 'data'), { recursive: true });

  const home = path.join(scratch, 'home');
  const env = { ...process.env, FAKEDOCKER_HOME: home, FAKEDOCKER_SEED: '3', FAKEDOCKER_NOW: '2026-11-28T10:00:00Z' };
  const docker = (bin: string, args: string[], now = env.FAKEDOCKER_NOW) => {
    const r = spawnSync(path.join(bin, 'bin', 'fakedocker'), args, { env: { ...env, FAKEDOCKER_NOW: now }, encoding: 'utf8' });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  };
  const full = (args: string[], now?: string) => docker(root, args, now);
  const lean = (args: string[], now?: string) => docker(listingOnly, args, now);

  for (const args of [['pull', 'busybox'], ['pull', 'nginx'], ['run', '-d', '--name', 'web', '-p', '8080:80', 'nginx'],
    ['run', '-d', '--name', 'napper', 'busybox', 'sleep', '600'], ['run', '--name', 'quitter', 'busybox', 'sh', '-c', 'exit 3'],
    ['create', '--name', 'fresh', 'busybox', 'echo', 'a long command line to be cut short']]) {
    const r = full(args);
    if (r.status !== (args.includes('quitter') ? 3 : 0)) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  }

  it('answers the default table as the full CLI formats it, on its own', () => {
    // A format that is not the default template's text (a trailing space, trimmed) takes the general path.
    const general = full(['ps', '-a', '--format', `${PS_DEFAULT_TABLE} `]);
    expect(general.status).toBe(0);
    for (const args of [['ps', '-a'], ['container', 'ls', '--all'], ['container', 'ps', '-a'], ['-D', 'ps', '-a']]) {
      expect(lean(args)).toEqual(general);
      expect(full(args)).toEqual(general);
    }
    expect(general.stdout.split('\n')[0]).toMatch(/^CONTAINER ID {3}IMAGE {5}COMMAND {18}CREATED +STATUS +PORTS +NAMES$/);
    for (const name of ['web', 'napper', 'quitter', 'fresh']) expect(general.stdout).toMatch(new RegExp(` ${name}\n`));
  });

  it('answers other read-only ps command lines and their errors too, as the full CLI does', () => {
    for (const args of [['ps'], ['ps', '-q'], ['ps', '-a', '--no-trunc'], ['ps', '-n', '2'], ['ps', '-a', '--format', '{{.Names}}'], ['ps', '--bogus'], ['ps', 'extra'], ['ps', '--help'], ['ps', '-f', 'nope=1']]) {
      const expected = full(args);
      expect(lean(args), args.join(' ')).toEqual(expected);
    }
  });

  it('hands over what it cannot answer: other commands, and a state with a container due to change', () => {
    for (const args of [['images'], ['help', 'ps'], ['container', 'inspect', 'web'], ['--version', 'ps']]) {
      const r = lean(args);
      if (args[0] === '--version') {
        expect(r).toEqual(full(args)); // global flags end the command line before any command
        continue;
      }
      expect(r.status, args.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(/cli-main\.cjs/);
    }
    // Ten minutes later `sleep 600` has ended: the full CLI records that first.
    const later = '2026-11-28T10:11:00Z';
    expect(lean(['ps', '-a'], later).stderr).toMatch(/cli-main\.cjs/);
    const afterwards = full(['ps', '-a'], later);
    expect(afterwards.stdout).toMatch(/Exited \(0\) [^\n]*napper/);
    expect(lean(['ps', '-a'], later)).toEqual(afterwards);
  });
});
