// The next-best offer: among the running campaigns of a channel the user is eligible for, the one with the
// highest expected value (offer-scoring.ts), with its reasons, its items best first and a recommendationId
// so what the offer causes is attributed to the campaign (docs/loop.md). Two round trips at most: the user's
// facts with every candidate (campaign-offer-facts.cypher), then, only when one is eligible, the population
// rates (campaign-rates.cypher).
import { notFound } from '../../domain/errors.ts';
import type { ItemId } from '../../domain/ids.ts';
import { campaignStatus, type Campaign, type Channel } from '../../domain/loop.ts';
import type { Principal } from '../../domain/principal.ts';
import type { CampaignStore, CandidateFacts } from '../../storage/campaign-store.ts';
import { authorize } from '../access/permissions.ts';
import { PLAIN_USER_IDS, type UserIdCodec } from '../privacy/user-id-codec.ts';
import { inHoldout } from './campaign-holdout.ts';
import { offerReasons } from './offer-reasons.ts';
import { byExpectedValue, orderOfferItems, pooledRate, scoreOffer } from './offer-scoring.ts';
import type { RecommendationIds } from './recommendation-id.ts';

export interface OfferView {
  readonly campaign: Campaign;
  readonly recommendationId: string;
  /** Best first; the items the user already bought are left out. */
  readonly itemIds: readonly ItemId[];
  readonly conversionProbability: number;
  readonly expectedValue: number;
  readonly reasons: readonly string[];
}

export class NextBestOffer {
  constructor(
    private readonly store: CampaignStore,
    private readonly recIds: RecommendationIds,
    private readonly now: () => number,
    private readonly ids: UserIdCodec = PLAIN_USER_IDS,
  ) {}

  /** null when no campaign is eligible; NOT_FOUND for an unknown user (after the permission check). */
  async offer(p: Principal, userId: string, channel: Channel): Promise<OfferView | null> {
    const id = this.ids.encode(userId);
    authorize(p, 'offers:read', id);
    const now = this.now();
    const facts = await this.store.offerFacts(id, channel, now);
    if (facts === null) throw notFound('User', userId);
    if (!facts.marketing) return null;
    const eligible = facts.candidates.flatMap((c) => {
      const items = orderOfferItems(c.items, new Map(c.categories.map((k) => [k.id, k.weight])));
      return isEligible(c, id, now, items.length) ? [{ c, items }] : [];
    });
    if (eligible.length === 0) return null;
    const rates = await this.store.rates();
    const pooled = pooledRate(rates.byCampaign.values());
    const scored = eligible.map(({ c, items }) => {
      const counts = rates.byCampaign.get(c.campaign.id) ?? { shown: 0, converted: 0 };
      const score = scoreOffer({
        counts, pooled, purchases: facts.purchases, meanPurchases: rates.meanPurchases,
        weightInOffer: c.weightInOffer, weightTotal: facts.weightTotal, value: c.campaign.offer.value,
      });
      return { id: c.campaign.id, c, items, counts, score, expectedValue: score.expectedValue };
    });
    const best = scored.sort(byExpectedValue)[0]!;
    const itemIds = best.items.map((i) => i.id);
    return {
      campaign: best.c.campaign,
      recommendationId: this.recIds.encode({
        surface: 'offer', userId: id, servedAt: now, strategy: null, experimentKey: null, variant: null,
        campaignId: best.id, offset: 0, itemIds,
      }),
      itemIds,
      conversionProbability: best.score.conversionProbability,
      expectedValue: best.score.expectedValue,
      reasons: offerReasons({
        segment: segmentLabel(best.c), counts: best.counts, score: best.score, purchases: facts.purchases,
        meanPurchases: rates.meanPurchases, categories: best.c.categories,
      }),
    };
  }
}

/**
 * Audience, window, frequency cap, holdout; and something left to offer: an offer made only of items the
 * user already bought (no coupon, no message) is not made.
 */
function isEligible(c: CandidateFacts, userId: string, now: number, itemsLeft: number): boolean {
  const k = c.campaign;
  if (campaignStatus(k, now) !== 'RUNNING' || !c.inAudience) return false;
  if (k.frequencyCap !== null && c.seen >= k.frequencyCap) return false;
  if (itemsLeft === 0 && k.offer.coupon === null && k.offer.message === null) return false;
  return !inHoldout(k, userId);
}

function segmentLabel(c: CandidateFacts): string | null {
  return c.campaign.audienceSegmentId === null ? null : (c.segmentName ?? c.campaign.audienceSegmentId);
}

