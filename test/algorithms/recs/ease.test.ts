import { describe, expect, it } from 'vitest';
import { buildCsr, easeForm, easeFromParts, easeParts, fitEase, fitSocialEase, topK } from '../../../src/algorithms/recs/index.ts';
import { spdInverse } from '../../../src/algorithms/recs/dense.ts';
import { close, tinyFriends, tinyMatrix } from './fixtures.ts';

/** Primal EASE on the item side, by brute force: B_ij = -P_ij / P_jj (i != j), B_jj = 0, P = (X^T X + Lambda)^-1, scores = X B. */
function primalScores(rows: number[][], lambda: number, rho: number, scored: number[][] = rows): number[][] {
  const m = rows[0]!.length;
  const g = new Float64Array(m * m);
  for (const r of rows) for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) g[i * m + j]! += r[i]! * r[j]!;
  for (let i = 0; i < m; i++) g[i * m + i]! += lambda + rho * g[i * m + i]!;
  const p = spdInverse(g, m);
  return scored.map((r) =>
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

describe('EASE, item-space (primal) and user-space (dual) forms', () => {
  // 4 users x 5 items, weighted: the item form inverts a 5 x 5 Gram, the user form a 4 x 4 one.
  const rows4x5 = [
    [1, 2, 0, 0, 1],
    [0, 1, 1, 0, 0],
    [3, 0, 1, 1, 0],
    [0, 0, 0, 2, 1],
  ];
  const x = buildCsr(4, 5, {
    rows: rows4x5.flatMap((r, u) => r.flatMap((v) => (v === 0 ? [] : [u]))),
    cols: rows4x5.flatMap((r) => r.flatMap((v, i) => (v === 0 ? [] : [i]))),
    values: rows4x5.flatMap((r) => r.filter((v) => v !== 0)),
  });
  const want = primalScores(rows4x5, 2, 0.5);

  it('defaults to the smaller Gram: items x items when items <= users', () => {
    expect(easeForm(4, 5)).toBe('user');
    expect(easeForm(5, 5)).toBe('item');
    expect(fitEase(x, { lambda: 2 }).form).toBe('user');
  });
  it.each(['item', 'user'] as const)('the %s form matches the direct dense computation on every training user', (form) => {
    const m = fitEase(x, { lambda: 2, rho: 0.5, form });
    expect(m.form).toBe(form);
    for (let u = 0; u < 4; u++) expect(close(m.scoreUser(u), want[u]!, 1e-5)).toBe(true);
  });
  it('both forms score a new (inductive) vector identically, and as the dense B does', () => {
    const r = { indices: [1, 3], values: [2, 1] };
    const dense = primalScores(rows4x5, 2, 0.5, [[0, 2, 0, 1, 0]])[0]!;
    const item = fitEase(x, { lambda: 2, rho: 0.5, form: 'item' }).scoreVector(r);
    const user = fitEase(x, { lambda: 2, rho: 0.5, form: 'user' }).scoreVector(r);
    expect(close(item, dense, 1e-5)).toBe(true);
    expect(close(user, Array.from(item), 1e-5)).toBe(true);
    // the figures, to 4 decimals: items 0 and 4 (co-occurring with 1 and 3) first
    expect(Array.from(item, (v) => Number(v.toFixed(4)))).toEqual([0.5474, -0.1377, 0.2621, -0.2688, 0.6528]);
  });
  it('easeParts + easeFromParts is fitEase (the worker-thread split)', () => {
    for (const form of ['item', 'user'] as const) {
      const a = easeFromParts(x, easeParts(x, { lambda: 2, rho: 0.5, form })).scoreUser(2);
      expect(Array.from(a)).toEqual(Array.from(fitEase(x, { lambda: 2, rho: 0.5, form }).scoreUser(2)));
    }
  });
});
