// How JavaScript data behaves as Go data: structs vs maps, methods, interface{} values,
// missingkey modes, JSON. Expected strings come from Go's text/template run on the same data
// (go1.19 locally; only cases that Go 1.24 does not change), and from Docker 28.2.2 where said.
import { describe, expect, it } from 'vitest';
import {
  asMap,
  asSlice,
  asStruct,
  dockerFuncs,
  dockerHeaderFuncs,
  goFloat,
  goFunc,
  goNil,
  goNum,
  parseTemplate,
  sprintf,
  TemplateExecError,
  TemplateParseError,
} from '../../src/format/template/index.js';
import { containerRow, outcome } from './template-helpers.js';

/** Go's test struct: type Ctx struct {...} with methods Label(string) and Hello() on *Ctx. */
function ctx(): object {
  return asStruct(
    {
      ID: 'abc',
      Num: 3,
      F: 1.5,
      Names: asSlice(['a', 'b'], '[]string'),
      M: asMap({ k: 'v', a: 'z' }, 'map[string]string'),
      In: asStruct({ Name: 'x', N: 2 }, 'main.Inner'),
      P: asStruct({ Name: 'p', N: 1 }, '*main.Inner'),
      Nil: goNil('*main.Inner'),
      Any: undefined,
      B: true,
      Label: goFunc((k: string) => 'L:' + k, { params: ['string'] }),
      Hello() {
        return 'hi';
      },
    },
    '*main.Ctx',
  );
}

const run = (t: string, data: unknown = ctx(), opts?: { missingKey?: 'default' | 'zero' | 'error' }) =>
  outcome(t, data, dockerFuncs, '', opts);

describe('structs, methods and fields (checked with Go text/template)', () => {
  it.each([
    ['{{.ID}} {{.Num}} {{.F}} {{.B}}', 'OUT: abc 3 1.5 true'],
    ['{{.In.Name}} {{.In.N}} {{.P.Name}} {{.P}} {{.In}}', 'OUT: x 2 p {p 1} {x 2}'],
    ['{{.Nil}}|{{.Any}}', 'OUT: <nil>|<no value>'],
    ['{{.Label "x"}} {{.Hello}}', 'OUT: L:x hi'],
    ['{{"y" | .Label}}', 'OUT: L:y'],
    ['{{.M}} {{.M.k}} {{.M.zz}} {{index .M "zz"}}|', 'OUT: map[a:z k:v] v <no value> |'],
    ['{{.Names}} {{index .Names 1}} {{len .Names}} {{slice .Names 1}}', 'OUT: [a b] b 2 [b]'],
    ['{{printf "%v|%+v|%#v" .In .In .In}}', 'OUT: {x 2}|{Name:x N:2}|main.Inner{Name:"x", N:2}'],
    ['{{printf "%v|%+v" .P .P}}', 'OUT: &{p 1}|&{Name:p N:1}'],
    ['{{printf "%T %T %T %T %T %T" .ID .Num .F .Names .M .P}}', 'OUT: string int float64 []string map[string]string *main.Inner'],
    ['{{printf "%s" .Nil}} {{printf "%v" .Nil}} {{printf "%d" .Nil}}', 'OUT: %!s(*main.Inner=<nil>) <nil> 0'],
    ['{{printf "%v %s %q" .M .M .M}}', 'OUT: map[a:z k:v] map[a:z k:v] map["a":"z" "k":"v"]'],
    ['{{html .Names}} {{html .Any}} {{urlquery 1 2}}', 'OUT: [a b] &lt;no value&gt; 1+2'],
    ['{{with .In}}{{.Name}}{{end}} {{with .Any}}x{{else}}none{{end}} {{with $x := .Num}}{{$x}}{{end}}', 'OUT: x none 3'],
    ['{{range $k, $v := .M}}{{$k}}={{$v}};{{end}}', 'OUT: a=z;k=v;'],
    ['{{if .Any}}y{{else}}n{{end}} {{if .Nil}}y{{else}}n{{end}} {{if .M}}y{{end}} {{if .In}}y{{end}}', 'OUT: n n y y'],
    ['{{eq .Nil nil}} {{eq .Any nil}}', 'OUT: true true'],
  ])('%j', (t, expected) => expect(run(t)).toBe(expected));

  it.each([
    ['{{.Foo}}', 'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *main.Ctx'],
    ['{{.Nil.Name}}', 'template: :1:6: executing "" at <.Nil.Name>: nil pointer evaluating *main.Inner.Name'],
    ['{{.Any.X}}', 'template: :1:6: executing "" at <.Any.X>: nil pointer evaluating interface {}.X'],
    ['{{.Label}}', 'template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0'],
    ['{{.Label 1}}', 'template: :1:9: executing "" at <1>: expected string; found 1'],
    ['{{.Hello "a"}}', 'template: :1:2: executing "" at <.Hello>: wrong number of args for Hello: want 0 got 1'],
    ['{{.ID "a"}}', 'template: :1:2: executing "" at <.ID>: ID has arguments but cannot be invoked as function'],
    ['{{.M.k "a"}}', 'template: :1:4: executing "" at <.M.k>: k is not a method but has arguments'],
    ['{{.In.foo}}', 'template: :1:5: executing "" at <.In.foo>: can\'t evaluate field foo in type main.Inner'],
    ['{{index .Names 2}}', 'template: :1:2: executing "" at <index .Names 2>: error calling index: reflect: slice index out of range'],
    ['{{index .Names "a"}}', 'template: :1:2: executing "" at <index .Names "a">: error calling index: cannot index slice/array with type string'],
    ['{{index .M 1}}', 'template: :1:2: executing "" at <index .M 1>: error calling index: value has type int; should be string'],
    ['{{len .Nil}}', 'template: :1:2: executing "" at <len .Nil>: error calling len: len of nil pointer'],
    ['{{printf .Num}}', 'template: :1:9: executing "" at <.Num>: wrong type for value; expected string; got int'],
    ['{{join .Names 1}}', 'template: :1:14: executing "" at <1>: expected string; found 1'],
    ['{{join .Names}}', 'template: :1:2: executing "" at <join>: wrong number of args for join: want 2 got 1'],
    ['{{.Num | printf}}', 'template: :1:9: executing "" at <printf>: wrong type for value; expected string; got int'],
    ['{{range .In}}{{.}}{{end}}', 'template: :1:8: executing "" at <.In>: range can\'t iterate over {x 2}'],
    ['{{range .ID}}{{.}}{{end}}', 'template: :1:8: executing "" at <.ID>: range can\'t iterate over abc'],
    ['{{(index .Names 0).X}}', 'template: :1:16: executing "" at <0>: can\'t evaluate field X in type string'],
    ['{{$x := 1}}{{$x 2}}', "template: :1:13: executing \"\" at <$x>: can't give argument to non-function $x"],
    ['{{$x = 1}}', 'template: :1:7: executing "" at <1>: undefined variable: $x'],
  ])('%j fails like Go', (t, expected) => expect(run(t)).toBe('EXEC: ' + expected));

  it('calls methods of classes (methods on the prototype)', () => {
    class Row {
      constructor(private readonly id: string) {}
      ID(): string {
        return this.id;
      }
      Short(n: number): string {
        return this.id.slice(0, n);
      }
    }
    const rows = ['abcdef', 'ghijkl'].map((id) => asStruct(new Row(id), '*formatter.Row'));
    const t = parseTemplate('{{.ID}} {{.Short 3}}|', dockerFuncs);
    expect(rows.map((r) => t.execute(r)).join('')).toBe('abcdef abc|ghijkl ghi|');
    expect(() => t.execute(asStruct({}, '*formatter.Row'))).toThrow(
      'template: :1:2: executing "" at <.ID>: can\'t evaluate field ID in type *formatter.Row',
    );
  });

  it('finds methods of unmarked class instances (treated as maps otherwise)', () => {
    class Ctx {
      Name = 'n';
      ID(): string {
        return 'abc';
      }
    }
    expect(run('{{.ID}} {{.Name}} {{.Nope}}', new Ctx())).toBe('OUT: abc n <no value>');
  });

  it('calls function-valued properties of plain objects as methods', () => {
    const row = { ID: () => 'abc', Label: (k: string) => (k === 'x' ? 'yes' : '') };
    expect(run('{{.ID}} {{.Label "x"}}|{{.Label "y"}}|{{.Missing}}', row)).toBe('OUT: abc yes||<no value>');
  });

  it('reports errors thrown by functions as "error calling"', () => {
    const row = asStruct({ Size: () => { throw new Error('boom'); } }, '*formatter.Ctx');
    expect(run('{{.Size}}', row)).toBe('EXEC: template: :1:2: executing "" at <.Size>: error calling Size: boom');
  });

  it('reports unexported struct fields', () => {
    expect(run('{{.secret}}', asStruct({ secret: 1 }, 'main.T'))).toBe(
      'EXEC: template: :1:2: executing "" at <.secret>: secret is an unexported field of struct type main.T',
    );
  });
});

describe('maps and interface{} values (JSON-like data; checked with Go text/template)', () => {
  const data = () => ({ A: 'x', B: { C: '1' }, N: null, L: ['a', null, 'c'] });
  it.each([
    ['{{.A}} {{.B.C}} {{.B.D}} {{.Z}}', 'OUT: x 1 <no value> <no value>'],
    ['{{.N}}|{{index .N "x"}}', 'EXEC: <no value>||template: :1:9: executing "" at <index .N "x">: error calling index: index of untyped nil'],
    ['{{.L}} {{index .L 1}} {{range .L}}[{{.}}]{{end}}', 'OUT: [a <nil> c] <no value> [a][<no value>][c]'],
    ['{{.Z.Q}}', 'OUT: <no value>'],
    ['{{.N.X}}', 'EXEC: template: :1:4: executing "" at <.N.X>: nil pointer evaluating interface {}.X'],
    ['{{.A.B}}', 'EXEC: template: :1:4: executing "" at <.A.B>: can\'t evaluate field B in type interface {}'],
    ['{{range .L}}{{.X}}{{end}}', 'EXEC: template: :1:14: executing "" at <.X>: can\'t evaluate field X in type interface {}'],
    ['{{len .N}}', 'EXEC: template: :1:2: executing "" at <len .N>: error calling len: len of nil pointer'],
    ['{{upper .N}}', 'EXEC: template: :1:8: executing "" at <.N>: wrong type for value; expected string; got interface {}'],
    ['{{upper .Z}}', 'EXEC: template: :1:8: executing "" at <.Z>: invalid value; expected string'],
    ['{{print .N .Z}} {{printf "%v %s" .N .Z}}', 'OUT: <nil> <nil> <nil> %!s(<nil>)'],
    ['{{eq .N nil}} {{eq .Z nil}} {{eq .N "x"}}', 'OUT: true true false'],
    ['{{with .N}}y{{else}}n{{end}}', 'OUT: n'],
    ['{{json .}}', 'OUT: {"A":"x","B":{"C":"1"},"L":["a",null,"c"],"N":null}'],
    ['{{.}}', 'OUT: map[A:x B:map[C:1] L:[a <nil> c] N:<nil>]'],
  ])('%j', (t, expected) => expect(run(t, data())).toBe(expected));

  it('ranges over maps in sorted key order', () => {
    expect(run('{{range $k, $v := .}}{{$k}}={{$v}} {{end}}', { b: '2', a: '1', c: null })).toBe('OUT: a=1 b=2 c=<no value> ');
    expect(run('{{range .}}{{.}}{{end}}', new Map([[2, 'two'], [1, 'one'], [10, 'ten']]))).toBe('OUT: onetwoten');
  });

  it('treats top-level null or undefined data as no data', () => {
    expect(run('{{.}} {{.X}}', null)).toBe('OUT: <no value> <no value>');
    expect(run('{{.X}}', null, { missingKey: 'error' })).toBe(
      'EXEC: template: :1:2: executing "" at <.X>: nil data; no entry for key "X"',
    );
  });

  it('implements missingkey=error and missingkey=zero', () => {
    // Observed on Docker 28.2.2: `docker inspect --format '{{.Config.Foo}}' busybox`
    // falls back to the raw JSON map with missingkey=error.
    const inspect = { Config: { Cmd: ['sh'], Labels: asMap({}, 'map[string]string') } };
    expect(run('{{.Foo}}', inspect, { missingKey: 'error' })).toBe(
      'EXEC: template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"',
    );
    expect(run('{{.Config.Foo}}', inspect, { missingKey: 'error' })).toBe(
      'EXEC: template: :1:9: executing "" at <.Config.Foo>: map has no entry for key "Foo"',
    );
    expect(run('{{.Z}}|{{.Config.Labels.x}}|', { Config: inspect.Config }, { missingKey: 'zero' })).toBe('OUT: <no value>||');
  });

  it('index of a missing key gives the zero value of the element type', () => {
    // Observed on Docker 28.2.2 with `docker inspect busybox`, where Config.Labels is an
    // empty map[string]string: "{{.Config.Labels}} {{index .Config.Labels "x"}}|{{.Config.Labels.x}}|"
    const d = { Config: { Labels: asMap({}, 'map[string]string') } };
    expect(run('{{.Config.Labels}} {{index .Config.Labels "x"}}|{{.Config.Labels.x}}|', d)).toBe('OUT: map[] |<no value>|');
    expect(run('{{index . "x"}}|{{index .m "x"}}', { m: asMap({}, 'map[string]int') })).toBe('OUT: <no value>|0');
  });
});

describe('json', () => {
  it('encodes structs in declaration order with json tags, maps sorted, HTML unescaped', () => {
    const img = asStruct(
      { ID: 'sha256:1', RepoTags: ['busybox:latest'], Comment: '', Size: 4, Config: { b: 1, a: '<x>' }, Secret: 'no' },
      '*types.ImageInspect',
      { ID: 'Id', Comment: 'Comment,omitempty', Secret: '-' },
    );
    expect(run('{{json .}}', img)).toBe('OUT: {"Id":"sha256:1","RepoTags":["busybox:latest"],"Size":4,"Config":{"a":"<x>","b":1}}');
  });

  it('uses MarshalJSON when an object has one', () => {
    // docker/cli's formatter contexts marshal themselves with json.Marshal, which escapes
    // HTML; the `json` function keeps that output (observed on Docker 28.2.2 with
    // `docker images --format '{{json .}}'`: "Digest":"\u003cnone\u003e").
    const row = asStruct({ MarshalJSON: () => '{"Digest": "\\u003cnone\\u003e"}' }, '*formatter.imageContext');
    expect(run('{{json .}}', row)).toBe('OUT: {"Digest":"\\u003cnone\\u003e"}');
  });

  it('keeps float64 values apart from ints and prints nothing for unsupported values', () => {
    expect(run('{{json .F}} {{json .I}} {{.F}} {{printf "%.1f" .F}}', { F: goFloat(2), I: 2 })).toBe('OUT: 2 2 2 2.0');
    expect(run('{{json .}}|', { bad: NaN })).toBe('OUT: |');
    expect(run('{{printf "%v %d %T" .N .N .N}}', { N: goNum('int64', 1983146) })).toBe('OUT: 1983146 1983146 int64');
  });
});

describe('Docker formatter rows', () => {
  it('renders a ps-like row and reports errors with the context type', () => {
    const t = parseTemplate('{{.ID}}\t{{.Image}}\t{{.Label "com.example.a"}}', dockerFuncs);
    expect(t.execute(containerRow('abc123', 'busybox'))).toBe('abc123\tbusybox\t1');
    // Observed on Docker 28.2.2: `docker images --format '{{.Foo}}'` and '{{.Repository "x"}}'
    // (same messages for ImageContext, here on the container row's type).
    expect(() => parseTemplate('{{.Foo}}', dockerFuncs).execute(containerRow('a', 'b'))).toThrow(
      'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
    expect(() => parseTemplate('{{.Names "x"}}', dockerFuncs).execute(containerRow('a', 'b'))).toThrow(
      'template: :1:2: executing "" at <.Names>: wrong number of args for Names: want 0 got 1',
    );
  });

  it('renders table headers with the header functions', () => {
    const t = parseTemplate('{{upper .ID}}\t{{json .Names}}\t{{truncate .Image 3}}\t{{pad .Status 1 1}}', dockerFuncs);
    const headers = asMap({ ID: 'CONTAINER ID', Names: 'NAMES', Image: 'IMAGE', Status: 'STATUS' }, 'map[string]string');
    expect(t.execute(headers, { funcs: dockerHeaderFuncs })).toBe('CONTAINER ID\tNAMES\tIMAGE\t STATUS ');
    const row = { ID: 'abc', Names: 'web', Image: 'busybox', Status: 'Up' };
    expect(t.execute(row)).toBe('ABC\t"web"\tbus\t Up ');
  });

  it('distinguishes parse errors from execution errors', () => {
    expect(() => parseTemplate('{{.A', dockerFuncs)).toThrow(TemplateParseError);
    expect(() => parseTemplate('{{.A.B}}', dockerFuncs).execute(asStruct({ A: 1 }, 'main.T'))).toThrow(TemplateExecError);
    try {
      parseTemplate('x{{.A}}y{{.B.C}}', dockerFuncs).execute(asStruct({ A: 1, B: 2 }, 'main.T'));
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateExecError);
      expect((e as TemplateExecError).partial).toBe('x1y');
      expect((e as TemplateExecError).templateName).toBe('');
    }
  });
});

describe('more parse and lexer behaviour (checked with Go text/template)', () => {
  it.each([
    ['{{with $x := 1}}{{$x}}{{end}}{{$x}}', 'PARSE: template: :1: undefined variable "$x"'],
    ['{{range $i, $e, $f := .}}{{end}}', 'PARSE: template: :1: too many declarations in range'],
    ['{{range $i, 3}}{{end}}', 'PARSE: template: :1: range can only initialize variables'],
    ["{{''}}", 'PARSE: template: :1: invalid syntax'],
    ['{{.A | 3}}', 'PARSE: template: :1: non executable command in pipeline stage 2'],
    ['{{1.A}}', 'PARSE: template: :1: bad number syntax: "1.A"'],
    ['{{true.A}}', 'PARSE: template: :1: unexpected . after term "true"'],
    ['{{"a".A}}', 'PARSE: template: :1: unexpected . after term "\\"a\\""'],
    ['{{-/* x */}}', 'PARSE: template: :1: illegal number syntax: "-"'],
    ['{{template}}', 'PARSE: template: :1: unexpected "}}" in template clause'],
    ['{{define "a"}}', 'PARSE: template: :1: unexpected EOF'],
    ['{{define "a"}}x{{else}}{{end}}', 'PARSE: template: :1: unexpected {{else}} in define clause'],
    ['{{if 1}}a{{end x}}', 'PARSE: template: :1: unexpected "x" in end'],
    ['{{range .}}{{break 1}}{{end}}', 'PARSE: template: :1: unexpected "1" in {{break}}'],
    ['{{$x := }}', 'PARSE: template: :1: missing value for command'],
    ['{{||}}', 'PARSE: template: :1: unexpected "|" in command'],
    ['line1\nline2{{.A | foo}}', 'PARSE: template: :2: function "foo" not defined'],
    ['{{"abc\n"}}', 'PARSE: template: :1: unterminated quoted string'],
    ['{{\u00e9!}}', "PARSE: template: :1: bad character U+0021 '!'"],
    ['{{\u00a0}}', 'PARSE: template: :1: unrecognized character in action: U+00A0'],
    ['{{define "a"}} {{end}}{{define "a"}}y{{end}}{{template "a"}}', 'OUT: y'],
    ['{{$x:=1}}{{$x}}', 'OUT: 1'],
    ['{{.A}}  {{- .B -}}  {{.A}}', 'OUT: 121'],
    ['{{.A\t-}}\tx', 'OUT: 1x'],
    ['{{.A\n-}}\nx', 'OUT: 1x'],
    ['{{/*x*/}}{{- /* x */ -}}', 'OUT: '],
    ['{{"\\x41\\u00e9\\101\\t"}}{{`raw\\n`}}', 'OUT: Aé\u0041\traw\\n'],
    ['{{9223372036854775807}} {{-9223372036854775808}}', 'OUT: 9223372036854775807 -9223372036854775808'],
    ['{{18446744073709551615}}', 'EXEC: template: :1:2: executing "" at <18446744073709551615>: 18446744073709551615 overflows int'],
  ])('%j', (t, expected) => expect(run(t, asStruct({ A: 1, B: 2 }, 'main.T'))).toBe(expected));
});

describe('Go float formatting corner cases', () => {
  it.each([
    ['%.2f', 2.675, '2.67'],
    ['%.1f', 0.05, '0.1'],
    ['%.0f', -0.5, '-0'],
    ['%g', 1e-5, '1e-05'],
    ['%g', 123456789, '1.23456789e+08'],
    ['%.3g', 0.0001234, '0.000123'],
    ['%e', 0, '0.000000e+00'],
    ['%v', 5e-324, '5e-324'],
    ['%v', 1.7976931348623157e308, '1.7976931348623157e+308'],
    ['%8.2f|%-8.2f|%+08.2f', 1.5, '    1.50|1.50    |+0001.50'],
  ])('Sprintf(%j, %j) = %j', (format, value, expected) => {
    const args = (format.match(/%/g) ?? []).map(() => goFloat(value));
    expect(sprintf(format, args)).toBe(expected);
  });

  it('prints NaN and infinities like Go', () => {
    expect(sprintf('%v %v %v %5.1f %+v', [goFloat(NaN), goFloat(Infinity), goFloat(-Infinity), goFloat(NaN), goFloat(Infinity)])).toBe(
      'NaN +Inf -Inf   NaN +Inf',
    );
  });
});
