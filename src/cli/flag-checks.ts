// Checks the Docker CLI runs on some flag values as the flag is parsed (its option validators),
// so a bad value is a flag error with the usage block, before anything else is looked at.

import type { MountSpec } from '../engine/volumes/mounts.js';

/** A --mount value the CLI's flag parser rejects: the reason (checkMountValue words it). */
class FlagValueError extends Error {}

/** An error text for a bad value, or undefined. */
export type FlagValueCheck = (value: string) => string | undefined;

/** -e / --env: only an empty name is refused; other names are the container's business. */
export const checkEnvValue: FlagValueCheck = (value) => {
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  return name === '' ? `invalid environment variable: ${value}` : undefined;
};

/** --label: the name (leading spaces and tabs ignored) must not be empty or hold a space or tab. */
export const checkLabelValue: FlagValueCheck = (value) => {
  const eq = value.indexOf('=');
  const name = (eq < 0 ? value : value.slice(0, eq)).replace(/^[ \t]+/, '');
  if (name === '') return `invalid label '${value}': empty name`;
  if (/[ \t]/.test(name)) return `label '${name}' contains whitespaces`;
  return undefined;
};

/** Docker's RAMInBytes: "512m", "1g", "100k", "64MB" → bytes. */
export function parseBytes(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b)?$/i.exec(s);
  if (!m) return undefined;
  const mult: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };
  return Math.floor(Number(m[1]) * mult[m[2].toLowerCase()]);
}

/** -m / --memory, --shm-size: a byte size (the CLI's MemBytes). The 6 MB minimum is checked later. */
export const checkSizeValue: FlagValueCheck = (value) => (parseBytes(value) === undefined ? `invalid size: '${value}'` : undefined);

/** --cpus: a decimal number (the CLI's NanoCPUs). */
export const checkCpusValue: FlagValueCheck = (value) => (/^\d+(\.\d+)?$/.test(value) ? undefined : `failed to parse ${value} as a rational number`);

/** -a / --attach: a stream name, in any case. */
export const checkAttachValue: FlagValueCheck = (value) =>
  (['stdin', 'stdout', 'stderr'].includes(value.toLowerCase()) ? undefined : 'valid streams are STDIN, STDOUT and STDERR');

/**
 * --mount type=volume,src=x,dst=/d,readonly as the CLI parses it (target is required). A bad value
 * throws FlagValueError with the reason (checked as the flag is parsed: checkMountValue).
 */
export function parseMountFlag(raw: string): MountSpec {
  const spec: MountSpec = { type: 'volume', source: '', target: '', readonly: false };
  for (const field of raw.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : field.slice(eq + 1);
    switch (key) {
      case 'type': spec.type = value; break;
      case 'source': case 'src': spec.source = value; break;
      case 'target': case 'destination': case 'dst': spec.target = value; break;
      case 'readonly': case 'ro': spec.readonly = eq < 0 || ['1', 'true'].includes(value.toLowerCase()); break;
      case 'tmpfs-size': {
        const bytes = parseBytes(value);
        if (bytes === undefined) throw new FlagValueError(`invalid value for ${key}: ${value}`);
        spec.tmpfsSize = bytes;
        break;
      }
      case 'tmpfs-mode': {
        // The CLI reads the mode as an unsigned octal number of at most 32 bits.
        const mode = /^[0-7]+$/.test(value) ? parseInt(value, 8) : NaN;
        if (!(mode <= 0xffffffff)) throw new FlagValueError(`invalid value for ${key}: ${value}`);
        spec.tmpfsMode = mode;
        break;
      }
      default: break;
    }
  }
  if (spec.target === '') throw new FlagValueError('target is required');
  return spec;
}

export const checkMountValue: FlagValueCheck = (value) => {
  try {
    parseMountFlag(value);
    return undefined;
  } catch (e) {
    if (e instanceof FlagValueError) return e.message;
    throw e;
  }
};

// Observed on CLI 28.2.2: these are refused as each flag is parsed, in the order given, before
// any other check (docker run --rm --restart always --memory abc reports the memory).
const CONTAINER_CONFIG_CHECKS = { env: checkEnvValue, label: checkLabelValue, memory: checkSizeValue, 'shm-size': checkSizeValue, cpus: checkCpusValue, attach: checkAttachValue, mount: checkMountValue };

/** Command path → long flag name → check. */
export const FLAG_VALUE_CHECKS: Record<string, Record<string, FlagValueCheck>> = {
  run: CONTAINER_CONFIG_CHECKS,
  'container run': CONTAINER_CONFIG_CHECKS,
  create: CONTAINER_CONFIG_CHECKS,
  'container create': CONTAINER_CONFIG_CHECKS,
  exec: { env: checkEnvValue },
  'container exec': { env: checkEnvValue },
  'volume create': { label: checkLabelValue },
  'network create': { label: checkLabelValue },
};
