// The part of `docker run` and `docker create` before the container starts: options, image
// lookup (with the implicit pull), and the create call.
import { CliError, flagList, type CommandContext } from '../../cli/command.js';
import { findImage } from '../../engine/images/resolve.js';
import { parseReference, ReferenceError } from '../../engine/images/reference.js';
import { pullImage } from '../../engine/images/pull.js';
import { DaemonError } from '../../engine/errors.js';
import { STRERROR, type FsErrorCode } from '../../engine/fs/errors.js';
import { createContainer, createWarnings } from '../../engine/containers/create.js';
import type { ContainerRecord, ImageRecord } from '../../engine/state.js';
import { buildMounts } from '../../engine/volumes/mounts.js';
import { connectNetwork, networkByName } from '../../engine/networks/attach.js';
import { parseRestartPolicy, parseRunOptions, RunOptionError, type ParsedRunOptions } from './create-options.js';
import { normalizedRefForError } from '../../engine/images/resolve.js';
import { parsePlatform, PlatformError, platformMatches, platformText, type Platform } from '../../engine/images/platform.js';

export type Verb = 'run' | 'create';

/** "docker: <msg>\n\nRun 'docker run --help' for more information", exit 125 (or 126/127). */
export function wrapped(verb: Verb, message: string, code = 125): CliError {
  return new CliError(`docker: ${message}\n\nRun 'docker ${verb} --help' for more information`, code);
}

/** A failure of the command (the daemon refused, a bad reference or platform): run words it as its own (usage hint, 125), create prints it bare (exit 1). */
function commandFailure(verb: Verb, message: string, runExitCode = 125): CliError {
  return verb === 'create' ? new CliError(message, 1) : wrapped(verb, message, runExitCode);
}

export function runExitCodeFor(message: string): number {
  if (/executable file not found|no such file or directory|system cannot find the file specified/.test(message)) return 127;
  if (/permission denied|is a directory/.test(message)) return 126;
  return 125;
}

export function printPull(ctx: CommandContext, lines: { stream: string; text: string }[]): void {
  for (const l of lines) (l.stream === 'stdout' ? ctx.out : ctx.err)(`${l.text}\n`);
}

export function resolveOrPull(ctx: CommandContext, verb: Verb, ref: string, pullPolicy: ParsedRunOptions['pull'], quiet: boolean, platform?: Platform): ImageRecord {
  let image: ImageRecord | undefined;
  try {
    image = pullPolicy === 'always' ? undefined : findImage(ctx.d, ref);
  } catch (e) {
    if (e instanceof DaemonError) throw commandFailure(verb, `Error response from daemon: ${e.message}`);
    throw e;
  }
  if (image && platform && pullPolicy === 'never' && !platformMatches(image, platform)) {
    // (Pulling another platform's image is not modelled: the catalogue holds linux/amd64 only.)
    throw commandFailure(verb, `Error response from daemon: image with reference ${ref} was found but its platform (${image.os}/${image.architecture}) does not match the specified platform (${platformText(platform)})`);
  }
  if (image) return image;
  if (pullPolicy === 'never') {
    throw commandFailure(verb, `Error response from daemon: No such image: ${normalizedRefForError(ref)}`);
  }
  try {
    const res = pullImage(ctx.d, ref, 'run', quiet);
    printPull(ctx, res.lines);
    return res.image;
  } catch (e) {
    if (e instanceof DaemonError) {
      if (pullPolicy !== 'always' && e.status !== 'invalid') ctx.err(`Unable to find image '${normalizedRefForError(ref)}' locally\n`);
      throw commandFailure(verb, `Error response from daemon: ${e.message}`);
    }
    throw e;
  }
}

/** Go's text for a failed file operation ("no such file or directory"): strerror's, in lower case. */
function syscallErrorText(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && Object.hasOwn(STRERROR, code)) return STRERROR[code as FsErrorCode].toLowerCase();
  return e instanceof Error ? e.message : String(e);
}

/**
 * --cidfile: like the CLI, refuse a file that exists, create it (empty) before asking the
 * daemon anything, and return what to do once the create is over: write the ID, or take the
 * file back if there is no container. Without a client filesystem (browser) nothing is written.
 */
function claimCidFile(ctx: CommandContext, verb: Verb, path: string | undefined): (id: string | undefined) => void {
  const host = ctx.d.env.host.files;
  if (!path || !host) return () => {};
  const fail = (message: string) => commandFailure(verb, message, runExitCodeFor(message));
  const abs = host.resolve(path);
  if (host.lstat(abs)) throw fail(`container ID file found, make sure the other container isn't running or delete ${path}`);
  try {
    host.writeFile(abs, new Uint8Array(0), 0o644);
  } catch (e) {
    throw fail(`failed to create the container ID file: open ${path}: ${syscallErrorText(e)}`);
  }
  return (id) => {
    try {
      if (id) host.writeFile(abs, new TextEncoder().encode(id), 0o644);
      else host.remove(abs);
    } catch {
      // The file went away meanwhile: the CLI reports nothing once the container exists.
    }
  };
}

export function createFromArgs(ctx: CommandContext, verb: Verb, args: string[]): { container: ContainerRecord; options: ParsedRunOptions } {
  const [ref, ...cmd] = args;
  let options: ParsedRunOptions;
  try {
    options = parseRunOptions(ctx, cmd);
  } catch (e) {
    if (e instanceof RunOptionError && e.plainExitCode !== undefined) throw new CliError(e.message, e.plainExitCode);
    if (e instanceof RunOptionError) throw wrapped(verb, e.fromDaemon ? `Error response from daemon: ${e.message}` : e.message);
    throw e;
  }
  if (verb === 'run' && ctx.flags.interactive === true && ctx.flags.tty === true && ctx.flags.detach !== true && !ctx.stdinIsTty) {
    throw new CliError('the input device is not a TTY', 1);
  }
  const settleCidFile = claimCidFile(ctx, verb, options.request.cidFile);
  try {
    const created = createWithImage(ctx, verb, ref, options);
    settleCidFile(created.container.id);
    return created;
  } catch (e) {
    settleCidFile(undefined);
    throw e;
  }
}

/** Image reference check, image lookup or pull, mounts and the create call. */
function createWithImage(ctx: CommandContext, verb: Verb, ref: string, options: ParsedRunOptions): { container: ContainerRecord; options: ParsedRunOptions } {
  // The CLI parses the image reference itself before asking the daemon anything.
  if (!/^(sha256:)?[a-f0-9]{12,64}$/.test(ref)) {
    try {
      parseReference(ref);
    } catch (e) {
      if (e instanceof ReferenceError) throw commandFailure(verb, e.message);
      throw e;
    }
  }
  const platformSpec = typeof ctx.flags.platform === 'string' ? ctx.flags.platform : '';
  let platform: Platform | undefined;
  try {
    platform = platformSpec === '' ? undefined : parsePlatform(platformSpec);
  } catch (e) {
    if (e instanceof PlatformError) throw commandFailure(verb, e.message);
    throw e;
  }
  const image = resolveOrPull(ctx, verb, ref, options.pull, ctx.flags.quiet === true, platform);
  try {
    const restart = options.request.restart;
    if (restart.Name && !restart.MaximumRetryCount) parseRestartPolicy(restart.Name);
    const { mounts, binds, anonymous, hostMounts } = buildMounts(ctx.d, options.volumeSpecs, Object.keys(image.config.Volumes ?? {}), '/', options.mountSpecs);
    // --volumes-from C[:ro|rw]: C's mounts, where nothing else is mounted already.
    const volumesFrom = flagList(ctx, 'volumes-from');
    for (const spec of volumesFrom) {
      const [source, mode] = spec.split(':');
      const from = ctx.d.getContainer(source);
      for (const m of from.mounts) {
        if (mounts.some((x) => x.Destination === m.Destination)) continue;
        mounts.push({ ...m, RW: mode === 'ro' ? false : mode === 'rw' ? true : m.RW, Mode: mode ?? m.Mode });
      }
    }
    const container = createContainer(ctx.d, { ...options.request, imageRef: ref, image, mounts, binds, volumes: anonymous, volumesFrom, hostMounts });
    for (const w of createWarnings(container)) ctx.err(`WARNING: ${w}\n`);
    // --network-alias: names Docker's DNS answers for on a user-defined network.
    const aliases = flagList(ctx, 'network-alias');
    const net = aliases.length ? networkByName(ctx.d, container.hostConfig.NetworkMode) : undefined;
    if (net && !['bridge', 'host', 'none'].includes(net.name)) {
      connectNetwork(ctx.d, container, net, { aliases });
      // Set at create (not by `network connect`): no IPAM config or driver options of its own.
      const ep = container.endpoints[net.name];
      if (ep) { ep.ipamConfig = undefined; ep.driverOpts = undefined; }
    }
    return { container, options };
  } catch (e) {
    const msg = e instanceof DaemonError || e instanceof RunOptionError ? `Error response from daemon: ${e.message}` : undefined;
    if (msg === undefined) throw e;
    if (e instanceof DaemonError) throw commandFailure(verb, msg);
    throw wrapped(verb, msg);
  }
}
