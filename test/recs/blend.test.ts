import { describe, expect, it } from 'vitest';
import { asItemId } from '../../src/domain/ids.ts';
import { blendSources, singleSource } from '../../src/usecases/recommend/blend.ts';
import { cascadeSources } from '../../src/usecases/recommend/cascade.ts';
import type { Candidate, ReasonData, SourceList, SourceName } from '../../src/usecases/recommend/types.ts';

const pop: ReasonData = { kind: 'POPULAR', categoryId: null, interactions: 1, trending: false };
const list = (source: SourceName, xs: [string, number][]): SourceList => ({
  source,
  candidates: xs.map(([id, score]): Candidate => ({ itemId: asItemId(id), score, reason: pop })),
});

describe('blendSources', () => {
  it('normalizes each source by its max, weights, sums duplicates and orders sources by contribution', () => {
    const out = blendSources(
      [list('ITEM_CF', [['a', 4], ['b', 2]]), list('POPULAR', [['b', 10], ['c', 5]])],
      { ITEM_CF: 1, POPULAR: 0.5 },
    );
    // a: 1*4/4 = 1; b: 1*2/4 + 0.5*10/10 = 1.0 (tie with a -> id order); c: 0.5*5/10 = 0.25
    expect(out.map((r) => [r.itemId, r.score, r.sources])).toEqual([
      ['a', 1, ['ITEM_CF']],
      ['b', 1, ['ITEM_CF', 'POPULAR']],
      ['c', 0.25, ['POPULAR']],
    ]);
    // equal contributions (0.5 each) -> source name order
    expect(out[1]!.reasons).toHaveLength(2);
  });

  it('skips zero-weight sources, non-positive scores and sources whose max is not positive', () => {
    const out = blendSources(
      [list('ITEM_CF', [['a', 2], ['z', -1]]), list('SOCIAL', [['b', 3]]), list('CONTENT', [['c', 0]])],
      { ITEM_CF: 1, SOCIAL: 0, CONTENT: 1 },
    );
    expect(out.map((r) => [r.itemId, r.score])).toEqual([['a', 1]]);
  });

  it('empty in, empty out', () => {
    expect(blendSources([], { GRAPH: 1 })).toEqual([]);
    expect(singleSource(list('GRAPH', []))).toEqual([]);
  });
});

describe('cascadeSources', () => {
  it('keeps tiers in order with non-increasing scores (T-1-t+x)/T and skips items already taken', () => {
    const out = cascadeSources([list('SOCIAL', [['a', 2], ['b', 1]]), list('CONTENT', []), list('POPULAR', [['b', 9], ['c', 3]])]);
    expect(out.map((r) => [r.itemId, r.score, r.sources[0]])).toEqual([
      ['a', (2 + 1) / 3, 'SOCIAL'],
      ['b', (2 + 0.5) / 3, 'SOCIAL'],
      ['c', (0 + 3 / 9) / 3, 'POPULAR'],
    ]);
  });
});
