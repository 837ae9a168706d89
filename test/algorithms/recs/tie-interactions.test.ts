import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../../src/algorithms/recs/index.ts';
import { recencyDecay } from '../../../src/algorithms/recs/recency-decay.ts';
import { createTieScorer } from '../../../src/algorithms/recs/tie-interactions.ts';

// 3 users x 4 items: u1 played i0 (2) and has a negative edge on i1; u2 has i0 (1) and i2 (4).
const m = buildCsr(3, 4, { rows: [0, 1, 1, 2, 2], cols: [3, 0, 1, 0, 2], values: [9, 2, -1, 1, 4] });

describe('createTieScorer (cypher/recs/social.cypher)', () => {
  it('sums tie weight x interaction weight over the ties: i0 = 1*2 + 0.5*1, i2 = 0.5*4', () => {
    const s = createTieScorer(m)([1, 2], [1, 0.5]);
    expect(Array.from(s.items)).toEqual([0, 2]); // i1 only has a negative edge: not a candidate
    expect(Array.from(s.scores)).toEqual([2.5, 2]);
  });
  it('no ties or unknown ties give nothing, and calls do not leak into each other', () => {
    const f = createTieScorer(m);
    expect(f([], []).items).toHaveLength(0);
    expect(f([7, -1], [1, 1]).items).toHaveLength(0);
    f([1, 2], [1, 1]);
    expect(Array.from(f([0], [2]).scores)).toEqual([18]);
  });
});

describe('recencyDecay', () => {
  it('halves per half-life and leaves untimed interactions undecayed', () => {
    expect(recencyDecay(0, 10)).toBe(1);
    expect(recencyDecay(10, 10)).toBeCloseTo(0.5, 15);
    expect(recencyDecay(20, 10)).toBeCloseTo(0.25, 15);
    expect(recencyDecay(undefined, 10)).toBe(1);
  });
});
