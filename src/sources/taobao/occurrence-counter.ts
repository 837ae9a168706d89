/**
 * Counts earlier occurrences of identical rows (user, item, type, seconds), so exact duplicates get
 * distinct but reproducible event ids. Keyed by a 32-bit hash with collision chains: a Map of 84k
 * template-string keys cost ~5 µs per row (string building and hashing), this costs well under 1 µs.
 */
export class OccurrenceCounter {
  // hash -> flat chain [user, item, type, seconds, seen, user, item, ...]
  private readonly chains = new Map<number, number[]>();

  /** How many identical rows came before this one (0 for the first), and records this one. */
  next(user: number, item: number, type: number, seconds: number): number {
    const key = hash4(user, item, type, seconds);
    const chain = this.chains.get(key);
    if (chain === undefined) {
      this.chains.set(key, [user, item, type, seconds, 1]);
      return 0;
    }
    for (let i = 0; i < chain.length; i += 5) {
      if (chain[i] === user && chain[i + 1] === item && chain[i + 2] === type && chain[i + 3] === seconds) {
        const seen = chain[i + 4] ?? 0;
        chain[i + 4] = seen + 1;
        return seen;
      }
    }
    chain.push(user, item, type, seconds, 1);
    return 0;
  }
}

/** FNV-1a-style mix of four non-negative integers (each folded to 32 bits first). */
function hash4(a: number, b: number, c: number, d: number): number {
  let h = 0x811c9dc5;
  for (const v of [a, b, c, d]) {
    h = Math.imul(h ^ (v | 0), 0x01000193);
    h = Math.imul(h ^ ((v / 0x100000000) | 0), 0x01000193);
  }
  return h | 0;
}
