// How commands are found by the path the user typed: shared by the full table (registry.ts) and
// the listing entry's (listing.ts), which must not load the other commands.
import type { CommandDef } from '../cli/command.js';

/** Management commands whose first argument is a subcommand. */
export const GROUPS: ReadonlySet<string> = new Set(['container', 'image', 'volume', 'network', 'system', 'builder', 'context', 'manifest', 'plugin', 'trust', 'swarm', 'node', 'service', 'stack', 'secret', 'config', 'checkpoint']);

/** Each invocation ('ps', 'container ls'…) → its command and the help key errors are reported under. */
export function commandsByPath(defs: readonly CommandDef[]): Map<string, { def: CommandDef; helpPath: string }> {
  const byPath = new Map<string, { def: CommandDef; helpPath: string }>();
  for (const def of defs) {
    for (const inv of def.invocations) {
      // Aliases inside a group report errors under the group's canonical name ("container ls").
      const group = inv.includes(' ') ? inv.split(' ')[0] : '';
      const canonical = group ? def.invocations.find((i) => i.startsWith(`${group} `))! : inv;
      byPath.set(inv, { def, helpPath: canonical });
    }
  }
  return byPath;
}
