import { describe, expect, it } from 'vitest';
import { asItemId, type ItemId } from '../../src/domain/ids.ts';
import { capPerCategory, jaccard, mmrRerank } from '../../src/usecases/recommend/diversity.ts';
import type { RankedItem } from '../../src/usecases/recommend/types.ts';

const ranked = (xs: [string, number][]): RankedItem[] =>
  xs.map(([id, score]) => ({ itemId: asItemId(id), score, sources: ['GRAPH'], reasons: [] }));
const feats: Record<string, string[]> = { a: ['c:x', 't:1'], b: ['c:x', 't:1'], c: ['c:y'], d: ['c:x'] };
const featuresOf = (id: ItemId) => feats[id] ?? [];

describe('jaccard', () => {
  it('is |A∩B| / |A∪B| and 0 for two empty sets', () => {
    expect(jaccard(['c:x', 't:1'], ['c:x'])).toBe(0.5);
    expect(jaccard([], [])).toBe(0);
  });
});

describe('mmrRerank', () => {
  it('lambda = 1 keeps the relevance order (scores = rel / max)', () => {
    const out = mmrRerank(ranked([['a', 4], ['b', 3], ['c', 2]]), featuresOf, 1, 3);
    expect(out.map((r) => [r.itemId, r.score])).toEqual([['a', 1], ['b', 0.75], ['c', 0.5]]);
  });

  it('lambda = 0.5 lifts a dissimilar item above a duplicate, values non-increasing', () => {
    const out = mmrRerank(ranked([['a', 4], ['b', 3], ['c', 2]]), featuresOf, 0.5, 3);
    // pick a (0.5); then b: 0.5*0.75 - 0.5*1 = -0.125, c: 0.5*0.5 - 0 = 0.25 -> c; then b: -0.125
    expect(out.map((r) => [r.itemId, r.score])).toEqual([['a', 0.5], ['c', 0.25], ['b', -0.125]]);
  });

  it('respects k', () => {
    expect(mmrRerank(ranked([['a', 4], ['b', 3], ['c', 2]]), featuresOf, 0.7, 2)).toHaveLength(2);
  });
});

describe('capPerCategory', () => {
  it('drops an item once one of its categories is full, keeping order', () => {
    const cats = (id: ItemId) => (featuresOf(id)).filter((f) => f.startsWith('c:'));
    expect(capPerCategory(ranked([['a', 4], ['b', 3], ['c', 2], ['d', 1]]), cats, 1).map((r) => r.itemId)).toEqual(['a', 'c']);
  });
});
