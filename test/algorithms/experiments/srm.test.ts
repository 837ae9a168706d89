import { describe, expect, it } from 'vitest';
import { sampleRatioMismatch } from '../../../src/algorithms/experiments/srm.ts';
import { expectClose } from './close.ts';

// Reference values from scipy 1.17.1: `python test/algorithms/experiments/reference.py` (section "srm"):
// stats.chisquare(counts, [total * w / sum(weights) for w in weights]).
const FIXTURES = [
  { counts: [5000, 5100], weights: [1, 1], stat: 0.9900990099009901, p: 0.3197181768128675 },
  { counts: [4800, 5200], weights: [50, 50], stat: 16.0, p: 6.334248366623988e-5 },
  { counts: [3300, 3350, 3150], weights: [1, 1, 1], stat: 6.63265306122449, p: 0.0362858823037167 },
  { counts: [2000, 8150], weights: [0.2, 0.8], stat: 0.5541871921182266, p: 0.45661183900661917 },
  { counts: [10120, 9880, 10000, 10400], weights: [25, 25, 25, 25], stat: 14.732673267326733, p: 0.002059952689153636 },
] as const;

describe('sampleRatioMismatch', () => {
  it.each(FIXTURES)('matches scipy.stats.chisquare for $counts against $weights', (f) => {
    const r = sampleRatioMismatch(f.counts, f.weights);
    expectClose(r?.statistic, f.stat, 1e-12);
    expectClose(r?.pValue, f.p, 1e-8);
    expect(r?.df).toBe(f.counts.length - 1);
    expect(r?.flagged).toBe(f.p < 0.001);
  });

  it('50/50 with 4800 vs 5200 by hand: X^2 = 2 * 200^2 / 5000 = 16, flagged at 0.001', () => {
    const r = sampleRatioMismatch([4800, 5200], [1, 1]);
    expect(r?.expected).toEqual([5000, 5000]);
    expect(r?.statistic).toBe(16);
    expect(r?.flagged).toBe(true);
  });

  it('the threshold is a parameter', () => {
    // p = 0.0363 for the three-way split: not flagged at 0.001, flagged at 0.05.
    expect(sampleRatioMismatch([3300, 3350, 3150], [1, 1, 1])?.flagged).toBe(false);
    expect(sampleRatioMismatch([3300, 3350, 3150], [1, 1, 1], 0.05)?.flagged).toBe(true);
  });

  it('users in a zero-weight variant flag it and stay out of the chi-square', () => {
    const r = sampleRatioMismatch([500, 500, 3], [1, 1, 0]);
    expect(r).toMatchObject({ expected: [500, 500, 0], statistic: 0, df: 1, pValue: 1, unexpectedAssignments: 3, flagged: true });
    expect(sampleRatioMismatch([500, 500, 0], [1, 1, 0])).toMatchObject({ df: 1, unexpectedAssignments: 0, flagged: false });
  });

  it('null when nobody is assigned or there is no ratio to check', () => {
    expect(sampleRatioMismatch([0, 0], [1, 1])).toBeNull();
    expect(sampleRatioMismatch([10, 0], [1, 0])).toBeNull();
  });

  it('rejects malformed input', () => {
    const bad = expect.objectContaining({ code: 'INVALID_INPUT' });
    expect(() => sampleRatioMismatch([1, 2], [1])).toThrow(bad);
    expect(() => sampleRatioMismatch([1, -2], [1, 1])).toThrow(bad);
    expect(() => sampleRatioMismatch([1, 2.5], [1, 1])).toThrow(bad);
    expect(() => sampleRatioMismatch([1, 2], [1, -1])).toThrow(bad);
    expect(() => sampleRatioMismatch([1, 2], [1, 1], 0)).toThrow(bad);
  });
});
