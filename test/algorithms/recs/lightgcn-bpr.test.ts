import { describe, expect, it } from 'vitest';
import { bprLossGradient, bprOperator, buildCsr, createRng, fitLightGcnBpr, topK } from '../../../src/algorithms/recs/index.ts';
import { plantedMatrix } from './fixtures.ts';

const r = plantedMatrix(); // 10 users, 6 items: nodes 0..9 are users, 10..15 items
const opts = { dim: 8, layers: 2, epochs: 150, batchSize: 8, learningRate: 0.02, reg: 1e-4, seed: 5 } as const;
const unseen = (scores: Float32Array, seen: readonly number[]): number[] => Array.from(topK(scores, 6, new Set(seen)).items);

describe('LightGCN trained by BPR (learned E_0, gradients through the K layers)', () => {
  it('computes dL/dE_0 = P dL/dE, as central finite differences of the loss', () => {
    const d = 4;
    const layers = 2;
    const n = 16;
    const rng = createRng(11);
    const e0 = Float32Array.from({ length: n * d }, () => 0.5 * rng.normal());
    const buf = () => new Float32Array(n * d);
    const b = { op: bprOperator(r, d), layers, d, e0, e: buf(), grad: buf(), back: buf() };
    // (u5, i2, i3) and (u8, i4, i0): node ids 5, 12, 13 and 8, 14, 10
    const t = { u: Int32Array.of(5, 8), i: Int32Array.of(12, 14), j: Int32Array.of(13, 10), n: 2 };
    bprLossGradient(b, t);
    const analytic = Float32Array.from(b.back);
    // a user in the batch, a positive item, and u0 (not in the batch: its gradient flows only through A^)
    for (const k of [5 * d, 12 * d + 1, 13 * d + 2, 0 * d + 3, 15 * d]) {
      const h = 1e-2;
      const x = e0[k]!;
      e0[k] = x + h;
      const up = bprLossGradient(b, t);
      e0[k] = x - h;
      const down = bprLossGradient(b, t);
      e0[k] = x;
      expect(Math.abs((up - down) / (2 * h) - analytic[k]!)).toBeLessThan(2e-4);
    }
    expect(analytic[0 * d + 3]).not.toBe(0); // two hops from u5's items: reached through the layers
  });
  it('lowers the BPR loss from the first epoch to the last', () => {
    const m = fitLightGcnBpr(r, opts);
    expect(m.losses).toHaveLength(150);
    expect(m.losses[0]!).toBeGreaterThan(0.6);
    expect(m.losses[149]!).toBeLessThan(0.3);
  });
  it('ranks the planted item first for u5, for a folded-in copy of u5, and the other cluster first for u8', () => {
    const m = fitLightGcnBpr(r, opts);
    expect(m.name).toBe('LIGHTGCN-BPR');
    expect(unseen(m.scoreUser(5), [0, 1])[0]).toBe(2);
    expect(unseen(m.scoreVector({ indices: [0, 1] }), [0, 1])[0]).toBe(2);
    expect(new Set(unseen(m.scoreUser(8), [3]).slice(0, 2))).toEqual(new Set([4, 5]));
  });
  it('is deterministic for a seed and differs across seeds', () => {
    const a = fitLightGcnBpr(r, opts);
    const b = fitLightGcnBpr(r, opts);
    expect(Array.from(a.layer0)).toEqual(Array.from(b.layer0));
    expect(a.losses).toEqual(b.losses);
    expect(Array.from(fitLightGcnBpr(r, { ...opts, seed: 6 }).layer0)).not.toEqual(Array.from(a.layer0));
  });
  it('starts from the spectral init when asked (lower first-epoch loss than random)', () => {
    const svd = fitLightGcnBpr(r, { ...opts, init: 'svd', epochs: 1 });
    const rnd = fitLightGcnBpr(r, { ...opts, epochs: 1 });
    expect(svd.losses[0]!).toBeLessThan(rnd.losses[0]!);
  });
});

describe('LightGCN-BPR with social edges', () => {
  it('trains on the graph with the friend edges (u5 - u0), which changes u5\'s learned embedding', () => {
    const friends = buildCsr(10, 10, { rows: [0, 5], cols: [5, 0] });
    const plain = fitLightGcnBpr(r, opts);
    const social = fitLightGcnBpr(r, { ...opts, social: friends });
    expect(social.name).toBe('LIGHTGCN-BPR+SOCIAL');
    expect(Array.from(social.layer0.subarray(5 * 8, 6 * 8))).not.toEqual(Array.from(plain.layer0.subarray(5 * 8, 6 * 8)));
    expect(unseen(social.scoreUser(5), [0, 1])[0]).toBe(2);
  });
});
