import { describe, expect, it } from 'vitest';
import { topK } from '../../../src/algorithms/recs/index.ts';

describe('topK', () => {
  it('orders by score descending, ties by lower index', () => {
    const r = topK([0.5, 0.9, 0.5, 0.1, 0.9], 4);
    expect(Array.from(r.items)).toEqual([1, 4, 0, 2]);
    expect(Array.from(r.scores)).toEqual([0.9, 0.9, 0.5, 0.5]);
  });
  it('never returns excluded items (set, list or mask)', () => {
    const s = [3, 2, 1, 0];
    expect(Array.from(topK(s, 2, new Set([0])).items)).toEqual([1, 2]);
    expect(Array.from(topK(s, 2, [0, 2]).items)).toEqual([1, 3]);
    expect(Array.from(topK(s, 2, Uint8Array.from([1, 1, 0, 0])).items)).toEqual([2, 3]);
  });
  it('skips -Infinity and NaN and respects k larger than the candidates', () => {
    const r = topK([1, -Infinity, Number.NaN, 2], 10);
    expect(Array.from(r.items)).toEqual([3, 0]);
  });
  it('empty in, empty out; k = 0 gives nothing', () => {
    expect(topK([], 5).items.length).toBe(0);
    expect(topK([1, 2], 0).items.length).toBe(0);
  });
  it('matches a full sort on random scores with many ties', () => {
    const scores = Array.from({ length: 500 }, (_, i) => ((i * 7919) % 13) / 13);
    const expected = scores
      .map((s, i) => [s, i] as const)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1])
      .slice(0, 37)
      .map((p) => p[1]);
    expect(Array.from(topK(scores, 37).items)).toEqual(expected);
  });
});
