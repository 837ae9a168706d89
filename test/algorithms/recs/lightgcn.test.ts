import { describe, expect, it } from 'vitest';
import { buildCsr, fitLightGcn, normalizedAdjacency } from '../../../src/algorithms/recs/index.ts';
import { close } from './fixtures.ts';

// u0 - i0, u1 - i0, u1 - i1. Node order u0, u1, i0, i1; degrees 1, 2, 2, 1.
// A^(u0,i0) = 1/sqrt(1*2), A^(u1,i0) = 1/sqrt(2*2) = 1/2, A^(u1,i1) = 1/sqrt(2*1).
// With E0 = I and one layer, E = (I + A^)/2 and <e_u, e_i> = [(I + A^)^2]_ui / 4 = (2 A^_ui + (A^2)_ui) / 4,
// and (A^2)_ui = 0 on a bipartite graph, so score(u, i) = A^_ui / 2.
const r = buildCsr(2, 2, { rows: [0, 1, 1], cols: [0, 0, 1] });

describe('LightGCN-style propagation', () => {
  it('builds the symmetric normalized adjacency', () => {
    const a = normalizedAdjacency(r);
    expect(Array.from(a.indices.subarray(a.indptr[1]!, a.indptr[2]!))).toEqual([2, 3]);
    expect(close(a.values.subarray(a.indptr[1]!, a.indptr[2]!), [0.5, Math.SQRT1_2])).toBe(true);
  });
  it('scores one layer from identity embeddings as A^_ui / 2', () => {
    const init = new Float32Array(16);
    for (let k = 0; k < 4; k++) init[k * 4 + k] = 1;
    const m = fitLightGcn(r, { layers: 1, dim: 4, init });
    expect(close(m.scoreUser(0), [Math.SQRT1_2 / 2, 0])).toBe(true);
    expect(close(m.scoreUser(1), [0.25, Math.SQRT1_2 / 2])).toBe(true);
  });
  it('is deterministic for a seed (random init)', () => {
    const a = fitLightGcn(r, { dim: 8, seed: 9 }).scoreUser(1);
    const b = fitLightGcn(r, { dim: 8, seed: 9 }).scoreUser(1);
    expect(Array.from(a)).toEqual(Array.from(b));
  });
  it('social edges change user embeddings', () => {
    const s = buildCsr(2, 2, { rows: [0, 1], cols: [1, 0] });
    const a = fitLightGcn(r, { dim: 8, seed: 9 }).scoreUser(0);
    const b = fitLightGcn(r, { dim: 8, seed: 9, social: s }).scoreUser(0);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });
});

describe('spmm', () => {
  it('matches a naive product for d not a multiple of 8', async () => {
    const { spmm } = await import('../../../src/algorithms/recs/index.ts');
    const a = buildCsr(3, 3, { rows: [0, 0, 2], cols: [1, 2, 0], values: [2, 3, 4] });
    const d = 10;
    const x = Float32Array.from({ length: 30 }, (_, k) => k);
    const y = spmm(a, x, d);
    for (let j = 0; j < d; j++) {
      expect(y[j]).toBe(2 * x[d + j]! + 3 * x[2 * d + j]!);
      expect(y[d + j]).toBe(0);
      expect(y[2 * d + j]).toBe(4 * x[j]!);
    }
  });
});
