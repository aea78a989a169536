// Output normalizer of the fidelity harness: the ONE place that decides what in Docker's
// output is legitimately random. Applied at compare time, identically, to the recorded
// (real engine) output and to fakedocker's output. docs/fidelity.md repeats this list.
//
// A Normalizer is created per scenario and per side; its token numbering is shared by
// all steps of the scenario (stdout, then stderr, step after step), so the same real value
// always becomes the same token and two different values never share one.
//
// Replacements, in this order, on every line:
//   installation paths  the real engine's data-root /var/tmp/real-docker/data → /var/lib/docker
//                       and exec-root /run/real-docker → /var/run/docker (this test engine
//                       is installed in non-default places; fakedocker emulates a default one)
//   timestamps          RFC 3339 "2026-11-28T02:09:52.689400864Z" → "<time.frac>Z" (the zone
//                       suffix is kept; "<time>" when there is no fraction); Go's time.String
//                       "2026-11-28 01:25:43 +0000 UTC" → "<time> +0000 UTC"; nginx
//                       "2026/11/28 02:09:53" → "<time>"; nginx access log
//                       "[28/Nov/2026:02:09:53 +0000]" → "[<time> +0000]"; redis
//                       "28 Nov 2026 02:09:53.123" → "<time>" and its signal handler's unix
//                       time "signal-handler (1795832254)" → "signal-handler (<time>)".
//                       Go's zero time 0001-01-01T00:00:00Z is deterministic and is kept.
//   IDs                 64-hex and 12-hex words (container, image, layer, network, endpoint,
//                       sandbox IDs, digests after "sha256:", hostnames) → "<id:N>" for the
//                       full 64 digits and "<id:N:short>" for 12; a 12-digit prefix gets the
//                       number of its full ID. A prefix of 12-63 digits cut by "…" (ps's
//                       MOUNTS column: "d5ef8f3fda4922…") → "<id:N:LENGTH>…".
//   generated names     Docker's adjective_surname[digit] container names → "<name:N>":
//                       a lowercase word "_" lowercase word (each ≥ 3 letters, or the
//                       surnames tu and wu, the list's only shorter ones), optionally
//                       one digit, not touching [A-Za-z0-9_.-/] on either side (a single
//                       leading "/" is allowed, as in "Name": "/funny_mayer"), and not in
//                       NOT_NAMES (identifiers that programs print, e.g. clock_gettime).
//   host ports          a 5-digit port in the ephemeral range 32768-60999 right after ":" or
//                       "-" (0.0.0.0:32768->80/tcp, [::]:32768, 32768-32770) or as
//                       "HostPort": "32768" → "<port:N>".
//   container IPs       IPv4 in Docker's default pools 172.16.0.0/12 → "<ip:N>", except
//                       network (x.y.0.0) and gateway (x.y.0.1) addresses.
//   MAC addresses       aa:bb:cc:dd:ee:ff → "<mac:N>".
// Examples: a value right after "e.g." (optionally "," spaces, newlines, a quote), as in help
// texts' "(e.g., 172.30.100.104)", is an example, not a random value, and is kept.
//   relative times      "3 seconds ago", "About a minute ago", "Less than a second ago" →
//                       "<ago>"; "Up 2 seconds", "Up About an hour" → "Up <uptime>"
//                       ("Exited (0) 5 seconds ago" → "Exited (0) <ago>": the code stays).
//   sizes               human sizes 145MB, 1.98MB, 10.1kB, 0B → "<size>", on stdout only
//                       (sizes on stderr are in error texts, e.g. "Minimum memory limit
//                       allowed is 6MB", which do not depend on a build); byte counts of
//                       inspect keys "Size", "SizeRw", "SizeRootFs", "VirtualSize" → <bytes>;
//                       process IDs of inspect key "Pid" (non-zero) → <pid>, and of nginx's
//                       "start worker process 25" → "start worker process <pid>" (they vary
//                       with the entrypoint's short-lived processes).
//   pull progress       a layer's "<id>: Verifying Checksum" line is dropped: the engine emits
//                       it or not depending on timing (seen both ways for the same pull).
// Comparison (scripts/fidelity/fixtures.ts compareSteps): a step matches when its texts are
// equal with token numbers stripped ("<id:3:short>" → "<id:short>") and the numbered tokens,
// paired by position, keep a one-to-one correspondence between the two sides over the whole
// scenario (the same docker value is always the same fakedocker value, and vice versa). So
// one missing ID does not shift every later number into a mismatch, while a wrong ID (another
// container's) still fails the step.
// Literals: a candidate value that occurs in the scenario's own text (a name given with
// --name, an ID typed in a command, a port given with -p, ranges included) is never
// replaced: it comes from the user, not from chance.
//
// Table alignment: a column's width depends on the random values in it, so tables are
// compared by cells, not by spaces. A table starts at a header line (all cells uppercase,
// e.g. "CONTAINER ID   IMAGE ...", cells separated by 2+ spaces) and runs to the next blank
// line. Each raw row is cut at the header's column offsets (Go's tabwriter gives every row
// the header's offsets, so this is exact), the cells are normalized, and the table is laid
// out again: every column but the last is padded to (its widest normalized cell + its
// original slack), where slack = raw column width − widest raw cell (3 = tabwriter's padding,
// more when the column minimum width applies). So tokens of different lengths do not move
// columns, while a wrong padding, a shifted cell or a cell that runs into the next column
// still shows: a row whose cell does not end in a space before the next column, is laid out
// raw (normalized as plain text) with the prefix "!misaligned! ".
// Nothing else is replaced: error texts, flags, exit codes, ordering and blank lines are
// compared exactly.

export const NOT_NAMES = new Set([
  'clock_gettime',
  'default_bridge',
  'worker_processes',
  'worker_connections',
  'error_log',
  'access_log',
  'server_name',
  'log_format',
  'keepalive_timeout',
  'pid_file',
]);

const RE_DATAROOT = /\/var\/tmp\/real-docker\/data/g;
const RE_EXECROOT = /\/run\/real-docker(?=\/|\b)/g;

const RE_RFC3339 = /\b(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})/g;
const RE_GOTIME = /\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?(?= [+-]\d{4}\b)/g;
const RE_NGINXTIME = /\b\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}\b/g;
const RE_ACCESSTIME = /\[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2}(?= [+-]\d{4}\])/g;
const RE_REDISTIME = /\b\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2}\.\d{3}\b/g;
const RE_REDISSIG = /(signal-handler \()\d+(\))/g;
const RE_NGINXWORKER = /(start worker process )\d+/g;

const RE_HEX = /(?<![0-9A-Za-z])([0-9a-f]{64}|[0-9a-f]{12,63}(?=…)|[0-9a-f]{12})(?![0-9A-Za-z])/g;
// a "/" may precede a name only as in inspect's "Name": "/funny_mayer" (not inside a path)
const RE_NAME = /(?<=^|[^A-Za-z0-9_.\-/]|(?:^|[^A-Za-z0-9_.\-/])\/)([a-z]{3,}_(?:[a-z]{3,}|tu|wu)[0-9]?)(?![A-Za-z0-9_./-])/g;
const RE_PORT = /((?:[:-])|"HostPort": ")(\d{5})(?!\d)/g;
const RE_IP = /(?<![\d.])172\.(1[6-9]|2\d|3[01])\.(\d{1,3})\.(\d{1,3})(?![\d.]*\d)/g;
const RE_MAC = /(?<![0-9a-fA-F:])[0-9a-f]{2}(?::[0-9a-f]{2}){5}(?![0-9a-fA-F:])/g;

const DUR = '(?:Less than a second|About a minute|About an hour|\\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))';
const RE_AGO = new RegExp(`\\b${DUR} ago\\b`, 'g');
const RE_UP = new RegExp(`\\bUp ${DUR}`, 'g');
const RE_SIZE = /(?<![\w.])\d+(?:\.\d+)?(?:B|kB|MB|GB|TB|PB)(?![\w])/g;
const RE_BYTES = /("(?:Size|SizeRw|SizeRootFs|VirtualSize)": )\d+/g;
const RE_PID = /("Pid": )[1-9]\d*/g;

const RE_EXAMPLE = /e\.g\.,?\s*"?([^\s"()]+)/g;
const RE_VERIFYING = /^[0-9a-f]{12}: Verifying Checksum$/;

const HEADER_CELL = /^[A-Z][A-Z0-9 %\/().:-]*[A-Z0-9%)]$|^[A-Z]$/;

function isEphemeralPort(n: number): boolean {
  return n >= 32768 && n <= 60999;
}

/** Words/numbers that the user wrote in the scenario: never normalized. */
function literalSet(scenarioText: string): Set<string> {
  const set = new Set<string>();
  for (const m of scenarioText.matchAll(/[A-Za-z0-9_.:-]+/g)) {
    for (const part of m[0].split(/[:.=]/)) if (part) set.add(part);
    set.add(m[0]);
  }
  // numeric ranges (e.g. -p 40000-40002:40000-40002) expand to all their numbers
  for (const m of scenarioText.matchAll(/(\d{4,5})-(\d{4,5})/g)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b > a && b - a < 1000) for (let p = a; p <= b; p++) set.add(String(p));
  }
  return set;
}

export type Stream = 'stdout' | 'stderr';

export class Normalizer {
  private readonly literals: Set<string>;
  private readonly ids = new Map<string, number>();
  private readonly names = new Map<string, number>();
  private readonly ports = new Map<string, number>();
  private readonly ips = new Map<string, number>();
  private readonly macs = new Map<string, number>();
  /** examples ("e.g. VALUE") of the output being normalized */
  private examples = new Set<string>();

  constructor(scenarioText = '', literals?: Set<string>) {
    this.literals = literals ?? literalSet(scenarioText);
  }

  /** An independent copy (same literals, same numbering so far). */
  clone(): Normalizer {
    const n = new Normalizer('', this.literals);
    for (const k of ['ids', 'names', 'ports', 'ips', 'macs'] as const) for (const [a, b] of this[k]) n[k].set(a, b);
    return n;
  }

  private isLiteral(v: string): boolean {
    return this.literals.has(v) || this.examples.has(v);
  }

  private num(map: Map<string, number>, key: string): number {
    let n = map.get(key);
    if (n === undefined) {
      n = map.size + 1;
      map.set(key, n);
    }
    return n;
  }

  /** Normalizes one piece of text that has no table layout (a line or a cell). */
  normalizeText(s: string, stream: Stream = 'stdout'): string {
    if (!s) return s;
    s = s.replace(RE_DATAROOT, '/var/lib/docker').replace(RE_EXECROOT, '/var/run/docker');
    s = s.replace(RE_RFC3339, (all, dt: string, frac: string | undefined, zone: string) =>
      all === '0001-01-01T00:00:00Z' || this.isLiteral(dt) || this.isLiteral(all) ? all : `${frac ? '<time.frac>' : '<time>'}${zone}`,
    );
    s = s.replace(RE_GOTIME, (all) => (all.startsWith('0001-01-01 00:00:00') ? all : '<time>'));
    s = s.replace(RE_NGINXTIME, '<time>');
    s = s.replace(RE_ACCESSTIME, '[<time>');
    s = s.replace(RE_REDISTIME, '<time>');
    s = s.replace(RE_REDISSIG, '$1<time>$2');
    s = s.replace(RE_HEX, (all: string) => {
      if (this.isLiteral(all)) return all;
      const n = this.num(this.ids, all.slice(0, 12));
      return all.length === 64 ? `<id:${n}>` : all.length === 12 ? `<id:${n}:short>` : `<id:${n}:${all.length}>`;
    });
    s = s.replace(RE_NAME, (all: string) => {
      if (this.isLiteral(all) || NOT_NAMES.has(all)) return all;
      return `<name:${this.num(this.names, all)}>`;
    });
    s = s.replace(RE_PORT, (all, pre: string, port: string) => {
      if (!isEphemeralPort(Number(port)) || this.isLiteral(port)) return all;
      return `${pre}<port:${this.num(this.ports, port)}>`;
    });
    s = s.replace(RE_IP, (all: string, _b: string, c: string, d: string) => {
      if ((c === '0' && (d === '0' || d === '1')) || this.isLiteral(all)) return all;
      return `<ip:${this.num(this.ips, all)}>`;
    });
    s = s.replace(RE_MAC, (all: string) => (this.isLiteral(all) ? all : `<mac:${this.num(this.macs, all)}>`));
    s = s.replace(RE_AGO, '<ago>');
    s = s.replace(RE_UP, 'Up <uptime>');
    if (stream === 'stdout') s = s.replace(RE_SIZE, (all: string) => (this.isLiteral(all) ? all : '<size>'));
    s = s.replace(RE_BYTES, '$1<bytes>');
    s = s.replace(RE_PID, '$1<pid>');
    s = s.replace(RE_NGINXWORKER, '$1<pid>');
    return s;
  }

  /** Normalizes a whole output (stdout or stderr), tables included. */
  normalize(output: string, stream: Stream = 'stdout'): string {
    if (!output) return output;
    this.examples = new Set([...output.matchAll(RE_EXAMPLE)].map((m) => m[1]!));
    const lines = output.split('\n').filter((l) => !RE_VERIFYING.test(l));
    const out: string[] = [];
    for (let i = 0; i < lines.length; ) {
      const offsets = headerOffsets(lines[i]!);
      if (!offsets) {
        out.push(this.normalizeText(lines[i]!, stream));
        i++;
        continue;
      }
      let j = i + 1;
      while (j < lines.length && lines[j] !== '' && !headerOffsets(lines[j]!)) j++;
      out.push(...this.normalizeTable(lines.slice(i, j), offsets, stream));
      i = j;
    }
    return out.join('\n');
  }

  private normalizeTable(rows: string[], offsets: number[], stream: Stream): string[] {
    const ncol = offsets.length;
    const rawCells: (string[] | null)[] = rows.map((row) => splitRow(row, offsets));
    // raw widths and slack per column (all but the last)
    const slack: number[] = [];
    for (let c = 0; c < ncol - 1; c++) {
      const width = offsets[c + 1]! - offsets[c]!;
      let max = 0;
      for (const cells of rawCells) if (cells && cells[c] !== undefined) max = Math.max(max, cells[c]!.trimEnd().length);
      slack.push(width - max);
    }
    const normCells: (string[] | null)[] = [];
    const normalizedRaw: (string | null)[] = [];
    rawCells.forEach((cells, r) => {
      if (cells) {
        normCells.push(cells.map((cell, c) => this.normalizeText(c < ncol - 1 ? cell.trimEnd() : cell, stream)));
        normalizedRaw.push(null);
      } else {
        normCells.push(null);
        normalizedRaw.push(`!misaligned! ${this.normalizeText(rows[r]!, stream)}`);
      }
    });
    // widths are measured without token numbers, so that the layout (once numbers are
    // stripped, as the comparison does) does not depend on how many digits a number has
    const len = (cell: string) => stripNumbers(cell).length;
    const widths: number[] = [];
    for (let c = 0; c < ncol - 1; c++) {
      let max = 0;
      for (const cells of normCells) if (cells && cells[c] !== undefined) max = Math.max(max, len(cells[c]!));
      widths.push(max + slack[c]!);
    }
    const pad = (cell: string, w: number) => cell + ' '.repeat(Math.max(0, w - len(cell)));
    return normCells.map((cells, r) => {
      if (!cells) return normalizedRaw[r]!;
      const raw = rawCells[r]!;
      let line = '';
      cells.forEach((cell, c) => {
        if (c === ncol - 1) line += cell; // last column: as is (already normalized)
        else if (c < cells.length - 1 || rows[r]!.length >= offsets[c + 1]!) line += pad(cell, widths[c]!);
        else line += cell + raw[c]!.slice(raw[c]!.trimEnd().length); // row ends inside column c
      });
      return line;
    });
  }
}

/** Column start offsets if the line looks like a table header, else null. */
export function headerOffsets(line: string): number[] | null {
  if (!line || line.startsWith(' ') || line.endsWith(' ') && line.trimEnd() === '') return null;
  const offsets: number[] = [0];
  const re = / {2,}(?=\S)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) offsets.push(m.index + m[0].length);
  if (offsets.length < 2) return null;
  for (let c = 0; c < offsets.length; c++) {
    const cell = line.slice(offsets[c]!, offsets[c + 1] ?? line.length).trim();
    if (!HEADER_CELL.test(cell)) return null;
  }
  return offsets;
}

/** Cuts a raw row at the offsets; null when a cell runs into the next column. */
export function splitRow(row: string, offsets: number[]): string[] | null {
  const cells: string[] = [];
  for (let c = 0; c < offsets.length; c++) {
    const start = offsets[c]!;
    if (start > row.length || (start === row.length && c > 0)) break;
    const end = c + 1 < offsets.length ? Math.min(offsets[c + 1]!, row.length) : row.length;
    const cell = row.slice(start, end);
    if (c + 1 < offsets.length && end === offsets[c + 1]! && end < row.length && cell.length > 0 && !cell.endsWith(' ')) return null;
    cells.push(cell);
  }
  if (cells.length === 0) cells.push('');
  return cells;
}

const RE_TOKEN = /<(id|name|port|ip|mac):(\d+)((?::[^>]*)?)>/g;

/** "<id:3:short>" → "<id:short>", "<name:2>" → "<name>": the text without token numbers. */
export function stripNumbers(s: string): string {
  return s.replace(RE_TOKEN, '<$1$3>');
}

/** The numbered tokens of a normalized text, in order: "id:3", "name:2", ... */
export function tokenSequence(s: string): string[] {
  return [...s.matchAll(RE_TOKEN)].map((m) => `${m[1]}:${m[2]}`);
}

/** Convenience: a fresh normalizer for one side of one scenario. */
export function createNormalizer(scenarioText: string): Normalizer {
  return new Normalizer(scenarioText);
}
