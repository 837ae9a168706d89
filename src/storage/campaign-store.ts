// Campaigns and what the offer model reads about them (cypher/loop/campaign-*.cypher; graph model in
// docs/loop.md "Campaigns"). The offer is stored as JSON on the Campaign node, its item ids also as a list
// property so queries can match the items.
import { ALL_GRANTED, type Consent } from '../domain/consent.ts';
import { asItemId, type ItemId } from '../domain/ids.ts';
import type { Campaign, Channel, Offer } from '../domain/loop.ts';
import { cypher } from './cypher-files.ts';
import type { Executor, Row } from './executor.ts';

export interface CampaignFigures {
  /** Members of the audience segment (every user without one), before holdout and consent. */
  readonly audienceSize: number;
  /** Offer items rendered (users with analytics consent). */
  readonly impressions: number;
  /** Users with an attributed purchase (users with analytics consent). */
  readonly conversions: number;
}

/** Users shown a campaign, and users with a purchase attributed to it (analytics consent only). */
export interface CampaignCounts {
  readonly shown: number;
  readonly converted: number;
}

/** The population side of the offer model (campaign-rates.cypher). */
export interface PopulationRates {
  readonly byCampaign: ReadonlyMap<string, CampaignCounts>;
  /** Mean purchase count of the users shown any campaign; null when nobody was. */
  readonly meanPurchases: number | null;
}

export interface OfferItemFacts {
  readonly id: ItemId;
  readonly categoryIds: readonly string[];
  /** The user already bought it. */
  readonly purchased: boolean;
}

/** The user's history in one of the offer's categories. */
export interface CategoryInterest {
  readonly id: string;
  readonly name: string | null;
  readonly purchases: number;
  readonly weight: number;
}

/** One running campaign of the channel, as it concerns one user. */
export interface CandidateFacts {
  readonly campaign: Campaign;
  readonly segmentName: string | null;
  readonly inAudience: boolean;
  /** Impressions of this campaign the user already had (Impression nodes). */
  readonly seen: number;
  /** The offer's items that exist, in offer order. */
  readonly items: readonly OfferItemFacts[];
  readonly categories: readonly CategoryInterest[];
  /** Interaction weight of the user's items in any of the offer's categories. */
  readonly weightInOffer: number;
}

export interface UserOfferFacts {
  readonly userId: string;
  /** Effective marketing consent (the recorded choice, else the default). */
  readonly marketing: boolean;
  readonly purchases: number;
  readonly weightTotal: number;
  readonly candidates: readonly CandidateFacts[];
}

/** One audience member with marketing consent (campaign-audience-facts.cypher). */
export interface MemberFacts {
  readonly userId: string;
  readonly purchases: number;
  readonly seen: number;
  readonly weightTotal: number;
  readonly weightInOffer: number;
}

export class CampaignStore {
  constructor(private readonly executor: Executor, private readonly consentDefaults: Consent = ALL_GRANTED) {}

  /** CONFLICT (the campaign_id constraint) when the id is taken. */
  async create(c: Campaign): Promise<Campaign> {
    const campaign = {
      id: c.id, name: c.name, audienceSegmentId: c.audienceSegmentId, offer: JSON.stringify(c.offer), itemIds: [...c.offer.itemIds],
      channel: c.channel, startAt: c.startAt, endAt: c.endAt, frequencyCap: c.frequencyCap, holdoutShare: c.holdoutShare,
      createdAt: c.createdAt, stoppedAt: c.stoppedAt,
    };
    const [row] = await this.executor.write(cypher('loop/campaign-create'), { campaign });
    return campaignFromRow(row?.['campaign'] as Row);
  }

  /** Newest first (ties by id); only the given ids when `ids` is not null. */
  async list(ids: readonly string[] | null = null): Promise<Campaign[]> {
    const rows = await this.executor.read(cypher('loop/campaign-list'), { ids: ids === null ? null : [...ids] });
    return rows.map((r) => campaignFromRow(r['campaign'] as Row));
  }

  async get(id: string): Promise<Campaign | null> {
    return (await this.list([id]))[0] ?? null;
  }

  /** Sets stoppedAt once; null when the campaign does not exist. */
  async stop(id: string, at: number): Promise<Campaign | null> {
    const [row] = await this.executor.write(cypher('loop/campaign-stop'), { id, at });
    return row === undefined ? null : campaignFromRow(row['campaign'] as Row);
  }

  /** Figures of each campaign that exists, in one round trip. */
  async figures(ids: readonly string[]): Promise<Map<string, CampaignFigures>> {
    const rows = await this.executor.read(cypher('loop/campaign-figures'), { ids: [...new Set(ids)], consentDefaults: { ...this.consentDefaults } });
    return new Map(rows.map((r) => [String(r['id']), {
      audienceSize: Number(r['audienceSize']), impressions: Number(r['impressions']), conversions: Number(r['conversions']),
    }]));
  }

  async rates(): Promise<PopulationRates> {
    const [row] = await this.executor.read(cypher('loop/campaign-rates'), { consentDefaults: { ...this.consentDefaults } });
    const byCampaign = new Map<string, { shown: number; converted: number }>();
    const entry = (id: string) => byCampaign.get(id) ?? byCampaign.set(id, { shown: 0, converted: 0 }).get(id)!;
    for (const s of (row?.['shown'] ?? []) as Row[]) entry(String(s['campaign'])).shown = Number(s['users']);
    for (const s of (row?.['converted'] ?? []) as Row[]) entry(String(s['campaign'])).converted = Number(s['users']);
    const shownUsers = Number(row?.['shownUsers'] ?? 0);
    return { byCampaign, meanPurchases: shownUsers === 0 ? null : Number(row?.['meanPurchases']) };
  }

  /** The user and the running campaigns of the channel at `now`; null when the user does not exist. */
  async offerFacts(userId: string, channel: Channel, now: number): Promise<UserOfferFacts | null> {
    const [row] = await this.executor.read(cypher('loop/campaign-offer-facts'), { userId, channel, now, consentDefaults: { ...this.consentDefaults } });
    if (row === undefined) return null;
    return {
      userId: String(row['userId']),
      marketing: row['marketing'] === true,
      purchases: Number(row['purchases'] ?? 0),
      weightTotal: Number(row['weightTotal'] ?? 0),
      candidates: (row['campaigns'] as Row[]).map((c) => {
        const campaign = campaignFromRow(c);
        const found = new Map((c['items'] as Row[]).map((i) => [String(i['id']), i]));
        return {
          campaign,
          segmentName: c['segmentName'] == null ? null : String(c['segmentName']),
          inAudience: c['inAudience'] === true,
          seen: Number(c['seen'] ?? 0),
          items: campaign.offer.itemIds.flatMap((id) => {
            const i = found.get(id);
            return i === undefined ? [] : [{ id, categoryIds: (i['categoryIds'] as unknown[]).map(String), purchased: i['purchased'] === true }];
          }),
          categories: (c['categories'] as Row[]).map((k) => ({
            id: String(k['id']), name: k['name'] == null ? null : String(k['name']), purchases: Number(k['purchases'] ?? 0), weight: Number(k['weight'] ?? 0),
          })),
          weightInOffer: Number(c['weightInOffer'] ?? 0),
        };
      }),
    };
  }

  /** Audience members with marketing consent, in id order (holdout and cap not applied). */
  async audienceFacts(campaignId: string): Promise<MemberFacts[]> {
    const rows = await this.executor.read(cypher('loop/campaign-audience-facts'), { campaignId, consentDefaults: { ...this.consentDefaults } });
    return rows.map((r) => ({
      userId: String(r['userId']), purchases: Number(r['purchases'] ?? 0), seen: Number(r['seen'] ?? 0),
      weightTotal: Number(r['weightTotal'] ?? 0), weightInOffer: Number(r['weightInOffer'] ?? 0),
    }));
  }
}

/** A Campaign from its node's properties (extra keys of a projection are ignored). */
export function campaignFromRow(r: Row): Campaign {
  const offer = JSON.parse(String(r['offer'])) as Record<string, unknown>;
  const optNum = (v: unknown): number | null => (v == null ? null : Number(v));
  const optStr = (v: unknown): string | null => (v == null ? null : String(v));
  const parsed: Offer = {
    itemIds: ((offer['itemIds'] ?? []) as unknown[]).map((id) => asItemId(String(id))),
    coupon: optStr(offer['coupon']),
    discount: optNum(offer['discount']),
    message: optStr(offer['message']),
    value: Number(offer['value'] ?? 0),
  };
  return {
    id: String(r['id']),
    name: String(r['name']),
    audienceSegmentId: optStr(r['audienceSegmentId']),
    offer: parsed,
    channel: String(r['channel']) as Channel,
    startAt: Number(r['startAt']),
    endAt: optNum(r['endAt']),
    frequencyCap: optNum(r['frequencyCap']),
    holdoutShare: Number(r['holdoutShare'] ?? 0),
    createdAt: Number(r['createdAt']),
    stoppedAt: optNum(r['stoppedAt']),
  };
}
