import { describe, expect, it } from 'vitest';
import { expectedPurchases, type BgNbdParams } from '../../../src/algorithms/clv/index.ts';
import { holdoutBins, holdoutCustomers, holdoutTable } from '../../../src/eval/clv/holdout.ts';

const DAY = 86_400_000;
const D = (n: number, hour = 12): number => Date.UTC(1997, 0, 1) + n * DAY + hour * 3_600_000;
const CAL_END = D(27, 0); // calibration days 0..27
const HOLD_END = D(41, 0); // holdout days 28..41
const P: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

// c1: x = 0 (day 0), two holdout lines on day 30 (one purchase day) and one on day 42 (after the holdout).
// c2: x = 2 (days 0, 7, 14), holdout days 28 and 35. c3: first purchase in the holdout: not a calibration customer.
const LOG = [
  [{ ts: D(0), value: 1 }, { ts: D(30, 9), value: 1 }, { ts: D(30, 15), value: 1 }, { ts: D(42), value: 1 }],
  [{ ts: D(0), value: 1 }, { ts: D(7), value: 1 }, { ts: D(14), value: 1 }, { ts: D(28), value: 1 }, { ts: D(35), value: 1 }],
  [{ ts: D(30), value: 1 }],
];

describe('holdout calibration', () => {
  const customers = holdoutCustomers(LOG, CAL_END, HOLD_END, 7);

  it('counts holdout purchase days and drops customers who start after calibration', () => {
    expect(customers.map((c) => [c.summary.x, c.holdoutPurchases])).toEqual([[0, 1], [2, 2]]);
  });

  it('bins by calibration x with the conditional expectation at t = holdout length, plus the total', () => {
    const bins = holdoutBins(customers, P, 2, 3);
    const e0 = expectedPurchases(P, 2, 0, 0, 27 / 7);
    const e2 = expectedPurchases(P, 2, 2, 2, 27 / 7);
    expect(bins.map((b) => [b.label, b.customers, b.meanActual])).toEqual([['0', 1, 1], ['1', 0, 0], ['2', 1, 2], ['3+', 0, 0], ['all', 2, 1.5]]);
    expect(bins[0]?.meanExpected).toBeCloseTo(e0, 14);
    expect(bins[4]?.meanExpected).toBeCloseTo((e0 + e2) / 2, 14);
    expect(holdoutTable(bins).split('\n')).toHaveLength(2 + 5);
  });
});
