import type { StoredSegment } from './segment.ts';

// A customer's profile as stored on the User node: the behaviour counters that every new event updates
// (order-independent sums, minimums and maximums, so live writes and bulk loads keep them exact), and the
// features of the last profiles run (`grec features`), which need the whole history or the whole
// population (sessions, time of day, interests, influence, churn and value models, RFM scores).
// A feature nobody can know (no purchase yet, refused analytics) is null, never 0.

/** Event counts per type (number of events, not of distinct items). */
export interface EventCounts {
  readonly views: number;
  readonly favourites: number;
  readonly carts: number;
  readonly purchases: number;
  /** Cancels are counted here only; they are not subtracted from `purchases` or `monetary`. */
  readonly cancels: number;
  readonly ratings: number;
}

/** Kept current by every event write (cypher/customers/profile-counters.cypher). */
export interface ProfileCounters extends EventCounts {
  /**
   * Spend, shop currency: sum over purchases of the event's order value when present, else the item's
   * price. A purchase with neither adds 0 and is counted in `unpricedPurchases`.
   */
  readonly monetary: number;
  /** Purchases with neither an order value nor an item price (counted, not guessed). */
  readonly unpricedPurchases: number;
  /** Epoch ms of the earliest / latest event of any type, and of the latest purchase; null when none. */
  readonly firstActivityTs: number | null;
  readonly lastActivityTs: number | null;
  readonly lastPurchaseTs: number | null;
}

export interface AffinityScore {
  readonly id: string;
  /** Share of the user's decayed, weighted interest, in [0, 1]. */
  readonly score: number;
}

export interface RfmScore {
  readonly r: number;
  readonly f: number;
  readonly m: number;
  readonly segment: string;
}

/** Written by the profiles run; all null for users who refused analytics or before the first run. */
export interface ComputedFeatures {
  readonly sessions: number | null;
  readonly meanSessionMinutes: number | null;
  /** 0-23, UTC. */
  readonly favouriteHour: number | null;
  /** 0 = Monday .. 6 = Sunday, UTC. */
  readonly favouriteWeekday: number | null;
  readonly weekendShare: number | null;
  readonly topCategories: readonly AffinityScore[];
  readonly topTags: readonly AffinityScore[];
  /** PageRank on FRIEND + FOLLOWS scaled so the average user is 1. */
  readonly influence: number | null;
  /** BG/NBD P(alive) at the run's reference time. */
  readonly pAlive: number | null;
  readonly expectedPurchases90d: number | null;
  /** Gamma-Gamma expected order value. */
  readonly expectedAverageValue: number | null;
  /** Discounted expected spend over the configured horizon. */
  readonly clv: number | null;
  readonly rfm: RfmScore | null;
  /** When the run wrote this profile, and the reference time ("now") it computed with. */
  readonly computedAt: number | null;
  readonly asOf: number | null;
}

export interface StoredProfile {
  readonly userId: string;
  readonly age: number | null;
  readonly gender: string | null;
  readonly location: string | null;
  readonly createdAt: number | null;
  readonly counters: ProfileCounters;
  readonly computed: ComputedFeatures;
  readonly friends: number;
  readonly followers: number;
  readonly following: number;
  /** The segments the user is in (read with the profile: whoever may read it may see them). */
  readonly segments: readonly StoredSegment[];
  /** The GRAPH model's 64-dim user vector, when `refreshGraphModel(writeEmbeddings: true)` stored one. */
  readonly graphVector: readonly number[] | null;
}

/** The User properties that hold a profile (counters and computed features): derived data, not given by the user. */
export const PROFILE_PROPERTIES: readonly string[] = [
  'views', 'favourites', 'carts', 'purchases', 'cancels', 'ratings', 'monetary', 'unpricedPurchases',
  'firstActivityTs', 'lastActivityTs', 'lastPurchaseTs',
  'sessions', 'meanSessionMinutes', 'favouriteHour', 'favouriteWeekday', 'weekendShare',
  'topCategoryIds', 'topCategoryScores', 'topTagIds', 'topTagScores', 'influence',
  'pAlive', 'expectedPurchases90d', 'expectedAverageValue', 'clv', 'rfmR', 'rfmF', 'rfmM', 'rfmSegment',
  'profileComputedAt', 'profileAsOf',
];
