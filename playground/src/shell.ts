// The playground's little shell: line editing, history, Tab completion and a handful of built-ins
// around the fakedocker library. It only writes escape sequences through `host.write`, so it runs
// the same against xterm.js in the page and against a fake terminal in tests.
import { explain, type Docker } from '../../src/index.js';
import { BUILTINS, commonPrefix, complete, type CompletionContext } from './complete.js';

export interface ShellHost {
  /** Writes to the terminal (LF is turned into CR LF by the terminal: xterm's convertEol). */
  write(text: string): void;
  /** Terminal width, for laying out completion lists and redrawing wrapped lines. */
  cols(): number;
  docker: Docker;
  /** Pullable image names (the catalogue), for completion; asked for when needed. */
  catalogImages(): string[];
  /** Saved history, oldest first, and a way to save it. */
  loadHistory(): string[];
  saveHistory(lines: string[]): void;
  /** Called by the `reset` built-in (and the page's Reset button): forget the daemon's state. */
  reset(): void;
  /** Clears the screen and scrollback. */
  clearScreen(): void;
}

const PROMPT = '\x1b[1;32m$\x1b[0m ';
const PROMPT_WIDTH = 2;
const MAX_HISTORY = 500;
const DIM = (s: string) => `\x1b[2m${s}\x1b[0m`;

const HELP = `fakedocker playground: a Docker CLI emulated in this page (no server, no network).
Type docker commands, e.g.
  docker run -d -P nginx        start nginx in the background, publishing its ports
  docker ps                     list running containers
  docker logs <name>            see what a container printed
  docker stop <name>            stop it;  docker rm <name> removes it
Built-ins: clear, history, reset (forget all containers and images), explain <docker command>, help.
Keys: Tab completes commands, flags, container and image names; Up/Down browse history;
      Ctrl-A/E start/end of line, Ctrl-U/K/W delete, Ctrl-L clear, Ctrl-C cancel the line.
Your containers are kept in this browser (localStorage) across reloads.
`;

export class Shell {
  private line = '';
  private cursor = 0;
  private history: string[];
  /** Position while browsing history (history.length: the line being edited). */
  private histIndex: number;
  private draft = '';

  constructor(private readonly host: ShellHost) {
    this.history = host.loadHistory().slice(-MAX_HISTORY);
    this.histIndex = this.history.length;
  }

  start(banner = true): void {
    if (banner) this.host.write(`${DIM("Welcome to the fakedocker playground. Type 'help' for a tour, or try: docker run -d -P nginx")}\n`);
    this.prompt();
  }

  /** The line being edited (for tests). */
  get currentLine(): string {
    return this.line;
  }

  prompt(): void {
    this.line = '';
    this.cursor = 0;
    this.histIndex = this.history.length;
    this.host.write(PROMPT);
  }

  /** Handles what the terminal sends: typed characters, pasted text, control keys, escape sequences. */
  input(data: string): void {
    let i = 0;
    while (i < data.length) {
      const rest = data.slice(i);
      const seq = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|[bfd\x7f])/.exec(rest);
      if (seq) {
        this.escape(seq[0]);
        i += seq[0].length;
        continue;
      }
      const c = data[i++];
      if (c === '\r' || c === '\n') {
        if (c === '\n' && data[i - 2] === '\r') continue;
        this.enter();
      } else if (c === '\x7f' || c === '\b') this.backspace();
      else if (c === '\t') this.tab();
      else if (c === '\x03') this.interrupt();
      else if (c === '\x04') { if (this.line === '') this.host.write(`\n${DIM('(this is a web page: there is no shell to leave; close the tab when done)')}\n${PROMPT}`); else this.deleteForward(); }
      else if (c === '\x01') this.moveTo(0);
      else if (c === '\x05') this.moveTo(this.line.length);
      else if (c === '\x02') this.moveTo(this.cursor - 1);
      else if (c === '\x06') this.moveTo(this.cursor + 1);
      else if (c === '\x0b') this.edit(this.line.slice(0, this.cursor), this.cursor);
      else if (c === '\x15') this.edit(this.line.slice(this.cursor), 0);
      else if (c === '\x17') this.deleteWordBack();
      else if (c === '\x0c') { this.host.clearScreen(); this.host.write(PROMPT); this.redraw(0, 0); }
      else if (c === '\x10') this.historyMove(-1);
      else if (c === '\x0e') this.historyMove(1);
      else if (c >= ' ' && c !== '\x7f') {
        // Printable text (and pasted runs of it) goes in at the cursor.
        let j = i;
        while (j < data.length && data[j] >= ' ' && data[j] !== '\x7f' && data[j] !== '\x1b') j++;
        const text = c + data.slice(i, j);
        i = j;
        this.edit(this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor), this.cursor + text.length);
      }
    }
  }

  private escape(seq: string): void {
    switch (seq) {
      case '\x1b[A': case '\x1bOA': this.historyMove(-1); break;
      case '\x1b[B': case '\x1bOB': this.historyMove(1); break;
      case '\x1b[C': case '\x1bOC': this.moveTo(this.cursor + 1); break;
      case '\x1b[D': case '\x1bOD': this.moveTo(this.cursor - 1); break;
      case '\x1b[H': case '\x1bOH': case '\x1b[1~': this.moveTo(0); break;
      case '\x1b[F': case '\x1bOF': case '\x1b[4~': this.moveTo(this.line.length); break;
      case '\x1b[3~': this.deleteForward(); break;
      case '\x1bb': case '\x1b[1;5D': case '\x1b[1;3D': this.moveTo(this.wordStart(this.cursor)); break;
      case '\x1bf': case '\x1b[1;5C': case '\x1b[1;3C': this.moveTo(this.wordEnd(this.cursor)); break;
      case '\x1b\x7f': this.deleteWordBack(); break;
      case '\x1bd': this.edit(this.line.slice(0, this.cursor) + this.line.slice(this.wordEnd(this.cursor)), this.cursor); break;
      default: break; // function keys and the like: ignored
    }
  }

  // ---- editing -------------------------------------------------------------------------------

  private wordStart(from: number): number {
    let i = from;
    while (i > 0 && this.line[i - 1] === ' ') i--;
    while (i > 0 && this.line[i - 1] !== ' ') i--;
    return i;
  }

  private wordEnd(from: number): number {
    let i = from;
    while (i < this.line.length && this.line[i] === ' ') i++;
    while (i < this.line.length && this.line[i] !== ' ') i++;
    return i;
  }

  private backspace(): void {
    if (this.cursor === 0) return;
    this.edit(this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor), this.cursor - 1);
  }

  private deleteForward(): void {
    if (this.cursor >= this.line.length) return;
    this.edit(this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1), this.cursor);
  }

  private deleteWordBack(): void {
    const start = this.wordStart(this.cursor);
    this.edit(this.line.slice(0, start) + this.line.slice(this.cursor), start);
  }

  private moveTo(pos: number): void {
    const p = Math.max(0, Math.min(this.line.length, pos));
    if (p === this.cursor) return;
    const old = this.cursor;
    this.cursor = p;
    this.placeCursor(PROMPT_WIDTH + old, PROMPT_WIDTH + p);
  }

  /** Replaces the line and the cursor, and redraws what changed. */
  private edit(line: string, cursor: number): void {
    const oldCursor = this.cursor;
    const oldLength = this.line.length;
    this.line = line;
    this.cursor = Math.max(0, Math.min(line.length, cursor));
    this.redraw(oldCursor, oldLength);
  }

  /** Moves the terminal cursor between two offsets from the prompt's start, across wrapped rows. */
  private placeCursor(from: number, to: number): void {
    const cols = Math.max(10, this.host.cols());
    const rowFrom = Math.floor(from / cols);
    const rowTo = Math.floor(to / cols);
    let s = '';
    if (rowTo < rowFrom) s += `\x1b[${rowFrom - rowTo}A`;
    if (rowTo > rowFrom) s += `\x1b[${rowTo - rowFrom}B`;
    s += '\r';
    const col = to % cols;
    if (col > 0) s += `\x1b[${col}C`;
    this.host.write(s);
  }

  /** Rewrites the line from the prompt on, clears what is left of the old one, puts the cursor back. */
  private redraw(oldCursor: number, _oldLength: number): void {
    const cols = Math.max(10, this.host.cols());
    const startRowOffset = Math.floor((PROMPT_WIDTH + oldCursor) / cols);
    let s = '';
    if (startRowOffset > 0) s += `\x1b[${startRowOffset}A`;
    s += `\r${PROMPT}${this.line}\x1b[J`;
    const end = PROMPT_WIDTH + this.line.length;
    // Ending exactly at the right margin leaves the cursor pending on that row: make the wrap real.
    if (end % cols === 0 && this.line.length > 0) s += '\r\n';
    this.host.write(s);
    this.placeCursor(end, PROMPT_WIDTH + this.cursor);
  }

  private historyMove(delta: number): void {
    const next = this.histIndex + delta;
    if (next < 0 || next > this.history.length) return;
    if (this.histIndex === this.history.length) this.draft = this.line;
    this.histIndex = next;
    const text = next === this.history.length ? this.draft : this.history[next];
    const oldCursor = this.cursor;
    this.line = text;
    this.cursor = text.length;
    this.redraw(oldCursor, 0);
  }

  private interrupt(): void {
    this.placeCursor(PROMPT_WIDTH + this.cursor, PROMPT_WIDTH + this.line.length);
    this.host.write('^C\n');
    this.prompt();
  }

  // ---- completion ----------------------------------------------------------------------------

  private completionContext(): CompletionContext {
    const state = this.host.docker.state();
    return {
      containers: state.containers().map((c) => ({ name: c.name, status: c.status })),
      localImages: state.images().flatMap((i) => i.tags.map((t) => t.replace(/:latest$/, ''))).concat(state.images().flatMap((i) => i.tags)),
      catalogImages: this.host.catalogImages(),
      networks: state.networks().map((n) => n.name),
      volumes: state.volumes().map((v) => v.name),
    };
  }

  private tab(): void {
    const left = this.line.slice(0, this.cursor);
    const c = complete(left, this.completionContext());
    if (c.candidates.length === 0) return;
    if (c.candidates.length === 1) {
      const word = c.candidates[0];
      const suffix = word.endsWith('=') ? '' : ' ';
      this.insertCompletion(c.start, word + suffix);
      return;
    }
    const common = commonPrefix(c.candidates);
    if (common.length > c.prefix.length) {
      this.insertCompletion(c.start, common);
      return;
    }
    // Nothing more to add: list the choices under the line, then redraw it.
    this.placeCursor(PROMPT_WIDTH + this.cursor, PROMPT_WIDTH + this.line.length);
    this.host.write(`\n${this.columns(c.candidates)}`);
    this.host.write(PROMPT);
    const cursor = this.cursor;
    this.cursor = 0;
    this.edit(this.line, cursor);
  }

  private insertCompletion(start: number, word: string): void {
    const before = this.line.slice(0, start);
    const after = this.line.slice(this.cursor);
    this.edit(before + word + after, before.length + word.length);
  }

  private columns(words: string[]): string {
    const cols = Math.max(20, this.host.cols());
    const width = Math.max(...words.map((w) => w.length)) + 2;
    const perRow = Math.max(1, Math.floor(cols / width));
    const rows = Math.ceil(words.length / perRow);
    let out = '';
    for (let r = 0; r < rows; r++) {
      let row = '';
      for (let k = 0; k < perRow; k++) {
        const w = words[k * rows + r];
        if (w !== undefined) row += w.padEnd(width);
      }
      out += `${row.trimEnd()}\n`;
    }
    return out;
  }

  // ---- running -------------------------------------------------------------------------------

  private enter(): void {
    this.placeCursor(PROMPT_WIDTH + this.cursor, PROMPT_WIDTH + this.line.length);
    this.host.write('\n');
    const line = this.line;
    if (line.trim() !== '') {
      if (this.history[this.history.length - 1] !== line) {
        this.history.push(line);
        if (this.history.length > MAX_HISTORY) this.history.splice(0, this.history.length - MAX_HISTORY);
        this.host.saveHistory(this.history);
      }
      this.execute(line.trim());
    }
    this.prompt();
  }

  /** Runs one line as if typed (for tests and the page's examples). */
  execute(line: string): void {
    const word = line.split(/\s+/)[0];
    switch (word) {
      case 'clear': this.host.clearScreen(); return;
      case 'help': case '?': this.host.write(HELP); return;
      case 'history': this.host.write(this.history.map((h, k) => `${String(k + 1).padStart(5)}  ${h}\n`).join('')); return;
      case 'reset': this.host.reset(); this.host.write(`${DIM('The daemon was reset: no containers, no images.')}\n`); return;
      case 'explain': {
        const rest = line.slice(word.length).trim();
        if (!rest) { this.host.write('usage: explain docker run -d -p 8080:80 nginx\n'); return; }
        this.host.write(`${explain(rest)}\n`);
        return;
      }
      case 'exit': case 'logout':
        this.host.write(`${DIM('(this is a web page: there is no shell to leave; close the tab when done)')}\n`);
        return;
      case 'docker': break;
      default:
        if (BUILTINS.includes(word)) break;
        this.host.write(`fakedocker: ${word}: command not found (only docker commands run here; type help)\n`);
        return;
    }
    let r;
    try {
      r = this.host.docker.run(line);
    } catch (e) {
      this.host.write(`\x1b[31mfakedocker: ${(e as Error).message}\x1b[0m\n`);
      return;
    }
    // The result keeps stdout and stderr apart, not their order. A pull's progress (stderr) comes
    // before anything else; after that, stdout then stderr.
    const pull = /^Unable to find image[\s\S]*?\n(?:Status: [^\n]*\n|[^\n]*(?:Error|error)[^\n]*\n)/.exec(r.stderr);
    const pulled = pull ? pull[0] : '';
    this.writeOutput(pulled);
    this.writeOutput(r.stdout);
    this.writeOutput(r.stderr.slice(pulled.length));
    if (r.attachedTo) this.attachedNote(line, r.attachedTo);
  }

  /**
   * A command that a real terminal would stay in (an attached container, an interactive shell,
   * docker wait, stats or events): the output so far is shown and the prompt comes back, as if
   * detached at once. Say so, and how to go on.
   */
  private attachedNote(line: string, attachedTo: string): void {
    const note = (lines: string[]) => this.host.write(`${lines.map((l) => DIM(l)).join('\n')}\n`);
    const container = this.host.docker.state().container(attachedTo);
    const words = line.split(/\s+/);
    const sub = words[1] === 'container' ? words[2] : words[1];
    if (!container) {
      note([`[docker ${sub} keeps going in a real terminal until Ctrl-C; the playground shows what it printed so far and returns to the prompt.]`]);
      return;
    }
    const name = container.name;
    const interactive = words.some((w) => /^-[a-zA-Z]*i[a-zA-Z]*$/.test(w) || w === '--interactive');
    if (sub === 'wait') {
      note([`[docker wait blocks until ${name} stops; the playground returns to the prompt. Stop it with docker stop ${name}, then docker wait ${name} prints its exit code.]`]);
    } else if (interactive && (sub === 'exec' || sub === 'run' || sub === 'start')) {
      note([
        `[Here a real terminal would let you type into ${name}. The playground cannot keep an interactive session open,`,
        ` so it returns to the prompt${container.running ? ` and ${name} keeps running` : ''}. Run commands in it with docker exec, e.g. docker exec ${name} ls /]`,
      ]);
    } else {
      note([
        `[attached to ${name}: a real terminal would stay here, showing its output, until Ctrl-C.`,
        ` The playground returns to the prompt and ${name} keeps running: docker logs -f ${name} shows its output, docker stop ${name} ends it.]`,
      ]);
    }
  }

  private writeOutput(text: string): void {
    if (!text) return;
    this.host.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
