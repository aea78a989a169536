// The command line with every command fakedocker implements: what the CLI and the library run.
import type { EngineState } from '../engine/state.js';
import type { Daemon } from '../engine/daemon.js';
import { advance } from '../engine/containers/runtime.js';
import { removeContainerRecord } from '../engine/containers/remove.js';
import { findCommand, GROUPS } from '../commands/registry.js';
import { executeReadOnlyWith, executeWith, type CommandTable, type ExecuteOptions, type ExecuteResult } from './command-line.js';

export type { CommandDef } from './command.js';
export type { ExecuteOptions, ExecuteResult } from './command-line.js';

/** --rm containers are removed as soon as they stop, whichever command stopped them. */
function removeStoppedAutoRemove(d: Daemon): void {
  for (const c of d.containerList()) {
    if (c.hostConfig.AutoRemove && !c.state.Running && c.state.Status === 'exited') removeContainerRecord(d, c, true);
  }
}

export const ALL_COMMANDS: CommandTable = { find: findCommand, groups: GROUPS, complete: true, advance, settle: removeStoppedAutoRemove };

export function execute(state: EngineState, argv: string[], opts: ExecuteOptions): ExecuteResult {
  return executeWith(ALL_COMMANDS, state, argv, opts);
}

/** See executeReadOnlyWith: the CLI answers read-only commands with it, without the lock. */
export function executeReadOnly(state: EngineState, argv: string[], opts: ExecuteOptions): ExecuteResult | undefined {
  return executeReadOnlyWith(ALL_COMMANDS, state, argv, opts);
}
