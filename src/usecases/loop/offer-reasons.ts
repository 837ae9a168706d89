// Why an offer was chosen: one plain sentence per factor of the offer model (offer-scoring.ts), in the
// order audience, campaign rate, activity, interest. Pure.
import type { CampaignCounts, CategoryInterest } from '../../storage/campaign-store.ts';
import type { OfferScore } from './offer-scoring.ts';

export interface ReasonInput {
  /** Name (else id) of the audience segment; null when the campaign targets everyone. */
  readonly segment: string | null;
  readonly counts: CampaignCounts;
  readonly score: OfferScore;
  readonly purchases: number;
  readonly meanPurchases: number | null;
  /** The user's history in each of the offer's categories. */
  readonly categories: readonly CategoryInterest[];
}

/** 0.0625 -> "6.3%", 0.06 -> "6%". */
export const percent = (x: number): string => `${Number((x * 100).toFixed(1))}%`;

const times = (n: number): string => `${n} ${n === 1 ? 'time' : 'times'}`;

export function offerReasons(x: ReasonInput): string[] {
  const out: string[] = [];
  if (x.segment !== null) out.push(`in segment '${x.segment}'`);
  out.push(x.counts.shown > 0
    ? `campaign converts ${percent(x.score.base)} of those shown (${x.counts.converted} of ${x.counts.shown} users, smoothed)`
    : `campaign not shown yet: expected to convert ${percent(x.score.base)} like campaigns so far`);
  if (x.meanPurchases !== null) {
    out.push(`bought ${times(x.purchases)} against an average of ${Number(x.meanPurchases.toFixed(1))} among customers shown a campaign`);
  }
  const top = [...x.categories]
    .filter((k) => k.weight > 0 || k.purchases > 0)
    .sort((a, b) => b.purchases - a.purchases || b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
  if (top === undefined || x.score.interest === 0) {
    out.push("no history in the offer's categories");
  } else {
    const name = top.name ?? top.id;
    out.push(top.purchases > 0 ? `bought ${times(top.purchases)} in ${name}` : `browsed ${name}`);
    out.push(`${percent(x.score.interest)} of their activity is in the offer's categories`);
  }
  return out;
}
