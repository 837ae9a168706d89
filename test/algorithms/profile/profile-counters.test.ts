import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  behaviourFeatures,
  countersFrom,
  derivedFromCounters,
  emptyCounters,
  type ProfileCounters,
  type ProfileEvent,
} from '../../../src/algorithms/profile/index.ts';
import { EVENT_TYPES } from '../../../src/domain/events.ts';

const DAY = 86_400_000;
// Prices are dyadic (k/4) and order values integers, so every monetary sum is exact in floating point and
// the comparison below can be exact whatever the summation order.
const PRICES: Readonly<Record<string, number>> = { a: 10, b: 2.25, c: 0 };
const price = (id: string): number | undefined => PRICES[id];

const eventArb: fc.Arbitrary<ProfileEvent> = fc
  .record({
    type: fc.constantFrom(...EVENT_TYPES),
    ts: fc.integer({ min: 1_600_000_000_000, max: 1_700_000_000_000 }),
    itemId: fc.constantFrom('a', 'b', 'c', 'unpriced'),
    value: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  })
  .map(({ value, ...rest }) => (value === undefined ? rest : { ...rest, value }));

const counterFields = (x: ProfileCounters): ProfileCounters => {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(emptyCounters())) out[k] = x[k as keyof ProfileCounters];
  return out as unknown as ProfileCounters;
};

describe('applyEvent', () => {
  it('returns a new object and leaves its input untouched', () => {
    const before = Object.freeze(emptyCounters());
    const after = applyEvent(before, { type: 'purchase', ts: 5, itemId: 'a' }, price);
    expect(before).toEqual(emptyCounters());
    expect(after).not.toBe(before);
    expect(after).toEqual({
      ...emptyCounters(), purchases: 1, frequency: 1, monetary: 10, firstActivityTs: 5, lastActivityTs: 5, lastPurchaseTs: 5,
    });
  });

  it('a late-arriving older event moves firstActivityTs back but not lastActivityTs / lastPurchaseTs', () => {
    let c = countersFrom([{ type: 'purchase', ts: 100, itemId: 'b' }], price);
    c = applyEvent(c, { type: 'purchase', ts: 50, itemId: 'unpriced' }, price);
    c = applyEvent(c, { type: 'cancel', ts: 70, itemId: 'b' }, price);
    expect(c).toEqual({
      ...emptyCounters(), purchases: 2, cancels: 1, frequency: 2, monetary: 2.25, unpricedPurchases: 1,
      firstActivityTs: 50, lastActivityTs: 100, lastPurchaseTs: 100,
    });
  });

  it('folding applyEvent over any order equals the counter fields of behaviourFeatures', () => {
    const arb = fc
      .array(eventArb, { maxLength: 40 })
      .chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length })));
    fc.assert(
      fc.property(arb, ([events, permuted]) => {
        const folded = permuted.reduce((c, e) => applyEvent(c, e, price), emptyCounters());
        const batch = behaviourFeatures(events, price, { now: 1_700_000_000_000, sessionGapMinutes: 30 });
        expect(folded).toEqual(counterFields(batch));
        // And the derived fields come from the one shared formula.
        expect(derivedFromCounters(folded, 1_700_000_000_000)).toEqual({
          recencyDays: batch.recencyDays,
          daysSinceLastActivity: batch.daysSinceLastActivity,
          viewToCartRate: batch.viewToCartRate,
          cartToPurchaseRate: batch.cartToPurchaseRate,
        });
      }),
    );
  });
});

describe('derivedFromCounters', () => {
  it('recency in fractional days, rates capped, nulls on empty denominators', () => {
    const c: ProfileCounters = { ...emptyCounters(), views: 4, carts: 1, purchases: 2, frequency: 2, lastPurchaseTs: 0, lastActivityTs: DAY / 2, firstActivityTs: 0 };
    expect(derivedFromCounters(c, 3 * DAY)).toEqual({ recencyDays: 3, daysSinceLastActivity: 2.5, viewToCartRate: 0.25, cartToPurchaseRate: 1 });
    expect(derivedFromCounters(emptyCounters(), 0)).toEqual({ recencyDays: null, daysSinceLastActivity: null, viewToCartRate: null, cartToPurchaseRate: null });
  });
});
