// Column alignment as Docker's tabwriter does it (minwidth 10, tabwidth 1, padding 3, spaces):
// cells are tab-terminated; a column's width is the widest cell + padding (at least minwidth);
// the last cell of a line is not padded. Widths are display widths (East Asian wide = 2).

export interface TabwriterOptions {
  minWidth: number;
  padding: number;
  /** Pad a trailing tab-terminated cell too (docker version keeps "GitCommit:" padded). */
}

export const TABLE_OPTIONS: TabwriterOptions = { minWidth: 10, padding: 3 };

const NON_ASCII = /[^\x00-\x7f]/;

export function displayWidth(s: string): number {
  if (!NON_ASCII.test(s)) return s.length; // the common case, without walking code points
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/**
 * Aligns text the way Go's text/tabwriter does: a column block is a run of consecutive lines
 * that have a cell in that column; each block is sized independently.
 */
export function tabwrite(text: string, opts: TabwriterOptions = TABLE_OPTIONS): string {
  const endsWithNewline = text.endsWith('\n');
  const rows = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const lines: string[][] = new Array(rows.length);
  let uniform = true;
  for (let i = 0; i < rows.length; i++) {
    lines[i] = rows[i].split('\t');
    if (lines[i].length !== lines[0].length) uniform = false;
  }
  // One check for the whole text: then every cell's width is its length.
  const width = NON_ASCII.test(text) ? displayWidth : asciiWidth;
  const widthOf = uniform ? uniformWidths(lines, opts, width) : blockWidths(lines, opts, width);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i];
    const last = cells.length - 1;
    for (let j = 0; j < last; j++) out.push(cells[j], spaces(widthOf(i, j) - width(cells[j])));
    out.push(cells[last], i < lines.length - 1 || endsWithNewline ? '\n' : '');
  }
  return out.join('');
}

/**
 * What tabwrite gives for a header line and rows that all have the same cells, given column by
 * column (cells[j][i] is row i's cell j, none with a tab or line break): every line ends with a
 * newline.
 */
export function tabwriteColumns(header: string[], cells: string[][], rowCount: number, opts: TabwriterOptions = TABLE_OPTIONS): string {
  const last = cells.length - 1;
  const widths: number[] = [];
  const widthFns: ((s: string) => number)[] = [];
  for (let j = 0; j < last; j++) {
    const column = cells[j];
    const width = NON_ASCII.test(header[j]) || NON_ASCII.test(column.join('')) ? displayWidth : asciiWidth;
    let widest = width(header[j]);
    for (let i = 0; i < rowCount; i++) {
      const w = width(column[i]);
      if (w > widest) widest = w;
    }
    widths.push(columnWidth(widest, opts));
    widthFns.push(width);
  }
  // Pieces joined once at the end: a string built by += would be a tree of thousands of pieces.
  const out: string[] = [];
  for (let j = 0; j < last; j++) out.push(header[j], spaces(widths[j] - widthFns[j](header[j])));
  out.push(header[last], '\n');
  for (let i = 0; i < rowCount; i++) {
    for (let j = 0; j < last; j++) {
      const cell = cells[j][i];
      out.push(cell, spaces(widths[j] - widthFns[j](cell)));
    }
    out.push(cells[last][i], '\n');
  }
  return out.join('');
}

/** A table whose lines all have the same cells (every listing): one width per column. */
function uniformWidths(lines: string[][], opts: TabwriterOptions, width: (s: string) => number): (line: number, col: number) => number {
  const cols = lines[0].length - 1;
  const widths: number[] = [];
  for (let j = 0; j < cols; j++) {
    let widest = 0;
    for (let i = 0; i < lines.length; i++) {
      const w = width(lines[i][j]);
      if (w > widest) widest = w;
    }
    widths.push(columnWidth(widest, opts));
  }
  return (_line, col) => widths[col];
}

/** Go's general rule for ragged text: column blocks of consecutive lines, each sized alone. */
function blockWidths(lines: string[][], opts: TabwriterOptions, width: (s: string) => number): (line: number, col: number) => number {
  const widths: number[][] = lines.map(() => []);
  formatColumns(lines, widths, 0, 0, lines.length, opts, width);
  return (line, col) => widths[line][col];
}

/** A column's width: its widest cell plus the padding, at least the minimum width. */
export function columnWidth(widest: number, opts: TabwriterOptions): number {
  return Math.max(widest + opts.padding, opts.minWidth);
}

function asciiWidth(s: string): number {
  return s.length;
}

const padding: string[] = [];

function spaces(n: number): string {
  if (n <= 0) return '';
  return (padding[n] ??= ' '.repeat(n));
}

function formatColumns(lines: string[][], widths: number[][], col: number, start: number, end: number, opts: TabwriterOptions, width: (s: string) => number): void {
  let i = start;
  while (i < end) {
    // Only cells that are tab-terminated (not the last on their line) belong to a column.
    if (lines[i].length - 1 <= col) { i++; continue; }
    let j = i;
    let widest = 0;
    while (j < end && lines[j].length - 1 > col) {
      const w = width(lines[j][col]);
      if (w > widest) widest = w;
      j++;
    }
    const colWidth = columnWidth(widest, opts);
    for (let k = i; k < j; k++) widths[k][col] = colWidth;
    formatColumns(lines, widths, col + 1, i, j, opts, width);
    i = j;
  }
}
