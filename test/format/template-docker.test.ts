// Go text/template behaviour checked against the real Docker CLI.
//
// Every expected string in this file was observed on Docker 28.2.2 (client built with
// go1.24.3) with `docker version --format '<template>'`, whose template is named "version"
// and runs on the client's system.versionInfo. Parse errors are printed by Docker after
// "template parsing error: ", execution errors after the partial output and a newline; here
// they appear as "PARSE: msg" and "EXEC: [partial|]msg".
import { describe, expect, it } from 'vitest';
import { dockerVersion } from './template-helpers.js';

type Case = [template: string, expected: string];

function check(cases: Case[]): void {
  it.each(cases)('%j', (template, expected) => {
    expect(dockerVersion(template)).toBe(expected);
  });
}

describe('printf verbs (observed on Docker 28.2.2)', () => {
  check([
    ['{{printf "%q" "a"}}', 'OUT: "a"'],
    ['{{printf "%v|%d|%s|%x|%X|%o|%b|%c|%U|%t" 42 42 "s" 255 255 8 5 65 9731 true}}', 'OUT: 42|42|s|ff|FF|10|101|A|U+2603|true'],
    [
      '{{printf "%5s|%-5s|%.2s|%05d|%+d|% d|%8.3f|%-8.2f|" "ab" "ab" "abc" 42 42 42 3.14159 2.5}}',
      'OUT:    ab|ab   |ab|00042|+42| 42|   3.142|2.50    |',
    ],
    ['{{printf "%.0f %.0f %.0f %.1f %.2f %.2f %.3f" 0.5 1.5 2.5 0.25 1.005 2.675 1.0005}}', 'OUT: 0 2 2 0.2 1.00 2.67 1.000'],
    [
      '{{printf "%e %E %g %G %.3e %.3g %g %g %g" 1234.5678 1234.5678 1234.5678 0.000012345 1234.5678 1234.5678 1e21 100000.0 1000000.0}}',
      'OUT: 1.234568e+03 1.234568E+03 1234.5678 1.2345E-05 1.235e+03 1.23e+03 1e+21 100000 1e+06',
    ],
    ['{{printf "%v %v %v %v %v %v" 1e6 1e20 123456789.0 0.0001 0.00001 1.0}}', 'OUT: 1e+06 1e+20 1.23456789e+08 0.0001 1e-05 1'],
    ['{{printf "%v %v" 1e-7 12345678.0}}', 'OUT: 1e-07 1.2345678e+07'],
    ['{{printf "%d %s" 1}}', 'OUT: 1 %!s(MISSING)'],
    ['{{printf "%d" 1 2 "x"}}', 'OUT: 1%!(EXTRA int=2, string=x)'],
    ['{{printf "%[2]d %[1]d|%[3]d" 1 2}}', 'OUT: 2 1|%!d(BADINDEX)'],
    ['{{printf "%*d|%-*d|%.*f" 5 1 5 1 2 3.14159}}', 'OUT:     1|1    |3.14'],
    [
      '{{printf "%!"}}|{{printf "%"}}|{{printf "%z" 3}}|{{printf "%d" "x"}}|{{printf "%s" 3}}|{{printf "%s" nil}}|{{printf "%d" true}}',
      'OUT: %!!(MISSING)|%!(NOVERB)|%!z(int=3)|%!d(string=x)|%!s(int=3)|%!s(<nil>)|%!d(bool=true)',
    ],
    [
      '{{printf "%q|%#q|%+q|%x|% x|%#x|% #X" "héllo\\n" "abc" "héllo☺" "hi" "hi" "hi" "hi"}}',
      'OUT: "héllo\\n"|`abc`|"h\\u00e9llo\\u263a"|6869|68 69|0x6869|0X68 0X69',
    ],
    ['{{printf "%T %T %T %T %T %T %T" 1 1.0 "a" true nil \'a\' 1i}}', 'OUT: int float64 string bool <nil> int complex128'],
    ['{{printf "%6.2f%%" 12.3456}}', 'OUT:  12.35%'],
    ['{{printf "%x %X %x" -255 "Hé" 1.5}}', 'OUT: -ff 48C3A9 0x1.8p+00'],
    ['{{printf "%10.4v|%-10v|" 3.14159265 "ab"}}', 'OUT:      3.142|ab        |'],
    ['{{printf "%08.3f|%+.2e|%x" -3.14159 12345.678 3.0}}', 'OUT: -003.142|+1.23e+04|0x1.8p+01'],
    ['{{printf "%v %v %v" (split "a,b" ",") true nil}}', 'OUT: [a b] true <nil>'],
    ['{{printf "%q" (split "a,b" ",")}}', 'OUT: ["a" "b"]'],
    ['{{printf "%5t|%-6v|" true false}}', 'OUT:  true|false |'],
    ['{{printf "%U %#U" 9731 65}}', "OUT: U+2603 U+0041 'A'"],
    ['{{printf "%o %#o %O %b %#b" 8 8 8 5 5}}', 'OUT: 10 010 0o10 101 0b101'],
    ['{{printf "%.3s|%.10s|%5.2s|" "héllo" "ab" "xyz"}}', 'OUT: hél|ab|   xy|'],
    ['{{printf "%3c|%-3c|" 65 66}}', 'OUT:   A|B  |'],
    ['{{printf "%05s|%-05s|%05q" "ab" "ab" "a"}}', 'OUT: 000ab|ab   |00"a"'],
    ['{{printf "%v" .Client}}', 'OUT: {<nil> 28.2.2 1.50 1.50 e6534b4 go1.24.3 linux amd64 Fri May 30 12:07:14 2025 default}'],
    [
      '{{printf "%+v" .Client}}',
      'OUT: {Platform:<nil> Version:28.2.2 APIVersion:1.50 DefaultAPIVersion:1.50 GitCommit:e6534b4 GoVersion:go1.24.3 Os:linux Arch:amd64 BuildTime:Fri May 30 12:07:14 2025 Context:default}',
    ],
    ['{{.Client.Version | printf "%v"}}', 'OUT: 28.2.2'],
  ]);
});

describe('print, println and the other builtins (observed on Docker 28.2.2)', () => {
  check([
    ['{{print "a" "b" 1 2 "c" 3 true nil}}', 'OUT: ab1 2c3 true <nil>'],
    ['{{print 1 2 "a" "b" 3 nil 4}}', 'OUT: 1 2ab3 <nil> 4'],
    ['{{print "a" 1.5 true}}', 'OUT: a1.5 true'],
    ['{{println "a" 1 2}}', 'OUT: a 1 2\n'],
    ['{{println}}', 'OUT: \n'],
    [
      '{{html "<a href=\'x\'>&\\"</a>"}} {{js "<a=\'x\'>&\\"\\\\"}} {{urlquery "a b&c=d/é~"}}',
      'OUT: &lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt; \\u003Ca\\u003D\\\'x\\\'\\u003E\\u0026\\"\\\\ a+b%26c%3Dd%2F%C3%A9~',
    ],
    ['{{html}}|{{js}}|{{urlquery}}', 'OUT: ||'],
    ['{{html 1 "a" 2}}', 'OUT: 1a2'],
    ['{{len "héllo"}} {{index "héllo" 1}} {{slice "abcdef" 1 3}} {{slice "abcdef" 2}}', 'OUT: 6 195 bc cdef'],
    ['{{len (printf "%v" 123)}}', 'OUT: 3'],
    ['{{index (split "a,b,c" ",") 1}} {{slice (split "a,b,c" ",") 1 2}} {{slice (split "a,b,c" ",") 1 2 3}}', 'OUT: b [b] [b]'],
    [
      '{{eq 1 1}} {{eq 1 2 3 1}} {{eq "a" "b"}} {{ne 1 2}} {{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1.5 1.5}}',
      'OUT: true true false true true true true true',
    ],
    ['{{and 1 0 2}} {{and 1 2}} {{or 0 "" 3}} {{or 0 ""}} {{not 0}} {{not "x"}}', 'OUT: 0 2 3  true false'],
    ['{{eq nil nil}}', 'OUT: true'],
    ['{{eq .Client.Platform nil}}', 'OUT: true'],
    ['{{and 0 .Nope}}', 'OUT: 0'],
    ['{{if and .Client (eq .Client.Os "linux")}}yes{{end}}', 'OUT: yes'],
  ]);
});

describe('actions, variables and control flow (observed on Docker 28.2.2)', () => {
  check([
    ['{{with $x := "v"}}{{$x}}{{.}}{{end}} {{with ""}}a{{else}}b{{end}}', 'OUT: vv b'],
    ['{{with .Client}}{{.Os}}/{{.Arch}}{{end}}', 'OUT: linux/amd64'],
    ['{{with 0}}a{{else with 1}}b{{end}}', 'OUT: b'],
    ['{{range $i, $c := split "a,b,c" ","}}{{$i}}{{$c}}{{end}}', 'OUT: 0a1b2c'],
    [
      '{{range split "a,b,c" ","}}{{if eq . "b"}}{{continue}}{{end}}{{.}}{{end}}|{{range split "a,b,c" ","}}{{if eq . "b"}}{{break}}{{end}}{{.}}{{end}}',
      'OUT: ac|a',
    ],
    ['{{range 3}}{{.}}{{end}}|{{range $i := 2}}{{$i}}{{end}}|{{range 0}}x{{else}}none{{end}}', 'OUT: 012|01|none'],
    ['{{$x := 5}}{{range $x}}{{.}}{{end}}', 'OUT: 01234'],
    ['{{$x := 1}}{{$x = 2}}{{$x}} {{$y := "a"}}{{if true}}{{$y = "b"}}{{end}}{{$y}}', 'OUT: 2 b'],
    ['{{"a" | printf "%s-%s" "b"}} {{3 | printf "%d" | printf "%q"}} {{(printf "%s" "p")}}', 'OUT: b-a "3" p'],
    ['{{$.Client.Os}} {{$x := .Client}}{{$x.Arch}}', 'OUT: linux amd64'],
    ['{{.Client.Os | len}}', 'OUT: 5'],
    ['{{1.5 | printf "%v"}}', 'OUT: 1.5'],
    ['{{"a" | printf}}', 'OUT: a'],
    ['{{printf "%d %d" 1 | printf "%s"}}', 'OUT: 1 %!d(MISSING)'],
    ['{{ .Client.Os   }}', 'OUT: linux'],
    ['{{\t.Client.Os\n}}', 'OUT: linux'],
    ['{{- "a" -}}   {{- "b" }}  {{ "c" -}}  d', 'OUT: ab  cd'],
    ['x {{/* comment */}} y {{- /* c2 */ -}} z', 'OUT: x  yz'],
    ['{{.Client.Os -}} \n x', 'OUT: linuxx'],
    ['x \n {{- .Client.Os}}', 'OUT: xlinux'],
    ['{{-3}} {{- 3}}', 'OUT: -33'],
    [
      "{{'a'}} {{'\\n'}} {{0x1F}} {{0o17}} {{0b101}} {{1_000}} {{017}} {{1.5e3}} {{-2}} {{+3}} {{.5}} {{1e3}}",
      'OUT: 97 10 31 15 5 1000 15 1500 -2 3 0.5 1000',
    ],
    ['{{1+2i}} {{2i}} {{printf "%v" 1.5i}}', 'OUT: (1+2i) (0+2i) (0+1.5i)'],
    ['{{define "T"}}[{{.}}]{{end}}{{template "T" "x"}}{{block "B" 5}}<{{.}}>{{end}}', 'OUT: [x]<5>'],
    ['{{define "x"}}{{.}}{{end}}{{template "x"}}', 'OUT: <no value>'],
    ['{{block "x" .Client.Os}}[{{.}}]{{end}}', 'OUT: [linux]'],
    ['{{.Client.Platform}}', 'OUT: <nil>'],
  ]);
});

describe("Docker's functions (observed on Docker 28.2.2)", () => {
  check([
    [
      '{{json "a<b>&\\u2028\\n\\t\\b\\f"}} {{json 1.5}} {{json 1e21}} {{json 0.000001}} {{json 0.0000001}} {{json nil}} {{json true}} {{json "é"}}',
      'OUT: "a<b>&\\u2028\\n\\t\\b\\f" 1.5 1e+21 0.000001 1e-7 null true "é"',
    ],
    ['{{json 1}} {{json -0.0}} {{json 1e300}} {{json 100000000000000000000.0}}', 'OUT: 1 -0 1e+300 100000000000000000000'],
    ['{{json (split "a,b" ",")}}', 'OUT: ["a","b"]'],
    ['{{split "a,b,c" ","}} {{split "abc" ""}} {{len (split "" ",")}} {{join (split "a,b" ",") "-"}}', 'OUT: [a b c] [a b c] 1 a-b'],
    ['{{split "a" ""}} {{split "" ""}} {{len (split "" "")}}', 'OUT: [a] [] 0'],
    ['{{title "hello wORLD foo-bar_baz"}} {{lower "ABC"}} {{upper "abc"}} {{pad "x" 2 3}}|{{pad "" 2 3}}|', 'OUT: Hello WORLD Foo-Bar_baz abc ABC   x   ||'],
    ['{{title "ǆx éa 1a a1"}}', 'OUT: ǅx Éa 1a A1'],
    ['{{upper "straße"}}', 'OUT: STRAßE'],
    ['{{truncate "abcdef" 3}} {{truncate "ab" 3}} {{truncate "abc" 3}}', 'OUT: abc ab abc'],
    ['{{truncate "abc" 0}}|', 'OUT: |'],
    [
      '{{truncate "abc" -1}}',
      'EXEC: template: version:1:2: executing "version" at <truncate "abc" -1>: error calling truncate: runtime error: slice bounds out of range [:-1]',
    ],
    ['{{pad "a" -1 0}}', 'EXEC: template: version:1:2: executing "version" at <pad "a" -1 0>: error calling pad: strings: negative Repeat count'],
    ['{{pad "a" 1}}', 'EXEC: template: version:1:2: executing "version" at <pad>: wrong number of args for pad: want 3 got 2'],
    ['{{join "a" ","}}', 'EXEC: template: version:1:7: executing "version" at <"a">: can\'t handle "a" for arg of type []string'],
    ['{{upper 1}}', 'EXEC: template: version:1:8: executing "version" at <1>: expected string; found 1'],
    ['{{truncate "abc" "x"}}', 'EXEC: template: version:1:17: executing "version" at <"x">: expected integer; found "x"'],
  ]);
});

describe('parse errors (observed on Docker 28.2.2)', () => {
  check([
    ['{{foo}}', 'PARSE: template: version:1: function "foo" not defined'],
    ['{{.A', 'PARSE: template: version:1: unclosed action'],
    ['{{.A\n\n', 'PARSE: template: version:3: unclosed action started at version:1'],
    ['{{.A!}}', "PARSE: template: version:1: bad character U+0021 '!'"],
    ['{{!}}', 'PARSE: template: version:1: unexpected "!" in command'],
    ['{{.A,}}', 'PARSE: template: version:1: unexpected "," in operand'],
    ['{{"abc}}', 'PARSE: template: version:1: unterminated quoted string'],
    ['{{`abc}}', 'PARSE: template: version:1: unterminated raw quoted string'],
    ['{{/* x}}', 'PARSE: template: version:1: unclosed comment'],
    ['{{/* x */ .}}', 'PARSE: template: version:1: comment ends before closing delimiter'],
    ['{{if 1}}', 'PARSE: template: version:1: unexpected EOF'],
    ['{{end}}', 'PARSE: template: version:1: unexpected {{end}}'],
    ['{{range .}}{{else}}{{else}}{{end}}', 'PARSE: template: version:1: expected end; found {{else}}'],
    ['{{if 1}}a{{else with 0}}b{{end}}', 'PARSE: template: version:1: unexpected <with> in input'],
    ['{{with 0}}a{{else if 1}}b{{end}}', 'PARSE: template: version:1: unexpected <if> in input'],
    ['{{break}}', 'PARSE: template: version:1: {{break}} outside {{range}}'],
    ['{{$x}}', 'PARSE: template: version:1: undefined variable "$x"'],
    ['{{range $i, $e := split "a" ","}}{{$i}}{{end}}{{$i}}', 'PARSE: template: version:1: undefined variable "$i"'],
    ['{{3 | 4}}', 'PARSE: template: version:1: non executable command in pipeline stage 2'],
    ['{{(1}}', 'PARSE: template: version:1: unclosed left paren'],
    ['{{1)}}', 'PARSE: template: version:1: unexpected right paren'],
    ['{{"\\z"}}', 'PARSE: template: version:1: invalid syntax'],
    ["{{'ab'}}", "PARSE: template: version:1: malformed character constant: 'ab'"],
    ['{{99999999999999999999}}', 'PARSE: template: version:1: integer overflow: "99999999999999999999"'],
    ['{{1e}}', 'PARSE: template: version:1: illegal number syntax: "1e"'],
    ['{{0x1G}}', 'PARSE: template: version:1: bad number syntax: "0x1G"'],
    ['{{3 -}} {{3-}}', 'PARSE: template: version:1: bad number syntax: "3-"'],
    ['{{.A:}}', 'PARSE: template: version:1: expected :='],
    ['{{}}', 'PARSE: template: version:1: missing value for command'],
    ['a\n{{if}}', 'PARSE: template: version:2: missing value for if'],
    ['{{/*\n*/}}{{if}}', 'PARSE: template: version:2: missing value for if'],
    ['{{define "a"}}x{{end}}{{define "a"}}y{{end}}', 'PARSE: template: version:1: template: multiple definition of template "a"'],
  ]);
});

describe('execution errors (observed on Docker 28.2.2)', () => {
  check([
    ['{{.Nope}}', 'EXEC: template: version:1:2: executing "version" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo'],
    ['{{.Client.Foo}}', 'EXEC: template: version:1:9: executing "version" at <.Client.Foo>: can\'t evaluate field Foo in type system.clientVersion'],
    ['{{.Client.Version.X}}', 'EXEC: template: version:1:9: executing "version" at <.Client.Version.X>: can\'t evaluate field X in type string'],
    [
      '{{.Client.Platform.Name}}',
      'EXEC: template: version:1:9: executing "version" at <.Client.Platform.Name>: nil pointer evaluating *system.platformInfo.Name',
    ],
    ['{{.A | }}', 'EXEC: template: version:1:2: executing "version" at <.A>: can\'t evaluate field A in type system.versionInfo'],
    ['a\nb\n  {{.Nope}}', 'EXEC: a\nb\n  |template: version:3:4: executing "version" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo'],
    ['é\n {{.Nope}}', 'EXEC: é\n |template: version:2:3: executing "version" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo'],
    ['é{{.Nope}}', 'EXEC: é|template: version:1:4: executing "version" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo'],
    ['{{/*\n*/}}{{.Nope}}', 'EXEC: template: version:2:6: executing "version" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo'],
    ['{{and}}', 'EXEC: template: version:1:2: executing "version" at <and>: wrong number of args for and: want at least 1 got 0'],
    ['{{eq 1}}', 'EXEC: template: version:1:2: executing "version" at <eq 1>: error calling eq: missing argument for comparison'],
    ['{{eq 1 "a"}}', 'EXEC: template: version:1:2: executing "version" at <eq 1 "a">: error calling eq: incompatible types for comparison'],
    ['{{lt 1 1.5}}', 'EXEC: template: version:1:2: executing "version" at <lt 1 1.5>: error calling lt: incompatible types for comparison'],
    ['{{lt true false}}', 'EXEC: template: version:1:2: executing "version" at <lt true false>: error calling lt: invalid type for comparison'],
    [
      '{{eq (split "a" ",") (split "a" ",")}}',
      'EXEC: template: version:1:2: executing "version" at <eq (split "a" ",") (split "a" ",")>: error calling eq: non-comparable type [a]: []string',
    ],
    ['{{ne "a"}}', 'EXEC: template: version:1:2: executing "version" at <ne>: wrong number of args for ne: want 2 got 1'],
    ['{{not 1 2}}', 'EXEC: template: version:1:2: executing "version" at <not>: wrong number of args for not: want 1 got 2'],
    [
      '{{if ""}}y{{else}}n{{end}}{{if 0}}y{{else}}n{{end}}{{if 0.0}}y{{else}}n{{end}}{{if nil}}y{{else}}n{{end}}',
      'EXEC: nnn|template: version:1:83: executing "version" at <nil>: nil is not a command',
    ],
    ['{{nil}}', 'EXEC: template: version:1:2: executing "version" at <nil>: nil is not a command'],
    ['{{3 "a"}}', "EXEC: template: version:1:2: executing \"version\" at <3>: can't give argument to non-function 3"],
    ['{{.Client.Version "x"}}', 'EXEC: template: version:1:9: executing "version" at <.Client.Version>: Version has arguments but cannot be invoked as function'],
    ['{{"x" | .Client.Os}}', 'EXEC: template: version:1:15: executing "version" at <.Client.Os>: Os has arguments but cannot be invoked as function'],
    ['{{.Client | .Os}}', 'EXEC: template: version:1:12: executing "version" at <.Os>: can\'t evaluate field Os in type system.versionInfo'],
    ['{{$x := .Client}}{{$x.Nope}}', 'EXEC: template: version:1:21: executing "version" at <$x.Nope>: can\'t evaluate field Nope in type system.clientVersion'],
    ['{{$x := 1}}{{$x.Nope}}', 'EXEC: template: version:1:15: executing "version" at <$x.Nope>: can\'t evaluate field Nope in type int'],
    ['{{(.Client).Os}} {{(.Client).Nope}}', 'EXEC: linux |template: version:1:20: executing "version" at <.Client>: can\'t evaluate field Nope in type system.clientVersion'],
    ['{{index}}', 'EXEC: template: version:1:2: executing "version" at <index>: wrong number of args for index: want at least 1 got 0'],
    ['{{len 1 2}}', 'EXEC: template: version:1:2: executing "version" at <len>: wrong number of args for len: want 1 got 2'],
    ['{{printf 1}}', 'EXEC: template: version:1:9: executing "version" at <1>: expected string; found 1'],
    ['{{3 | printf}}', 'EXEC: template: version:1:6: executing "version" at <printf>: wrong type for value; expected string; got int'],
    ['{{index (split "a" ",") 5}}', 'EXEC: template: version:1:2: executing "version" at <index (split "a" ",") 5>: error calling index: index out of range: 5'],
    ['{{index (split "a" ",") 1}}', 'EXEC: template: version:1:2: executing "version" at <index (split "a" ",") 1>: error calling index: reflect: slice index out of range'],
    ['{{index "abc" 3}}', 'EXEC: template: version:1:2: executing "version" at <index "abc" 3>: error calling index: reflect: string index out of range'],
    ['{{index "abc" -1}}', 'EXEC: template: version:1:2: executing "version" at <index "abc" -1>: error calling index: index out of range: -1'],
    ['{{index "abc" "x"}}', 'EXEC: template: version:1:2: executing "version" at <index "abc" "x">: error calling index: cannot index slice/array with type string'],
    ['{{index nil 1}}', 'EXEC: template: version:1:2: executing "version" at <index nil 1>: error calling index: index of untyped nil'],
    ['{{index 3 1}}', "EXEC: template: version:1:2: executing \"version\" at <index 3 1>: error calling index: can't index item of type int"],
    ['{{slice "abc" 2 1}}', 'EXEC: template: version:1:2: executing "version" at <slice "abc" 2 1>: error calling slice: invalid slice index: 2 > 1'],
    ['{{slice "abc" 1 2 3}}', 'EXEC: template: version:1:2: executing "version" at <slice "abc" 1 2 3>: error calling slice: cannot 3-index slice a string'],
    ['{{slice nil}}', 'EXEC: template: version:1:2: executing "version" at <slice nil>: error calling slice: slice of untyped nil'],
    ['{{slice 3}}', "EXEC: template: version:1:2: executing \"version\" at <slice 3>: error calling slice: can't slice item of type int"],
    ['{{len 3}}', 'EXEC: template: version:1:2: executing "version" at <len 3>: error calling len: len of type int'],
    ['{{len nil}}', 'EXEC: template: version:1:2: executing "version" at <len nil>: error calling len: reflect: call of reflect.Value.Type on zero Value'],
    ['{{call}}', 'EXEC: template: version:1:2: executing "version" at <call>: wrong number of args for call: want at least 1 got 0'],
    ['{{call 1}}', 'EXEC: template: version:1:2: executing "version" at <call 1>: error calling call: non-function 1 of type int'],
    ['{{call .Client.Version}}', 'EXEC: template: version:1:2: executing "version" at <call .Client.Version>: error calling call: non-function .Client.Version of type string'],
    ['{{range .Nope}}{{end}}', 'EXEC: template: version:1:8: executing "version" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo'],
    ['{{with .Nope}}{{end}}', 'EXEC: template: version:1:7: executing "version" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo'],
    ['{{or .Nope "x"}}', 'EXEC: template: version:1:5: executing "version" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo'],
    [
      '{{range .Client}}{{end}}',
      "EXEC: template: version:1:8: executing \"version\" at <.Client>: range can't iterate over {<nil> 28.2.2 1.50 1.50 e6534b4 go1.24.3 linux amd64 Fri May 30 12:07:14 2025 default}",
    ],
    ['{{range $i, $e := 3}}{{end}}', "EXEC: template: version:1:18: executing \"version\" at <3>: can't use 3 to iterate over more than one variable"],
    ['{{template "nope"}}', 'EXEC: template: version:1:11: executing "version" at <{{template "nope"}}>: template "nope" not defined'],
    ['{{template "x" .Nope}}', 'EXEC: template: version:1:11: executing "version" at <{{template "x" .Nope}}>: template "x" not defined'],
    [
      '{{define "x"}}{{.Nope}}{{end}}{{template "x" .}}',
      'EXEC: template: version:1:16: executing "x" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo',
    ],
  ]);
});
