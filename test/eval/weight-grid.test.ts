import { describe, expect, it } from 'vitest';
import { bestMeanPoint, meanOf, weightGrid } from '../../src/eval/hybrid/weight-grid.ts';

describe('weightGrid', () => {
  it('crosses the axes with GRAPH fixed at 1, all-zero first', () => {
    const g = weightGrid({ SOCIAL: [0, 1], CONTENT: [0], POPULAR: [0, 0.5] });
    expect(g).toEqual([
      { GRAPH: 1, SOCIAL: 0, CONTENT: 0, POPULAR: 0 },
      { GRAPH: 1, SOCIAL: 0, CONTENT: 0, POPULAR: 0.5 },
      { GRAPH: 1, SOCIAL: 1, CONTENT: 0, POPULAR: 0 },
      { GRAPH: 1, SOCIAL: 1, CONTENT: 0, POPULAR: 0.5 },
    ]);
  });
  it('the default grid holds the hand-set weights (0.5, 0.3, 0.1), so the evaluation reports them', () => {
    expect(weightGrid()).toContainEqual({ GRAPH: 1, SOCIAL: 0.5, CONTENT: 0.3, POPULAR: 0.1 });
  });
});

describe('bestMeanPoint', () => {
  const a = { w: 'a' };
  const b = { w: 'b' };
  const c = { w: 'c' };
  it('picks the highest mean over seeds, not the most frequent per-seed winner', () => {
    // seed 1: b wins; seed 2: a wins; means a 0.25, b 0.2, c 0.24
    const seeds = [
      [{ params: a, score: 0.1 }, { params: b, score: 0.3 }, { params: c, score: 0.28 }],
      [{ params: a, score: 0.4 }, { params: b, score: 0.1 }, { params: c, score: 0.2 }],
    ];
    expect(bestMeanPoint(seeds)).toEqual({ params: a, mean: 0.25 });
    expect(meanOf(seeds, c)).toBeCloseTo(0.24, 15);
  });
  it('ties go to the earlier grid point; a point missing from a seed is skipped', () => {
    const seeds = [
      [{ params: a, score: 0.2 }, { params: b, score: 0.2 }, { params: c, score: 0.9 }],
      [{ params: b, score: 0.2 }, { params: a, score: 0.2 }],
    ];
    expect(bestMeanPoint(seeds)?.params).toEqual(a);
    expect(meanOf(seeds, c)).toBeUndefined();
    expect(bestMeanPoint([])).toBeUndefined();
  });
});
