// A parsed template is reused across rows: executing a two-field template over 1,000 rows
// must take well under 10 ms.
import { describe, expect, it } from 'vitest';
import { dockerFuncs, parseTemplate } from '../../src/format/template/index.js';
import { containerRow } from './template-helpers.js';

function bestOf(runs: number, f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('template performance', () => {
  const rows = Array.from({ length: 1000 }, (_, i) => containerRow(`id${i}`.padEnd(12, '0'), `image${i % 7}`));

  it('renders {{.ID}}\\t{{.Image}} over 1,000 method-based rows in well under 10 ms', () => {
    const t = parseTemplate('{{.ID}}\t{{.Image}}', dockerFuncs);
    let out: string[] = [];
    const ms = bestOf(15, () => {
      out = rows.map((r) => t.execute(r));
    });
    expect(out[3]).toBe('id3000000000\timage3');
    expect(ms).toBeLessThan(10);
  });

  it('renders plain-object rows with a table-like template quickly', () => {
    const plain = rows.map((_, i) => ({ ID: `id${i}`, Image: 'busybox', Status: 'Up 2 hours', Names: `n${i}` }));
    const t = parseTemplate('{{.ID}}\t{{.Image}}\t{{.Status}}\t{{.Names | printf "%-10s"}}\t{{json .Names}}', dockerFuncs);
    const ms = bestOf(15, () => {
      for (const r of plain) t.execute(r);
    });
    expect(t.execute(plain[1])).toBe('id1\tbusybox\tUp 2 hours\tn1        \t"n1"');
    expect(ms).toBeLessThan(20);
  });

  it('parses a typical format string quickly', () => {
    const ms = bestOf(15, () => {
      for (let i = 0; i < 100; i++) parseTemplate('table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}', dockerFuncs);
    });
    expect(ms).toBeLessThan(50);
  });
});
