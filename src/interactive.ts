// Drives an interactive `run -it` / `exec -it` / `start -ai` shell in a real terminal: a prompt
// like the container's shell prints, each typed line run in the container (through the same
// engine, as an exec), the working directory carried from line to line, and `exit` or Ctrl-D
// ending the session with the shell's exit code.

export interface SessionIO {
  /** Runs one docker command line against the persisted state. */
  run(argv: string[]): { stdout: string; stderr: string; exitCode: number };
}

export interface SessionSpec {
  containerId: string;
  mode: 'main' | 'exec';
  shell: string;
}

const MARK = '\u001e';

function promptFor(flavor: string, shell: string, hostname: string, cwd: string): string {
  const name = shell.split('/').pop() ?? shell;
  const shown = cwd === '/root' ? '~' : cwd.startsWith('/root/') ? `~${cwd.slice(5)}` : cwd;
  if (name === 'bash') return `root@${hostname}:${shown}# `;
  if (flavor === 'busybox' || flavor === 'alpine' || name === 'ash') return `${shown} # `;
  return '# ';
}

export function runInteractiveSession(io: SessionIO, spec: SessionSpec): Promise<number> {
  const info = io.run(['__fakedocker-shell-info', spec.containerId]).stdout.trim().split('\t');
  const [flavor = '', hostname = '', workdir = '/'] = info;
  let cwd = workdir;
  let lastCode = 0;
  // Required here, not imported: only interactive sessions pay for loading readline.
  const readline = require('node:readline') as typeof import('node:readline');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  rl.setPrompt(promptFor(flavor, spec.shell, hostname, cwd));
  rl.prompt();
  return new Promise((resolve) => {
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      rl.close();
      if (spec.mode === 'main') io.run(['__fakedocker-main-exit', spec.containerId, String(code)]);
      resolve(code);
    };
    rl.on('line', (line) => {
      const exit = /^\s*exit(?:\s+(\d+))?\s*$/.exec(line);
      if (exit) return finish(exit[1] !== undefined ? Number(exit[1]) & 255 : lastCode);
      if (line.trim() !== '') {
        const script = `${line}\n__fd_rc=$?; printf '${MARK}%s${MARK}%s' "$PWD" "$__fd_rc"`;
        const r = io.run(['exec', '-w', cwd, spec.containerId, spec.shell, '-c', script]);
        let out = r.stdout;
        const m = new RegExp(`${MARK}([^${MARK}]*)${MARK}(\\d+)$`).exec(out);
        if (m) {
          out = out.slice(0, m.index);
          cwd = m[1] || cwd;
          lastCode = Number(m[2]);
          process.stdout.write(out);
          process.stderr.write(r.stderr);
        } else {
          // No marker: the line ended the shell itself (`…; exit 3`) or the container is gone.
          process.stdout.write(out);
          process.stderr.write(r.stderr);
          return finish(r.exitCode);
        }
      }
      rl.setPrompt(promptFor(flavor, spec.shell, hostname, cwd));
      rl.prompt();
    });
    rl.on('SIGINT', () => {
      process.stdout.write('^C\n');
      rl.prompt();
    });
    rl.on('close', () => {
      if (finished) return;
      process.stdout.write('\n'); // Ctrl-D at the prompt
      finish(lastCode);
    });
  });
}
