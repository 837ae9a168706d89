import { describe, expect, it } from 'vitest';
import { seasonalNaive } from '../../../src/algorithms/forecast/seasonal-naive.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

describe('seasonalNaive: y_{T+h-m*ceil(h/m)}', () => {
  it('repeats the last observed week, wrapping after m steps', () => {
    // T = 10: h = 1 -> y_4, h = 7 -> y_10, h = 8 -> y_4 again
    expect(seasonalNaive([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 9)).toEqual([4, 5, 6, 7, 8, 9, 10, 4, 5]);
  });

  it('with m = 1 is the naive forecast', () => {
    expect(seasonalNaive([3, 1, 2], 3, 1)).toEqual([2, 2, 2]);
  });

  it('needs a full season and a positive integer horizon', () => {
    expectAppError(() => seasonalNaive([1, 2, 3], 1));
    expectAppError(() => seasonalNaive([1, 2, 3, 4, 5, 6, 7], 0));
    expectAppError(() => seasonalNaive([1, 2], 1, 0));
  });
});
