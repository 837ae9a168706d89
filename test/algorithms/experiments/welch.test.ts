import { describe, expect, it } from 'vitest';
import { armMoments, welchTest } from '../../../src/algorithms/experiments/welch.ts';
import { expectClose } from './close.ts';

// Reference values from scipy 1.17.1: `python test/algorithms/experiments/reference.py` (section "welch"):
// stats.ttest_ind_from_stats(mB, sB, nB, mA, sA, nA, equal_var=False) for t and p; df by Welch-Satterthwaite and
// the CI as (mB - mA) +- stats.t.ppf(0.975, df) * SE. The last fixture comes from raw samples through
// stats.ttest_ind(xb, xa, equal_var=False), whose df and confidence_interval() are scipy's own.
const FIXTURES = [
  { a: [50, 1234.5, 45678.9], b: [60, 1600.2, 61234.5], t: 0.5852496653971087, p: 0.5596390419400604, df: 104.70610678236879, ci: [-4.728423640165479, 8.68842364016548] },
  { a: [12, 30.0, 100.0], b: [8, 40.0, 260.0], t: 2.2264504362469824, p: 0.05148211718686305, df: 9.504484799428859, ci: [-0.01968949905843287, 5.019689499058433] },
  { a: [1000, 5210.0, 81234.0], b: [1100, 6012.0, 95100.0], t: 0.7859944129887068, p: 0.4319599929856064, df: 2086.9066083043613, ci: [-0.38191927253921243, 0.8928283634483041] },
  { a: [10, 102.24, 2376.1625999999997], b: [11, 161.24, 4326.6126], t: 0.7762089414988149, p: 0.44719712794581407, df: 18.96784934879254, ci: [-7.523827876448983, 16.39219151281262] },
] as const;

const sums = (s: readonly [number, number, number]) => ({ n: s[0], sum: s[1], sumSq: s[2] });

describe('welchTest', () => {
  it.each(FIXTURES)('matches scipy for A=$a B=$b', (f) => {
    const r = welchTest(sums(f.a), sums(f.b));
    expectClose(r.t, f.t, 1e-9);
    expectClose(r.df, f.df, 1e-9);
    expectClose(r.pValue, f.p, 1e-6);
    expectClose(r.lower, f.ci[0], 1e-6);
    expectClose(r.upper, f.ci[1], 1e-6);
  });

  it('small case by hand', () => {
    // A = [1, 2, 3]: n 3, sum 6, sumSq 14 -> mean 2, var (14 - 12)/2 = 1
    // B = [2, 4, 6, 8]: n 4, sum 20, sumSq 120 -> mean 5, var (120 - 100)/3 = 20/3
    // SE^2 = 1/3 + 5/3 = 2, t = 3/sqrt(2); df = 4 / ((1/3)^2/2 + (5/3)^2/3) = 4 / (1/18 + 25/27) = 216/53
    const r = welchTest({ n: 3, sum: 6, sumSq: 14 }, { n: 4, sum: 20, sumSq: 120 });
    expect(r.a).toEqual({ n: 3, mean: 2, variance: 1 });
    expectClose(r.b.variance, 20 / 3, 1e-12);
    expectClose(r.difference, 3, 1e-12);
    expectClose(r.standardError, Math.sqrt(2), 1e-12);
    expectClose(r.t, 3 / Math.sqrt(2), 1e-12);
    expectClose(r.df, 216 / 53, 1e-12);
  });

  it('the sign follows B - A', () => {
    const f = FIXTURES[1];
    const r = welchTest(sums(f.b), sums(f.a));
    expectClose(r.t, -f.t, 1e-9);
    expectClose(r.lower, -f.ci[1], 1e-6);
  });

  it('gives nulls, not NaN, when a variance or the whole test is undefined', () => {
    const empty = { standardError: null, df: null, t: null, pValue: null, lower: null, upper: null };
    expect(welchTest({ n: 0, sum: 0, sumSq: 0 }, { n: 5, sum: 10, sumSq: 30 })).toEqual({ a: { n: 0, mean: null, variance: null }, b: { n: 5, mean: 2, variance: 2.5 }, difference: null, ...empty });
    expect(welchTest({ n: 1, sum: 4, sumSq: 16 }, { n: 5, sum: 10, sumSq: 30 })).toMatchObject({ difference: -2, ...empty });
    // Both arms constant (everyone spent 0 or exactly 5): t would be 0/0.
    expect(welchTest({ n: 4, sum: 0, sumSq: 0 }, { n: 3, sum: 15, sumSq: 75 })).toMatchObject({ difference: 5, ...empty });
  });

  it('one constant arm: df collapses to the other arm n - 1', () => {
    const r = welchTest({ n: 4, sum: 0, sumSq: 0 }, { n: 5, sum: 10, sumSq: 30 });
    expectClose(r.df, 4, 1e-12);
  });

  it('clamps a variance that rounding drove below zero', () => {
    // 3 users with 0.1 each: sumSq - sum^2/n = 0.030000000000000002 - 0.030000000000000006 < 0 in doubles.
    const sum = 0.1 + 0.1 + 0.1;
    const sumSq = 0.1 * 0.1 + 0.1 * 0.1 + 0.1 * 0.1;
    expect(sumSq - (sum * sum) / 3).toBeLessThan(0);
    expect(armMoments({ n: 3, sum, sumSq }).variance).toBe(0);
  });

  it('rejects malformed sums', () => {
    expect(() => welchTest({ n: -1, sum: 0, sumSq: 0 }, { n: 2, sum: 0, sumSq: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => welchTest({ n: 2, sum: Number.NaN, sumSq: 0 }, { n: 2, sum: 0, sumSq: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => welchTest({ n: 2, sum: 1, sumSq: -1 }, { n: 2, sum: 0, sumSq: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
