// docker build / docker image build / docker builder build: BuildKit's plain progress on stderr,
// the image ID on stdout with -q. The build context is read through the host's BuildContextReader.
import { CliError, flagBool, flagList, flagString, type CommandDef } from '../../cli/command.js';
import { buildContextOf, pruneBuildCache, runBuild } from '../../engine/build/index.js';
import { parseReference, ReferenceError } from '../../engine/images/reference.js';

export const buildCommand: CommandDef = {
  invocations: ['build', 'image build', 'builder build'],
  args: { kind: 'any' },
  run(ctx, args) {
    if (args.length !== 1) {
      throw new CliError(`ERROR: docker: 'docker buildx build' requires 1 argument\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nRun 'docker buildx build --help' for more information`, 1);
    }
    const reader = buildContextOf(ctx.d.env.host);
    if (!reader) throw new CliError('fakedocker: build contexts are not available in this host', 1);
    const tags = flagList(ctx, 'tag');
    for (const t of tags) {
      const name = t.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
      if (name !== name.toLowerCase()) throw new CliError(`ERROR: failed to build: invalid tag "${t}": repository name must be lowercase`, 1);
      try {
        parseReference(t);
      } catch (e) {
        if (!(e instanceof ReferenceError)) throw e;
        throw new CliError(`ERROR: failed to build: invalid tag "${t}": invalid reference format`, 1);
      }
    }
    const buildArgs: Record<string, string> = {};
    for (const a of flagList(ctx, 'build-arg')) {
      const eq = a.indexOf('=');
      if (eq < 0) { const v = ctx.d.env.host.env[a]; if (v !== undefined) buildArgs[a] = v; } else buildArgs[a.slice(0, eq)] = a.slice(eq + 1);
    }
    const labels: Record<string, string> = {};
    for (const l of flagList(ctx, 'label')) {
      const eq = l.indexOf('=');
      labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
    }
    // The classic builder's flags that BuildKit has no use for (help.ts keeps them hidden): warned
    // about, in this order, whatever order they came in.
    if (ctx.changed.has('isolation')) ctx.err('WARNING: isolation flag is deprecated with BuildKit.\n');
    if (ctx.changed.has('security-opt')) ctx.err('WARNING: security-opt flag is deprecated. "RUN --security=insecure" should be used with BuildKit.\n');
    if (flagBool(ctx, 'squash')) ctx.err('WARNING: experimental flag squash is removed with BuildKit. You should squash inside build using a multi-stage Dockerfile for efficiency.\n');
    const quiet = flagBool(ctx, 'quiet') || flagString(ctx, 'progress') === 'quiet';
    const r = runBuild(ctx.d, reader, {
      contextPath: args[0],
      file: flagString(ctx, 'file'),
      tags,
      target: flagString(ctx, 'target'),
      noCache: flagBool(ctx, 'no-cache'),
      buildArgs,
      labels,
      stdin: ctx.stdin,
    });
    if (quiet) {
      if (r.exitCode === 0 && r.image) ctx.out(`${r.image.id}\n`);
      else ctx.err(r.errorText ?? r.progress);
    } else {
      ctx.err(r.progress);
    }
    return r.exitCode;
  },
};

/** Docker's units.HumanSize (decimal, 3 significant digits): 0B, 145B, 1.98MB. */
function humanSize(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
  return `${Number(v.toPrecision(3))}${units[i]}`;
}

export const builderPruneCommand: CommandDef = {
  invocations: ['builder prune'],
  args: { kind: 'none' },
  run(ctx) {
    const all = flagBool(ctx, 'all');
    if (!flagBool(ctx, 'force')) {
      ctx.out(`WARNING! This will remove all ${all ? '' : 'dangling '}build cache. Are you sure you want to continue? [y/N] `);
      const answer = (ctx.stdin ?? '').split('\n')[0].trim().toLowerCase();
      if (answer !== 'y' && answer !== 'yes') return 0;
    }
    const r = pruneBuildCache(ctx.d, all);
    if (r.rows.length) {
      ctx.out('ID\t\t\t\t\t\tRECLAIMABLE\tSIZE\t\tLAST ACCESSED\n');
      for (const row of r.rows) ctx.out(`${row.id.padEnd(40)}\ttrue \t${humanSize(row.size).padEnd(10)}\tLess than a second ago\n`);
    }
    ctx.out(`Total:\t${humanSize(r.total)}\n`);
    return 0;
  },
};
