// Captures `docker <command> --help` from the real Docker CLI into src/cli/help-data.json.
// The help texts are observed output (like fixtures); fakedocker prints them and derives each
// command's flag table (names, shorthands, value types, defaults) and usage line from them.
// Run: node scripts/capture-help.mjs   (needs the real `docker` CLI on PATH)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const groups = ['container', 'image', 'volume', 'network', 'system', 'builder', 'context', 'manifest', 'plugin', 'trust'];
function help(path) {
  try {
    return execFileSync('docker', [...path, '--help'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '' } });
  } catch (e) {
    return null;
  }
}
function subcommands(text) {
  const out = [];
  let inCmds = false;
  for (const line of text.split('\n')) {
    if (/^(Common |Management |Swarm )?Commands:$/.test(line)) { inCmds = true; continue; }
    if (inCmds && line.trim() === '') { inCmds = false; continue; }
    const m = inCmds && /^  ([a-z][a-z0-9-]*)\*?\s/.exec(line);
    if (m) out.push(m[1]);
  }
  return out;
}
const data = {};
const root = help([]);
data[''] = root;
for (const cmd of subcommands(root)) {
  if (['buildx', 'compose', 'bake'].includes(cmd)) continue;
  const text = help([cmd]);
  if (text == null) continue;
  data[cmd] = text;
  if (groups.includes(cmd)) {
    for (const sub of subcommands(text)) {
      const t = help([cmd, sub]);
      if (t != null) data[`${cmd} ${sub}`] = t;
    }
  }
}
// Aliases that print their own usage line.
for (const alias of ['container list', 'container ps', 'image list', 'image remove', 'container remove', 'volume list', 'volume remove', 'network list', 'network remove']) {
  const t = help(alias.split(' '));
  if (t != null) data[alias] = t;
}
writeFileSync('src/cli/help-data.json', JSON.stringify(data, null, 1) + '\n');
console.log(`captured ${Object.keys(data).length} help texts`);
