// The line-delimited KEY=VALUE files of --env-file and --label-file, read the way the Docker CLI
// reads them: line by line with Go's line scanner (64 KiB lines at most, a trailing CR dropped),
// each line valid UTF-8, a BOM dropped from the first, leading whitespace removed, '#' comments
// and blank lines skipped, and the key checked (not empty, no space or tab). Values pass as-is.

/** What is wrong with a file's content; the caller names the file ("invalid env file (f): …"). */
export class KeyValueFileError extends Error {}

/** Go's bufio.MaxScanTokenSize: a line (with its newline) must fit in this many bytes. */
const MAX_LINE_BYTES = 64 * 1024;
const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** unicode.IsSpace, which trims the start of each line (JavaScript's \s would also take U+FEFF). */
const LEADING_GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

// ignoreBOM keeps a BOM in the text: only the first line's is dropped, as the CLI does.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeLine(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The lines as Go's bufio.ScanLines yields them (raw bytes, CR of a CRLF dropped). */
function* scanLines(content: Uint8Array): Generator<Uint8Array> {
  let start = 0;
  while (start < content.length) {
    let end = content.indexOf(0x0a, start);
    if (end < 0) end = content.length;
    // The scanner fails on a line that does not fit its largest buffer (newline included, and
    // an unterminated last line needs one byte more to see the end of the file).
    if (end - start >= MAX_LINE_BYTES) {
      throw new KeyValueFileError('bufio.Scanner: token too long');
    }
    const lineEnd = end > start && content[end - 1] === 0x0d ? end - 1 : end;
    yield content.subarray(start, lineEnd);
    start = end + 1;
  }
}

/**
 * KEY=VALUE strings of a key/value file. A line with a key only takes its value from `lookup`
 * (the client's environment for --env-file) and is left out when there is none.
 */
export function parseKeyValueFile(content: string | Uint8Array, lookup?: (key: string) => string | undefined): string[] {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const pairs: string[] = [];
  let lineNumber = 0;
  for (const raw of scanLines(bytes)) {
    lineNumber++;
    let text = decodeLine(raw);
    if (text === undefined) throw new KeyValueFileError(`invalid utf8 bytes at line ${lineNumber}: [${Array.from(raw).join(' ')}]`);
    if (lineNumber === 1 && UTF8_BOM.every((b, i) => raw[i] === b)) text = text.slice(1);
    const line = text.replace(LEADING_GO_SPACE, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (key === '') throw new KeyValueFileError(`no variable name on line '${line}'`);
    if (/[ \t]/.test(key)) throw new KeyValueFileError(`variable '${key}' contains whitespaces`);
    if (eq >= 0) {
      pairs.push(line);
      continue;
    }
    const found = lookup?.(key);
    if (found !== undefined) pairs.push(`${key}=${found}`);
  }
  return pairs;
}
