// docker image inspect [--platform os[/arch[/variant]]]
import { CliError, type CommandDef, flagString } from '../../cli/command.js';
import { DaemonError } from '../../engine/errors.js';
import { runInspect } from '../../format/inspect/inspector.js';
import { inspectImage } from '../../format/inspect/lookup.js';
import { findImage } from '../../engine/images/resolve.js';

const ARCH_ALIASES: Record<string, string> = { x86_64: 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm', i386: '386' };

function parsePlatform(spec: string): { os: string; arch: string; variant?: string } {
  const parts = spec.toLowerCase().split('/');
  if (parts.length > 3 || parts.some((p) => !/^[a-z0-9_.-]+$/.test(p))) {
    throw new CliError(`"${spec}": cannot parse platform specifier: invalid argument`, 1);
  }
  const arch = parts[1] ? ARCH_ALIASES[parts[1]] ?? parts[1] : 'amd64';
  return { os: parts[0], arch, variant: parts[2] };
}

export const imageInspectCommand: CommandDef = {
  invocations: ['image inspect'],
  args: { kind: 'min', n: 1 },
  readOnly: true,
  run(ctx, refs) {
    const raw = flagString(ctx, 'platform') ?? '';
    const platform = raw !== '' ? parsePlatform(raw) : undefined;
    return runInspect(ctx, refs, flagString(ctx, 'format') ?? '', (ref) => {
      if (platform) {
        const img = findImage(ctx.d, ref);
        if (img && (img.os !== platform.os || img.architecture !== platform.arch || (platform.variant && img.variant !== platform.variant))) {
          const want = [platform.os, platform.arch, platform.variant].filter(Boolean).join('/');
          const have = [img.os, img.architecture, img.variant].filter(Boolean).join('/');
          throw new DaemonError(`image with reference ${ref} was found but its platform (${have}) does not match the specified platform (${want})`, 'not-found');
        }
      }
      return inspectImage(ctx.d, ref);
    });
  },
};
