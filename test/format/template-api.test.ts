// The JavaScript-facing API of the template engine: func maps with Go signatures, Stringers,
// class-based structs, `call`, named templates, fmt helpers.
import { describe, expect, it } from 'vitest';
import {
  asStruct,
  dockerFuncs,
  FUNC_VALUE,
  GO_TYPE,
  goFunc,
  parseTemplate,
  sprint,
  sprintf,
  sprintln,
  TemplateExecError,
} from '../../src/format/template/index.js';
import { outcome } from './template-helpers.js';

describe('template API', () => {
  it('checks Go signatures given with goFunc', () => {
    const funcs = {
      rep: goFunc((s: string, n: number) => s.repeat(n), { params: ['string', 'int'] }),
      cat: goFunc((sep: string, ...xs: string[]) => xs.join(sep), { params: ['string'], variadic: 'string' }),
      any2: (a: unknown, b: unknown) => `${String(a)}/${String(b)}`,
    };
    expect(outcome('{{rep "ab" 3}} {{cat "-" "a" "b" "c"}} {{cat ","}}| {{any2 1 "x"}}', {}, funcs)).toBe('OUT: ababab a-b-c | 1/x');
    expect(outcome('{{rep "ab"}}', {}, funcs)).toBe(
      'EXEC: template: :1:2: executing "" at <rep>: wrong number of args for rep: want 2 got 1',
    );
    expect(outcome('{{cat}}', {}, funcs)).toBe(
      'EXEC: template: :1:2: executing "" at <cat>: wrong number of args for cat: want at least 1 got 0',
    );
    expect(outcome('{{rep 1 2}}', {}, funcs)).toBe('EXEC: template: :1:6: executing "" at <1>: expected string; found 1');
    expect(outcome('{{"x" | rep 2}}', {}, funcs)).toBe('EXEC: template: :1:12: executing "" at <2>: expected string; found 2');
    expect(outcome('{{2 | rep "x"}}', {}, funcs)).toBe('OUT: xx');
    expect(() => parseTemplate('{{nope}}', funcs)).toThrow('template: :1: function "nope" not defined');
  });

  it('rejects invalid function names like Go', () => {
    expect(() => parseTemplate('x', { 'bad-name': () => 1 })).toThrow('function name "bad-name" is not a valid identifier');
  });

  it('lets a function named break or continue shadow the keyword', () => {
    expect(outcome('{{break}}', {}, { break: () => 'b' })).toBe('OUT: b');
  });

  it('prints Stringers and errors through their methods', () => {
    class Dur {
      constructor(private readonly s: number) {}
      String(): string {
        return `${this.s}s`;
      }
    }
    Object.defineProperty(Dur.prototype, GO_TYPE, { value: { kind: 'struct', name: 'time.Duration' } });
    const d = { D: new Dur(5), L: [new Dur(1), new Dur(2)] };
    expect(outcome('{{.D}} {{printf "%v|%s|%q|%d" .D .D .D .D}} {{.L}} {{printf "%T" .D}}', d)).toBe(
      'OUT: 5s 5s|5s|"5s"|{5} [1s 2s] time.Duration',
    );
  });

  it('calls func values with call', () => {
    const add = Object.assign((a: number, b: number) => a + b, { [FUNC_VALUE]: true });
    expect(outcome('{{call .Add 1 2}}', asStruct({ Add: add }, 'main.T'))).toBe('OUT: 3');
    expect(outcome('{{call .Add 1}}', asStruct({ Add: add }, 'main.T'))).toBe(
      'EXEC: template: :1:2: executing "" at <call .Add 1>: error calling call: wrong number of args for .Add: got 1 want 2',
    );
  });

  it('executes named templates', () => {
    const t = parseTemplate('{{define "row"}}<{{.}}>{{end}}main:{{template "row" .}}', dockerFuncs, { name: 'top' });
    expect(t.name).toBe('top');
    expect(t.templateNames().sort()).toEqual(['row', 'top']);
    expect(t.execute('x')).toBe('main:<x>');
    expect(t.executeTemplate('row', 'y')).toBe('<y>');
    expect(() => t.executeTemplate('nope', 1)).toThrow('template: no template "nope" associated with template "top"');
  });

  it('reuses a parsed template across rows and executions', () => {
    const t = parseTemplate('{{range .}}{{.}},{{end}}{{$x := 1}}{{$x}}', dockerFuncs);
    expect(t.execute(['a', 'b'])).toBe('a,b,1');
    expect(t.execute([])).toBe('1');
    expect(t.execute(['c'])).toBe('c,1');
  });

  it('keeps the output written before an error', () => {
    const t = parseTemplate('{{range .}}{{.X}};{{end}}', dockerFuncs);
    let err: unknown;
    try {
      t.execute([{ X: 1 }, { X: 2 }, 'str']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateExecError);
    expect((err as TemplateExecError).partial).toBe('1;2;');
    expect((err as TemplateExecError).message).toBe(
      'template: :1:13: executing "" at <.X>: can\'t evaluate field X in type interface {}',
    );
  });
});

describe('fmt helpers', () => {
  it('follow Go: Sprint spaces only between non-strings, Sprintln always', () => {
    expect(sprint(['a', 1, 2, 'b', true, 'c'])).toBe('a1 2btruec');
    expect(sprint([1, true, 'c', 2])).toBe('1 truec2');
    expect(sprintln(['a', 1, 'b'])).toBe('a 1 b\n');
    expect(sprint([[1, 2], { b: 1, a: [true] }])).toBe('[1 2] map[a:[true] b:1]');
    expect(sprintf('%v %+v', [asStruct({ A: 1, B: 'x' }, '*main.T'), asStruct({ A: 1 }, 'main.T')])).toBe('&{1 x} {A:1}');
    expect(sprintf('%#v %#v %#v', [['a'], { k: 1 }, 'q'])).toBe('[]string{"a"} map[string]interface {}{"k":1} "q"');
  });
});
