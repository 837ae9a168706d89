import { describe, expect, it } from 'vitest';
import { buildCsr, createRng } from '../../../src/algorithms/recs/index.ts';
import { entryUsers, epochOrder, rowHas, sampleNegative, sigmoidNeg, softplusNeg } from '../../../src/algorithms/recs/bpr-sampler.ts';

// u0: i0 i2 | u1: i0 i1 i2 i3 (every item) | u2: i3
const r = buildCsr(3, 4, { rows: [0, 0, 1, 1, 1, 1, 2], cols: [0, 2, 0, 1, 2, 3, 3] });

describe('BPR sampling', () => {
  it('finds items in sorted CSR rows', () => {
    expect([0, 1, 2, 3].map((i) => rowHas(r, 0, i))).toEqual([true, false, true, false]);
    expect(Array.from(entryUsers(r))).toEqual([0, 0, 1, 1, 1, 1, 2]);
  });
  it('draws negatives only among unseen items, and none for a user who has every item', () => {
    const rng = createRng(1);
    const seen0 = new Set<number>();
    for (let t = 0; t < 200; t++) seen0.add(sampleNegative(r, 0, rng));
    expect([...seen0].sort()).toEqual([1, 3]);
    expect(sampleNegative(r, 1, rng)).toBe(-1);
  });
  it('visits every entry once per epoch, in a seeded order', () => {
    const a = epochOrder(r, createRng(7));
    expect([...a].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(epochOrder(r, createRng(7)))).toEqual(Array.from(a));
  });
  it('computes -log sigmoid and sigmoid(-x) stably', () => {
    expect(softplusNeg(0)).toBeCloseTo(Math.LN2, 12);
    expect(softplusNeg(800)).toBe(0);
    expect(softplusNeg(-800)).toBe(800);
    expect(sigmoidNeg(0)).toBe(0.5);
    expect(sigmoidNeg(800)).toBe(0);
    expect(sigmoidNeg(-800)).toBe(1);
  });
});
