// The playground page: an xterm.js terminal wired to the Shell, the engine running in this page
// and its state kept in localStorage (BrowserStore), so containers survive a reload.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { BrowserStore, MemoryStore, StateDamagedError, createDocker, type Docker } from '../../src/index.js';
import { catalogImages as catalogueImages } from '../../src/catalog/index.js';
import { Shell } from './shell.js';
import './style.css';

const PREFIX = 'fakedocker-playground:';
const HISTORY_KEY = `${PREFIX}history`;

const term = new Terminal({
  convertEol: true,
  cursorBlink: true,
  fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
  fontSize: 14,
  scrollback: 5000,
  theme: { background: '#0b0f14', foreground: '#d8dee9', cursor: '#7fd1ff' },
});
const fit = new FitAddon();
term.loadAddon(fit);
term.open(document.getElementById('terminal')!);
fit.fit();
window.addEventListener('resize', () => fit.fit());

const store = new BrowserStore({ prefix: PREFIX });
function openDocker(): Docker {
  try {
    return createDocker({ store, tty: true });
  } catch (e) {
    if (!(e instanceof StateDamagedError)) throw e;
    // A damaged saved state: say so and start afresh rather than leave a dead page.
    term.write(`\x1b[31m${e.message}\x1b[0m\nStarting with a fresh daemon.\n`);
    store.clear();
    return createDocker({ store, tty: true });
  }
}
const docker = openDocker();
// Make sure the daemon exists now (a first visit gets its seed and networks here).
docker.state();

// Pullable names for completion, worked out on the first Tab that needs them.
let pullable: string[] | undefined;
const catalogImages = () => (pullable ??= [...new Set(catalogueImages().flatMap((img) => [img.repository, ...img.tags.map((t) => `${img.repository}:${t}`)]))]);

const shell = new Shell({
  write: (text) => term.write(text),
  cols: () => term.cols,
  docker,
  catalogImages,
  loadHistory: () => {
    try { return JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]'); } catch { return []; }
  },
  saveHistory: (lines) => {
    try { localStorage.setItem(HISTORY_KEY, JSON.stringify(lines)); } catch { /* full: history is a nicety */ }
  },
  reset: () => docker.reset(),
  clearScreen: () => { term.write('\x1b[H\x1b[2J'); term.clear(); },
});
term.onData((data) => shell.input(data));
shell.start();
term.focus();

document.getElementById('reset')!.addEventListener('click', () => {
  docker.reset();
  term.reset();
  term.write('\x1b[2mThe daemon was reset: no containers, no images.\x1b[0m\n');
  shell.start(false);
  term.focus();
});
document.getElementById('help')!.addEventListener('click', () => {
  shell.input('\x15help\r');
  term.focus();
});

// For the e2e test and the benchmark: the page's library instance and a way to run many commands.
declare global {
  interface Window {
    fakedocker: {
      docker: Docker; shell: Shell; term: Terminal; screen(): string;
      createDocker: typeof createDocker; MemoryStore: typeof MemoryStore; BrowserStore: typeof BrowserStore;
    };
  }
}
window.fakedocker = {
  docker,
  createDocker,
  MemoryStore,
  BrowserStore,
  shell,
  term,
  screen: () => {
    const buf = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < buf.length; y++) {
      const line = buf.getLine(y);
      const text = line?.translateToString(true) ?? '';
      // A row the terminal wrapped continues the line above it.
      if (line?.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    return lines.join('\n').replace(/\n+$/, '');
  },
};
