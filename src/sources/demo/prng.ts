/**
 * Small, fast, seedable PRNGs. Math.random cannot be seeded, and the demo data must be reproducible
 * byte for byte from its seed.
 *
 * mulberry32 (Tommy Ettinger, 2017): 32-bit state, passes gjrand/PractRand to the sizes used here and
 * costs a few integer multiplies per draw. splitmix32 (a 32-bit variant of Steele et al., OOPSLA 2014)
 * scrambles (seed, stream, index) into independent starting states, so e.g. user 17's events do not
 * change when the number of items or the friend graph changes.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Exponential with the given mean (inverse CDF). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Standard normal (Box-Muller; the second variate is discarded for simplicity). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  pick<T>(values: readonly T[]): T {
    const value = values[this.int(values.length)];
    if (value === undefined) throw new Error('pick from an empty list');
    return value;
  }
}

/** One splitmix32 step: a bijective 32-bit scramble. */
export function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** An independent generator for (seed, stream, index); streams are the constants in STREAM. */
export function rngFor(seed: number, stream: number, index = 0): Rng {
  return new Rng(splitmix32(splitmix32(splitmix32(seed) ^ stream) ^ index));
}

/** Stream ids: one per kind of thing generated, so changing one part leaves the others as they were. */
export const STREAM = {
  catalog: 1,
  item: 2,
  population: 3,
  user: 4,
  friends: 5,
  activity: 6,
  events: 7,
  customer: 8,
  trends: 9,
} as const;
