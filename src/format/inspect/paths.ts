// Daemon-side paths and IDs that Docker generates at random and the engine state does not keep:
// derived here from the IDs the state has, so that they are stable from one command to the next
// and distinct from each other (the fidelity normalizer numbers IDs by identity).
import { sha256Hex } from '../../catalog/sha256.js';
import type { ImageRecord } from '../../engine/state.js';
import { chainIds } from '../../engine/images/layers.js';

export const DOCKER_ROOT = '/var/lib/docker';
export const OVERLAY_ROOT = `${DOCKER_ROOT}/overlay2`;

/** overlay2's directory ("cache ID") of each layer, bottom first; shared layers share it. */
export function layerCacheIds(img: ImageRecord): string[] {
  return chainIds(img).map((chain) => sha256Hex(`overlay2 cache-id ${chain}`));
}

/** The container's read-write layer directory (its "-init" sibling holds /etc/hosts and friends). */
export function containerLayerId(containerId: string): string {
  return sha256Hex(`overlay2 rw-layer ${containerId}`);
}

/** NetworkSettings.SandboxID: begins with the 12 hex characters of the sandbox key's file name. */
export function sandboxId(containerId: string, sandboxKey: string): string {
  const name = sandboxKey.slice(sandboxKey.lastIndexOf('/') + 1);
  const prefix = /^[0-9a-f]{12}$/.test(name) ? name : '';
  return (prefix + sha256Hex(`sandbox ${containerId} ${sandboxKey}`)).slice(0, 64);
}

export function containerDir(id: string): string {
  return `${DOCKER_ROOT}/containers/${id}`;
}
