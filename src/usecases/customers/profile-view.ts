// A stored profile as the API shows it: the live counters with the values derived from them at the
// reference time, the features of the last profiles run, and the value model's scores.
import type { AffinityScore, RfmScore, StoredProfile } from '../../domain/profile.ts';
import type { StoredSegment } from '../../domain/segment.ts';
import { derivedBehaviour } from './feature-catalogue.ts';

const DAY_MS = 86_400_000;

export interface UserProfileView {
  readonly userId: string;
  readonly basic: { age: number | null; gender: string | null; location: string | null; accountAgeDays: number | null };
  readonly behaviour: {
    recencyDays: number | null; frequency: number; monetary: number;
    views: number; favourites: number; carts: number; purchases: number; cancels: number; ratings: number;
    sessions: number | null; meanSessionMinutes: number | null; viewToCartRate: number | null; cartToPurchaseRate: number | null;
    daysSinceLastActivity: number | null; favouriteHour: number | null; favouriteWeekday: number | null; weekendShare: number | null;
  };
  readonly interest: { categories: readonly AffinityScore[]; tags: readonly AffinityScore[]; graphVector: readonly number[] | null };
  readonly social: { friends: number; followers: number; following: number; influence: number | null };
  readonly value: {
    pAlive: number | null; churnRisk: number | null; expectedPurchases90d: number | null;
    expectedAverageValue: number | null; clv: number | null; rfm: RfmScore | null;
  };
  /** The segments the user is in (read with the profile: whoever may read it may see them). */
  readonly segments: readonly StoredSegment[];
  /** Epoch ms. */
  readonly computedAt: number | null;
  readonly asOf: number;
}

export function toProfileView(p: StoredProfile, asOf: number): UserProfileView {
  const c = p.counters;
  const k = p.computed;
  const d = derivedBehaviour(p, asOf);
  return {
    userId: p.userId,
    basic: { age: p.age, gender: p.gender, location: p.location, accountAgeDays: p.createdAt === null ? null : Math.max(0, asOf - p.createdAt) / DAY_MS },
    behaviour: {
      recencyDays: d.recencyDays, frequency: c.purchases, monetary: c.monetary,
      views: c.views, favourites: c.favourites, carts: c.carts, purchases: c.purchases, cancels: c.cancels, ratings: c.ratings,
      sessions: k.sessions, meanSessionMinutes: k.meanSessionMinutes, viewToCartRate: d.viewToCartRate, cartToPurchaseRate: d.cartToPurchaseRate,
      daysSinceLastActivity: d.daysSinceLastActivity, favouriteHour: k.favouriteHour, favouriteWeekday: k.favouriteWeekday, weekendShare: k.weekendShare,
    },
    interest: { categories: k.topCategories, tags: k.topTags, graphVector: p.graphVector },
    social: { friends: p.friends, followers: p.followers, following: p.following, influence: k.influence },
    value: {
      pAlive: k.pAlive, churnRisk: k.pAlive === null ? null : 1 - k.pAlive, expectedPurchases90d: k.expectedPurchases90d,
      expectedAverageValue: k.expectedAverageValue, clv: k.clv, rfm: k.rfm,
    },
    segments: p.segments,
    computedAt: k.computedAt,
    asOf,
  };
}
