import { buildCsr, type CsrMatrix } from '../../../src/algorithms/recs/index.ts';

/**
 * 3 users x 4 items, binary:
 *   u0: i0 i1        u1: i0 i1 i2        u2: i2 i3
 * user degrees 2, 3, 2; item degrees 2, 2, 2, 1.
 */
export function tinyMatrix(): CsrMatrix {
  return buildCsr(3, 4, { rows: [0, 0, 1, 1, 1, 2, 2], cols: [0, 1, 0, 1, 2, 2, 3] });
}

/** Friendship u0 - u2 (both directions). */
export function tinyFriends(): CsrMatrix {
  return buildCsr(3, 3, { rows: [0, 2], cols: [2, 0] });
}

export const close = (a: ArrayLike<number>, b: readonly number[], eps = 1e-5): boolean =>
  a.length === b.length && b.every((v, i) => Math.abs((a[i] as number) - v) <= eps);
