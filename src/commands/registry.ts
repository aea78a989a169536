// Every command fakedocker implements, found by the path the user typed.
import type { CommandDef } from '../cli/command.js';
import { commandsByPath } from './groups.js';
import { mainExitCommand, shellInfoCommand } from './internal.js';
import { psCommand } from './container/ps.js';
import { runCommand } from './container/run.js';
import { createCommand } from './container/create.js';
import { startCommand } from './container/start.js';
import { stopCommand } from './container/stop.js';
import { restartCommand } from './container/restart.js';
import { killCommand } from './container/kill.js';
import { pauseCommand, unpauseCommand } from './container/pause.js';
import { rmCommand } from './container/rm.js';
import { renameCommand } from './container/rename.js';
import { waitCommand } from './container/wait.js';
import { portCommand } from './container/port.js';
import { logsCommand } from './container/logs.js';
import { imagesCommand } from './image/list.js';
import { pullCommand } from './image/pull.js';
import { tagCommand } from './image/tag.js';
import { rmiCommand } from './image/rm.js';
import { versionCommand } from './system/version.js';
import { inspectCommand } from './system/inspect.js';
import { containerInspectCommand } from './container/inspect.js';
import { imageInspectCommand } from './image/inspect.js';
import { buildCommand, builderPruneCommand } from './image/build.js';
import { execCommand } from './container/exec.js';
import { diffCommand } from './container/diff.js';
import { cpCommand } from './container/cp.js';
import { commitCommand } from './container/commit.js';
import { exportCommand } from './container/export.js';
import { historyCommand } from './image/history.js';
import { volumeCreateCommand } from './volume/create.js';
import { volumeLsCommand } from './volume/ls.js';
import { volumeInspectCommand } from './volume/inspect.js';
import { volumeRmCommand } from './volume/rm.js';
import { volumePruneCommand } from './volume/prune.js';
import { networkCreateCommand } from './network/create.js';
import { networkLsCommand } from './network/ls.js';
import { networkInspectCommand } from './network/inspect.js';
import { networkRmCommand } from './network/rm.js';
import { networkConnectCommand, networkDisconnectCommand } from './network/connect.js';
import { networkPruneCommand } from './network/prune.js';
import { topCommand } from './container/top.js';
import { statsCommand } from './container/stats.js';
import { containerPruneCommand } from './container/prune.js';
import { imagePruneCommand } from './image/prune.js';
import { systemPruneCommand } from './system/prune.js';
import { systemDfCommand } from './system/df.js';
import { eventsCommand } from './system/events.js';

export const COMMANDS: CommandDef[] = [
  mainExitCommand, shellInfoCommand,
  psCommand, runCommand, createCommand, startCommand, stopCommand, restartCommand, killCommand, pauseCommand,
  unpauseCommand, rmCommand, renameCommand, waitCommand, portCommand, logsCommand, imagesCommand, pullCommand,
  tagCommand, rmiCommand, versionCommand,
  inspectCommand, containerInspectCommand, imageInspectCommand,
  buildCommand, builderPruneCommand,
  execCommand, diffCommand, cpCommand, commitCommand, exportCommand, historyCommand,
  volumeCreateCommand, volumeLsCommand, volumeInspectCommand, volumeRmCommand, volumePruneCommand,
  networkCreateCommand, networkLsCommand, networkInspectCommand, networkRmCommand, networkConnectCommand,
  networkDisconnectCommand, networkPruneCommand, topCommand, statsCommand, containerPruneCommand, imagePruneCommand,
  systemPruneCommand, systemDfCommand, eventsCommand,
];

export { GROUPS } from './groups.js';

const BY_PATH = commandsByPath(COMMANDS);

export function findCommand(path: string): { def: CommandDef; helpPath: string } | undefined {
  return BY_PATH.get(path);
}
