import { describe, expect, it } from 'vitest';
import {
  clvBreakdown,
  customerLifetimeValue,
  expectedAverageValue,
  expectedPurchases,
  type BgNbdParams,
  type CustomerSummary,
  type GammaGammaParams,
} from '../../../src/algorithms/clv/index.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

// The published CDNOW fits, in weeks.
const BG: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
const WEEKS: CustomerSummary = { x: 3, tx: 20, T: 30, monetary: 40 };

describe('customerLifetimeValue', () => {
  it('with zero discount is the expected purchases over the horizon times the expected spend', () => {
    const clv = customerLifetimeValue(BG, GG, WEEKS, { unitDays: 7, horizonDays: 364, discountRatePerPeriod: 0 });
    const purchases = expectedPurchases(BG, 52, 3, 20, 30);
    expect(clv).toBeCloseTo(purchases * expectedAverageValue(GG, 3, 40), 10);
  });

  it('discounts period i by (1 + d)^i, a last partial period ending at the horizon', () => {
    // horizon 45 days, periods of 30: (0, 30] discounted once, (30, 45] twice.
    const breakdown = clvBreakdown(BG, GG, WEEKS, { unitDays: 7, horizonDays: 45, discountRatePerPeriod: 0.1 });
    const e30 = expectedPurchases(BG, 30 / 7, 3, 20, 30);
    const e45 = expectedPurchases(BG, 45 / 7, 3, 20, 30);
    const spend = expectedAverageValue(GG, 3, 40);
    expect(breakdown.periods.map((p) => p.endDay)).toEqual([30, 45]);
    expect(breakdown.periods[1]?.expectedPurchases).toBeCloseTo(e45 - e30, 12);
    expect(breakdown.value).toBeCloseTo((e30 * spend) / 1.1 + ((e45 - e30) * spend) / 1.21, 10);
  });

  it('does not depend on the unit: a weekly model equals the same model in days (alpha x 7, times x 7)', () => {
    const options = { horizonDays: 365, periodDays: 30, discountRatePerPeriod: 0.01 };
    const weekly = customerLifetimeValue(BG, GG, WEEKS, { ...options, unitDays: 7 });
    const daily = customerLifetimeValue({ ...BG, alpha: BG.alpha * 7 }, GG, { x: 3, tx: 140, T: 210, monetary: 40 }, { ...options, unitDays: 1 });
    expect(daily).toBeCloseTo(weekly, 9);
  });

  it('falls as the discount rate rises; 0 over a zero horizon', () => {
    const clv = (d: number): number => customerLifetimeValue(BG, GG, WEEKS, { unitDays: 7, horizonDays: 365, discountRatePerPeriod: d });
    expect(clv(0.05)).toBeLessThan(clv(0.01));
    expect(clv(0.01)).toBeLessThan(clv(0));
    expect(customerLifetimeValue(BG, GG, WEEKS, { unitDays: 7, horizonDays: 0, discountRatePerPeriod: 0 })).toBe(0);
  });

  it('rejects missing or inconsistent units', () => {
    expectAppError(() => customerLifetimeValue(BG, GG, WEEKS, { unitDays: 0, horizonDays: 30, discountRatePerPeriod: 0 }));
    expectAppError(() => customerLifetimeValue(BG, GG, WEEKS, { unitDays: 7, horizonDays: 30, periodDays: 0, discountRatePerPeriod: 0 }));
    expectAppError(() => customerLifetimeValue(BG, GG, WEEKS, { unitDays: 7, horizonDays: 30, discountRatePerPeriod: -1 }));
  });
});
