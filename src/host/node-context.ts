// Node implementation of the build-context reader (see src/engine/build/context.ts): reads the
// client's files relative to the process cwd. Wire it as `env.host.buildContext = nodeBuildContext()`.
import { lstatSync, readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BuildContextEntry, BuildContextReader } from '../engine/build/context.js';

export function nodeBuildContext(cwd: string = process.cwd()): BuildContextReader {
  const abs = (p: string) => resolve(cwd, p);
  return {
    stat(p) {
      try {
        const st = statSync(abs(p));
        return st.isDirectory() ? 'dir' : 'file';
      } catch {
        return undefined;
      }
    },
    readFile(p) {
      try {
        return readFileSync(abs(p), 'utf8');
      } catch {
        return undefined;
      }
    },
    list(dir) {
      const root = abs(dir);
      const out: BuildContextEntry[] = [];
      const walk = (rel: string) => {
        let names: string[];
        try {
          names = readdirSync(join(root, rel)).sort();
        } catch {
          return;
        }
        for (const name of names) {
          const r = rel ? `${rel}/${name}` : name;
          const full = join(root, r);
          let st;
          try { st = lstatSync(full); } catch { continue; }
          const mode = st.mode & 0o7777;
          if (st.isSymbolicLink()) {
            out.push({ path: r, type: 'symlink', mode: 0o777, size: 0, target: readlinkSync(full) });
          } else if (st.isDirectory()) {
            out.push({ path: r, type: 'dir', mode, size: 0 });
            walk(r);
          } else if (st.isFile()) {
            let content: string | undefined;
            // Large files keep only their size (the fs model does not store big binaries).
            if (st.size <= 1 << 20) {
              try { content = readFileSync(full, 'utf8'); } catch { content = undefined; }
            }
            out.push({ path: r, type: 'file', mode, size: st.size, content });
          }
        }
      };
      walk('');
      return out;
    },
  };
}
