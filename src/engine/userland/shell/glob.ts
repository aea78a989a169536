// Shell pattern matching (case, ${x#pat}, find -name) and pathname expansion against the fs.
import type { ContainerFs } from '../../fs/types.js';

export function globToRegExp(pat: string, flags = ''): RegExp {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i]!;
    if (c === '\\' && i + 1 < pat.length) {
      re += escapeRe(pat[++i]!);
    } else if (c === '*') re += '[^]*';
    else if (c === '?') re += '[^]';
    else if (c === '[') {
      const end = pat.indexOf(']', i + 2);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      let body = pat.slice(i + 1, end);
      if (body.startsWith('!') || body.startsWith('^')) body = '^' + body.slice(1);
      body = body.replace(/\[:(\w+):\]/g, (_m, cls: string) => CLASSES[cls] ?? '');
      re += '[' + body.replace(/\\(?![\]^-])/g, '\\\\') + ']';
      i = end;
    } else re += escapeRe(c);
  }
  return new RegExp('^' + re + '$', flags);
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  punct: '!-/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
};

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? '\\' + c : c;
}

export function globMatch(pat: string, s: string): boolean {
  return globToRegExp(pat).test(s);
}

const hasMagic = (s: string) => /(^|[^\\])[*?[]/.test(s);

/** Pathname expansion of a pattern (relative to cwd); sorted matches or [] if none. */
export function globExpand(fs: ContainerFs, pattern: string, cwd: string): string[] {
  const abs = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  let bases: string[] = [abs ? '' : '.'];
  const start = abs ? 1 : 0;
  for (let k = start; k < parts.length; k++) {
    const part = parts[k]!;
    const next: string[] = [];
    for (const b of bases) {
      const dirPath = b === '' ? '/' : b === '.' ? cwd : b.startsWith('/') ? b : (cwd === '/' ? '' : cwd) + '/' + b;
      if (!hasMagic(part)) {
        const cand = b === '' ? '/' + unescape(part) : b === '.' ? unescape(part) : b + '/' + unescape(part);
        const full = cand.startsWith('/') ? cand : (cwd === '/' ? '' : cwd) + '/' + cand;
        if (fs.lstat(full)) next.push(cand);
        continue;
      }
      const names = fs.readdir(dirPath) ?? [];
      const re = globToRegExp(part);
      for (const n of names) {
        if (n.startsWith('.') && !part.startsWith('.')) continue;
        if (re.test(n)) next.push(b === '' ? '/' + n : b === '.' ? n : b + '/' + n);
      }
    }
    bases = next.sort();
    if (!bases.length) return [];
  }
  return bases;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}
