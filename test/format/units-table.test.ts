// Docker's human units, tabwriter layout, Go quoting/ellipsis and PORTS grouping, with values
// observed on Docker 28 (see shared/docs/docker-cli-facts.md and fixtures/).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { humanDuration, humanSizeWithPrecision, humanSize } from '../../src/format/units.js';
import { tabwrite } from '../../src/format/tabwriter.js';
import { prepareFormat, renderRows } from '../../src/format/render.js';
import { ellipsis, goQuote, naturalCompare } from '../../src/format/strings.js';
import { displayablePorts } from '../../src/format/ports.js';

describe('humanDuration', () => {
  const s = 1000, m = 60 * s, h = 60 * m, day = 24 * h;
  it.each([
    [999, 'Less than a second'], [1000, '1 second'], [59 * s, '59 seconds'], [60 * s, 'About a minute'],
    [119 * s, 'About a minute'], [2 * m, '2 minutes'], [59 * m, '59 minutes'], [60 * m, 'About an hour'],
    [89 * m, 'About an hour'], [90 * m, '2 hours'], [47 * h, '47 hours'], [48 * h, '2 days'],
    [13 * day, '13 days'], [14 * day, '2 weeks'], [60 * day, '2 months'], [730 * day, '2 years'],
  ])('%d ms → %s', (ms, text) => expect(humanDuration(ms)).toBe(text));

  it('depends on whole seconds only (the stored ps listing reuses a text for every row in the same second)', () => {
    // Fractional milliseconds as the engine has them (nanosecond timestamps), around every bound.
    const bounds = [s, m, h / 2, h, 1.5 * h, 48 * h, 14 * day, 60 * day, 730 * day, 3 * 365 * day];
    const near = fc.tuple(fc.constantFrom(...bounds), fc.integer({ min: -3, max: 3 }), fc.double({ min: 0, max: 0.999999, noNaN: true }))
      .map(([bound, k, frac]) => bound + k * 1000 + frac);
    const anywhere = fc.double({ min: -5e3, max: 1e11, noNaN: true });
    fc.assert(fc.property(fc.oneof(near, anywhere), (ms) => {
      expect(humanDuration(Math.trunc(ms / 1000) * 1000)).toBe(humanDuration(ms));
    }), { numRuns: 3000 });
  });
});

describe('sizes', () => {
  it.each([
    [0, '0B'], [999, '999B'], [1000, '1kB'], [1500, '1.5kB'], [10072, '10.1kB'], [1982284, '1.98MB'],
    [117_000_000, '117MB'], [144_556_936, '145MB'], [1_000_000_000, '1GB'], [999_600, '1e+03kB'],
  ])('HumanSizeWithPrecision(%d, 3) = %s', (n, text) => expect(humanSizeWithPrecision(n, 3)).toBe(text));
  it('HumanSize uses 4 digits', () => expect(humanSize(1982284)).toBe('1.982MB'));
});

describe('tabwriter', () => {
  it('lays out the empty ps header as Docker does', () => {
    expect(tabwrite('CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n'))
      .toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });
  it('pads columns to the widest cell plus 3, never the last cell', () => {
    expect(tabwrite('NAMES\tx\nlonger-name-here\t1\n')).toBe('NAMES              x\nlonger-name-here   1\n');
  });
  it('counts East Asian wide characters as two columns', () => {
    expect(tabwrite('名前\tx\nab\ty\n')).toBe('名前      x\nab        y\n');
  });
});

describe('strings', () => {
  it('quotes like strconv.Quote', () => {
    expect(goQuote('sh -c \'echo "hi"\'')).toBe('"sh -c \'echo \\"hi\\"\'"');
    expect(goQuote('a\tb\x01')).toBe('"a\\tb\\x01"');
    expect(goQuote('/docker-entrypoint.…')).toBe('"/docker-entrypoint.…"');
  });
  it('truncates with an ellipsis to the display width', () => {
    expect(ellipsis("sh -c 'echo line1; echo line2'", 20)).toBe("sh -c 'echo line1; …");
    expect(ellipsis('short', 20)).toBe('short');
    expect(ellipsis('abc', 1)).toBe('a');
    expect(ellipsis('abc', 0)).toBe('');
  });
  it('sorts naturally', () => {
    expect(['8000/tcp', '80/tcp', '443/tcp'].sort(naturalCompare)).toEqual(['80/tcp', '443/tcp', '8000/tcp']);
  });
});

describe('PORTS column', () => {
  it('groups consecutive ports and lists host mappings last (observed)', () => {
    const ports = [
      { PrivatePort: 80, PublicPort: 8080, IP: '0.0.0.0', Type: 'tcp' }, { PrivatePort: 80, PublicPort: 8080, IP: '::', Type: 'tcp' },
      { PrivatePort: 90, PublicPort: 9090, IP: '127.0.0.1', Type: 'udp' },
      ...[8000, 8001, 8002].flatMap((p) => [{ PrivatePort: p, PublicPort: p, IP: '0.0.0.0', Type: 'tcp' }, { PrivatePort: p, PublicPort: p, IP: '::', Type: 'tcp' }]),
      { PrivatePort: 7000, Type: 'tcp' }, { PrivatePort: 7001, Type: 'tcp' },
    ];
    expect(displayablePorts(ports)).toBe('7000-7001/tcp, 0.0.0.0:8000-8002->8000-8002/tcp, [::]:8000-8002->8000-8002/tcp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp, 127.0.0.1:9090->90/udp');
  });
});

describe('tabwriter against a plain reference of Go\'s column blocks', () => {
  // Go's text/tabwriter (minwidth 10, padding 3): a column block is a run of consecutive lines
  // with a tab-terminated cell in that column; it is as wide as its widest cell + 3 (min 10).
  function reference(text: string): string {
    const trailing = text.endsWith('\n');
    const lines = (trailing ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
    const width: number[][] = lines.map(() => []);
    const blocks = (col: number, from: number, to: number): void => {
      for (let i = from; i < to;) {
        if (lines[i].length - 1 <= col) { i++; continue; }
        let j = i;
        let widest = 0;
        while (j < to && lines[j].length - 1 > col) widest = Math.max(widest, lines[j++][col].length);
        for (let k = i; k < j; k++) width[k][col] = Math.max(widest + 3, 10);
        blocks(col + 1, i, j);
        i = j;
      }
    };
    blocks(0, 0, lines.length);
    return lines.map((cells, i) => cells.map((c, j) => (j < cells.length - 1 ? c.padEnd(width[i][j]) : c)).join('')).join('\n') + (trailing ? '\n' : '');
  }
  const cell = fc.stringMatching(/^[a-z ]{0,14}$/);
  it('uniform tables (every listing) and ragged text lay out the same', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean(), (cols, ragged, uniform, trailing) => {
      const rows = uniform ? ragged.map((r) => Array.from({ length: cols }, (_, k) => r[k % r.length])) : ragged;
      const text = rows.map((r) => r.join('\t')).join('\n') + (trailing ? '\n' : '');
      expect(tabwrite(text)).toBe(reference(text));
    }), { numRuns: 1500 });
  });
});

describe('listing tables built cell by cell (render.ts) against aligning each row\'s text', () => {
  // The fast path evaluates a simple template field by field and lays out cells without joining
  // and splitting rows; it must print what rendering each row and running the tabwriter prints,
  // including values with tabs, line breaks or wide characters, literal text between fields and
  // fields a row lacks (the Go engine's error).
  const value = fc.oneof(fc.stringMatching(/^[a-z ]{0,12}$/), fc.constantFrom('', 'a\tb', 'x\ny', '名前', 'é', '<no value>'));
  const piece = fc.oneof(fc.constantFrom('\t', '\t', ' ', '|', '\t=\t', '\\t', '\n'), fc.constantFrom('{{.A}}', '{{.B}}', '{{ .C }}', '{{.A}}'));
  it('prints the same as execute + tabwrite for random simple templates and rows', () => {
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 7 }), fc.array(fc.record({ A: value, B: value, C: value }), { maxLength: 6 }), fc.boolean(), (pieces, data, isTable) => {
      const spec = { format: `${isTable ? 'table ' : ''}${pieces.join('')}`, defaultTable: 'table {{.A}}', headers: { A: 'AAA', B: 'B\tB', C: 'CEE' }, typeName: 'T' };
      const prepared = prepareFormat(spec);
      let text = prepared.isTable ? `${prepared.row.header(spec.headers)}\n` : '';
      for (const r of data) text += `${prepared.row.execute(r)}\n`;
      const expected = prepared.isTable ? tabwrite(text) : text;
      expect(prepared.row.fieldColumns).toBeDefined(); // every such template is simple
      expect(renderRows(prepared, spec, data)).toBe(expected);
    }), { numRuns: 1500 });
  });

  it('leaves rows that lack a field to the Go engine, which reports it', () => {
    const spec = { format: 'table {{.A}}\t{{.Missing}}', defaultTable: 'table {{.A}}', headers: { A: 'A' }, typeName: '*formatter.T' };
    const prepared = prepareFormat(spec);
    expect(prepared.row.fieldColumns!([{ A: 'x' }])).toBeUndefined();
    expect(() => renderRows(prepared, spec, [{ A: 'x' }])).toThrow(/can't evaluate field Missing/);
  });
});
