import { describe, expect, it } from 'vitest';
import { fitEase, fitSocialEase, topK } from '../../../src/algorithms/recs/index.ts';
import { spdInverse } from '../../../src/algorithms/recs/dense.ts';
import { close, tinyFriends, tinyMatrix } from './fixtures.ts';

/** Primal EASE on the item side, by brute force: B_ij = -P_ij / P_jj (i != j), B_jj = 0, P = (X^T X + Lambda)^-1, scores = X B. */
function primalScores(rows: number[][], lambda: number, rho: number): number[][] {
  const m = rows[0]!.length;
  const g = new Float64Array(m * m);
  for (const r of rows) for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) g[i * m + j]! += r[i]! * r[j]!;
  for (let i = 0; i < m; i++) g[i * m + i]! += lambda + rho * g[i * m + i]!;
  const p = spdInverse(g, m);
  return rows.map((r) =>
    Array.from({ length: m }, (_, j) => {
      let s = 0;
      for (let i = 0; i < m; i++) s += r[i]! * (i === j ? 0 : -p[i * m + j]! / p[j * m + j]!);
      return s;
    }),
  );
}

const dense = [
  [1, 1, 0, 0],
  [1, 1, 1, 0],
  [0, 0, 1, 1],
];

describe('fitEase (user-space dual)', () => {
  it.each([
    [1, 0],
    [0.5, 1],
  ])('matches the item-space closed form for lambda=%d rho=%d', (lambda, rho) => {
    const model = fitEase(tinyMatrix(), { lambda, rho });
    const want = primalScores(dense, lambda, rho);
    for (let u = 0; u < 3; u++) expect(close(model.scoreUser(u), want[u]!, 1e-4)).toBe(true);
  });
  it('scoreVector equals scoreUser on a training row (inductive path)', () => {
    const model = fitEase(tinyMatrix(), { lambda: 2, rho: 0.5 });
    expect(close(model.scoreVector({ indices: [0, 1, 2] }), Array.from(model.scoreUser(1)), 1e-4)).toBe(true);
  });
  it('recommends item 2 first to u0 (co-listened with its items by u1)', () => {
    expect(topK(fitEase(tinyMatrix(), { lambda: 1 }).scoreUser(0), 1, [0, 1]).items[0]).toBe(2);
  });
  it('rejects a non-positive lambda', () => {
    expect(() => fitEase(tinyMatrix(), { lambda: 0 })).toThrow(RangeError);
  });
});

describe('fitSocialEase', () => {
  it('reduces to EASE when the friend weight is 0', () => {
    const a = fitSocialEase(tinyMatrix(), tinyFriends(), { lambda: 1, friendWeight: 0 });
    const b = fitEase(tinyMatrix(), { lambda: 1 });
    expect(close(a.scoreUser(0), Array.from(b.scoreUser(0)), 1e-5)).toBe(true);
  });
  it('serves a friends-only new user from the friend columns', () => {
    const m = fitSocialEase(tinyMatrix(), tinyFriends(), { lambda: 1, friendWeight: 1 });
    const s = m.scoreNewUser({ friends: [2] }); // u0 is the only one befriending u2 and listens to 0, 1
    expect(s.length).toBe(4);
    expect(Array.from(topK(s, 2).items).sort()).toEqual([0, 1]);
  });
});
