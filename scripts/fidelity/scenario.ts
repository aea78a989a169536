// Scenario files: scenarios/<group>/<name>.txt. The format is documented in docs/fidelity.md.
//
//   # comment                    ignored (also blank lines)
//   images: busybox nginx        images the scenario needs (a bare name means NAME:latest)
//   setup: <bash line>           run, output not compared (may appear anywhere, runs in order)
//   $ <bash line>                a recorded step: stdout, stderr and exit code are compared
//   sleep <seconds>              a pause between steps (runs in order)
//   teardown: <bash line>        run after all other lines, output not compared
//   timeout: <seconds>           per-command time limit for the lines that follow (default 30)
//
// A line ending in a backslash continues on the next line (the backslash-newline is kept,
// so bash sees the same text). Anything else is a parse error: nothing is silently ignored.

export type ItemKind = 'setup' | 'step' | 'sleep' | 'teardown';

export interface ScenarioItem {
  kind: ItemKind;
  /** bash command line (setup/step/teardown) */
  cmd: string;
  /** seconds, for sleep */
  seconds: number;
  /** 1-based line number in the scenario file */
  line: number;
  /** per-command timeout in seconds */
  timeout: number;
}

export interface Scenario {
  /** "<group>/<name>" */
  id: string;
  text: string;
  images: string[];
  /** in file order; teardown items are not in here */
  items: ScenarioItem[];
  teardown: ScenarioItem[];
  /** the recorded steps, in order (a view of items) */
  steps: ScenarioItem[];
}

export class ScenarioError extends Error {}

export const DEFAULT_TIMEOUT = 30;

/** "busybox" → "busybox:latest"; "debian:bookworm" unchanged; digests unchanged. */
export function canonicalImageRef(ref: string): string {
  if (ref.includes('@')) return ref;
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  return colon > slash ? ref : `${ref}:latest`;
}

export function parseScenario(id: string, text: string): Scenario {
  const rawLines = text.split('\n');
  const images: string[] = [];
  const items: ScenarioItem[] = [];
  const teardown: ScenarioItem[] = [];
  let timeout = DEFAULT_TIMEOUT;
  const fail = (line: number, msg: string): never => {
    throw new ScenarioError(`${id}:${line}: ${msg}`);
  };
  for (let i = 0; i < rawLines.length; i++) {
    const lineNo = i + 1;
    let line = rawLines[i]!;
    // continuation lines
    while (/(^|[^\\])(\\\\)*\\$/.test(line)) {
      if (i + 1 >= rawLines.length) fail(lineNo, 'backslash continuation at end of file');
      i++;
      line = `${line}\n${rawLines[i]}`;
    }
    if (line.trim() === '' || line.startsWith('#')) continue;
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^images:(.*)$/s))) {
      const refs = m[1]!.trim().split(/\s+/).filter(Boolean);
      if (refs.length === 0) fail(lineNo, '"images:" needs at least one image');
      for (const r of refs) if (!images.includes(canonicalImageRef(r))) images.push(canonicalImageRef(r));
    } else if ((m = line.match(/^setup:(.*)$/s))) {
      const cmd = m[1]!.trim();
      if (!cmd) fail(lineNo, 'empty setup command');
      items.push({ kind: 'setup', cmd, seconds: 0, line: lineNo, timeout });
    } else if ((m = line.match(/^teardown:(.*)$/s))) {
      const cmd = m[1]!.trim();
      if (!cmd) fail(lineNo, 'empty teardown command');
      teardown.push({ kind: 'teardown', cmd, seconds: 0, line: lineNo, timeout });
    } else if ((m = line.match(/^\$ (.*)$/s))) {
      const cmd = m[1]!.trim();
      if (!cmd) fail(lineNo, 'empty step');
      items.push({ kind: 'step', cmd, seconds: 0, line: lineNo, timeout });
    } else if ((m = line.match(/^sleep\s+(\d+(?:\.\d+)?)\s*$/))) {
      items.push({ kind: 'sleep', cmd: '', seconds: Number(m[1]), line: lineNo, timeout });
    } else if ((m = line.match(/^timeout:\s*(\d+(?:\.\d+)?)\s*$/))) {
      timeout = Number(m[1]);
      if (timeout <= 0) fail(lineNo, 'timeout must be positive');
    } else {
      fail(lineNo, `cannot parse line: ${JSON.stringify(line)} (expected "# ", "images:", "setup:", "$ ", "sleep N", "teardown:" or "timeout:")`);
    }
  }
  const steps = items.filter((it) => it.kind === 'step');
  if (steps.length === 0) throw new ScenarioError(`${id}: no recorded steps ("$ " lines)`);
  return { id, text, images, items, teardown, steps };
}
