// The one shape every fitted recommender has, so strategies, the social wrapper and the evaluation can be
// combined freely. Users and items are dense indices (0..nUsers-1, 0..nItems-1) chosen by the caller.

/** A sparse interaction vector over items: indices with optional weights (default 1). */
export interface SparseVector {
  readonly indices: ArrayLike<number>;
  readonly values?: ArrayLike<number>;
}

export interface Recommender {
  readonly name: string;
  readonly nUsers: number;
  readonly nItems: number;
  /** Scores of known user `u` over all items, written into `out` (length nItems) if given. */
  scoreUser(u: number, out?: Float32Array): Float32Array;
  /**
   * Inductive scores for an interaction vector that was not part of the fit (a new or changed user), without
   * refitting. Models that cannot do this (per-user factors) fold the vector in approximately, documented
   * where they are defined.
   */
  scoreVector(v: SparseVector, out?: Float32Array): Float32Array;
}

export const emptyVector: SparseVector = { indices: new Int32Array(0) };

export function outBuffer(n: number, out?: Float32Array): Float32Array {
  if (out === undefined) return new Float32Array(n);
  if (out.length !== n) throw new RangeError(`score buffer has length ${out.length}, expected ${n}`);
  out.fill(0);
  return out;
}

/** Scales a score vector in place so that its maximum absolute value is 1 (all-zero stays zero). */
export function normalizeMaxAbs(s: Float32Array): Float32Array {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const a = Math.abs(s[i]!);
    if (a > m) m = a;
  }
  if (m > 0) {
    const inv = 1 / m;
    for (let i = 0; i < s.length; i++) s[i]! *= inv;
  }
  return s;
}
