// The commands the CLI's listing entry (cli-list.ts) answers without loading the others: read-only
// ones that users run most and that must start fast with many containers.
import type { CommandTable } from '../cli/command-line.js';
import { psCommand } from './container/ps.js';
import { commandsByPath, GROUPS } from './groups.js';

const LISTED = [psCommand];
const BY_PATH = commandsByPath(LISTED);

/** Their invocations: bin/fakedocker keeps the same list, to know when to try this entry first. */
export const LISTING_INVOCATIONS: readonly string[] = LISTED.flatMap((c) => c.invocations);

export const LISTING_COMMANDS: CommandTable = { find: (path) => BY_PATH.get(path), groups: GROUPS, complete: false };
