import type { Random } from './rng.js';

/** 64 hex characters whose 12-character prefix is never all digits (it doubles as hostname). */
export function newContainerId(rng: Random): string {
  for (;;) {
    const id = rng.hex(64);
    if (!/^\d{12}/.test(id)) return id;
  }
}

export function shortId(id: string): string {
  const i = id.indexOf(':');
  return (i >= 0 ? id.slice(i + 1) : id).slice(0, 12);
}
