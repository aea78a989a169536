// --env-file / --label-file contents, read as the Docker CLI 28.2.2 reads them (outputs observed
// on the real CLI), and how run/create/exec report a bad file.
import { describe, expect, it } from 'vitest';
import { KeyValueFileError, parseKeyValueFile } from '../../src/commands/container/kv-file.js';
import { execute, type ExecuteResult } from '../../src/cli/dispatch.js';
import { createEnv } from '../../src/runtime.js';
import { createInitialState } from '../../src/engine/initial-state.js';
import { HostFileReadError } from '../../src/engine/env.js';
import type { EngineState } from '../../src/engine/state.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(new TextEncoder().encode(p)) : p)));

const problem = (content: string | Uint8Array) => {
  try {
    parseKeyValueFile(content);
  } catch (e) {
    if (e instanceof KeyValueFileError) return e.message;
    throw e;
  }
  return 'no error';
};

describe('key/value file parsing', () => {
  it('keeps values as written and skips comments and blank lines', () => {
    expect(parseKeyValueFile('A=1\n# note\n\n   \n  B= spaced value \nC=\nQ="quoted"\nD=x=y\n')).toEqual(['A=1', 'B= spaced value ', 'C=', 'Q="quoted"', 'D=x=y']);
  });
  it('refuses whitespace in names and empty names, naming the line', () => {
    expect(problem('A B=1\n')).toBe("variable 'A B' contains whitespaces");
    expect(problem('GOOD=1\n  SPACED = x\n')).toBe("variable 'SPACED ' contains whitespaces");
    expect(problem('TAB\tX\n')).toBe("variable 'TAB\tX' contains whitespaces");
    expect(problem('=novalue\n')).toBe("no variable name on line '=novalue'");
    expect(problem('  =x\n')).toBe("no variable name on line '=x'");
  });
  it('drops the CR of CRLF line ends, and only that', () => {
    expect(parseKeyValueFile('X=1\r\nY=2\r\n\r\nZ=3\r')).toEqual(['X=1', 'Y=2', 'Z=3']);
    expect(parseKeyValueFile('X=1\r\r\n')).toEqual(['X=1\r']);
  });
  it('drops a BOM from the first line only', () => {
    expect(parseKeyValueFile(bytes([0xef, 0xbb, 0xbf], 'A=1\n', [0xef, 0xbb, 0xbf], 'B=2\n'))).toEqual(['A=1', '\ufeffB=2']);
  });
  it('takes a bare name from the lookup, or leaves it out', () => {
    const lookup = (k: string) => ({ HOMEX: 'fromhost', EMPTY: '' })[k];
    expect(parseKeyValueFile('HOMEX\nBARE\nEMPTY\n', lookup)).toEqual(['HOMEX=fromhost', 'EMPTY=']);
    expect(parseKeyValueFile('HOMEX\nL=1\n')).toEqual(['L=1']);
  });
  it('refuses bytes that are not UTF-8, listing them as Go prints a byte slice', () => {
    expect(problem(bytes('OK=1\n', 'A', [0xff], 'B=1\r\n'))).toBe('invalid utf8 bytes at line 2: [65 255 66 61 49]');
  });
  it('refuses a line longer than the scanner buffer (64 KiB with its newline)', () => {
    expect(problem(`${'a'.repeat(65535)}\n`)).toBe('no error');
    expect(problem(`${'a'.repeat(65536)}\n`)).toBe('bufio.Scanner: token too long');
    expect(problem('a'.repeat(65535))).toBe('no error');
    expect(problem('a'.repeat(65536))).toBe('bufio.Scanner: token too long');
    // earlier lines are read first
    expect(problem(`=x\n${'a'.repeat(70000)}`)).toBe("no variable name on line '=x'");
  });
});

describe('env and label files on the command line', () => {
  const NOW = Date.parse('2026-01-01T00:00:00Z');
  const files: Record<string, string | Uint8Array> = {
    'bad1.env': 'A B=1\n',
    'crlf.env': 'X=1\r\nY=2\n',
    'good.env': 'FROM_FILE=1\nHOMEX\nBARE\n',
    'labels.env': 'L1="v"\nLBARE\n',
  };
  const session = () => {
    let state: EngineState = createInitialState(5, NOW);
    const env = createEnv({ now: () => NOW, seed: 5, hostEnv: { HOMEX: 'fromhost' } });
    env.host.readFile = (path) => {
      if (path === 'adir') throw new HostFileReadError('read adir: is a directory');
      const content = files[path];
      if (content === undefined) throw new Error(`open ${path}: no such file or directory`);
      return content;
    };
    const run = (...argv: string[]): ExecuteResult => {
      const r = execute(state, argv, { env });
      state = r.state;
      return r;
    };
    run('pull', '-q', 'busybox');
    return run;
  };
  const hint = "\n\nRun 'docker run --help' for more information\n";

  it('reports a bad file with its name (exit 125), a missing one as Go opens it', () => {
    const run = session();
    expect(run('run', '--rm', '--env-file', 'bad1.env', 'busybox', 'true')).toMatchObject({ exitCode: 125, stderr: `docker: invalid env file (bad1.env): variable 'A B' contains whitespaces${hint}` });
    expect(run('run', '--rm', '--label-file', 'bad1.env', 'busybox', 'true').stderr).toBe(`docker: invalid env file (bad1.env): variable 'A B' contains whitespaces${hint}`);
    expect(run('run', '--rm', '--env-file', 'adir', 'busybox', 'true').stderr).toBe(`docker: invalid env file (adir): read adir: is a directory${hint}`);
    expect(run('run', '--rm', '--env-file', 'nope.env', 'busybox', 'true').stderr).toBe(`docker: open nope.env: no such file or directory${hint}`);
    // env files are read before label files
    expect(run('run', '--rm', '--label-file', 'bad1.env', '--env-file', 'nope.env', 'busybox', 'true').stderr).toBe(`docker: open nope.env: no such file or directory${hint}`);
  });
  it('exec prints a file problem bare, with exit 1', () => {
    const run = session();
    expect(run('exec', '--env-file', 'bad1.env', 'nosuch', 'true')).toMatchObject({ exitCode: 1, stderr: "invalid env file (bad1.env): variable 'A B' contains whitespaces\n" });
  });
  it('passes file values through, bare names from the client environment, -e last', () => {
    const run = session();
    expect(run('run', '--rm', '--env-file', 'crlf.env', 'busybox', 'sh', '-c', 'echo "[$X][$Y]"').stdout).toBe('[1][2]\n');
    const id = run('create', '--env-file', 'good.env', '-e', 'FROM_FILE=2', '--label-file', 'labels.env', 'busybox').stdout.trim();
    expect(run('inspect', '-f', '{{json .Config.Env}} {{json .Config.Labels}}', id).stdout).toBe(
      '["FROM_FILE=1","HOMEX=fromhost","FROM_FILE=2","PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"] {"L1":"\\"v\\""}\n',
    );
  });
  it('gives the process PATH and HOSTNAME first, then the container variables', () => {
    const run = session();
    const out = run('run', '--rm', '--hostname', 'h', '-e', 'A=1', 'busybox', 'env').stdout;
    expect(out).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=h\nA=1\nHOME=/root\n');
  });
  it('busybox sh does not pass on variables whose names are not shell names', () => {
    const run = session();
    expect(run('run', '--rm', '-e', 'A B=1', '-e', 'C-D=2', 'busybox', 'env').stdout).toContain('A B=1\nC-D=2\n');
    const viaShell = run('run', '--rm', '-e', 'A B=1', '-e', 'C-D=2', '-e', 'OK_1=3', 'busybox', 'sh', '-c', 'env');
    expect(viaShell.stdout).not.toMatch(/A B|C-D/);
    expect(viaShell.stdout).toContain('OK_1=3');
  });
});
