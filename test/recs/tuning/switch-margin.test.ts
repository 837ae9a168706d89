// The tuners' switching rule: the best of m challengers replaces the incumbent only when the paired per-user
// gain exceeds switchMarginSe(m) standard errors of its mean.
import { describe, expect, it } from 'vitest';
import { beatsClearly, switchMarginSe } from '../../../src/usecases/recommend/tuning/validation-split.ts';

describe('switchMarginSe', () => {
  it('is the one-sided normal critical value at a family-wise 5 % over m challengers (Bonferroni)', () => {
    expect(switchMarginSe(1)).toBeCloseTo(1.6449, 4); // z_0.95
    expect(switchMarginSe(10)).toBeCloseTo(2.5758, 4); // z_0.995
    expect(switchMarginSe(50)).toBeCloseTo(3.0902, 4); // z_0.999
    expect(switchMarginSe(0)).toBe(Infinity); // nothing to switch to
  });
});

describe('beatsClearly', () => {
  it('a gain of one user in four: mean 0.25, SE 0.25 -> not clear at 1 SE, clear at 0.99', () => {
    // differences [1, 0, 0, 0]: mean 0.25, sample SD 0.5, SE 0.5 / 2 = 0.25
    expect(beatsClearly([0, 0, 0, 0], [1, 0, 0, 0], 1)).toBe(false);
    expect(beatsClearly([0, 0, 0, 0], [1, 0, 0, 0], 0.99)).toBe(true);
  });
  it('a consistent gain is clear; a loss, a tie, or no users never are', () => {
    expect(beatsClearly([0, 0, 0], [0.5, 0.5, 0.5], switchMarginSe(60))).toBe(true); // SE 0
    expect(beatsClearly([1, 1], [0, 0], 1)).toBe(false);
    expect(beatsClearly([0.3, 0.7], [0.3, 0.7], 1)).toBe(false);
    expect(beatsClearly([], [], 1)).toBe(false);
  });
  it('noise: swapped hits between two equally good settings do not switch', () => {
    const a = [1, 0, 1, 0, 1, 0, 0, 1, 0, 0];
    const b = [0, 1, 1, 0, 1, 0, 1, 0, 1, 0]; // one more hit overall, half the users disagree
    expect(beatsClearly(a, b, switchMarginSe(1))).toBe(false);
  });
});
