import { describe, expect, it } from 'vitest';
import { fitItemKnn, fitPopularity, fitUserKnn, topK } from '../../../src/algorithms/recs/index.ts';
import { close, tinyMatrix } from './fixtures.ts';

// Item columns: i0 = i1 = [1,1,0], i2 = [0,1,1], i3 = [0,0,1].
// cos(0,1) = 1, cos(0,2) = cos(1,2) = 1/2, cos(2,3) = 1/sqrt2, cos(0,3) = cos(1,3) = 0.
describe('fitItemKnn', () => {
  const m = fitItemKnn(tinyMatrix(), { neighbours: 10, shrink: 0 });
  it('finds similar items with cosine values and lower-index tie-break', () => {
    const s = m.similarItems(2, 3);
    expect(Array.from(s.items)).toEqual([3, 0, 1]);
    expect(close(s.scores, [Math.SQRT1_2, 0.5, 0.5])).toBe(true);
    expect(Array.from(m.similarItems(0, 5).items)).toEqual([1, 2]);
  });
  it('scores a user as r_u S: u2 (items 2, 3) gets item 0 = 1/2, item 1 = 1/2', () => {
    expect(close(m.scoreUser(2), [0.5, 0.5, Math.SQRT1_2, Math.SQRT1_2])).toBe(true);
  });
  it('keeps only the requested number of neighbours', () => {
    expect(fitItemKnn(tinyMatrix(), { neighbours: 1, shrink: 0 }).similarItems(2, 5).items.length).toBe(1);
  });
});

describe('fitUserKnn', () => {
  it('never uses the user as its own neighbour and scores through neighbours', () => {
    // u0 = [1,1,0,0]; sim(u0,u1) = 2/(sqrt2 sqrt3), sim(u0,u2) = 0 -> only u1 contributes.
    const s = fitUserKnn(tinyMatrix(), { neighbours: 5, shrink: 0 }).scoreUser(0);
    const w = 2 / Math.sqrt(6);
    expect(close(s, [w, w, w, 0])).toBe(true);
  });
});

describe('fitPopularity', () => {
  it('ranks by number of users, ties by lower index', () => {
    expect(Array.from(topK(fitPopularity(tinyMatrix()).scoreUser(0), 4).items)).toEqual([0, 1, 2, 3]);
  });
});
