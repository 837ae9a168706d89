// The profile features rule segments and clustering can use: one name, unit and meaning each, and the one
// function that turns a stored profile into those values (the API's profile, segment rules and the
// clustering all read them from here, so a feature means the same everywhere).
import { derivedFromCounters, type DerivedFeatures } from '../../algorithms/profile/profile-counters.ts';
import type { StoredProfile } from '../../domain/profile.ts';

export type FeatureKind = 'basic' | 'behaviour' | 'interest' | 'social' | 'value';

export interface FeatureSpec {
  readonly name: string;
  readonly kind: FeatureKind;
  readonly description: string;
  readonly unit?: string;
}

const DAY_MS = 86_400_000;

export const FEATURES: readonly FeatureSpec[] = [
  { name: 'age', kind: 'basic', description: 'Age', unit: 'years' },
  { name: 'accountAgeDays', kind: 'basic', description: 'Days since the account was created', unit: 'days' },
  { name: 'recencyDays', kind: 'behaviour', description: 'Days since the last purchase (null: never purchased)', unit: 'days' },
  { name: 'frequency', kind: 'behaviour', description: 'Purchase events', unit: 'purchases' },
  { name: 'monetary', kind: 'behaviour', description: 'Spend: order values, else item prices', unit: 'currency' },
  { name: 'views', kind: 'behaviour', description: 'View events', unit: 'events' },
  { name: 'favourites', kind: 'behaviour', description: 'Favourite events', unit: 'events' },
  { name: 'carts', kind: 'behaviour', description: 'Add-to-cart events', unit: 'events' },
  { name: 'purchases', kind: 'behaviour', description: 'Purchase events', unit: 'events' },
  { name: 'cancels', kind: 'behaviour', description: 'Cancel events', unit: 'events' },
  { name: 'ratings', kind: 'behaviour', description: 'Rating events', unit: 'events' },
  { name: 'sessions', kind: 'behaviour', description: 'Sessions (a gap over 30 minutes starts a new one)', unit: 'sessions' },
  { name: 'meanSessionMinutes', kind: 'behaviour', description: 'Mean session length', unit: 'minutes' },
  { name: 'viewToCartRate', kind: 'behaviour', description: 'carts / views, at most 1', unit: 'ratio' },
  { name: 'cartToPurchaseRate', kind: 'behaviour', description: 'purchases / carts, at most 1 (low: cart abandonment)', unit: 'ratio' },
  { name: 'daysSinceLastActivity', kind: 'behaviour', description: 'Days since the last event of any type', unit: 'days' },
  { name: 'favouriteHour', kind: 'behaviour', description: 'Most frequent hour of activity, UTC', unit: 'hour 0-23' },
  { name: 'favouriteWeekday', kind: 'behaviour', description: 'Most frequent weekday, UTC', unit: '0 = Monday .. 6 = Sunday' },
  { name: 'weekendShare', kind: 'behaviour', description: 'Share of events on Saturday or Sunday, UTC', unit: 'ratio' },
  { name: 'friends', kind: 'social', description: 'FRIEND ties', unit: 'users' },
  { name: 'followers', kind: 'social', description: 'Users following this user', unit: 'users' },
  { name: 'following', kind: 'social', description: 'Users this user follows', unit: 'users' },
  { name: 'influence', kind: 'social', description: 'PageRank over FRIEND and FOLLOWS, the average user = 1', unit: 'score' },
  { name: 'pAlive', kind: 'value', description: 'BG/NBD probability the customer is still active', unit: 'probability' },
  { name: 'churnRisk', kind: 'value', description: '1 - pAlive', unit: 'probability' },
  { name: 'expectedPurchases90d', kind: 'value', description: 'BG/NBD expected purchases in the next 90 days', unit: 'purchases' },
  { name: 'expectedAverageValue', kind: 'value', description: 'Gamma-Gamma expected order value', unit: 'currency' },
  { name: 'clv', kind: 'value', description: 'Discounted expected spend over the horizon', unit: 'currency' },
  { name: 'rfmR', kind: 'value', description: 'RFM recency quintile score (5 = most recent)', unit: '1-5' },
  { name: 'rfmF', kind: 'value', description: 'RFM frequency quintile score', unit: '1-5' },
  { name: 'rfmM', kind: 'value', description: 'RFM monetary quintile score', unit: '1-5' },
];

/** String attributes rules can compare with eq, neq and in. */
export const ATTRIBUTES: readonly string[] = ['gender', 'location', 'rfmSegment'];

export const FEATURE_NAMES: ReadonlySet<string> = new Set(FEATURES.map((f) => f.name));
export const ATTRIBUTE_NAMES: ReadonlySet<string> = new Set(ATTRIBUTES);

/** Clustering's default features: behaviour and interest-like ones that say how a customer shops. */
export const DEFAULT_CLUSTER_FEATURES: readonly string[] = [
  'recencyDays', 'frequency', 'monetary', 'views', 'carts', 'sessions', 'meanSessionMinutes',
  'viewToCartRate', 'cartToPurchaseRate', 'daysSinceLastActivity', 'weekendShare',
];

/** Heavy-tailed counts and amounts, taken as log(1 + x) before standardising. */
export const LOG_FEATURES: ReadonlySet<string> = new Set(['frequency', 'monetary', 'views', 'favourites', 'carts', 'purchases', 'cancels', 'ratings', 'sessions', 'meanSessionMinutes', 'friends', 'followers', 'following']);

/**
 * The derived behaviour values that depend on the reference time or on two counters: the same formula the
 * profiles run and the live counters use (src/algorithms/profile/profile-counters.ts).
 */
export function derivedBehaviour(p: StoredProfile, asOf: number): DerivedFeatures {
  return derivedFromCounters({ ...p.counters, frequency: p.counters.purchases }, asOf);
}

/** Every numeric feature of FEATURES for one stored profile, at reference time `asOf`. */
export function featureValues(p: StoredProfile, asOf: number): Record<string, number | null> {
  const c = p.counters;
  const k = p.computed;
  const d = derivedBehaviour(p, asOf);
  return {
    age: p.age,
    accountAgeDays: p.createdAt === null ? null : Math.max(0, asOf - p.createdAt) / DAY_MS,
    recencyDays: d.recencyDays,
    frequency: c.purchases,
    monetary: c.monetary,
    views: c.views, favourites: c.favourites, carts: c.carts, purchases: c.purchases, cancels: c.cancels, ratings: c.ratings,
    sessions: k.sessions, meanSessionMinutes: k.meanSessionMinutes,
    viewToCartRate: d.viewToCartRate, cartToPurchaseRate: d.cartToPurchaseRate,
    daysSinceLastActivity: d.daysSinceLastActivity,
    favouriteHour: k.favouriteHour, favouriteWeekday: k.favouriteWeekday, weekendShare: k.weekendShare,
    friends: p.friends, followers: p.followers, following: p.following, influence: k.influence,
    pAlive: k.pAlive, churnRisk: k.pAlive === null ? null : 1 - k.pAlive,
    expectedPurchases90d: k.expectedPurchases90d, expectedAverageValue: k.expectedAverageValue, clv: k.clv,
    rfmR: k.rfm?.r ?? null, rfmF: k.rfm?.f ?? null, rfmM: k.rfm?.m ?? null,
  };
}

/** String attributes of one profile, for eq / neq / in rules. */
export function attributeValues(p: StoredProfile): Record<string, string | null> {
  return { gender: p.gender, location: p.location, rfmSegment: p.computed.rfm?.segment ?? null };
}

/** Category and tag affinities keyed 'category:<id>' / 'tag:<id>' (the rule language's names). */
export function affinityValues(p: StoredProfile): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of p.computed.topCategories) out[`category:${a.id}`] = a.score;
  for (const a of p.computed.topTags) out[`tag:${a.id}`] = a.score;
  return out;
}
