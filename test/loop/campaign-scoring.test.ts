// The offer model (src/usecases/loop/offer-scoring.ts) and its reasons, with values computed by hand.
import { describe, expect, it } from 'vitest';
import { inHoldout } from '../../src/usecases/loop/campaign-holdout.ts';
import { decodeAudienceCursor, encodeAudienceCursor } from '../../src/usecases/loop/campaign-audience.ts';
import { offerReasons, percent } from '../../src/usecases/loop/offer-reasons.ts';
import {
  activityFactor, baseRate, byExpectedValue, interestShare, orderOfferItems, pooledRate, scoreOffer,
} from '../../src/usecases/loop/offer-scoring.ts';
import { assignVariant } from '../../src/algorithms/experiments/assignment/assign-variant.ts';

describe('offer model', () => {
  it('pooled rate: converted over shown users of all campaigns with a Beta(1, 19) prior; 5% with no data', () => {
    expect(pooledRate([])).toBe(1 / 20);
    expect(pooledRate([{ shown: 4, converted: 1 }, { shown: 0, converted: 0 }, { shown: 6, converted: 0 }])).toBeCloseTo(2 / 30, 15);
  });

  it("base rate: the campaign's own figures shrunk towards the pooled rate with 20 pseudo-users", () => {
    expect(baseRate({ shown: 0, converted: 0 }, 0.05)).toBe(0.05);
    expect(baseRate({ shown: 4, converted: 1 }, 1 / 12)).toBeCloseTo((1 + 20 / 12) / 24, 15); // 1/9
    expect(baseRate({ shown: 0, converted: 50 }, 0.5)).toBe(1); // attributed purchases without reported impressions
  });

  it('activity: (1 + f) / (1 + mean), clamped to [1/2, 2]; 1 when nobody was shown a campaign', () => {
    expect(activityFactor(2, 1)).toBe(1.5);
    expect(activityFactor(0, 1)).toBe(0.5);
    expect(activityFactor(0, 3)).toBe(0.5); // 0.25 clamped
    expect(activityFactor(9, 1)).toBe(2); // 5 clamped
    expect(activityFactor(7, null)).toBe(1);
  });

  it('interest: share of the interaction weight in the offer categories, in [0, 1]; 0 without history', () => {
    expect(interestShare(3, 12)).toBe(0.25);
    expect(interestShare(0, 0)).toBe(0);
    expect(interestShare(5, 4)).toBe(1);
    expect(interestShare(-1, 4)).toBe(0);
  });

  it('p = min(1, base x activity x (1 + interest)); EV = p x value', () => {
    const s = scoreOffer({ counts: { shown: 4, converted: 1 }, pooled: 1 / 12, purchases: 2, meanPurchases: 1, weightInOffer: 3, weightTotal: 12, value: 30 });
    expect(s.base).toBeCloseTo(1 / 9, 15);
    expect(s.activity).toBe(1.5);
    expect(s.interest).toBe(0.25);
    expect(s.conversionProbability).toBeCloseTo((1 / 9) * 1.5 * 1.25, 15);
    expect(s.expectedValue).toBeCloseTo((1 / 9) * 1.5 * 1.25 * 30, 12);
    const capped = scoreOffer({ counts: { shown: 1, converted: 1 }, pooled: 0.9, purchases: 9, meanPurchases: 0, weightInOffer: 1, weightTotal: 1, value: 10 });
    expect(capped.conversionProbability).toBe(1);
    expect(capped.expectedValue).toBe(10);
  });

  it('orders by expected value, ties by id', () => {
    const xs = [{ id: 'b', expectedValue: 1 }, { id: 'c', expectedValue: 2 }, { id: 'a', expectedValue: 1 }];
    expect(xs.sort(byExpectedValue).map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });

  it("offer items: bought ones left out, best category weight first, ties in the offer's order", () => {
    const items = [
      { id: 'i1', categoryIds: ['shoes'], purchased: false },
      { id: 'i2', categoryIds: [], purchased: false },
      { id: 'i3', categoryIds: ['bags', 'shoes'], purchased: true },
      { id: 'i4', categoryIds: ['bags'], purchased: false },
      { id: 'i5', categoryIds: ['hats'], purchased: false },
    ];
    expect(orderOfferItems(items, new Map([['shoes', 2], ['bags', 5]])).map((i) => i.id)).toEqual(['i4', 'i1', 'i2', 'i5']);
    expect(orderOfferItems([], new Map())).toEqual([]);
  });
});

describe('offer reasons', () => {
  const score = { base: 1 / 9, activity: 1.5, interest: 0.25, conversionProbability: 0.2, expectedValue: 6 };

  it('one sentence per factor: segment, campaign rate, activity, interest', () => {
    expect(offerReasons({
      segment: 'Loyal', counts: { shown: 4, converted: 1 }, score, purchases: 3, meanPurchases: 1.25,
      categories: [{ id: 'c1', name: 'Shoes', purchases: 3, weight: 9 }, { id: 'c2', name: 'Bags', purchases: 0, weight: 12 }],
    })).toEqual([
      "in segment 'Loyal'",
      'campaign converts 11.1% of those shown (1 of 4 users, smoothed)',
      'bought 3 times against an average of 1.3 among customers shown a campaign',
      'bought 3 times in Shoes',
      "25% of their activity is in the offer's categories",
    ]);
  });

  it('a new campaign, nobody shown yet, no history', () => {
    expect(offerReasons({
      segment: null, counts: { shown: 0, converted: 0 }, score: { ...score, base: 0.05, interest: 0 }, purchases: 1, meanPurchases: null, categories: [],
    })).toEqual([
      'campaign not shown yet: expected to convert 5% like campaigns so far',
      "no history in the offer's categories",
    ]);
  });

  it('browsing without purchases; one purchase is "1 time"', () => {
    expect(offerReasons({
      segment: null, counts: { shown: 2, converted: 0 }, score, purchases: 1, meanPurchases: 2,
      categories: [{ id: 'c2', name: null, purchases: 0, weight: 2 }],
    }).slice(1)).toEqual(['bought 1 time against an average of 2 among customers shown a campaign', 'browsed c2', "25% of their activity is in the offer's categories"]);
    expect(percent(0.0625)).toBe('6.3%');
    expect(percent(0.06)).toBe('6%');
  });
});

describe('campaign holdout and audience cursors', () => {
  it("held out exactly when GrowthBook's assignment for campaign:<id> says 'holdout'; nobody at share 0", () => {
    const users = Array.from({ length: 200 }, (_, k) => `user-${k}`);
    const gb = (u: string) => assignVariant({ key: 'campaign:c-1', variants: ['holdout', 'treated'], weights: [0.3, 0.7] }, u).variant === 'holdout';
    const held = users.filter((u) => inHoldout({ id: 'c-1', holdoutShare: 0.3 }, u));
    expect(held).toEqual(users.filter(gb));
    expect(held.length).toBeGreaterThan(30);
    expect(held.length).toBeLessThan(90);
    expect(users.filter((u) => inHoldout({ id: 'c-1', holdoutShare: 0 }, u))).toEqual([]);
  });

  it('cursors round-trip the exact expected value; anything else is INVALID_INPUT naming after', () => {
    expect(decodeAudienceCursor(encodeAudienceCursor(0.1 + 0.2, 'u"1'))).toEqual({ expectedValue: 0.1 + 0.2, userId: 'u"1' });
    for (const bad of ['nope', Buffer.from('[1]').toString('base64url'), Buffer.from('["x","u"]').toString('base64url')]) {
      expect(() => decodeAudienceCursor(bad)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: { field: 'after' } }));
    }
  });
});
