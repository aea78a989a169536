// End-to-end test of the browser playground in real headless Chromium (Debian's `chromium`
// package), driven by playwright-core. Builds the playground, serves it on 127.0.0.1, types
// docker commands into the xterm.js terminal and reads the screen back.
//
//   npm run test:e2e            (CHROMIUM=/path/to/chromium to use another binary)
//
// Screenshots go to test-output/ (not committed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildPlayground } from '../../playground/build.mjs';
import { serve } from '../../playground/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(root, 'test-output');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server;
let context;
let page;
let url;
let userDataDir;
const requests = [];

/** The terminal's text, as the user sees it (scrollback included). */
const screen = () => page.evaluate(() => window.fakedocker.screen());

async function waitForScreen(pattern, what, timeout = 15_000) {
  const started = Date.now();
  let text = '';
  while (Date.now() - started < timeout) {
    text = await screen();
    if (pattern.test(text)) return text;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what} (${pattern}); the screen shows:\n${text}`);
}

/** Types a line into the terminal like a person would, and presses Enter. */
async function typeLine(line) {
  await page.keyboard.type(line, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** The number of prompts on screen: a finished command adds one. */
async function promptCount() {
  return (await screen()).split('\n').filter((l) => l.startsWith('$ ')).length + ((await screen()).split('\n').at(-1) === '$' ? 1 : 0);
}

async function run(line) {
  const before = await promptCount();
  await typeLine(line);
  const started = Date.now();
  while ((await promptCount()) <= before) {
    if (Date.now() - started > 15_000) throw new Error(`no prompt after ${line}:\n${await screen()}`);
    await new Promise((r) => setTimeout(r, 30));
  }
  return screen();
}

async function openPage() {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.fakedocker !== undefined);
  await waitForScreen(/\$ $/m, 'the prompt');
  await page.click('#terminal');
}

before(async () => {
  assert.ok(existsSync(executablePath), `no Chromium at ${executablePath}: apt-get install -y chromium`);
  await buildPlayground();
  server = await serve(0);
  url = `http://127.0.0.1:${server.address().port}/`;
  userDataDir = mkdtempSync(path.join(tmpdir(), 'fakedocker-e2e-'));
  context = await chromium.launchPersistentContext(userDataDir, { executablePath, args: ARGS, headless: true, viewport: { width: 1100, height: 700 } });
  page = context.pages()[0] ?? await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => { throw e; });
  mkdirSync(outDir, { recursive: true });
});

after(async () => {
  await context?.close();
  await new Promise((r) => server ? server.close(r) : r());
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

test('docker run -d -P nginx, docker ps, a reload keeps the container', async () => {
  await openPage();
  const loadRequests = requests.length;

  let text = await run('docker run -d -P nginx');
  assert.match(text, /Status: Downloaded newer image for nginx:latest/);
  assert.match(text, /^[0-9a-f]{64}$/m, 'the container ID');

  text = await run('docker ps');
  const row = text.split('\n').find((l) => /\bnginx\b.*Up .*->80\/tcp/.test(l));
  assert.ok(row, `docker ps shows the nginx container:\n${text}`);
  const name = row.trim().split(/\s+/).at(-1);
  assert.match(row, /0\.0\.0\.0:\d+->80\/tcp/);
  await page.screenshot({ path: path.join(outDir, 'playground-ps.png') });

  await openPage();
  text = await run('docker ps');
  const after = text.split('\n').find((l) => l.includes(name));
  assert.ok(after, `after a reload docker ps still shows ${name}:\n${text}`);
  assert.match(after, /\bnginx\b.*Up /);

  // History survives the reload too.
  await page.keyboard.press('ArrowUp');
  await waitForScreen(/\$ docker ps\s*$/, 'the last command from history');
  await page.keyboard.press('Control+C');

  // Only the page's own files were fetched, all from our server, and nothing since loading.
  assert.deepEqual(requests.filter((r) => !r.startsWith(url)), [], 'requests outside the local server');
  assert.equal(requests.slice(loadRequests).filter((r) => !/\/(index\.html|app\.js|app\.css)?$/.test(new URL(r).pathname)).length, 0);
});

/** A fresh daemon for tests that count on one. */
const resetDaemon = () => page.evaluate(() => window.fakedocker.docker.reset());

test('Tab completes commands, flags and container names', async () => {
  await openPage();
  await resetDaemon();
  await run('docker run -d --name tabby nginx');
  await page.keyboard.type('docker ps --no-tr');
  await page.keyboard.press('Tab');
  await waitForScreen(/\$ docker ps --no-trunc $/m, 'the completed flag');
  await page.keyboard.press('Control+U');
  await page.keyboard.type('docker sto');
  await page.keyboard.press('Tab');
  await waitForScreen(/\$ docker stop $/m, 'the completed command');
  await page.keyboard.press('Tab');
  const name = 'tabby';
  await waitForScreen(new RegExp(`\\$ docker stop ${name} $`, 'm'), 'the completed container name');
  await page.keyboard.press('Enter');
  const text = await waitForScreen(new RegExp(`^${name}$`, 'm'), 'docker stop printing the name');
  assert.ok(text);
  const ps = await run('docker ps -a');
  assert.match(ps, new RegExp(`Exited \\(0\\).*${name}`));
});

test('an attached long-running command returns to the prompt with a note', async () => {
  await openPage();
  const text = await run('docker run --name fg nginx');
  assert.match(text, /Configuration complete; ready for start up/);
  assert.match(text, /\[attached to fg: a real terminal would stay here/);
  assert.match(await run('docker ps --format "{{.Names}} {{.Status}}"'), /^fg Up /m);
  await page.screenshot({ path: path.join(outDir, 'playground-attached.png') });
});

test('clear, explain and the Reset button', async () => {
  await openPage();
  await typeLine('clear');
  await waitForScreen(/^\$ ?$/, 'a cleared screen with only the prompt');
  const text = await run('explain docker run -d -p 8080:80 --name web nginx');
  assert.match(text, /-p 8080:80 +Publishes the container's port 80\/tcp on port 8080 of the host/);
  await page.click('#reset');
  await page.click('#terminal');
  await waitForScreen(/The daemon was reset/, 'the reset note');
  const ps = await run('docker ps -a -q');
  assert.deepEqual(ps.split('\n').filter((l) => /^[0-9a-f]{12}$/.test(l)), []);
  await run('docker run -d -p 8080:80 --name web nginx');
  await run('docker ps');
  await page.screenshot({ path: path.join(outDir, 'playground.png') });
});
