// Plain words for a cluster: the features whose members' mean z-score is furthest from 0 (the population
// mean), each turned into a phrase ("big spenders", "weekend shoppers", "electronics"). Features without a
// phrase fall back to "high <feature>" / "low <feature>"; affinity keys ('category:c1') use the caller's
// label. Only features at least MIN_DESCRIBED_Z standard deviations from the mean are put into words, so
// a cluster near the average is called that instead of being given noise as a trait.

export interface DistinguishingFeature {
  readonly feature: string;
  /** Mean z-score of the cluster's members. */
  readonly z: number;
  readonly direction: 'high' | 'low';
}

export interface Phrase {
  readonly high: string;
  readonly low: string;
}

/** Phrases for the product's known profile features; callers' extra features use the fallback. */
export const FEATURE_PHRASES: Readonly<Record<string, Phrase>> = {
  age: { high: 'older', low: 'younger' },
  accountAgeDays: { high: 'long-standing members', low: 'new members' },
  recencyDays: { high: 'lapsed', low: 'recent buyers' },
  frequency: { high: 'frequent buyers', low: 'infrequent buyers' },
  monetary: { high: 'big spenders', low: 'small spenders' },
  views: { high: 'heavy browsers', low: 'light browsers' },
  favourites: { high: 'many favourites', low: 'few favourites' },
  carts: { high: 'many cart adds', low: 'few cart adds' },
  purchases: { high: 'many purchases', low: 'few purchases' },
  cancels: { high: 'frequent cancellations', low: 'rare cancellations' },
  ratings: { high: 'active reviewers', low: 'rarely rate' },
  sessions: { high: 'frequent visitors', low: 'occasional visitors' },
  meanSessionMinutes: { high: 'long sessions', low: 'short sessions' },
  viewToCartRate: { high: 'quick to add to cart', low: 'browse without adding to cart' },
  cartToPurchaseRate: { high: 'complete their carts', low: 'high cart abandonment' },
  daysSinceLastActivity: { high: 'inactive', low: 'recently active' },
  favouriteHour: { high: 'late-day shoppers', low: 'early-day shoppers' },
  favouriteWeekday: { high: 'late-week shoppers', low: 'early-week shoppers' },
  weekendShare: { high: 'weekend shoppers', low: 'weekday shoppers' },
  friends: { high: 'many friends', low: 'few friends' },
  followers: { high: 'many followers', low: 'few followers' },
  following: { high: 'follow many', low: 'follow few' },
  influence: { high: 'influencers', low: 'little influence' },
  pAlive: { high: 'likely still active', low: 'likely churned' },
  expectedPurchases90d: { high: 'expected to buy soon', low: 'unlikely to buy soon' },
  expectedAverageValue: { high: 'high expected order value', low: 'low expected order value' },
  clv: { high: 'high lifetime value', low: 'low lifetime value' },
};

export const MIN_DESCRIBED_Z = 0.25;
const AVERAGE = 'close to the average user';

/** Default display name of an affinity key: 'category:c1' -> 'category c1'. */
export const defaultLabel = (key: string): string => key.replace(':', ' ');

/**
 * The `top` features by |mean z|, ties by the given order (stable sort). A mean of exactly 0 is not
 * distinguishing and is left out.
 */
export function distinguishingFeatures(meanZ: readonly (readonly [string, number])[], top = 3): DistinguishingFeature[] {
  return meanZ
    .filter(([, z]) => z !== 0 && Number.isFinite(z))
    .map(([feature, z]) => ({ feature, z, direction: z > 0 ? ('high' as const) : ('low' as const) }))
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
    .slice(0, top);
}

/** The phrase for one feature in one direction. */
export function featurePhrase(feature: string, direction: 'high' | 'low', labels: (key: string) => string = defaultLabel): string {
  const known = Object.hasOwn(FEATURE_PHRASES, feature) ? FEATURE_PHRASES[feature] : undefined;
  if (known !== undefined) return known[direction];
  if (feature.includes(':')) return direction === 'high' ? labels(feature) : `little interest in ${labels(feature)}`;
  return `${direction} ${feature}`;
}

/** e.g. "big spenders, frequent buyers, electronics"; "close to the average user" when nothing stands out. */
export function describeCluster(distinguishing: readonly DistinguishingFeature[], labels?: (key: string) => string): string {
  const phrases = distinguishing
    .filter((d) => Math.abs(d.z) >= MIN_DESCRIBED_Z)
    .map((d) => featurePhrase(d.feature, d.direction, labels));
  return phrases.length > 0 ? phrases.join(', ') : AVERAGE;
}
