import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../../src/algorithms/segments/adjusted-rand.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

describe('adjustedRandIndex (Hubert & Arabie 1985)', () => {
  it('is 1 for identical partitions and for relabelled ones', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [0, 0, 1, 1, 2])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1, 2], ['x', 'x', 'a', 'a', 'b'])).toBe(1);
  });
  it('matches a contingency table computed by hand', () => {
    // a = [0,0,0,1,1,1], b = [0,0,1,1,2,2]: cells (0,0) = 2, (0,1) = 1, (1,1) = 1, (1,2) = 2 -> index = 1 + 1 = 2.
    // Rows 3, 3 -> 3 + 3 = 6 pairs; columns 2, 2, 2 -> 3 pairs; C(6,2) = 15; expected = 6 * 3 / 15 = 1.2;
    // max = (6 + 3) / 2 = 4.5; ARI = (2 - 1.2) / (4.5 - 1.2) = 8/33.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(8 / 33, 12);
    // [0,0,1,1] vs [0,0,1,2]: index 1, rows 1 + 1 = 2, columns 1, expected 2/6, max 1.5 -> (2/3) / (7/6) = 4/7.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 12);
    // [0,0,1,1] vs [0,1,0,1]: index 0, expected 4/6, max 2 -> (-2/3) / (4/3) = -1/2 (worse than chance).
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });
  it('is symmetric', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], [0, 0, 0, 1, 1, 1])).toBeCloseTo(8 / 33, 12);
  });
  it('treats the degenerate cases as agreement: one cluster each, all singletons, one or no item', () => {
    expect(adjustedRandIndex([1, 1, 1], ['a', 'a', 'a'])).toBe(1);
    expect(adjustedRandIndex([1, 2, 3], [3, 1, 2])).toBe(1);
    expect(adjustedRandIndex([7], [8])).toBe(1);
    expect(adjustedRandIndex([], [])).toBe(1);
    // Large enough that C(n, 2)^2 is not exact in doubles.
    expect(adjustedRandIndex(new Array<number>(200_000).fill(0), new Array<string>(200_000).fill('x'))).toBe(1);
    // One cluster against all singletons: index 0, expected 0, max 3/2 -> 0.
    expect(adjustedRandIndex([0, 0, 0], [0, 1, 2])).toBe(0);
  });
  it('keeps the labels 1 and "1" apart', () => {
    expect(adjustedRandIndex([1, '1', 1, '1'], [0, 1, 0, 1])).toBe(1);
  });
  it('rejects labelings of different lengths', () => {
    expectAppError(() => adjustedRandIndex([0, 1], [0]));
  });
});
