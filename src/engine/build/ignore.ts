// .dockerignore matching (moby/patternmatcher, simplified): one pattern a line, `#` comments,
// `!` exceptions, `*`/`?` within a path element, `**` across elements; the last match wins, and a
// pattern matching a directory excludes everything below it.

function toRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}(?:/.*)?$`);
}

export function dockerignoreFilter(text: string): (path: string) => boolean {
  const rules: { re: RegExp; exclude: boolean }[] = [];
  for (const raw of text.split('\n')) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    let exclude = true;
    if (line.startsWith('!')) { exclude = false; line = line.slice(1).trim(); }
    line = line.replace(/^\/+/, '').replace(/\/+$/, '').replace(/^\.\//, '');
    if (line === '' || line === '.') continue;
    rules.push({ re: toRegex(line), exclude });
  }
  return (path: string) => {
    let ignored = false;
    for (const r of rules) if (r.re.test(path)) ignored = r.exclude;
    return ignored;
  };
}
