// --platform as the docker CLI and the daemon read it (containerd's platform specifiers):
// "os", "arch", "os/arch" or "os/arch/variant", names normalised (x86_64 → amd64, aarch64 →
// arm64, upper case folded). Behaviour observed on Engine 28.5.2 / CLI 28.2.2.

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export class PlatformError extends Error {}

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'illumos', 'ios', 'js', 'linux', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows']);
const KNOWN_ARCH = new Set(['386', 'amd64', 'arm', 'arm64', 'loong64', 'mips', 'mips64', 'mips64le', 'mipsle', 'ppc64', 'ppc64le', 'riscv64', 's390x', 'wasm']);
const ARCH_ALIASES: Record<string, string> = { i386: '386', x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm' };
/** The platform of the simulated host, which a one-word specifier completes. */
const HOST: Platform = { os: 'linux', architecture: 'amd64' };

const normalArch = (arch: string) => ARCH_ALIASES[arch] ?? arch;

/** Parses a non-empty specifier; throws PlatformError with the CLI's message. */
export function parsePlatform(spec: string): Platform {
  const failure = (reason: string) => new PlatformError(`error parsing specified platform: "${spec}": ${reason}: invalid argument`);
  const parts = spec.toLowerCase().split('/');
  if (parts.length > 3 || parts.some((p) => p === '')) throw failure('cannot parse platform specifier');
  if (parts.length === 1) {
    const [word] = parts;
    if (KNOWN_OS.has(word)) return { ...HOST, os: word };
    if (KNOWN_ARCH.has(normalArch(word))) return { os: HOST.os, architecture: normalArch(word) };
    throw failure('unknown operating system or architecture');
  }
  const [os, arch, variant] = parts;
  return variant === undefined ? { os, architecture: normalArch(arch) } : { os, architecture: normalArch(arch), variant };
}

export function platformText(p: Platform): string {
  return p.variant ? `${p.os}/${p.architecture}/${p.variant}` : `${p.os}/${p.architecture}`;
}

/** Whether an image built for `image` serves `wanted` (a variant of the same architecture does). */
export function platformMatches(image: { os: string; architecture: string }, wanted: Platform): boolean {
  return image.os === wanted.os && normalArch(image.architecture) === wanted.architecture;
}
