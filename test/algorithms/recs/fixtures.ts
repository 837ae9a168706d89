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

/**
 * Two taste clusters, the smaller one planted for u5 (10 users x 6 items, binary):
 *   u0, u1: i0 i1 i2         u2, u3, u4, u6, u7: i3 i4 i5         u5: i0 i1        u8: i3        u9: i0 i3
 * i2 (degree 2) is less popular than i3..i5 (degree 6, 5, 5), so ranking i2 first for u5 needs the
 * co-occurrence with i0 and i1, not popularity.
 */
export function plantedMatrix(): CsrMatrix {
  const rows: number[] = [];
  const cols: number[] = [];
  const add = (u: number, items: readonly number[]): void => {
    for (const i of items) {
      rows.push(u);
      cols.push(i);
    }
  };
  for (const u of [0, 1]) add(u, [0, 1, 2]);
  for (const u of [2, 3, 4, 6, 7]) add(u, [3, 4, 5]);
  add(5, [0, 1]);
  add(8, [3]);
  add(9, [0, 3]);
  return buildCsr(10, 6, { rows, cols });
}
