// The offer model: how likely a user is to convert on a campaign's offer, and so its expected value.
// Pure; the figures come from campaign-rates.cypher (population) and campaign-*-facts.cypher (the user).
//
//   m          = (C + 1) / (S + 20)                       pooled rate of all campaigns, Beta(1, 19) prior
//                                                         (C: converted users, S: shown users, summed over
//                                                         campaigns; 5 % before any data)
//   base_c     = (conv_c + K m) / (shown_c + K), K = 20   the campaign's rate, shrunk towards m (Beta prior
//                                                         of mean m and strength K: a new campaign is m)
//   activity_u = clamp((1 + f_u) / (1 + f̄), 1/2, 2)      purchase frequency f_u relative to the mean f̄ of
//                                                         the users shown any campaign (the population the
//                                                         base rates come from); 1 when nobody was shown
//   interest_u = W_offer / W in [0, 1]                    share of the user's interaction weight on items in
//                                                         the offer's categories (0 without history)
//   p          = min(1, base_c x activity_u x (1 + interest_u))
//   EV         = p x value
// Normalising f by the shown users' mean keeps the average shown user at the base rate; the clamp and the
// bounded interest term keep one heavy buyer from reaching p = 1 on any offer.
import type { CampaignCounts } from '../../storage/campaign-store.ts';

export const PRIOR_CONVERSIONS = 1;
export const PRIOR_NON_CONVERSIONS = 19;
/** Pseudo-users of the pooled rate added to each campaign's own figures. */
export const PRIOR_STRENGTH = 20;
export const ACTIVITY_MIN = 0.5;
export const ACTIVITY_MAX = 2;

/** m: converted over shown users, summed over every campaign, with the Beta(1, 19) prior. */
export function pooledRate(byCampaign: Iterable<CampaignCounts>): number {
  let converted = 0;
  let shown = 0;
  for (const c of byCampaign) {
    converted += c.converted;
    shown += c.shown;
  }
  return (converted + PRIOR_CONVERSIONS) / (shown + PRIOR_CONVERSIONS + PRIOR_NON_CONVERSIONS);
}

/** base_c: the campaign's own rate shrunk towards the pooled one (at most 1: attributed purchases may outnumber reported impressions). */
export function baseRate(c: CampaignCounts, pooled: number): number {
  return Math.min(1, (c.converted + PRIOR_STRENGTH * pooled) / (c.shown + PRIOR_STRENGTH));
}

export function activityFactor(purchases: number, meanPurchases: number | null): number {
  if (meanPurchases === null) return 1;
  const ratio = (1 + Math.max(0, purchases)) / (1 + Math.max(0, meanPurchases));
  return Math.min(ACTIVITY_MAX, Math.max(ACTIVITY_MIN, ratio));
}

export function interestShare(weightInOffer: number, weightTotal: number): number {
  if (!(weightTotal > 0)) return 0;
  return Math.min(1, Math.max(0, weightInOffer / weightTotal));
}

export interface OfferScore {
  readonly base: number;
  readonly activity: number;
  readonly interest: number;
  readonly conversionProbability: number;
  readonly expectedValue: number;
}

export interface ScoreInput {
  readonly counts: CampaignCounts;
  readonly pooled: number;
  readonly purchases: number;
  readonly meanPurchases: number | null;
  readonly weightInOffer: number;
  readonly weightTotal: number;
  readonly value: number;
}

export function scoreOffer(x: ScoreInput): OfferScore {
  const base = baseRate(x.counts, x.pooled);
  const activity = activityFactor(x.purchases, x.meanPurchases);
  const interest = interestShare(x.weightInOffer, x.weightTotal);
  const conversionProbability = Math.min(1, Math.max(0, base * activity * (1 + interest)));
  return { base, activity, interest, conversionProbability, expectedValue: conversionProbability * x.value };
}

/** Higher expected value first; ties by the id (ascending), so the order never depends on the read order. */
export function byExpectedValue(a: { expectedValue: number; id: string }, b: { expectedValue: number; id: string }): number {
  return b.expectedValue - a.expectedValue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The offer's items to show: those the user has not bought, best first by the user's interest in the item's
 * categories (the largest category weight among them; 0 without one); ties keep the offer's order.
 */
export function orderOfferItems<T extends { readonly categoryIds: readonly string[]; readonly purchased: boolean }>(
  items: readonly T[],
  categoryWeight: ReadonlyMap<string, number>,
): T[] {
  const affinity = (i: T) => Math.max(0, ...i.categoryIds.map((k) => categoryWeight.get(k) ?? 0));
  return items
    .filter((i) => !i.purchased)
    .map((i, k) => ({ i, k, a: affinity(i) }))
    .sort((x, y) => y.a - x.a || x.k - y.k)
    .map((x) => x.i);
}
