// A campaign's audience as a contact list (email / push export): the members who consent to marketing,
// are not in the holdout and have not reached the frequency cap, best expected value first (the offer
// model of offer-scoring.ts; ties by user id). Three round trips whatever the page: the campaign, every
// member's facts (campaign-audience-facts.cypher) and the population rates. The whole audience is scored
// in memory on every call (O(members) memory and time plus the read of their interactions), which keeps
// pages consistent with each other and gives the exact totalCount; keyset cursors (expected value, user
// id) make a page start right after the last member seen even when the ranking moved in between.
import { invalidInput, notFound } from '../../domain/errors.ts';
import type { Campaign } from '../../domain/loop.ts';
import type { Principal } from '../../domain/principal.ts';
import type { CampaignStore } from '../../storage/campaign-store.ts';
import { authorize } from '../access/permissions.ts';
import { inHoldout } from './campaign-holdout.ts';
import { byExpectedValue, pooledRate, scoreOffer } from './offer-scoring.ts';

export const MAX_AUDIENCE_PAGE = 1000;

export interface AudienceMember {
  readonly userId: string;
  readonly conversionProbability: number;
  readonly expectedValue: number;
}

export interface AudiencePage {
  readonly campaign: Campaign;
  readonly edges: readonly { readonly cursor: string; readonly node: AudienceMember }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly totalCount: number;
}

export class CampaignAudience {
  constructor(private readonly store: CampaignStore) {}

  async page(p: Principal, campaignId: string, first: number | null | undefined, after: string | null | undefined): Promise<AudiencePage> {
    authorize(p, 'audience:read');
    const size = first ?? 100;
    if (!Number.isInteger(size) || size < 1 || size > MAX_AUDIENCE_PAGE) {
      throw invalidInput(`first must be an integer between 1 and ${MAX_AUDIENCE_PAGE}, got ${size}`, { field: 'first' });
    }
    const from = after == null || after === '' ? null : decodeAudienceCursor(after);
    const campaign = await this.store.get(campaignId);
    if (campaign === null) throw notFound('Campaign', campaignId);
    const [members, rates] = await Promise.all([this.store.audienceFacts(campaign.id), this.store.rates()]);
    const counts = rates.byCampaign.get(campaign.id) ?? { shown: 0, converted: 0 };
    const pooled = pooledRate(rates.byCampaign.values());
    const ranked = members
      .filter((m) => (campaign.frequencyCap === null || m.seen < campaign.frequencyCap) && !inHoldout(campaign, m.userId))
      .map((m) => {
        const s = scoreOffer({
          counts, pooled, purchases: m.purchases, meanPurchases: rates.meanPurchases,
          weightInOffer: m.weightInOffer, weightTotal: m.weightTotal, value: campaign.offer.value,
        });
        return { id: m.userId, userId: m.userId, conversionProbability: s.conversionProbability, expectedValue: s.expectedValue };
      })
      .sort(byExpectedValue);
    const start = from === null ? 0 : ranked.findIndex((m) => byExpectedValue(m, { id: from.userId, expectedValue: from.expectedValue }) > 0);
    const rest = start < 0 ? [] : ranked.slice(start);
    const page = rest.slice(0, size);
    const edges = page.map(({ userId, conversionProbability, expectedValue }) => ({
      cursor: encodeAudienceCursor(expectedValue, userId), node: { userId, conversionProbability, expectedValue },
    }));
    return { campaign, edges, pageInfo: { hasNextPage: rest.length > size, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: ranked.length };
  }
}

/** Opaque: base64url of the JSON pair [expectedValue, userId] (numbers round-trip exactly through JSON). */
export function encodeAudienceCursor(expectedValue: number, userId: string): string {
  return Buffer.from(JSON.stringify([expectedValue, userId]), 'utf8').toString('base64url');
}

export function decodeAudienceCursor(cursor: string): { expectedValue: number; userId: string } {
  const bad = () => invalidInput(`malformed cursor '${cursor}'`, { field: 'after' });
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'number' || !Number.isFinite(v[0]) || typeof v[1] !== 'string') throw bad();
  return { expectedValue: v[0], userId: v[1] };
}
