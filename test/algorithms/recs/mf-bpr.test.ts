import { describe, expect, it } from 'vitest';
import { fitMfBpr, topK } from '../../../src/algorithms/recs/index.ts';
import { plantedMatrix } from './fixtures.ts';

const r = plantedMatrix();
const opts = { dim: 8, epochs: 200, learningRate: 0.05, reg: 0.001, seed: 3 } as const;
const unseen = (scores: Float32Array, seen: readonly number[]): number[] =>
  Array.from(topK(scores, 6, new Set(seen)).items);

describe('MF-BPR (r = mu + b_u + b_i + <p_u, q_i>, BPR-trained)', () => {
  it('lowers the BPR loss from the first epoch to the last', () => {
    const m = fitMfBpr(r, opts);
    expect(m.losses).toHaveLength(200);
    expect(m.losses[0]!).toBeGreaterThan(0.6); // ~log 2 for near-zero initial factors
    expect(m.losses[199]!).toBeLessThan(0.2);
  });
  it('ranks the planted item first for u5, before more popular items of the other cluster', () => {
    const m = fitMfBpr(r, opts);
    const ranked = unseen(m.scoreUser(5), [0, 1]);
    expect(ranked[0]).toBe(2);
    expect(new Set(ranked.slice(1))).toEqual(new Set([3, 4, 5])); // the data does not order these three
    expect(unseen(m.scoreUser(8), [3])[0]).not.toBe(0);
    expect(new Set(unseen(m.scoreUser(8), [3]).slice(0, 2))).toEqual(new Set([4, 5]));
  });
  it('folds in a user not in the fit from its items (item factors frozen)', () => {
    const m = fitMfBpr(r, opts);
    expect(unseen(m.scoreVector({ indices: [0, 1] }), [0, 1])[0]).toBe(2);
    expect(Array.from(m.scoreVector({ indices: [] }))).toEqual(Array.from(m.itemBias, (b) => Math.fround(b)));
  });
  it('is deterministic for a seed and differs across seeds', () => {
    const a = fitMfBpr(r, opts);
    const b = fitMfBpr(r, opts);
    expect(Array.from(a.userFactors)).toEqual(Array.from(b.userFactors));
    expect(a.losses).toEqual(b.losses);
    expect(Array.from(fitMfBpr(r, { ...opts, seed: 4 }).userFactors)).not.toEqual(Array.from(a.userFactors));
  });
});
