import { describe, expect, it } from 'vitest';
import { mase, rmsse, seasonalNaiveScale, smape } from '../../../src/algorithms/forecast/forecast-errors.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

describe('MASE, scaled by the in-sample seasonal naive MAE (m = 7)', () => {
  const insample = [1, 2, 3, 4, 5, 6, 7, 3, 2, 5]; // |3-1|, |2-2|, |5-3| -> Q = 4/3

  it('computes the scale and the ratio by hand: MAE 2 / (4/3) = 1.5', () => {
    expect(seasonalNaiveScale(insample)).toBeCloseTo(4 / 3, 15);
    expect(mase([4, 6], [5, 3], insample)).toBeCloseTo(1.5, 15);
  });

  it('uses the given season length (m = 1: the naive scale)', () => {
    // [1, 2, 3, 1]: |2-1| + |3-2| + |1-3| = 4 over 3 steps -> Q = 4/3; MAE 2
    expect(mase([2], [0], [1, 2, 3, 1], 1)).toBeCloseTo(2 / (4 / 3), 15);
  });

  it('zero scale: 0 for a perfect forecast, null otherwise', () => {
    expect(mase([0, 0], [0, 0], [0, 0, 0], 2)).toBe(0);
    expect(mase([1, 0], [0, 0], [0, 0, 0], 2)).toBeNull();
  });

  it('needs more in-sample points than m and equal-length, non-empty vectors', () => {
    expectAppError(() => mase([1], [1], [1, 2, 3, 4, 5, 6, 7]));
    expectAppError(() => mase([1, 2], [1], insample));
    expectAppError(() => mase([], [], insample));
  });
});

describe('RMSSE, scaled by the in-sample seasonal naive MSE (m = 7)', () => {
  it('computes by hand: Q2 = (4 + 0 + 4) / 3, MSE (1 + 9) / 2 = 5 -> sqrt(5 / (8/3))', () => {
    expect(rmsse([4, 6], [5, 3], [1, 2, 3, 4, 5, 6, 7, 3, 2, 5])).toBeCloseTo(Math.sqrt(15 / 8), 15);
  });

  it('prefers the mean to the median on a sparse series, unlike MASE', () => {
    const insample = [0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0];
    const actual = [0, 0, 0, 1];
    const zeros = [0, 0, 0, 0];
    const means = [0.25, 0.25, 0.25, 0.25];
    expect(mase(actual, zeros, insample, 2) ?? NaN).toBeLessThan(mase(actual, means, insample, 2) ?? NaN);
    expect(rmsse(actual, means, insample, 2) ?? NaN).toBeLessThan(rmsse(actual, zeros, insample, 2) ?? NaN);
  });

  it('zero scale: 0 for a perfect forecast, null otherwise', () => {
    expect(rmsse([0], [0], [2, 2, 2], 1)).toBe(0);
    expect(rmsse([1], [0], [2, 2, 2], 1)).toBeNull();
  });
});

describe('sMAPE, in percent, 0/0 terms defined as 0', () => {
  it('computes by hand: terms 0, 2/3, 0.4 -> 100 * (16/15) / 3', () => {
    expect(smape([0, 2, 4], [0, 1, 6])).toBeCloseTo((100 * (2 / 3 + 0.4)) / 3, 12);
  });

  it('is 0 for a perfect forecast (also all zeros) and 200 when one side is 0 and the other is not', () => {
    expect(smape([0, 0, 3], [0, 0, 3])).toBe(0);
    expect(smape([0, 5], [2, 0])).toBe(200);
  });

  it('is symmetric in actual and forecast', () => {
    expect(smape([1, 7, 3], [2, 5, 9])).toBeCloseTo(smape([2, 5, 9], [1, 7, 3]), 15);
  });

  it('rejects non-finite values', () => {
    expectAppError(() => smape([1, Number.POSITIVE_INFINITY], [1, 1]));
  });
});
