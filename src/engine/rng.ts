// Deterministic randomness. The generator's whole state is four 32-bit words kept in the
// engine state, so a seeded run continues the same sequence across separate CLI invocations.
export type RngState = [number, number, number, number];

export interface Random {
  /** Float in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  hex(chars: number): string;
  state(): RngState;
}

/** sfc32: small, fast, good enough statistical quality for IDs and names. */
export function createRandom(seed: RngState): Random {
  let [a, b, c, d] = seed;
  const next32 = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  const rnd: Random = {
    next: () => next32() / 4294967296,
    int: (n) => Math.floor((next32() / 4294967296) * n),
    hex: (chars) => {
      let s = '';
      while (s.length < chars) s += next32().toString(16).padStart(8, '0');
      return s.slice(0, chars);
    },
    state: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
  };
  return rnd;
}

/** Expands an integer seed into a generator state (splitmix32 on the seed). */
export function seedState(seed: number): RngState {
  let x = seed >>> 0;
  const mix = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const st: RngState = [mix(), mix(), mix(), mix()];
  // Warm up so that nearby seeds diverge quickly.
  const r = createRandom(st);
  for (let i = 0; i < 12; i++) r.next();
  return r.state();
}
