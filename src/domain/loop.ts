// The loop's domain: what a served page or offer was (so what it caused can be attributed to it), the
// experiments that choose strategies, and the campaigns that carry offers. Graph model: docs/loop.md.
import type { ItemId, UserId } from './ids.ts';

/** Where a page or offer was served. Recommendation pages and campaign offers share one id scheme. */
export type Surface = 'recommendations' | 'offer';

/**
 * What a recommendationId says about the page it names (signed, so a client cannot forge an attribution).
 * Nothing is stored when a page is served: the id itself carries this, and the impressions recorded
 * against it copy it into the graph.
 */
export interface ServedPage {
  readonly surface: Surface;
  readonly userId: UserId;
  /** Milliseconds since the epoch. */
  readonly servedAt: number;
  /** The strategy that ranked the page (HYBRID, POPULAR, ...); null for an offer. */
  readonly strategy: string | null;
  readonly experimentKey: string | null;
  readonly variant: string | null;
  readonly campaignId: string | null;
  /** Rank offset of the page's first item: its position is offset + 1. */
  readonly offset: number;
  /** The page's items in order (as 32-bit hashes inside the id; see recommendation-id.ts). */
  readonly itemIds: readonly ItemId[];
}

/** What an interaction that came from a page is attributed to (stored on its Event node). */
export interface Attribution {
  readonly recommendationId: string;
  readonly strategy: string | null;
  readonly experimentKey: string | null;
  readonly variant: string | null;
  readonly campaignId: string | null;
  /** Rank on the page, from 1. */
  readonly position: number;
  readonly servedAt: number;
}

/** The stored property names of an attributed Event (also the Cypher files' names). */
export const ATTRIBUTION_PROPERTIES = {
  recommendationId: 'recId',
  strategy: 'recStrategy',
  experimentKey: 'recExperiment',
  variant: 'recVariant',
  campaignId: 'recCampaign',
  position: 'recPosition',
  servedAt: 'recServedAt',
} as const satisfies Record<keyof Attribution, string>;

export type ExperimentStatus = 'SCHEDULED' | 'RUNNING' | 'STOPPED';

export interface ExperimentVariant {
  readonly key: string;
  readonly weight: number;
  /** A Strategy name. */
  readonly strategy: string;
  /** For HYBRID: blend weight per source; null = the served weights. */
  readonly hybridWeights: Readonly<Record<string, number>> | null;
}

export interface Experiment {
  readonly key: string;
  readonly name: string | null;
  readonly surface: 'recommendations';
  /** The first is the control. */
  readonly variants: readonly ExperimentVariant[];
  readonly coverage: number;
  readonly audienceSegmentId: string | null;
  readonly startAt: number;
  readonly stopAt: number | null;
  readonly seed: string;
  readonly hashVersion: 1 | 2;
  readonly createdAt: number;
  /** Set by stopExperiment; an experiment past its stopAt is stopped too. */
  readonly stoppedAt: number | null;
}

export function experimentStatus(e: Experiment, now: number): ExperimentStatus {
  if (e.stoppedAt !== null || (e.stopAt !== null && now >= e.stopAt)) return 'STOPPED';
  return now < e.startAt ? 'SCHEDULED' : 'RUNNING';
}

export type Channel = 'ONSITE' | 'EMAIL' | 'PUSH';

export interface Offer {
  readonly itemIds: readonly ItemId[];
  readonly coupon: string | null;
  readonly discount: number | null;
  readonly message: string | null;
  /** Value of a conversion in shop currency. */
  readonly value: number;
}

export interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly audienceSegmentId: string | null;
  readonly offer: Offer;
  readonly channel: Channel;
  readonly startAt: number;
  readonly endAt: number | null;
  readonly frequencyCap: number | null;
  readonly holdoutShare: number;
  readonly createdAt: number;
  readonly stoppedAt: number | null;
}

export function campaignStatus(c: Campaign, now: number): ExperimentStatus {
  if (c.stoppedAt !== null || (c.endAt !== null && now >= c.endAt)) return 'STOPPED';
  return now < c.startAt ? 'SCHEDULED' : 'RUNNING';
}
