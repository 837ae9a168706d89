import { describe, expect, it } from 'vitest';
import type { FeatureRow } from '../../../src/algorithms/segments/feature-table.ts';
import { median, signedLog1p, standardise } from '../../../src/algorithms/segments/standardise.ts';

const rows = (values: Record<string, number | null>[], affinities: Record<string, number>[] = []): FeatureRow[] =>
  values.map((v, i) => ({ userId: `u${i}`, values: v, ...(affinities[i] ? { affinities: affinities[i] } : {}) }));

describe('standardise', () => {
  it('imputes the median, then z-scores with the population sd (hand-computed)', () => {
    // x = [1, null, 3, 5]: median of known 3 -> [1, 3, 3, 5]; mean 3; sd = sqrt((4 + 0 + 0 + 4) / 4) = sqrt 2.
    const t = standardise(rows([{ x: 1 }, { x: null }, { x: 3 }, { x: 5 }]), { features: ['x'] });
    expect(t.used).toEqual(['x']);
    expect(t.medians).toEqual([3]);
    expect(t.raw).toEqual([[1, null, 3, 5]]);
    expect(t.points.map((p) => p[0])).toEqual([-Math.SQRT2, 0, 0, Math.SQRT2].map((v) => expect.closeTo(v, 12)));
  });
  it('treats NaN as missing and a missing affinity as 0', () => {
    const t = standardise(rows([{ x: Number.NaN }, { x: 2 }], [{}, { 'category:c1': 0.5 }]), { features: ['x'], affinityKeys: ['category:c1'] });
    expect(t.raw).toEqual([[null, 2], [0, 0.5]]);
    expect(t.dropped).toEqual(['x']); // imputed to [2, 2]: no spread
    expect(t.used).toEqual(['category:c1']);
    expect(t.points).toEqual([[-1], [1]]);
  });
  it('drops constant and all-missing columns, keeping the column order', () => {
    const t = standardise(rows([{ a: 1, b: 7, c: null }, { a: 2, b: 7, c: null }]), { features: ['c', 'b', 'a'] });
    expect(t.used).toEqual(['a']);
    expect(t.dropped).toEqual(['c', 'b']);
    expect(t.medians).toEqual([null, 7, 1.5]);
    expect(t.points).toEqual([[-1], [1]]);
  });
  it('applies the signed log before standardising', () => {
    // log1p([0, e - 1, e^3 - 1]) = [0, 1, 3]: mean 4/3, sd = sqrt(((16 + 1 + 25) / 9) / 3) = sqrt(14) / 3.
    const t = standardise(rows([{ v: 0 }, { v: Math.E - 1 }, { v: Math.E ** 3 - 1 }]), { features: ['v'], logFeatures: new Set(['v']) });
    const sd = Math.sqrt(14) / 3;
    expect(t.points.map((p) => p[0])).toEqual([0, 1, 3].map((x) => expect.closeTo((x - 4 / 3) / sd, 12)));
  });
  it('handles no rows', () => {
    const t = standardise([], { features: ['x'] });
    expect(t.points).toEqual([]);
    expect(t.dropped).toEqual(['x']);
  });
});

describe('median and signedLog1p', () => {
  it('take the middle value or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('is odd-symmetric', () => {
    expect(signedLog1p(Math.E - 1)).toBeCloseTo(1, 12);
    expect(signedLog1p(1 - Math.E)).toBeCloseTo(-1, 12);
    expect(signedLog1p(0)).toBe(0);
  });
});
