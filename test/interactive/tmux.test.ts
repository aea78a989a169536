// An interactive `docker run -it … sh` driven in a real terminal (tmux): prompt, output, cd
// carried between lines, exit code, and the container left Exited with that code.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const bin = resolve(__dirname, '../../bin/fakedocker');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(session: string, text: string | RegExp, timeoutMs = 30000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < end) {
    screen = execFileSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' });
    if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${screen}`);
}

describe.runIf(hasTmux || process.env.CI)('interactive shell in a terminal', () => {
  it('runs a busybox shell session with run -it', { timeout: 120_000 }, async () => {
    const home = mkdtempSync(join(tmpdir(), 'fd-tmux-'));
    const session = `fd${process.pid}`;
    const env = { ...process.env, FAKEDOCKER_HOME: home };
    execFileSync(bin, ['pull', 'busybox'], { env, stdio: 'ignore' });
    try {
      execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', '100', '-y', '30',
        `FAKEDOCKER_HOME=${home} ${bin} run -it --name box busybox sh; echo "EXITED=$?"; sleep 60`]);
      await waitFor(session, '/ #');
      execFileSync('tmux', ['send-keys', '-t', session, 'echo hello', 'Enter']);
      await waitFor(session, 'hello\n/ #');
      execFileSync('tmux', ['send-keys', '-t', session, 'cd /etc', 'Enter']);
      await waitFor(session, '/etc #');
      execFileSync('tmux', ['send-keys', '-t', session, 'cat hostname', 'Enter']);
      // The typed line is echoed before the command's output arrives: wait for the output itself.
      const afterCat = await waitFor(session, /\/etc # cat hostname\n\S+\n/);
      expect(afterCat).toMatch(/\/etc # cat hostname\n[0-9a-f]{12}\n/);
      execFileSync('tmux', ['send-keys', '-t', session, 'touch /tmp/made-here', 'Enter']);
      execFileSync('tmux', ['send-keys', '-t', session, 'exit 3', 'Enter']);
      const screen = await waitFor(session, 'EXITED=3');
      expect(screen).toContain('/ # echo hello\nhello\n/ # cd /etc\n/etc # cat hostname\n');
      const ps = execFileSync(bin, ['ps', '-a', '--format', '{{.Names}} {{.Status}}'], { env, encoding: 'utf8' });
      expect(ps).toMatch(/^box Exited \(3\) /);
      const diff = execFileSync(bin, ['diff', 'box'], { env, encoding: 'utf8' });
      expect(diff).toContain('A /tmp/made-here');
    } finally {
      spawnSync('tmux', ['kill-session', '-t', session]);
      rmSync(home, { recursive: true, force: true });
    }
  });
});
