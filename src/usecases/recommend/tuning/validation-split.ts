// The refresh tuner's held-out data: a seeded sample of at most maxUsers users with at least minItems positive
// interactions; of each, a share `fraction` of the positive items is held out (at least one: fraction 0 is
// leave-one-out), the rest kept for training. Several held-out items per user make each user's NDCG@10 far
// less noisy than one (the first tuner held out one item of 200 users and switched on noise: Last.fm seed 2
// served binary weighting at 0.2027 test NDCG@10 where the configured setting scored 0.2125). Cheap by design:
// the tuner scores only the sampled users, one ranking each, so its cost does not grow with the store beyond
// the fits themselves. Same store and seed, same split.
import { buildCsr, type CsrMatrix } from '../../../algorithms/recs/csr.ts';
import { createRng, shuffleInPlace } from '../../../algorithms/recs/rng.ts';
import { normalCriticalValue } from '../../../algorithms/experiments/distributions.ts';

export interface ValidationSplit {
  /** The store's matrix without the held-out entries (same shape). */
  readonly train: CsrMatrix;
  /** The sampled users, ascending. */
  readonly users: Int32Array;
  /** User k's held-out items are heldOut[heldOutOffsets[k] .. heldOutOffsets[k + 1]), ascending. */
  readonly heldOutOffsets: Int32Array;
  readonly heldOut: Int32Array;
}

export interface SplitOptions {
  readonly maxUsers: number;
  readonly minItems: number;
  /** Share of each sampled user's positive items held out, floored, at least one; at most all but minItems - 1. */
  readonly fraction?: number;
  readonly seed: number;
}

export function holdOutPerUser(x: CsrMatrix, o: SplitOptions): ValidationSplit {
  const rng = createRng(o.seed);
  const eligible: number[] = [];
  for (let u = 0; u < x.rows; u++) {
    let pos = 0;
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) if (x.values[p]! > 0) pos++;
    if (pos >= o.minItems) eligible.push(u);
  }
  const users = Int32Array.from(shuffleInPlace(Int32Array.from(eligible), rng).subarray(0, o.maxUsers)).sort();
  const heldOutOffsets = new Int32Array(users.length + 1);
  const held: number[] = [];
  const drop = new Set<number>(); // entry positions held out
  users.forEach((u, k) => {
    const positives: number[] = [];
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) if (x.values[p]! > 0) positives.push(p);
    const n = Math.max(1, Math.min(Math.floor((o.fraction ?? 0) * positives.length), positives.length - Math.max(o.minItems - 1, 1)));
    // A partial Fisher-Yates: the first n of a seeded shuffle.
    for (let j = 0; j < n; j++) {
      const r = j + rng.int(positives.length - j);
      [positives[j], positives[r]] = [positives[r]!, positives[j]!];
      drop.add(positives[j]!);
    }
    held.push(...positives.slice(0, n).map((p) => x.indices[p]!).sort((a, b) => a - b));
    heldOutOffsets[k + 1] = held.length;
  });
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  for (let u = 0; u < x.rows; u++) {
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) {
      if (drop.has(p)) continue;
      rows.push(u);
      cols.push(x.indices[p]!);
      values.push(x.values[p]!);
    }
  }
  return { train: buildCsr(x.rows, x.cols, { rows, cols, values }), users, heldOutOffsets, heldOut: Int32Array.from(held) };
}

/** NDCG@10 of a single held-out item at 0-based rank r (r >= 10 or absent: 0). */
export function ndcgAt10(rank: number): number {
  return rank >= 0 && rank < 10 ? 1 / Math.log2(rank + 2) : 0;
}

/** NDCG@10 of a ranking against `targets` held-out items (binary gains; the ideal puts them first). */
export function ndcgAt10Of(ranked: ArrayLike<number | string>, targets: ReadonlySet<number | string>): number {
  if (targets.size === 0) return 0;
  let dcg = 0;
  for (let r = 0; r < Math.min(10, ranked.length); r++) if (targets.has(ranked[r]!)) dcg += ndcgAt10(r);
  let ideal = 0;
  for (let r = 0; r < Math.min(10, targets.size); r++) ideal += ndcgAt10(r);
  return dcg / ideal;
}

/**
 * How many standard errors of the paired per-user difference the best of m challengers must gain over the
 * incumbent to replace it: the one-sided normal critical value at a family-wise 5 % over the m comparisons
 * (Bonferroni), 1.64 for one challenger, 2.64 for 12, 3.14 for 60. The best of many equally good settings
 * beats the incumbent by chance by about sqrt(2 ln m) standard errors, so a fixed margin switches on noise more
 * often the larger the grid: with one standard error the Last.fm served evaluation switched on seed 3 to a
 * setting 0.003 NDCG@10 worse on test, and earlier (one held-out item per user) to ones 0.01 worse
 * (docs/eval-results.md). Clear wins (a store where popularity, friends or another normalisation predict far
 * better: the social shop's GF-CF exponent, 0.031 to 0.063) pass any of these margins.
 */
export function switchMarginSe(challengers: number): number {
  return challengers < 1 ? Infinity : normalCriticalValue(1 - (2 * FAMILY_ALPHA) / challengers);
}

const FAMILY_ALPHA = 0.05;

/** Whether per-user scores `b` beat `a` (same users, same order) by more than `z` standard errors of the mean difference. */
export function beatsClearly(a: ArrayLike<number>, b: ArrayLike<number>, z: number): boolean {
  const n = a.length;
  if (n === 0) return false;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += b[k]! - a[k]!;
  mean /= n;
  if (!(mean > 0)) return false;
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (b[k]! - a[k]! - mean) ** 2;
  const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0;
  return mean > z * se;
}
