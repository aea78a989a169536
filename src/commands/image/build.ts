// docker build / docker image build / docker builder build: BuildKit's plain progress on stderr,
// the image ID on stdout with -q. The build context is read through the host's BuildContextReader.
import { CliError, flagBool, flagList, flagString, type CommandDef } from '../../cli/command.js';
import { buildContextOf, runBuild } from '../../engine/build/index.js';
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
    const quiet = flagBool(ctx, 'quiet') || flagString(ctx, 'progress') === 'quiet';
    const r = runBuild(ctx.d, reader, {
      contextPath: args[0],
      file: flagString(ctx, 'file'),
      tags,
      target: flagString(ctx, 'target'),
      noCache: flagBool(ctx, 'no-cache'),
      buildArgs,
      labels,
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
