// Adjusted Rand index (Hubert & Arabie 1985, J. Classification 2:193-218): agreement of two partitions of
// the same items, corrected for chance. With n_ij the contingency table, a_i, b_j its row and column sums:
//   index    = sum_ij C(n_ij, 2)
//   expected = sum_i C(a_i, 2) * sum_j C(b_j, 2) / C(n, 2)
//   max      = (sum_i C(a_i, 2) + sum_j C(b_j, 2)) / 2
//   ARI      = (index - expected) / (max - expected)
// 1 for identical partitions up to relabelling, about 0 for independent ones, negative below chance.
// max = expected only when both partitions are one cluster or both all singletons (fewer than 2 items
// included), i.e. identical: 1.
// O(n) with hashing.
import { invalidInput } from '../../domain/errors.ts';

const pairs = (m: number): number => (m * (m - 1)) / 2;

export function adjustedRandIndex(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length !== b.length) throw invalidInput('adjustedRandIndex needs two labelings of the same items', { a: a.length, b: b.length });
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  const cells = new Map<string, number>();
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
    // JSON keeps 1 and '1' apart, and cannot collide on separators.
    const cell = JSON.stringify([x, y]);
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  let index = 0;
  for (const c of cells.values()) index += pairs(c);
  let sumA = 0;
  for (const c of rows.values()) sumA += pairs(c);
  let sumB = 0;
  for (const c of cols.values()) sumB += pairs(c);
  const total = pairs(a.length);
  // Checked on the integer pair counts, not as max === expected: sumA * sumB / total is inexact for large n.
  if ((sumA === total && sumB === total) || (sumA === 0 && sumB === 0)) return 1;
  const expected = (sumA * sumB) / total;
  const max = (sumA + sumB) / 2;
  return (index - expected) / (max - expected);
}
