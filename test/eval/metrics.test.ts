import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../src/algorithms/recs/index.ts';
import { catalogueCoverage, intraListDiversity, novelty, rankingMetrics } from '../../src/eval/metrics/index.ts';

describe('rankingMetrics', () => {
  // ranked [5, 1, 7, 3], relevant {1, 3, 9}: hits at 1-based ranks 2 and 4.
  const m = rankingMetrics([5, 1, 7, 3], new Set([1, 3, 9]), 4);
  it('recall = hits / |test|, precision = hits / k, hit = 1', () => {
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.precision).toBeCloseTo(2 / 4, 12);
    expect(m.hit).toBe(1);
  });
  it('MRR = 1 / rank of the first hit', () => {
    expect(m.mrr).toBeCloseTo(1 / 2, 12);
  });
  it('NDCG = (1/log2 3 + 1/log2 5) / (1 + 1/log2 3 + 1/2)', () => {
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(5);
    const idcg = 1 + 1 / Math.log2(3) + 1 / Math.log2(4);
    expect(m.ndcg).toBeCloseTo(dcg / idcg, 12);
  });
  it('ideal DCG uses min(|test|, k) positions', () => {
    // one relevant item at rank 1 -> perfect NDCG even with k = 10
    expect(rankingMetrics([4, 2], new Set([4]), 10).ndcg).toBeCloseTo(1, 12);
  });
  it('a list shorter than k counts missing positions as misses', () => {
    const s = rankingMetrics([8], new Set([8, 9]), 10);
    expect([s.recall, s.precision, s.hit, s.mrr]).toEqual([0.5, 0.1, 1, 1]);
  });
  it('no hit gives zeros', () => {
    expect(rankingMetrics([1, 2], new Set([3]), 2)).toEqual({ recall: 0, precision: 0, hit: 0, mrr: 0, ndcg: 0 });
  });
  it('rejects an empty relevant set', () => {
    expect(() => rankingMetrics([1], new Set(), 1)).toThrow(RangeError);
  });
});

describe('beyond-accuracy metrics', () => {
  it('coverage = distinct recommended items / catalogue', () => {
    expect(catalogueCoverage([[0, 1], [1, 2]], 10)).toBeCloseTo(0.3, 12);
    expect(catalogueCoverage([], 10)).toBe(0);
  });
  it('novelty = mean -log2(pop / nUsers), unseen items count as pop 1', () => {
    // 4 users; items 0 (pop 4) and 1 (pop 1): list [0, 1] -> (0 + 2) / 2 = 1; list [2] (pop 0 -> 1) -> 2.
    expect(novelty([[0, 1], [2]], [4, 1, 0], 4)).toBeCloseTo(1.5, 12);
  });
  it('ILD = 1 - mean pairwise cosine of feature vectors, featureless items skipped', () => {
    // item 0 = [1, 0], item 1 = [1, 1], item 2 = [0, 1], item 3 has no features
    const f = buildCsr(4, 2, { rows: [0, 1, 1, 2], cols: [0, 0, 1, 1] });
    // pairs (0,1): 1/sqrt2, (0,2): 0, (1,2): 1/sqrt2 -> mean sqrt2/3
    expect(intraListDiversity([[0, 1, 2, 3]], f)).toBeCloseTo(1 - Math.SQRT2 / 3, 12);
    expect(intraListDiversity([[3]], f)).toBe(0);
  });
});
