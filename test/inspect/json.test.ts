// The JSON printer against Go's encoding/json behaviour (json.Indent / json.Compact and the
// Encoder the daemon uses), with outputs observed from Docker 28.2.2 / Engine 28.5.2.
import { describe, expect, it } from 'vitest';
import { compactJSON, encodeJSON, goJSONString, goMap, indentJSON } from '../../src/format/inspect/json.js';

describe('encodeJSON', () => {
  it('keeps struct order, sorts map keys byte-wise, leaves out undefined (omitempty)', () => {
    const tree = { Z: 1, A: goMap({ b: 1, B: 2, a: 3, '10': 4, '9': 5 }), M: undefined, N: null, L: [] };
    expect(encodeJSON(tree)).toBe('{"Z":1,"A":{"10":4,"9":5,"B":2,"a":3,"b":1},"N":null,"L":[]}');
  });

  it('escapes like Go: HTML only when asked (the daemon turns it off, json.Marshal does not)', () => {
    // Container inspect showed "X=a<b>&c" as is; image inspect showed "\u003cdocker-maint@nginx.com\u003e".
    expect(goJSONString('a<b>&c', false)).toBe('"a<b>&c"');
    expect(goJSONString('a<b>&c', true)).toBe('"a\\u003cb\\u003e\\u0026c"');
  });

  it('escapes control characters, quotes, U+2028/2029 and lone surrogates', () => {
    expect(goJSONString('\b\f\n\r\t\x01\x1f"\\\x7f', false)).toBe('"\\b\\f\\n\\r\\t\\u0001\\u001f\\"\\\\\x7f"');
    expect(goJSONString('\u2028\u2029', false)).toBe('"\\u2028\\u2029"');
    expect(goJSONString('x\ud800y', false)).toBe('"x\\ufffdy"');
    expect(goJSONString('😀', false)).toBe('"😀"');
  });
});

describe('indentJSON (json.Indent with 4 spaces)', () => {
  it('puts [ and ] on their own lines and keeps empty {} and [] compact', () => {
    const src = '[{"Id":"x","Args":[],"Config":{},"Env":["A=1","B"],"N":null,"M":{"k":{"a":1}}}]';
    expect(indentJSON(src)).toBe(
      [
        '[',
        '    {',
        '        "Id": "x",',
        '        "Args": [],',
        '        "Config": {},',
        '        "Env": [',
        '            "A=1",',
        '            "B"',
        '        ],',
        '        "N": null,',
        '        "M": {',
        '            "k": {',
        '                "a": 1',
        '            }',
        '        }',
        '    }',
        ']',
      ].join('\n'),
    );
  });

  it('ignores whitespace between tokens (the daemon ends each body with a newline) but not inside strings', () => {
    expect(indentJSON('[{"a": "x ,:{ y"}\n,{"b":[ 1 ,2 ]}\n]')).toBe('[\n    {\n        "a": "x ,:{ y"\n    },\n    {\n        "b": [\n            1,\n            2\n        ]\n    }\n]');
  });

  it('handles escaped quotes in strings', () => {
    expect(indentJSON('{"a":"q\\"}{"}')).toBe('{\n    "a": "q\\"}{"\n}');
  });
});

describe('compactJSON (json.Compact, --format json)', () => {
  it('drops insignificant whitespace only', () => {
    expect(compactJSON('[ {"a" : "b c",\n "d": [1, 2]}\n ]')).toBe('[{"a":"b c","d":[1,2]}]');
  });
});
