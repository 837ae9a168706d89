// Training triples for Bayesian Personalized Ranking (Rendle et al., UAI 2009): a user u, an item i that u
// interacted with, and an item j that u did not. One epoch visits every observed (u, i) once in a seeded
// random order and draws j uniformly from the catalogue, rejecting j in u's row (binary search in the CSR
// row, which is sorted): O(nnz log deg) per epoch, deterministic for a seed.
import type { CsrMatrix } from './csr.ts';
import { shuffleInPlace, type Rng } from './rng.ts';

/** Whether item `i` is in row `u` of `r` (row indices sorted ascending). */
export function rowHas(r: CsrMatrix, u: number, i: number): boolean {
  let lo = r.indptr[u]!;
  let hi = r.indptr[u + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = r.indices[mid]!;
    if (v === i) return true;
    if (v < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The user of each stored entry of `r` (entry p is (users[p], r.indices[p])). */
export function entryUsers(r: CsrMatrix): Int32Array {
  const users = new Int32Array(r.indptr[r.rows]!);
  for (let u = 0; u < r.rows; u++) users.fill(u, r.indptr[u]!, r.indptr[u + 1]!);
  return users;
}

/**
 * A negative for user u: uniform over the items u has not interacted with. A user who has every item has no
 * negative (-1). Rejection sampling needs 1 / (1 - deg/nItems) draws on average; after 64 failed draws (a
 * user with nearly the whole catalogue) it scans from a random start instead, so it always terminates.
 */
export function sampleNegative(r: CsrMatrix, u: number, rng: Rng): number {
  const n = r.cols;
  const deg = r.indptr[u + 1]! - r.indptr[u]!;
  if (deg >= n) return -1;
  for (let t = 0; t < 64; t++) {
    const j = rng.int(n);
    if (!rowHas(r, u, j)) return j;
  }
  const start = rng.int(n);
  for (let k = 0; k < n; k++) {
    const j = (start + k) % n;
    if (!rowHas(r, u, j)) return j;
  }
  return -1;
}

/** The order of one epoch: a seeded permutation of the entries of `r`. */
export function epochOrder(r: CsrMatrix, rng: Rng): Int32Array {
  const order = new Int32Array(r.indptr[r.rows]!);
  for (let p = 0; p < order.length; p++) order[p] = p;
  return shuffleInPlace(order, rng);
}

/** log(1 + e^-x) = -log sigmoid(x), stable for large |x|. */
export function softplusNeg(x: number): number {
  return x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
}

/** sigmoid(-x) = 1 / (1 + e^x): BPR's gradient weight for a pair whose score difference is x. */
export function sigmoidNeg(x: number): number {
  return x > 0 ? Math.exp(-x) / (1 + Math.exp(-x)) : 1 / (1 + Math.exp(x));
}
