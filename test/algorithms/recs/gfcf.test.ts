import { describe, expect, it } from 'vitest';
import { fitGfcf, topK, truncatedSvd } from '../../../src/algorithms/recs/index.ts';
import { close, tinyMatrix } from './fixtures.ts';

describe('fitGfcf (linear filter, alpha = 0)', () => {
  // R~_ui = 1 / sqrt(d_u d_i). For u0 (items 0, 1): r R~^T = [2/sqrt(4), 2/sqrt(6), 0] = [1, 2/sqrt6, 0];
  // s = 1 * [1/2, 1/2, 0, 0] + (2/sqrt6) * [1/sqrt6, 1/sqrt6, 1/sqrt6, 0] = [5/6, 5/6, 1/3, 0].
  const model = fitGfcf(tinyMatrix(), { alpha: 0 });
  it('scores u0 as computed by hand', () => {
    expect(close(model.scoreUser(0), [5 / 6, 5 / 6, 1 / 3, 0])).toBe(true);
  });
  it('ranks u0 with its own items excluded: item 2 then item 3', () => {
    expect(Array.from(topK(model.scoreUser(0), 2, [0, 1]).items)).toEqual([2, 3]);
  });
  it('is inductive: scoreVector of u0 row equals scoreUser(0)', () => {
    expect(Array.from(model.scoreVector({ indices: [0, 1] }))).toEqual(Array.from(model.scoreUser(0)));
  });
  it('empty vector gives all-zero scores', () => {
    expect(Array.from(model.scoreVector({ indices: [] }))).toEqual([0, 0, 0, 0]);
  });
});

describe('fitGfcf (ideal low-pass)', () => {
  it('with full rank the ideal term is r D^-1/2 V V^T D^1/2 = projection onto the row space', () => {
    // All 3 singular vectors of R~ span its row space; for u0, r D^-1/2 lies in it (r D^-1/2 = R~ row scaled),
    // so the ideal term returns r itself: alpha * [1, 1, 0, 0].
    const lin = fitGfcf(tinyMatrix(), { alpha: 0 }).scoreUser(0);
    const full = fitGfcf(tinyMatrix(), { alpha: 1, rank: 3, seed: 3 }).scoreUser(0);
    expect(close(Array.from(full, (v, i) => v - lin[i]!), [1, 1, 0, 0], 1e-4)).toBe(true);
  });
  it('truncated SVD is deterministic for a seed and finds sigma^2 = eigenvalues of R~ R~^T', () => {
    const a = truncatedSvd(tinyMatrix(), 2, { seed: 5 });
    const b = truncatedSvd(tinyMatrix(), 2, { seed: 5 });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    // R (binary) R^T = [[2,2,0],[2,3,1],[0,1,2]]: trace 7 = sum of all sigma^2; the top two carry almost all.
    expect(a.values[0]! ** 2 + a.values[1]! ** 2).toBeLessThanOrEqual(7 + 1e-9);
    expect(a.values[0]!).toBeGreaterThanOrEqual(a.values[1]!);
  });
});
