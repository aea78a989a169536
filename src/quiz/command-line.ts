// Command lines as a POSIX shell splits them into words, for the library's run(), explain() and
// the playground. Shared by the library and the quiz helpers, so it lives beside the latter.
export class CommandLineError extends Error {}

/**
 * Splits a command line the way a POSIX shell splits words: blanks separate words, 'single quotes'
 * keep everything, "double quotes" keep everything but \" \\ \$ \` , a backslash outside quotes
 * escapes the next character (and joins lines), and an unquoted # starts a comment. No expansion:
 * $VAR stays as written. Pipes, redirections and ; & are refused (CommandLineError).
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) { words.push(word); word = ''; inWord = false; }
      i++;
      continue;
    }
    if (c === '#' && !inWord) break;
    if (c === '\\') {
      if (i + 1 >= n) { inWord = true; i++; continue; }
      if (line[i + 1] === '\n') { i += 2; continue; }
      word += line[i + 1];
      inWord = true;
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new CommandLineError("unexpected end of line while looking for the matching '");
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      inWord = true;
      for (;;) {
        if (i >= n) throw new CommandLineError('unexpected end of line while looking for the matching "');
        const d = line[i];
        if (d === '"') { i++; break; }
        if (d === '\\' && i + 1 < n && '"\\$`\n'.includes(line[i + 1])) {
          if (line[i + 1] !== '\n') word += line[i + 1];
          i += 2;
          continue;
        }
        word += d;
        i++;
      }
      continue;
    }
    if ('|&;<>()`'.includes(c)) {
      throw new CommandLineError(`'${c === '&' && line[i + 1] === '&' ? '&&' : c === '|' && line[i + 1] === '|' ? '||' : c}' is shell syntax: fakedocker runs one docker command at a time (no pipes, redirections or command lists)`);
    }
    word += c;
    inWord = true;
    i++;
  }
  if (inWord) words.push(word);
  return words;
}

/** The argv after `docker`: splits a string, and drops a leading `docker` word either way. */
export function toArgv(commandLine: string | string[]): string[] {
  const words = typeof commandLine === 'string' ? splitCommandLine(commandLine) : commandLine.slice();
  if (words[0] === 'docker') words.shift();
  return words;
}

