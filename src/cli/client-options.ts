// The global options the docker CLI itself acts on before talking to the daemon. Observed with
// CLI 28.2.2: a bad --log-level fails before anything else (even --version and --help); a
// context other than "default" (--context or DOCKER_CONTEXT) fails when a command is about to
// run, naming the file the CLI looked for. fakedocker has no `docker context`, so no other
// context exists. -H / DOCKER_HOST are accepted as they are: fakedocker stands in for whatever
// daemon they name (CI jobs often set DOCKER_HOST).
import { CliError } from './command.js';
import { sha256Hex } from '../engine/build/sha256.js';

const LOG_LEVELS = new Set(['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace']);

type GlobalFlags = Record<string, unknown>;

export function checkLogLevel(flags: GlobalFlags): void {
  const level = flags['log-level'];
  if (typeof level === 'string' && !LOG_LEVELS.has(level.toLowerCase())) throw new CliError(`Unable to parse logging level: ${level}`, 1);
}

/** Fails as the CLI's initialisation does when the selected context does not exist. */
export function checkContext(flags: GlobalFlags, hostEnv: Record<string, string | undefined>): void {
  const flag = flags.context;
  const name = typeof flag === 'string' && flag !== '' ? flag : hostEnv.DOCKER_CONTEXT ?? '';
  if (name === '' || name === 'default') return;
  const config = typeof flags.config === 'string' && flags.config !== '' ? flags.config : hostEnv.DOCKER_CONFIG || `${hostEnv.HOME || '/root'}/.docker`;
  const meta = `${config.replace(/\/+$/, '')}/contexts/meta/${sha256Hex(name)}/meta.json`;
  throw new CliError(`Failed to initialize: unable to resolve docker endpoint: context "${name}": context not found: open ${meta}: no such file or directory`, 1);
}
