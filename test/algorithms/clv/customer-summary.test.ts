import { describe, expect, it } from 'vitest';
import { summarise } from '../../../src/algorithms/clv/index.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const D0 = Date.UTC(1997, 0, 1); // first purchase day
const at = (day: number, hour = 12): number => D0 + day * DAY + hour * HOUR;

// Hand log: two purchases on day 0 (10 + 5), two on day 7 at 08:00 and 22:00 (8 + 12 = 20), one on day 21 (30),
// one on the end day 28 at 23:59 (4, included: the whole end day is calibration), one on day 29 at 00:00 (cut).
// Distinct days 0, 7, 21, 28 -> x = 3, t_x = 28 days, T = 28 days, monetary = (20 + 30 + 4) / 3 = 18.
const LOG = [
  { ts: at(21), value: 30 },
  { ts: at(0, 9), value: 10 },
  { ts: at(7, 8), value: 8 },
  { ts: at(29, 0), value: 1000 },
  { ts: at(0, 17), value: 5 },
  { ts: D0 + 28 * DAY + DAY - 60_000, value: 4 },
  { ts: at(7, 22), value: 12 },
];
const END = at(28, 0);

describe('summarise (BG/NBD summary protocol)', () => {
  it('merges same-day purchases, keeps the whole end day, cuts after it; weeks by default', () => {
    expect(summarise(LOG, END)).toEqual({ x: 3, tx: 4, T: 4, monetary: 18 });
  });

  it('uses whole day counts whatever the time of day of the end timestamp', () => {
    expect(summarise(LOG, END + 23 * HOUR)).toEqual(summarise(LOG, END));
  });

  it('works in days with unitDays = 1, and a cut before the last purchases', () => {
    expect(summarise(LOG, at(27), 1)).toEqual({ x: 2, tx: 21, T: 27, monetary: 25 });
  });

  it('a one-day customer has x = 0, t_x = 0 and monetary 0 (the first purchase is not a repeat)', () => {
    expect(summarise([{ ts: at(0, 1), value: 7 }, { ts: at(0, 2), value: 3 }], at(10), 1)).toEqual({ x: 0, tx: 0, T: 10, monetary: 0 });
  });

  it('is undefined with no purchase by the end (empty, or all later)', () => {
    expect(summarise([], END)).toBeUndefined();
    expect(summarise([{ ts: at(29), value: 1 }], END)).toBeUndefined();
  });

  it('does not depend on input order', () => {
    expect(summarise([...LOG].reverse(), END)).toEqual(summarise(LOG, END));
  });

  it('rejects a non-positive unit and non-finite values', () => {
    expectAppError(() => summarise(LOG, END, 0));
    expectAppError(() => summarise([{ ts: at(0), value: Number.NaN }], END));
  });
});
