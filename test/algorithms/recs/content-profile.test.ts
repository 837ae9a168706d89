import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../../src/algorithms/recs/index.ts';
import { createContentScorer } from '../../../src/algorithms/recs/content-profile.ts';

// 5 items x 3 features: f0 a category (weight 1), f1 and f2 tags (weight 0.5).
//   i0: f0, f1   i1: f1   i2: f0, f2   i3: f2   i4: none
const features = buildCsr(5, 3, { rows: [0, 0, 1, 2, 2, 3], cols: [0, 1, 1, 0, 2, 2] });
const scorer = (itemBias: number, userBias: number) =>
  createContentScorer({ itemFeatures: features, featureWeights: [1, 0.5, 0.5], itemUsers: [1, 0, 3, 5, 2], itemBias, userBias });

describe('createContentScorer (cypher/recs/content.cypher)', () => {
  it('scores items sharing a profile feature by the weighted feature shares: p_f0 = 3/4, p_f1 = 0.5 * 4/4', () => {
    // user: i0 weight 3, i1 weight 1 -> total 4; f0 carries 3, f1 carries 4; f2 is not in the profile.
    const s = scorer(0, 0)([0, 1], [3, 1]);
    expect(Array.from(s.items)).toEqual([0, 1, 2]); // i3 only has f2, i4 has nothing: not candidates
    expect(Array.from(s.scores)).toEqual([0.75 + 0.5, 0.5, 0.75]);
  });
  it('adds itemBias ln(1 + n_i) and the per-user constant userBias ln(1 + |I(u)|)', () => {
    const s = scorer(0.1, 0.2)([0, 1], [3, 1]);
    const u = 0.2 * Math.log(3);
    expect(s.scores[0]).toBeCloseTo(1.25 + 0.1 * Math.log(2) + u, 12);
    expect(s.scores[1]).toBeCloseTo(0.5 + 0.1 * Math.log(1) + u, 12);
    expect(s.scores[2]).toBeCloseTo(0.75 + 0.1 * Math.log(4) + u, 12);
  });
  it('ignores non-positive interactions (they are neither in the profile nor in the total)', () => {
    expect(scorer(0, 0)([0, 1, 3], [3, 1, -2])).toEqual(scorer(0, 0)([0, 1], [3, 1]));
  });
  it('keeps no state between users, and an empty profile gives no candidates', () => {
    const f = scorer(0.1, 0);
    const first = f([0, 1], [3, 1]);
    expect(Array.from(f([3], [1]).items)).toEqual([2, 3]);
    expect(f([0, 1], [3, 1])).toEqual(first);
    expect(f([], []).items).toHaveLength(0);
    expect(f([4], [5]).items).toHaveLength(0);
  });
});
