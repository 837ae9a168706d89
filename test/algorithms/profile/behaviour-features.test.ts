import { describe, expect, it } from 'vitest';
import { behaviourFeatures, type ProfileEvent } from '../../../src/algorithms/profile/index.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** 2024-01-01 00:00 UTC, a Monday. */
const MON = Date.UTC(2024, 0, 1);
const SAT = MON + 5 * DAY;
const SUN = MON + 6 * DAY;

const PRICES: Readonly<Record<string, number>> = { a: 40, b: 10, c: 7 };
const price = (id: string): number | undefined => PRICES[id];
const ev = (type: ProfileEvent['type'], ts: number, itemId = 'a', value?: number): ProfileEvent =>
  value === undefined ? { type, ts, itemId } : { type, ts, itemId, value };
const opts = { now: MON + 7 * DAY + 12 * HOUR, sessionGapMinutes: 30 };

// One hand-checked week (every figure below is worked out in the comments of the first test).
const WEEK: readonly ProfileEvent[] = [
  ev('view', MON + 10 * HOUR, 'a'),
  ev('view', MON + 10 * HOUR + 10 * MIN, 'b'),
  ev('cart', MON + 10 * HOUR + 20 * MIN, 'a'),
  ev('purchase', MON + 10 * HOUR + 30 * MIN, 'a', 25), // order value 25 wins over the price 40
  ev('view', SAT + 22 * HOUR, 'c'),
  ev('purchase', SUN + 9 * HOUR, 'b'), // no value: price 10
  ev('purchase', SUN + 9 * HOUR + 5 * MIN, 'z'), // no value, no price: unpriced
  ev('cancel', SUN + 9 * HOUR + 10 * MIN, 'a'),
  ev('rating', SUN + DAY - 1, 'c', 4),
];

describe('behaviourFeatures', () => {
  it('computes every feature of a hand-checked week', () => {
    expect(behaviourFeatures(WEEK, price, opts)).toEqual({
      views: 3, favourites: 0, carts: 1, purchases: 3, cancels: 1, ratings: 1,
      frequency: 3, // the cancel is not subtracted
      monetary: 35, // 25 (order value) + 10 (price of b) + 0 (z unpriced)
      unpricedPurchases: 1,
      firstActivityTs: MON + 10 * HOUR,
      lastActivityTs: SUN + DAY - 1,
      lastPurchaseTs: SUN + 9 * HOUR + 5 * MIN,
      // now - last purchase = Mon 12:00 - Sun 09:05 = 26 h 55 min = 1615 min = 1615/1440 days
      recencyDays: 1615 / 1440,
      // Mon 12:00 - Sun 23:59:59.999 = 12 h + 1 ms
      daysSinceLastActivity: (12 * HOUR + 1) / DAY,
      viewToCartRate: 1 / 3,
      cartToPurchaseRate: 1, // 3 purchases / 1 cart, capped
      // Sessions (30-min gap): Mon 10:00-10:30 (30 min), Sat 22:00 (0), Sun 09:00-09:10 (10), Sun 23:59 (0)
      sessions: 4,
      meanSessionMinutes: 40 / 4,
      favouriteHour: 10, // 10h: 4 events, 9h: 3, 22h: 1, 23h: 1
      favouriteWeekday: 0, // Monday 4 events ties with Sunday 4: the smaller index wins
      weekendShare: 5 / 9,
    });
  });

  it('does not depend on the input order', () => {
    const reversed = behaviourFeatures([...WEEK].reverse(), price, opts);
    expect(reversed).toEqual(behaviourFeatures(WEEK, price, opts));
  });

  it('no events: zero counts, null for every time and ratio feature', () => {
    expect(behaviourFeatures([], price, opts)).toEqual({
      views: 0, favourites: 0, carts: 0, purchases: 0, cancels: 0, ratings: 0,
      frequency: 0, monetary: 0, unpricedPurchases: 0,
      firstActivityTs: null, lastActivityTs: null, lastPurchaseTs: null,
      recencyDays: null, daysSinceLastActivity: null, viewToCartRate: null, cartToPurchaseRate: null,
      sessions: 0, meanSessionMinutes: null, favouriteHour: null, favouriteWeekday: null, weekendShare: null,
    });
  });

  it('a gap equal to the session gap stays in the session; one millisecond more starts a new one', () => {
    const equal = behaviourFeatures([ev('view', MON), ev('view', MON + 30 * MIN)], price, opts);
    expect([equal.sessions, equal.meanSessionMinutes]).toEqual([1, 30]);
    const longer = behaviourFeatures([ev('view', MON), ev('view', MON + 30 * MIN + 1)], price, opts);
    expect([longer.sessions, longer.meanSessionMinutes]).toEqual([2, 0]);
  });

  it('a one-event history is one session of 0 minutes', () => {
    const f = behaviourFeatures([ev('favourite', MON)], price, opts);
    expect([f.sessions, f.meanSessionMinutes]).toEqual([1, 0]);
  });

  it('rates are null on a zero denominator, not 0', () => {
    const cartsOnly = behaviourFeatures([ev('cart', MON), ev('cart', MON + 1)], price, opts);
    expect(cartsOnly.viewToCartRate).toBeNull(); // no views
    expect(cartsOnly.cartToPurchaseRate).toBe(0); // 0 purchases / 2 carts
    const viewsOnly = behaviourFeatures([ev('view', MON)], price, opts);
    expect(viewsOnly.viewToCartRate).toBe(0);
    expect(viewsOnly.cartToPurchaseRate).toBeNull(); // no carts
  });

  it('caps a rate at 1 when the later step happens more often than the earlier one', () => {
    const f = behaviourFeatures([ev('view', MON), ev('cart', MON + 1), ev('cart', MON + 2), ev('cart', MON + 3)], price, opts);
    expect(f.viewToCartRate).toBe(1);
    const g = behaviourFeatures([ev('view', MON), ev('view', MON + 1), ev('cart', MON + 2)], price, opts);
    expect(g.viewToCartRate).toBe(0.5);
  });

  it('favourite hour: a tie goes to the smallest hour', () => {
    const f = behaviourFeatures([ev('view', MON + 23 * HOUR), ev('view', MON + 5 * HOUR), ev('view', MON + 9 * HOUR)], price, opts);
    expect(f.favouriteHour).toBe(5);
    const g = behaviourFeatures([ev('view', MON + 23 * HOUR), ev('view', MON + DAY + 23 * HOUR + 59 * MIN), ev('view', MON + 5 * HOUR)], price, opts);
    expect(g.favouriteHour).toBe(23);
  });

  it('weekday and weekend follow UTC day boundaries (Sat 00:00 .. Sun 23:59:59.999)', () => {
    const events = [ev('view', SAT - 1), ev('view', SAT), ev('view', SUN + DAY - 1), ev('view', SUN + DAY)];
    const f = behaviourFeatures(events, price, opts);
    expect(f.weekendShare).toBe(2 / 4);
    // Fri 1, Sat 1, Sun 1, Mon 1: all tied, Monday (0) wins.
    expect(f.favouriteWeekday).toBe(0);
    expect(behaviourFeatures([ev('view', SAT - 1)], price, opts).favouriteWeekday).toBe(4); // Friday
    expect(behaviourFeatures([ev('view', SUN + DAY - 1)], price, opts).favouriteWeekday).toBe(6); // Sunday
    expect(behaviourFeatures([ev('view', SAT - 1)], price, opts).weekendShare).toBe(0);
  });

  it('monetary: order value when present (even 0), else the price; no price counts 0 and is counted', () => {
    const f = behaviourFeatures(
      [ev('purchase', MON, 'a', 0), ev('purchase', MON + 1, 'a'), ev('purchase', MON + 2, 'zz'), ev('purchase', MON + 3, 'zz', 3)],
      price,
      opts,
    );
    expect(f.monetary).toBe(0 + 40 + 0 + 3);
    expect(f.unpricedPurchases).toBe(1);
    expect(f.frequency).toBe(4);
  });

  it('monetary ignores the value of non-purchase events (a rating value is not money)', () => {
    const f = behaviourFeatures([ev('rating', MON, 'a', 5), ev('cart', MON + 1, 'a')], price, opts);
    expect([f.monetary, f.unpricedPurchases, f.frequency, f.lastPurchaseTs, f.recencyDays]).toEqual([0, 0, 0, null, null]);
  });

  it('recency counts an event after now as age 0', () => {
    const f = behaviourFeatures([ev('purchase', opts.now + HOUR, 'b')], price, opts);
    expect(f.recencyDays).toBe(0);
    expect(f.daysSinceLastActivity).toBe(0);
  });

  it('rejects a non-finite timestamp, a non-positive session gap and an invalid price', () => {
    expectAppError(() => behaviourFeatures([ev('view', Number.NaN)], price, opts));
    expectAppError(() => behaviourFeatures([], price, { now: MON, sessionGapMinutes: 0 }));
    expectAppError(() => behaviourFeatures([], price, { now: Number.POSITIVE_INFINITY, sessionGapMinutes: 30 }));
    expectAppError(() => behaviourFeatures([ev('purchase', MON, 'a')], () => -1, opts));
    expectAppError(() => behaviourFeatures([ev('purchase', MON, 'a', Number.NaN)], price, opts));
  });

  it('an infinite session gap makes one session of the whole history', () => {
    const f = behaviourFeatures([ev('view', MON), ev('view', MON + 3 * DAY)], price, { ...opts, sessionGapMinutes: Number.POSITIVE_INFINITY });
    expect([f.sessions, f.meanSessionMinutes]).toEqual([1, 3 * 24 * 60]);
  });
});
