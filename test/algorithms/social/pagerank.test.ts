import { describe, expect, it } from 'vitest';
import { influenceScore, pageRank, type DirectedCsr } from '../../../src/algorithms/social/index.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

/** CSR from adjacency lists (row u = out-neighbours of u). */
const csr = (rows: readonly (readonly number[])[]): DirectedCsr => {
  const offsets = new Uint32Array(rows.length + 1);
  rows.forEach((r, u) => (offsets[u + 1] = offsets[u]! + r.length));
  return { offsets, targets: Uint32Array.from(rows.flat()) };
};
const sum = (x: Float64Array): number => x.reduce((s, v) => s + v, 0);

describe('pageRank', () => {
  it('a 3-node cycle is uniform 1/3 and converges at the first step (the start is the fixed point)', () => {
    const r = pageRank(csr([[1], [2], [0]]));
    expect(Array.from(r.rank)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect([r.iterations, r.converged]).toEqual([1, true]);
  });

  it('a chain a -> b -> c with c dangling matches the hand-solved linear system', () => {
    // d = 17/20, n = 3: jump (1-d)/n = 1/20; c is dangling, so it gives d * r_c / 3 = 17/60 r_c to everyone.
    //   r_a = 1/20               + 17/60 r_c
    //   r_b = 1/20 + 17/20 r_a   + 17/60 r_c
    //   r_c = 1/20 + 17/20 r_b   + 17/60 r_c
    // Substituting with x = r_c: r_a = 1/20 + 17x/60, r_b = 37/400 + 629x/1200,
    //   x = 1029/8000 + 17493x/24000  =>  x * 6507/24000 = 1029/8000  =>  x = 1029/2169,
    // then r_a = 24000/130140 = 400/2169 and r_b = 1 - r_a - r_c = 740/2169 (checked: 1/20 + 17/20 r_a + 17/60 r_c).
    const r = pageRank(csr([[1], [2], []]));
    expect(r.converged).toBe(true);
    const expected = [400 / 2169, 740 / 2169, 1029 / 2169];
    r.rank.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 10));
    expect(sum(r.rank)).toBeCloseTo(1, 14);
  });

  it('an undirected star (centre 0 <-> leaves 1, 2) matches the hand-solved system', () => {
    // r_1 = r_2 = 1/20 + 17/40 r_0 (the centre splits over 2 out-edges); r_0 = 1/20 + 17/20 (r_1 + r_2).
    // With r_0 + 2 r_1 = 1: r_0 = 1/20 + 17/20 (1/10 + 17/20 r_0) = 27/200 + 289/400 r_0
    //   => r_0 * 111/400 = 54/400 => r_0 = 54/111 = 18/37, r_1 = r_2 = (1 - 18/37)/2 = 19/74.
    // The graph is bipartite, so the error alternates sign and shrinks only by d = 0.85 per step: the default
    // 100 steps stop short of tol = 1e-10 (0.85^100 ~ 9e-8) and say so; 300 steps converge.
    const expected = [18 / 37, 19 / 74, 19 / 74];
    const short = pageRank(csr([[1, 2], [0], [0]]));
    expect([short.iterations, short.converged]).toEqual([100, false]);
    short.rank.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
    expect(short.rank.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
    const long = pageRank(csr([[1, 2], [0], [0]]), { maxIterations: 300 });
    expect(long.converged).toBe(true);
    expect(long.iterations).toBeGreaterThan(100);
    long.rank.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 10));
  });

  it('a dangling node spreads its rank uniformly (0 -> 1, 1 dangling)', () => {
    // r_0 = 3/40 + 17/40 r_1, r_0 + r_1 = 1 => 57/40 r_0 = 20/40 => r_0 = 20/57, r_1 = 37/57.
    const r = pageRank(csr([[1], []]));
    expect(r.rank[0]).toBeCloseTo(20 / 57, 10);
    expect(r.rank[1]).toBeCloseTo(37 / 57, 10);
  });

  it('one exact power step from the uniform start (chain a -> b -> c), not converged', () => {
    // dangling c holds 1/3: base = 1/20 + 17/20 * 1/3 / 3 = 13/90; b and c also get 17/20 * 1/3 = 17/60.
    const r = pageRank(csr([[1], [2], []]), { maxIterations: 1 });
    expect(r.rank[0]).toBeCloseTo(13 / 90, 15);
    expect(r.rank[1]).toBeCloseTo(77 / 180, 15);
    expect(r.rank[2]).toBeCloseTo(77 / 180, 15);
    expect([r.iterations, r.converged]).toEqual([1, false]);
  });

  it('converges within the default budget and sums to 1 on an irregular graph with parallel edges', () => {
    const r = pageRank(csr([[1, 1, 2], [3], [0, 3, 4], [], [0], []]));
    expect(r.converged).toBe(true);
    expect(r.iterations).toBeGreaterThan(1);
    expect(r.iterations).toBeLessThan(100);
    expect(sum(r.rank)).toBeCloseTo(1, 12);
    for (const v of r.rank) expect(v).toBeGreaterThanOrEqual(0.15 / 6);
  });

  it('no edges: uniform; no nodes: empty and converged', () => {
    expect(Array.from(pageRank(csr([[], []])).rank)).toEqual([0.5, 0.5]);
    expect(pageRank(csr([]))).toEqual({ rank: new Float64Array(0), iterations: 0, converged: true });
  });

  it('damping 0 is the uniform vector whatever the edges', () => {
    expect(Array.from(pageRank(csr([[1], [0], [0]]), { damping: 0 }).rank)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('rejects malformed CSR arrays and options', () => {
    expectAppError(() => pageRank({ offsets: new Uint32Array(0), targets: new Uint32Array(0) }));
    expectAppError(() => pageRank({ offsets: Uint32Array.from([0, 1]), targets: Uint32Array.from([1]) })); // target 1 >= n = 1
    expectAppError(() => pageRank({ offsets: Uint32Array.from([0, 2, 1]), targets: Uint32Array.from([0]) }));
    expectAppError(() => pageRank({ offsets: Uint32Array.from([0, 2, 1, 2]), targets: Uint32Array.from([0, 1]) })); // decreasing
    expectAppError(() => pageRank(csr([[]]), { damping: 1 }));
    expectAppError(() => pageRank(csr([[]]), { tol: 0 }));
    expectAppError(() => pageRank(csr([[]]), { maxIterations: 0 }));
  });
});

describe('influenceScore', () => {
  it('is rank * n, so the mean is 1 (two users, 0 follows 1: ranks 20/57 and 37/57)', () => {
    const s = influenceScore(pageRank(csr([[1], []])).rank);
    expect(s[0]).toBeCloseTo(40 / 57, 10);
    expect(s[1]).toBeCloseTo(74 / 57, 10);
    expect(sum(s) / s.length).toBeCloseTo(1, 12);
    expect(Array.from(influenceScore(Float64Array.from([0.5, 0.25, 0.25])))).toEqual([1.5, 0.75, 0.75]);
    expect(influenceScore(new Float64Array(0)).length).toBe(0);
  });
});
