import { describe, expect, it } from 'vitest';
import { Z_95, conversionRate, quantile, summarize, wilsonInterval } from '../../../src/algorithms/markov/index.ts';
import { expectAppError } from './expect-app-error.ts';

describe('wilsonInterval', () => {
  it('8 / 10 -> [0.4902, 0.9433]', () => {
    // p = 0.8, z^2 = 3.8414589, z^2/n = 0.38414589, denominator 1.38414589
    // centre = (0.8 + 0.19207294) / 1.38414589 = 0.7167402
    // half   = 1.959964 / 1.38414589 * sqrt(0.016 + 0.00960365) = 1.4160097 * 0.1600114 = 0.2265777
    // -> [0.4901625, 0.9433178]
    const w = wilsonInterval(8, 10);
    expect(w?.lower).toBeCloseTo(0.4902, 4);
    expect(w?.upper).toBeCloseTo(0.9433, 4);
    expect(w?.centre).toBeCloseTo(0.7167402, 6);
    expect(w?.lower).toBeCloseTo(0.4901625, 6);
    expect(w?.upper).toBeCloseTo(0.9433178, 6);
    expect(w?.estimate).toBe(0.8);
  });

  it('0 / 10 -> [0, z^2/n / (1 + z^2/n)] = [0, 0.2775]; 10 / 10 mirrors it', () => {
    // At p = 0 the half-width equals the centre, so the lower bound is exactly 0.
    const zero = wilsonInterval(0, 10);
    expect(zero?.lower).toBe(0);
    expect(zero?.upper).toBeCloseTo(0.3841459 / 1.3841459, 6);
    const all = wilsonInterval(10, 10);
    expect(all?.upper).toBe(1);
    expect(all?.lower).toBeCloseTo(1 - 0.3841459 / 1.3841459, 6);
  });

  it('the interval contains the estimate and narrows with n', () => {
    const small = wilsonInterval(5, 10);
    const large = wilsonInterval(500, 1000);
    if (small === null || large === null) throw new Error('unexpected null');
    expect(small.lower).toBeLessThan(0.5);
    expect(small.upper).toBeGreaterThan(0.5);
    expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
  });

  it('n = 0 returns null; invalid counts or z are INVALID_INPUT', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expectAppError(() => wilsonInterval(11, 10));
    expectAppError(() => wilsonInterval(-1, 10));
    expectAppError(() => wilsonInterval(1.5, 10));
    expectAppError(() => wilsonInterval(1, 10, 0));
  });

  it('uses z = 1.959964 by default', () => {
    expect(Z_95).toBe(1.959964);
    expect(wilsonInterval(3, 7)).toEqual(wilsonInterval(3, 7, 1.959964));
  });
});

describe('conversionRate', () => {
  it('p = (1/N) sum I(y_i = 1), with its Wilson interval', () => {
    const r = conversionRate([1, 0, 1, 1, 0, 1, 1, 1, 1, 1]);
    expect(r).toMatchObject({ successes: 8, n: 10, rate: 0.8 });
    expect(r.interval?.lower).toBeCloseTo(0.4902, 4);
    expect(conversionRate([true, false]).rate).toBe(0.5);
  });

  it('no users: rate and interval are null, not 0', () => {
    expect(conversionRate([])).toEqual({ successes: 0, n: 0, rate: null, interval: null });
  });
});

describe('quantile (Hyndman & Fan definition 7)', () => {
  it('interpolates between order statistics', () => {
    expect(quantile([40, 10, 30, 20], 0.5)).toBe(25);
    expect(quantile([10, 20, 30, 40], 0.9)).toBeCloseTo(37, 12); // h = 3 * 0.9 = 2.7 -> 30 + 0.7 * 10
    expect(quantile([10, 20, 30, 40], 0)).toBe(10);
    expect(quantile([10, 20, 30, 40], 1)).toBe(40);
    expect(quantile([7], 0.9)).toBe(7);
  });

  it('empty -> null; bad q or values -> INVALID_INPUT', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(summarize([])).toBeNull();
    expectAppError(() => quantile([1], 1.5));
    expectAppError(() => quantile([Number.NaN], 0.5));
  });

  it('summarize gives count, min, max, mean, median and p90', () => {
    expect(summarize([3, 1, 2])).toEqual({ count: 3, min: 1, max: 3, mean: 2, median: 2, p90: 2.8 });
  });
});
