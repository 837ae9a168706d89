import { describe, expect, it } from 'vitest';
import { itemCosineTopK, type ItemNeighbourLists } from '../../../src/algorithms/recs/item-cosine-top-k.ts';

const list = (l: ItemNeighbourLists, i: number) => {
  const out: [number, number, number, number][] = [];
  for (let p = l.offsets[i]!; p < l.offsets[i + 1]!; p++) out.push([l.neighbours[p]!, l.scores[p]!, l.dots[p]!, l.coUsers[p]!]);
  return out;
};

describe('itemCosineTopK', () => {
  // users 0..2, items 0..3:  u0: i0 (5), i1 (1);  u1: i0 (1), i2 (5);  u2: i1 (2), i2 (1), i3 (-1: ignored)
  const m = { nUsers: 3, nItems: 4, users: [0, 0, 1, 1, 2, 2, 2], items: [0, 1, 0, 2, 1, 2, 3], weights: [5, 1, 1, 5, 2, 1, -1] };

  it('cosine over positive weights, with dot and co-user count; score DESC then index ASC', () => {
    const l = itemCosineTopK(m, 10);
    // norms²: i0 26, i1 5, i2 26, i3 0
    expect(Array.from(l.norm2)).toEqual([26, 5, 26, 0]);
    const i0 = list(l, 0);
    expect(i0.map((r) => r[0])).toEqual([1, 2]);
    expect(i0[0]![1]).toBeCloseTo(5 / Math.sqrt(26 * 5), 15);
    expect(i0[1]![1]).toBeCloseTo(5 / 26, 15);
    expect(i0.map((r) => [r[2], r[3]])).toEqual([[5, 1], [5, 1]]);
    expect(list(l, 3)).toEqual([]);
  });

  it('equal scores: lower index first; k cuts each list', () => {
    // u0, u1 both: i0, i1, i2 with weight 1: all pairs score 1
    const eq = { nUsers: 2, nItems: 3, users: [0, 0, 0, 1, 1, 1], items: [2, 1, 0, 0, 2, 1], weights: [1, 1, 1, 1, 1, 1] };
    const l = itemCosineTopK(eq, 1);
    expect([0, 1, 2].map((i) => list(l, i).map((r) => r[0]))).toEqual([[1], [0], [0]]);
    const [j, score, dot, co] = list(l, 2)[0]!;
    expect([j, dot, co]).toEqual([0, 2, 2]);
    expect(score).toBeCloseTo(1, 15);
  });

  it('matches a brute-force cosine on a random matrix (k = all)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const nUsers = 30;
    const nItems = 15;
    const w = Array.from({ length: nUsers }, () => Array.from({ length: nItems }, () => (rnd() < 0.3 ? Math.floor(rnd() * 5) + 1 : 0)));
    const users: number[] = [];
    const items: number[] = [];
    const weights: number[] = [];
    w.forEach((row, u) => row.forEach((x, i) => x > 0 && (users.push(u), items.push(i), weights.push(x))));
    const l = itemCosineTopK({ nUsers, nItems, users, items, weights }, nItems);
    const col = (i: number) => w.map((row) => row[i]!);
    const dot = (a: number[], b: number[]) => a.reduce((s, x, k) => s + x * b[k]!, 0);
    for (let i = 0; i < nItems; i++) {
      const want = [...Array(nItems).keys()]
        .filter((j) => j !== i && w.some((row) => row[i]! > 0 && row[j]! > 0))
        .map((j) => ({ j, s: dot(col(i), col(j)) / Math.sqrt(dot(col(i), col(i)) * dot(col(j), col(j))) }))
        .sort((a, b) => b.s - a.s || a.j - b.j);
      const got = list(l, i);
      expect(got.map((r) => r[0])).toEqual(want.map((x) => x.j));
      got.forEach((r, k) => expect(r[1]).toBeCloseTo(want[k]!.s, 12));
    }
  });

  it('rejects a bad k', () => {
    expect(() => itemCosineTopK(m, -1)).toThrow(RangeError);
  });
});
