// The shell interpreter: ash (busybox), dash (Debian's sh) and bash flavours of error texts.

import { STRERROR, type FsErrorCode } from '../../fs/errors.js';
import { normalizePath } from '../../fs/path.js';
import { normalizeSignal, SIGNALS } from '../../signals.js';
import { Blocked, ExitSignal, type ShellKind, type Sim } from '../context.js';
import { evalArith, ArithError } from './arith.js';
import { parse, ParseError, type Node, type Redir } from './parse.js';
import { fsErrorCode, lookupPath } from '../fsutil.js';
import { globMatch, globExpand } from './glob.js';

export interface IO {
  stdin: string;
  /** stdin is open (a terminal or an attached pipe) but nothing has been typed: readers block. */
  waiting?: boolean;
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Runs a program (external command) found by the shell; provided by the process layer. */
export type ProgramRunner = (sh: Shell, argv: string[], io: IO, env: Map<string, string>, line: number) => number;

export class ReturnSignal {
  constructor(readonly code: number) {}
}
class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    readonly n: number,
  ) {}
}

const MAX_LOOP_STEPS = 20000;
/** Simulated time after which a still-looping script is considered to run forever. */
export const LOOP_HORIZON_MS = 10 * 60 * 1000;

type Piece = { text: string; quoted: boolean; split: boolean } | { brk: true };

export class Shell {
  readonly sim: Sim;
  readonly kind: ShellKind;
  /** $0 */
  name: string;
  vars: Map<string, string>;
  exported: Set<string>;
  cwd: string;
  positional: string[];
  funcs: Map<string, Node>;
  status = 0;
  line = 1;
  errexit = false;
  lastBg = 0;
  /**
   * Background jobs by PID. They run to completion at once in the simulation; `endsAtMs` is when
   * they would have ended, so that a `kill` before then ends them by the signal instead.
   */
  jobs = new Map<number, { status: number; endsAtMs: number; signal?: string }>();
  /** Running a -c string (busybox ash numbers its lines from 0 there). */
  fromC = false;
  /**
   * The command about to run is the last thing this shell does: ash then runs it in its own
   * process instead of forking a child (so `sh -c ps` shows ps as the shell's PID).
   */
  tailPosition = false;
  readonly pid: number;
  readonly runProgram: ProgramRunner;

  constructor(opts: {
    sim: Sim;
    kind: ShellKind;
    name: string;
    env: Map<string, string>;
    cwd: string;
    positional?: string[];
    pid: number;
    runProgram: ProgramRunner;
  }) {
    this.sim = opts.sim;
    this.kind = opts.kind;
    this.name = opts.name;
    this.vars = new Map(opts.env);
    this.exported = new Set(opts.env.keys());
    this.cwd = opts.cwd;
    this.positional = opts.positional ?? [];
    this.funcs = new Map();
    this.pid = opts.pid;
    this.runProgram = opts.runProgram;
    if (!this.vars.has('PWD')) this.vars.set('PWD', this.cwd);
    // Every flavour exports PWD; ash also counts its nesting in SHLVL (dash has none; bash's
    // SHLVL depends on how it execs its last command, not modelled).
    this.exported.add('PWD');
    if (this.kind === 'ash') {
      this.vars.set('SHLVL', String((Number.parseInt(this.vars.get('SHLVL') ?? '', 10) || 0) + 1));
      this.exported.add('SHLVL');
    }
    if (!this.vars.has('IFS')) this.vars.set('IFS', ' \t\n');
  }

  subshell(): Shell {
    const s = new Shell({ sim: this.sim, kind: this.kind, name: this.name, env: new Map(), cwd: this.cwd, positional: [...this.positional], pid: this.pid, runProgram: this.runProgram });
    s.vars = new Map(this.vars);
    s.exported = new Set(this.exported);
    s.funcs = new Map(this.funcs);
    s.status = this.status;
    s.line = this.line;
    s.errexit = this.errexit;
    s.fromC = this.fromC;
    return s;
  }

  /**
   * KEY=VALUE environment of exported variables, in the order the shell lists them: ash and dash
   * keep variables in a 39-bucket hash table and list it bucket by bucket (each bucket in the
   * order its variables were made), so `sh -c env` prints HOSTNAME, SHLVL, HOME… (observed).
   */
  envMap(extra?: Map<string, string>): Map<string, string> {
    const m = new Map<string, string>();
    for (const k of this.vars.keys()) {
      if (!this.exported.has(k)) continue;
      const v = this.vars.get(k);
      if (v !== undefined) m.set(k, v);
    }
    if (extra) for (const [k, v] of extra) m.set(k, v);
    if (this.kind === 'bash') return m;
    return new Map([...m].sort(([a], [b]) => ashBucket(a) - ashBucket(b)));
  }

  // ---- messages -----------------------------------------------------------------------------

  /** Prefix a diagnostic the way this shell does. */
  msg(text: string, line = this.line): string {
    if (this.kind === 'ash') return `${this.name}: ${text}\n`;
    if (this.kind === 'dash') return `${this.name}: ${line}: ${text}\n`;
    return `${this.name}: line ${line}: ${text}\n`;
  }

  // ---- running ------------------------------------------------------------------------------

  /** Parse and run a script; returns the exit status. */
  runScript(src: string, io: IO): number {
    let ast: Node;
    try {
      ast = parse(src);
    } catch (e) {
      if (e instanceof ParseError) {
        io.err(this.syntaxError(e));
        return 2;
      }
      throw e;
    }
    try {
      return this.exec(ast, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.code;
      if (e instanceof LoopSignal) return this.status;
      throw e;
    }
  }

  private syntaxError(e: ParseError): string {
    const tok = e.token === 'end of file' ? 'end of file' : e.token === 'newline' ? 'newline' : e.token;
    if (this.kind === 'ash') return `${this.name}: syntax error: unexpected ${tok === 'end of file' ? 'end of file' : tok === 'newline' ? 'newline' : `"${tok}"`}\n`;
    if (this.kind === 'dash') return `${this.name}: ${e.line}: Syntax error: ${tok === 'end of file' ? 'end of file unexpected' : tok === 'newline' ? 'newline unexpected' : `"${tok}" unexpected`}\n`;
    if (tok === 'end of file') return `${this.name}: -c: line ${e.line}: syntax error: unexpected end of file\n`;
    return `${this.name}: -c: line ${e.line}: syntax error near unexpected token \`${tok}'\n${this.name}: -c: line ${e.line}: \`...'\n`;
  }

  exec(node: Node, io: IO): number {
    const outerTail = this.tailPosition;
    // Compound commands (if, loops, groups, functions) are not followed into: their commands fork.
    if (node.t !== 'list' && node.t !== 'andor' && node.t !== 'pipeline' && node.t !== 'simple') this.tailPosition = false;
    try {
      return this.execNode(node, io, outerTail);
    } finally {
      this.tailPosition = outerTail;
    }
  }

  private execNode(node: Node, io: IO, outerTail: boolean): number {
    switch (node.t) {
      case 'list': {
        let st = this.status;
        for (const [index, it] of node.items.entries()) {
          this.tailPosition = outerTail && !it.bg && index === node.items.length - 1;
          if (it.bg) {
            // Background jobs run at once in the simulation; time does not advance for them.
            const saved = this.sim.timeMs;
            const sub = this.subshell();
            let jobStatus = 0;
            let endsAtMs: number;
            try {
              jobStatus = sub.exec(it.node, { ...io, stdin: '', waiting: false });
              endsAtMs = this.sim.timeMs;
            } catch (e) {
              if (e instanceof ExitSignal) jobStatus = e.code;
              else if (!(e instanceof Blocked)) throw e;
              endsAtMs = e instanceof Blocked ? Infinity : this.sim.timeMs;
            }
            this.sim.timeMs = saved;
            this.sim.syncClock();
            this.lastBg = this.sim.allocPid();
            this.jobs.set(this.lastBg, { status: jobStatus, endsAtMs });
            st = 0;
            this.status = 0;
            continue;
          }
          st = this.exec(it.node, io);
          this.status = st;
          if (this.errexit && st !== 0 && isErrexitCandidate(it.node)) throw new ExitSignal(st);
        }
        return st;
      }
      case 'andor': {
        this.tailPosition = false;
        let st = this.exec(node.first, io);
        this.status = st;
        for (const [index, r] of node.rest.entries()) {
          if ((r.op === '&&' && st === 0) || (r.op === '||' && st !== 0)) {
            this.tailPosition = outerTail && index === node.rest.length - 1;
            st = this.exec(r.node, io);
            this.status = st;
          }
        }
        return st;
      }
      case 'pipeline': {
        let input = io.stdin;
        let st = 0;
        node.cmds.forEach((cmd, i) => {
          const last = i === node.cmds.length - 1;
          let buf = '';
          const stageIo: IO = { stdin: input, waiting: i === 0 ? io.waiting : false, out: last ? io.out : (s) => (buf += s), err: io.err };
          const sub = node.cmds.length > 1 ? this.subshell() : this;
          try {
            st = sub.exec(cmd, stageIo);
          } catch (e) {
            if (e instanceof ExitSignal) st = e.code;
            else if (e instanceof Blocked && !last) st = 0;
            else throw e;
          }
          input = buf;
        });
        return node.bang ? (st === 0 ? 1 : 0) : st;
      }
      case 'simple':
        return this.execSimple(node, io);
      case 'if':
        return this.withRedirs(node.redirs, io, (io2) => {
          for (const c of node.clauses) {
            if (this.exec(c.cond, io2) === 0) return this.exec(c.body, io2);
          }
          return node.elseBody ? this.exec(node.elseBody, io2) : 0;
        });
      case 'for':
        return this.withRedirs(node.redirs, io, (io2) => {
          const items = node.words === null ? [...this.positional] : this.expandWords(node.words, io2);
          let st = 0;
          for (const v of items) {
            this.vars.set(node.name, v);
            try {
              st = this.exec(node.body, io2);
            } catch (e) {
              if (e instanceof LoopSignal) {
                if (e.n > 1) throw new LoopSignal(e.kind, e.n - 1);
                if (e.kind === 'break') break;
                continue;
              }
              throw e;
            }
            this.tick();
          }
          return st;
        });
      case 'while':
        return this.withRedirs(node.redirs, io, (io2) => {
          let st = 0;
          for (;;) {
            const c = this.exec(node.cond, io2);
            if (node.until ? c === 0 : c !== 0) break;
            try {
              st = this.exec(node.body, io2);
            } catch (e) {
              if (e instanceof LoopSignal) {
                if (e.n > 1) throw new LoopSignal(e.kind, e.n - 1);
                if (e.kind === 'break') break;
                continue;
              }
              throw e;
            }
            this.tick();
          }
          return st;
        });
      case 'case':
        return this.withRedirs(node.redirs, io, (io2) => {
          const w = this.expandOne(node.word, io2);
          for (const it of node.items) {
            if (it.patterns.some((p) => globMatch(this.expandPattern(p, io2), w))) return it.body ? this.exec(it.body, io2) : 0;
          }
          return 0;
        });
      case 'group':
        return this.withRedirs(node.redirs, io, (io2) => {
          if (!node.subshell) return this.exec(node.body, io2);
          const sub = this.subshell();
          try {
            return sub.exec(node.body, io2);
          } catch (e) {
            if (e instanceof ExitSignal) return e.code;
            throw e;
          }
        });
      case 'func':
        this.funcs.set(node.name, node.body);
        return 0;
    }
  }

  /** Loop bookkeeping: a loop that never ends (in steps or simulated time) blocks the process. */
  private tick(): void {
    this.sim.steps++;
    if (this.sim.steps > MAX_LOOP_STEPS || this.sim.timeMs > LOOP_HORIZON_MS) throw new Blocked(this.name.split('/').pop() ?? 'sh', {}, true);
  }

  // ---- simple commands ----------------------------------------------------------------------

  private execSimple(node: Extract<Node, { t: 'simple' }>, io: IO): number {
    this.line = node.line;
    let words: string[];
    const assigns: [string, string][] = [];
    try {
      for (const a of node.assigns) {
        const eq = a.indexOf('=');
        assigns.push([a.slice(0, eq), this.expandOne(a.slice(eq + 1), io, true)]);
      }
      words = this.expandWords(node.words, io);
    } catch (e) {
      if (e instanceof ExpansionError) {
        io.err(this.msg(e.message));
        if (this.kind !== 'bash') throw new ExitSignal(2);
        return 1;
      }
      throw e;
    }
    if (words.length === 0) {
      for (const [k, v] of assigns) this.vars.set(k, v);
      if (node.redirs.length) return this.withRedirs(node.redirs, io, () => 0);
      return this.status;
    }
    return this.withRedirs(node.redirs, io, (io2) => this.invoke(words, io2, new Map(assigns), node.line));
  }

  /** Run a command (function, builtin or program) with argv. */
  invoke(argv: string[], io: IO, assigns: Map<string, string>, line: number): number {
    const name = argv[0]!;
    const fn = this.funcs.get(name);
    if (fn) {
      const saved = this.positional;
      this.positional = argv.slice(1);
      try {
        return this.exec(fn, io);
      } catch (e) {
        if (e instanceof ReturnSignal) return e.code;
        throw e;
      } finally {
        this.positional = saved;
      }
    }
    const b = BUILTINS[name];
    if (b && !(name === 'local' && this.kind === 'ash' && false)) {
      for (const [k, v] of assigns) this.vars.set(k, v);
      return b(this, argv, io);
    }
    return this.runProgram(this, argv, io, this.envMap(assigns), line);
  }

  // ---- redirections -------------------------------------------------------------------------

  private withRedirs(redirs: Redir[], io: IO, body: (io: IO) => number): number {
    if (!redirs.length) return body(io);
    const fds: Record<number, ((s: string) => void) | undefined> = { 1: io.out, 2: io.err };
    let stdin = io.stdin;
    let waiting = io.waiting;
    for (const r of redirs) {
      let target: string;
      try {
        target = r.op === '<<' ? this.expandHeredoc(r.target) : this.expandOne(r.target, io);
      } catch (e) {
        if (e instanceof ExpansionError) {
          io.err(this.msg(e.message));
          return 1;
        }
        throw e;
      }
      if (r.op === '>&' || r.op === '<&') {
        if (target === '-') {
          fds[r.fd] = () => {};
          continue;
        }
        const src = Number(target);
        if (r.op === '>&' && !/^\d+$/.test(target)) {
          const sink = this.openOut(target, false, io, r.fd);
          if (!sink) return this.redirStatus();
          fds[r.fd] = sink;
          fds[2] = sink;
          continue;
        }
        if (r.fd === 0) continue;
        fds[r.fd] = fds[src] ?? (() => {});
        continue;
      }
      if (r.op === '<') {
        const text = this.openIn(target, io);
        if (text === undefined) return this.redirStatus();
        if (r.fd === 0) {
          stdin = text;
          waiting = false;
        }
        continue;
      }
      if (r.op === '<<') {
        stdin = target;
        waiting = false;
        continue;
      }
      const sink = this.openOut(target, r.op === '>>' || r.op === '&>>', io, r.fd);
      if (!sink) return this.redirStatus();
      if (r.op === '&>' || r.op === '&>>') {
        fds[1] = sink;
        fds[2] = sink;
      } else fds[r.fd] = sink;
    }
    const io2: IO = { stdin, waiting, out: fds[1] ?? (() => {}), err: fds[2] ?? (() => {}) };
    return body(io2);
  }

  private redirStatus(): number {
    return this.kind === 'dash' ? 2 : 1;
  }

  /** Open a file for output; prints the shell's error and returns undefined on failure. */
  private openOut(target: string, append: boolean, io: IO, fd: number): ((s: string) => void) | undefined {
    if (target === '/dev/null') return () => {};
    if (target === '/dev/stdout' || target === '/proc/self/fd/1') return fd === 1 ? io.out : io.out;
    if (target === '/dev/stderr' || target === '/proc/self/fd/2') return io.err;
    if (target === '/dev/tty' || target === '/dev/console') return io.out;
    const path = normalizePath(target, this.cwd);
    const fs = this.sim.fs;
    let code: FsErrorCode | undefined;
    try {
      const st = fs.stat(path);
      if (st?.type === 'dir') code = 'EISDIR';
      else fs.writeFile(path, '', { append: true });
      if (!code && !append) fs.writeFile(path, '');
    } catch (e) {
      code = fsErrorCode(e);
    }
    if (code) {
      io.err(this.createError(target, code));
      return undefined;
    }
    return (s: string) => {
      try {
        fs.writeFile(path, s, { append: true });
      } catch {
        /* the file vanished: output is lost, as with an unlinked file */
      }
    };
  }

  private createError(target: string, code: FsErrorCode): string {
    if (this.kind === 'ash') return this.msg(`can't create ${target}: ${code === 'ENOENT' ? 'nonexistent directory' : STRERROR[code]}`);
    if (this.kind === 'dash') return this.msg(`cannot create ${target}: ${code === 'ENOENT' ? 'Directory nonexistent' : STRERROR[code]}`);
    return this.msg(`${target}: ${STRERROR[code]}`);
  }

  private openIn(target: string, io: IO): string | undefined {
    if (target === '/dev/null') return '';
    if (target === '/dev/stdin') return io.stdin;
    const path = normalizePath(target, this.cwd);
    const r = lookupPath(this.sim.fs, path, true);
    if (r.node && r.node.type === 'file') return r.node.content ?? '';
    if (r.node && r.node.type === 'dir') return '';
    const code = r.error ?? 'ENOENT';
    if (this.kind === 'ash') io.err(this.msg(`can't open ${target}: ${code === 'ENOENT' ? 'no such file' : STRERROR[code]}`));
    else if (this.kind === 'dash') io.err(this.msg(`cannot open ${target}: ${code === 'ENOENT' ? 'No such file' : STRERROR[code]}`));
    else io.err(this.msg(`${target}: ${STRERROR[code]}`));
    return undefined;
  }

  // ---- expansion ----------------------------------------------------------------------------

  getVar(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return String(this.pid);
      case '#':
        return String(this.positional.length);
      case '0':
        return this.name;
      case '!':
        return this.lastBg ? String(this.lastBg) : '';
      case '-':
        return this.errexit ? 'e' : '';
      case '@':
      case '*':
        return this.positional.join(' ');
      case 'RANDOM':
        return this.kind === 'dash' ? this.vars.get(name) : String(Math.floor(this.sim.req.random() * 32768));
      case 'LINENO':
        return String(this.line);
      case 'PPID':
        return this.vars.get('PPID') ?? '0';
    }
    if (/^\d+$/.test(name)) return this.positional[Number(name) - 1];
    return this.vars.get(name);
  }

  /** Expand words into fields (with splitting and globbing). */
  expandWords(raws: string[], io: IO): string[] {
    const out: string[] = [];
    for (const raw of raws) out.push(...this.expandFields(raw, io));
    return out;
  }

  /** Expand one word without field splitting or globbing (assignments, redirections, case). */
  expandOne(raw: string, io: IO, assignment = false): string {
    void assignment;
    return this.pieces(raw, io, false)
      .map((p) => ('brk' in p ? ' ' : p.text))
      .join('');
  }

  private expandPattern(raw: string, io: IO): string {
    // Quoted parts of a case pattern match literally.
    return this.pieces(raw, io, false)
      .map((p) => ('brk' in p ? ' ' : p.quoted ? p.text.replace(/[*?[\]\\]/g, (c) => '\\' + c) : p.text))
      .join('');
  }

  private expandHeredoc(body: string): string {
    return body.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])\}?/g, (_m, n: string) => this.getVar(n) ?? '');
  }

  private expandFields(raw: string, io: IO): string[] {
    const pieces = this.pieces(raw, io, true);
    const ifs = this.vars.get('IFS') ?? ' \t\n';
    // Build fields: split unquoted expansion results on IFS whitespace.
    const fields: { text: string; glob: boolean; pat: string }[] = [];
    let cur: { text: string; glob: boolean; pat: string } | null = null;
    let sawQuoted = false;
    const push = () => {
      if (cur) fields.push(cur);
      cur = null;
    };
    for (const p of pieces) {
      if ('brk' in p) {
        push();
        cur = { text: '', glob: false, pat: '' };
        continue;
      }
      if (p.quoted) sawQuoted = true;
      if (p.split && !p.quoted) {
        for (const ch of p.text) {
          if (ifs.includes(ch)) {
            push();
          } else {
            cur ??= { text: '', glob: false, pat: '' };
            cur.text += ch;
            cur.pat += ch;
            if ('*?['.includes(ch)) cur.glob = true;
          }
        }
        continue;
      }
      cur ??= { text: '', glob: false, pat: '' };
      cur.text += p.text;
      if (p.quoted) cur.pat += p.text.replace(/[*?[\]\\]/g, (c) => '\\' + c);
      else {
        cur.pat += p.text;
        if (/[*?[]/.test(p.text)) cur.glob = true;
      }
    }
    push();
    if (!fields.length && sawQuoted && !pieces.some((p) => 'brk' in p)) return [''];
    const out: string[] = [];
    for (const f of fields) {
      if (f.glob) {
        const matches = globExpand(this.sim.fs, f.pat, this.cwd);
        if (matches.length) {
          out.push(...matches);
          continue;
        }
      }
      out.push(f.text);
    }
    return out;
  }

  /** Split a raw word into literal/expanded pieces. */
  private pieces(raw: string, io: IO, fieldMode: boolean): Piece[] {
    const out: Piece[] = [];
    let i = 0;
    const lit = (text: string, quoted: boolean) => out.push({ text, quoted, split: false });
    if (raw.startsWith('~')) {
      const m = /^~([A-Za-z0-9_.-]*)(?=\/|$)/.exec(raw);
      if (m) {
        const home = m[1] ? undefined : this.vars.get('HOME') ?? '/';
        if (home !== undefined) {
          lit(home, true);
          i = m[0].length;
        }
      }
    }
    while (i < raw.length) {
      const c = raw[i]!;
      if (c === "'") {
        const e = raw.indexOf("'", i + 1);
        const end = e < 0 ? raw.length : e;
        lit(raw.slice(i + 1, end), true);
        i = end + 1;
        continue;
      }
      if (c === '\\') {
        if (i + 1 < raw.length) lit(raw[i + 1]!, true);
        i += 2;
        continue;
      }
      if (c === '"') {
        i++;
        let buf = '';
        let any = false;
        while (i < raw.length && raw[i] !== '"') {
          const d = raw[i]!;
          if (d === '\\' && i + 1 < raw.length && '$`"\\\n'.includes(raw[i + 1]!)) {
            if (raw[i + 1] !== '\n') buf += raw[i + 1];
            i += 2;
            continue;
          }
          if (d === '$' || d === '`') {
            if (raw.startsWith('$@', i) && fieldMode) {
              if (buf) lit(buf, true);
              buf = '';
              this.positional.forEach((a, k) => {
                if (k > 0) out.push({ brk: true });
                lit(a, true);
              });
              if (!this.positional.length) any = any || false;
              i += 2;
              any = true;
              continue;
            }
            const r = this.dollar(raw, i, io, true);
            if (r) {
              buf += r.text;
              i = r.end;
              continue;
            }
          }
          buf += d;
          i++;
        }
        i++;
        if (buf || !any) lit(buf, true);
        continue;
      }
      if (c === '$' || c === '`') {
        const r = this.dollar(raw, i, io, false);
        if (r) {
          out.push({ text: r.text, quoted: false, split: true });
          i = r.end;
          continue;
        }
      }
      lit(c, false);
      i++;
    }
    return out;
  }

  /** Expand a `$…` or backquote form at i; undefined if it is a literal `$`. */
  private dollar(raw: string, i: number, io: IO, quoted: boolean): { text: string; end: number } | undefined {
    void quoted;
    if (raw[i] === '`') {
      let j = i + 1;
      let body = '';
      while (j < raw.length && raw[j] !== '`') {
        if (raw[j] === '\\' && '$`\\'.includes(raw[j + 1] ?? '')) {
          body += raw[j + 1];
          j += 2;
        } else body += raw[j++];
      }
      return { text: this.commandSubst(body, io), end: j + 1 };
    }
    if (raw.startsWith('$((', i)) {
      let depth = 0;
      let j = i + 1;
      for (; j < raw.length; j++) {
        if (raw[j] === '(') depth++;
        else if (raw[j] === ')') {
          depth--;
          if (depth === 0) break;
        }
      }
      const expr = raw.slice(i + 3, j - 1);
      const expanded = this.expandOne(expr.replace(/"/g, ''), io);
      try {
        const v = evalArith(expanded, (n) => this.getVar(n), (n, v) => this.vars.set(n, v));
        return { text: String(v), end: j + 1 };
      } catch (e) {
        if (e instanceof ArithError) throw new ExpansionError(this.kind === 'dash' ? `arithmetic expression: expecting primary: "${expanded}"` : this.kind === 'ash' ? `arithmetic syntax error` : `${expanded}: syntax error: operand expected`);
        throw e;
      }
    }
    if (raw.startsWith('$(', i)) {
      let depth = 1;
      let j = i + 2;
      while (j < raw.length && depth > 0) {
        const c = raw[j];
        if (c === '\\') j += 2;
        else if (c === "'") {
          const e = raw.indexOf("'", j + 1);
          j = e < 0 ? raw.length : e + 1;
        } else if (c === '"') {
          j++;
          while (j < raw.length && raw[j] !== '"') j += raw[j] === '\\' ? 2 : 1;
          j++;
        } else {
          if (c === '(') depth++;
          else if (c === ')') depth--;
          j++;
        }
      }
      return { text: this.commandSubst(raw.slice(i + 2, j - 1), io), end: j };
    }
    if (raw.startsWith('${', i)) {
      let depth = 1;
      let j = i + 2;
      while (j < raw.length && depth > 0) {
        if (raw[j] === '\\') j++;
        else if (raw[j] === '{') depth++;
        else if (raw[j] === '}') depth--;
        j++;
      }
      return { text: this.paramExpansion(raw.slice(i + 2, j - 1), io), end: j };
    }
    const m = /^\$([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])/.exec(raw.slice(i));
    if (!m) return undefined;
    return { text: this.getVar(m[1]!) ?? '', end: i + m[0].length };
  }

  private paramExpansion(body: string, io: IO): string {
    if (body.startsWith('#') && body.length > 1) return String((this.getVar(body.slice(1)) ?? '').length);
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])(.*)$/s.exec(body);
    if (!m) throw new ExpansionError(`\${${body}}: bad substitution`.replace(/^/, this.kind === 'bash' ? '' : ''));
    const name = m[1]!;
    const rest = m[2]!;
    const v = this.getVar(name);
    if (!rest) return v ?? '';
    const op = /^(:?[-=+?]|##?|%%?|\/\/?)/.exec(rest);
    if (!op) throw new ExpansionError(this.kind === 'bash' ? `\${${body}}: bad substitution` : `Bad substitution`);
    const word = rest.slice(op[0].length);
    const w = () => this.expandOne(word, io);
    const unsetOrNull = v === undefined || (op[0].startsWith(':') && v === '');
    switch (op[0]) {
      case '-':
      case ':-':
        return unsetOrNull ? w() : v!;
      case '=':
      case ':=':
        if (unsetOrNull) {
          const nv = w();
          this.vars.set(name, nv);
          return nv;
        }
        return v!;
      case '+':
      case ':+':
        return unsetOrNull ? '' : w();
      case '?':
      case ':?':
        if (unsetOrNull) {
          const text = word ? w() : this.kind === 'bash' ? 'parameter null or not set' : 'parameter not set';
          throw new ExpansionError(`${name}: ${text}`);
        }
        return v!;
      case '#':
      case '##': {
        const s = v ?? '';
        const pat = w();
        const lens = [...Array(s.length + 1).keys()];
        if (op[0] === '##') lens.reverse();
        for (const n of lens) if (globMatch(pat, s.slice(0, n))) return s.slice(n);
        return s;
      }
      case '%':
      case '%%': {
        const s = v ?? '';
        const pat = w();
        const starts = [...Array(s.length + 1).keys()].reverse();
        if (op[0] === '%%') starts.reverse();
        for (const n of starts) if (globMatch(pat, s.slice(n))) return s.slice(0, n);
        return s;
      }
      case '/':
      case '//': {
        const s = v ?? '';
        const [pat = '', rep = ''] = word.split('/');
        const p = this.expandOne(pat, io);
        const r = this.expandOne(rep, io);
        if (!p) return s;
        return op[0] === '//' ? s.split(p).join(r) : s.replace(p, r);
      }
    }
    return v ?? '';
  }

  private commandSubst(src: string, io: IO): string {
    const sub = this.subshell();
    let buf = '';
    let st: number;
    try {
      st = sub.runScript(src, { stdin: '', out: (s) => (buf += s), err: io.err });
    } catch (e) {
      if (e instanceof ExitSignal) st = e.code;
      else throw e;
    }
    this.status = st;
    return buf.replace(/\n+$/, '');
  }
}

/** The bucket of ash's and dash's variable table a name hashes to (their hashvar()). */
function ashBucket(name: string): number {
  let hash = name.charCodeAt(0) << 4;
  for (let i = 0; i < name.length; i++) hash += name.charCodeAt(i);
  return hash % 39;
}

export class ExpansionError extends Error {}

function isErrexitCandidate(node: Node): boolean {
  return node.t === 'simple' || node.t === 'pipeline' || node.t === 'group';
}

// ---- builtins -----------------------------------------------------------------------------------

export type Builtin = (sh: Shell, argv: string[], io: IO) => number;

import { echoBuiltin, printfBuiltin, testBuiltin } from './builtins-text.js';

export const BUILTINS: Record<string, Builtin> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  echo: echoBuiltin,
  printf: printfBuiltin,
  test: testBuiltin,
  '[': testBuiltin,
  pwd: (sh, _argv, io) => {
    io.out(sh.cwd + '\n');
    return 0;
  },
  cd: (sh, argv, io) => {
    let target = argv[1];
    if (target === undefined || target === '~') target = sh.vars.get('HOME') ?? '/';
    if (target === '-') {
      target = sh.vars.get('OLDPWD') ?? sh.cwd;
      io.out(target + '\n');
    }
    const path = normalizePath(target, sh.cwd);
    const r = lookupPath(sh.sim.fs, path, true);
    let code: FsErrorCode | undefined = r.error;
    if (!code && r.node?.type !== 'dir') code = 'ENOTDIR';
    if (code) {
      if (sh.kind === 'ash') io.err(`${sh.name}: cd: line ${sh.line - (sh.fromC ? 1 : 0)}: can't cd to ${target}: ${STRERROR[code]}\n`);
      else if (sh.kind === 'dash') io.err(sh.msg(`cd: can't cd to ${target}`));
      else io.err(sh.msg(`cd: ${target}: ${STRERROR[code]}`));
      return sh.kind === 'bash' ? 1 : 2;
    }
    sh.vars.set('OLDPWD', sh.cwd);
    sh.exported.add('OLDPWD');
    sh.cwd = path;
    sh.vars.set('PWD', path);
    return 0;
  },
  export: (sh, argv) => {
    for (const a of argv.slice(1)) {
      if (a === '-p') continue;
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      if (eq >= 0) sh.vars.set(name, a.slice(eq + 1));
      sh.exported.add(name);
    }
    return 0;
  },
  readonly: (sh, argv) => {
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=');
      if (eq >= 0) sh.vars.set(a.slice(0, eq), a.slice(eq + 1));
    }
    return 0;
  },
  local: (sh, argv) => {
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=');
      if (eq >= 0) sh.vars.set(a.slice(0, eq), a.slice(eq + 1));
    }
    return 0;
  },
  unset: (sh, argv) => {
    for (const a of argv.slice(1)) {
      if (a === '-v' || a === '-f') continue;
      sh.vars.delete(a);
      sh.exported.delete(a);
      sh.funcs.delete(a);
    }
    return 0;
  },
  set: (sh, argv, io) => {
    const args = argv.slice(1);
    if (!args.length) {
      const keys = [...sh.vars.keys()].sort();
      for (const k of keys) io.out(`${k}='${(sh.vars.get(k) ?? '').replace(/'/g, "'\\''")}'\n`);
      return 0;
    }
    while (args.length && /^[-+]/.test(args[0]!)) {
      const a = args.shift()!;
      if (a === '--') break;
      if (a.includes('e')) sh.errexit = a.startsWith('-');
      if (a === '-o' || a === '+o') args.shift();
    }
    if (args.length || argv.includes('--')) sh.positional = args;
    return 0;
  },
  shift: (sh, argv) => {
    const n = argv[1] ? Number(argv[1]) : 1;
    if (n > sh.positional.length) return 1;
    sh.positional = sh.positional.slice(n);
    return 0;
  },
  exit: (sh, argv) => {
    throw new ExitSignal(argv[1] !== undefined ? Number(argv[1]) & 255 : sh.status);
  },
  return: (sh, argv) => {
    throw new ReturnSignal(argv[1] !== undefined ? Number(argv[1]) & 255 : sh.status);
  },
  break: (_sh, argv) => {
    throw new LoopSignal('break', Number(argv[1] ?? 1));
  },
  continue: (_sh, argv) => {
    throw new LoopSignal('continue', Number(argv[1] ?? 1));
  },
  eval: (sh, argv, io) => sh.runScript(argv.slice(1).join(' '), io),
  '.': (sh, argv, io) => sourceFile(sh, argv, io),
  source: (sh, argv, io) => sourceFile(sh, argv, io),
  exec: (sh, argv, io) => {
    if (argv.length < 2) return 0;
    // The program replaces the shell in its process.
    sh.tailPosition = true;
    const st = sh.invoke(argv.slice(1), io, new Map(), sh.line);
    throw new ExitSignal(st);
  },
  wait: (sh, argv, io) => {
    // Time passes until the awaited jobs end; one that never ends keeps the shell waiting.
    const awaitJob = (job: { endsAtMs: number }) => {
      if (job.endsAtMs === Infinity) throw new Blocked('wait');
      if (job.endsAtMs > sh.sim.timeMs) sh.sim.sleep(job.endsAtMs - sh.sim.timeMs);
    };
    // Without operands: every job, status 0 (ash reports no signal then).
    if (argv.length < 2) {
      for (const job of sh.jobs.values()) awaitJob(job);
      return 0;
    }
    let st = 0;
    for (const arg of argv.slice(1)) {
      const job = sh.jobs.get(Number(arg));
      if (!/^\d+$/.test(arg) || !job) { st = 127; continue; }
      awaitJob(job);
      st = job.status;
      // ash describes a job a signal ended; SIGINT and SIGPIPE go unmentioned, and SIGKILL's
      // notice comes later, at a job-notification point (observed).
      const text = job.signal ? SIGNAL_TEXT[job.signal] : undefined;
      if (text && sh.kind === 'ash') io.err(`${text}\n`);
    }
    return st;
  },
  trap: () => 0,
  umask: (_sh, argv, io) => {
    if (argv.length < 2) io.out('0022\n');
    return 0;
  },
  alias: () => 0,
  unalias: () => 0,
  hash: () => 0,
  ulimit: (_sh, _argv, io) => {
    io.out('unlimited\n');
    return 0;
  },
  read: (sh, argv, io) => {
    const names = argv.slice(1).filter((a) => !a.startsWith('-'));
    if (!io.stdin) return 1;
    const nl = io.stdin.indexOf('\n');
    const lineText = nl < 0 ? io.stdin : io.stdin.slice(0, nl);
    // Consume the line from the shared stdin of this IO.
    (io as { stdin: string }).stdin = nl < 0 ? '' : io.stdin.slice(nl + 1);
    const raw = argv.includes('-r');
    const text = raw ? lineText : lineText.replace(/\\(.)/g, '$1');
    const vars = names.length ? names : ['REPLY'];
    const parts = text.trim().split(/[ \t]+/);
    vars.forEach((n, k) => sh.vars.set(n, k === vars.length - 1 ? parts.slice(k).join(' ') : parts[k] ?? ''));
    return nl < 0 ? 1 : 0;
  },
  type: (sh, argv, io) => {
    let st = 0;
    for (const n of argv.slice(1)) {
      if (BUILTINS[n]) io.out(`${n} is a shell builtin\n`);
      else if (sh.funcs.has(n)) io.out(`${n} is a function\n`);
      else {
        const p = findInPath(sh, n);
        if (p) io.out(`${n} is ${p}\n`);
        else {
          st = 1;
          if (sh.kind === 'bash') io.err(sh.msg(`type: ${n}: not found`));
          else io.out(`${n}: not found\n`);
        }
      }
    }
    return st;
  },
  command: (sh, argv, io) => {
    const args = argv.slice(1);
    if (args[0] === '-v' || args[0] === '-V') {
      const n = args[1];
      if (!n) return 1;
      if (BUILTINS[n] || sh.funcs.has(n)) {
        io.out(n + '\n');
        return 0;
      }
      const p = findInPath(sh, n);
      if (p) {
        io.out(p + '\n');
        return 0;
      }
      return 1;
    }
    if (!args.length) return 0;
    return sh.invoke(args, io, new Map(), sh.line);
  },
  kill: (sh, argv, io) => {
    if (argv.length < 2) {
      io.err('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
      return 2;
    }
    const args = argv.slice(1);
    let signal = 'TERM';
    if (args[0] === '-s' || args[0] === '-n') { args.shift(); signal = args.shift() ?? 'TERM'; }
    else if (args[0]?.startsWith('-') && args[0] !== '-l') signal = args.shift()!.slice(1);
    const name = jobEndingSignal(signal);
    let st = 0;
    for (const arg of args) {
      const job = sh.jobs.get(Number(arg));
      // Other processes (the shell itself, PID 1…) are not modelled: the signal goes nowhere.
      if (!job || !name) continue;
      if (job.signal !== undefined || sh.sim.timeMs >= job.endsAtMs) {
        if (sh.kind === 'ash') io.err(sh.msg(`can't kill pid ${arg}: No such process`));
        st = 1;
        continue;
      }
      job.signal = name;
      job.status = 128 + SIGNALS[`SIG${name}`]!;
      job.endsAtMs = sh.sim.timeMs;
    }
    return st;
  },
};

/** The signals that end a background job (it handles none), by name without SIG. */
const ENDS_JOB = new Set(['HUP', 'INT', 'QUIT', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM']);

/** What ash prints when `wait` finds a job ended by the signal. */
const SIGNAL_TEXT: Record<string, string> = {
  HUP: 'Hangup', QUIT: 'Quit', USR1: 'User defined signal 1', SEGV: 'Segmentation fault',
  USR2: 'User defined signal 2', ALRM: 'Alarm clock', TERM: 'Terminated',
};

/** `kill`'s signal operand as a job-ending signal's name without SIG (undefined: it ends none). */
function jobEndingSignal(raw: string): string | undefined {
  const name = normalizeSignal(raw)?.slice(3);
  return name !== undefined && ENDS_JOB.has(name) ? name : undefined;
}

function sourceFile(sh: Shell, argv: string[], io: IO): number {
  const f = argv[1];
  if (!f) return 0;
  const path = f.includes('/') ? normalizePath(f, sh.cwd) : findInPath(sh, f) ?? normalizePath(f, sh.cwd);
  const text = sh.sim.fs.readFile(path);
  if (text === undefined) {
    if (sh.kind === 'bash') io.err(sh.msg(`${f}: No such file or directory`));
    else if (sh.kind === 'dash') io.err(sh.msg(`.: cannot open ${f}: No such file`));
    else io.err(sh.msg(`.: line ${sh.line}: can't open '${f}': No such file or directory`));
    return sh.kind === 'bash' ? 1 : 2;
  }
  return sh.runScript(text, io);
}

/** PATH search for an executable regular file; returns the path as found (not resolved). */
export function findInPath(sh: Shell, name: string): string | undefined {
  const PATH = sh.vars.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  for (const dir of PATH.split(':')) {
    if (!dir) continue;
    const p = normalizePath(name, dir);
    const n = sh.sim.fs.stat(p);
    if (n && n.type === 'file' && (n.mode & 0o111) !== 0) return p;
  }
  return undefined;
}
