// Attribution of an interaction to the page it came from (docs/loop.md "Impressions and attribution: what is
// checked"). Pure: the recommendation id is decoded, and its user matched, by the caller; this decides
// whether the event counts for that page, and at which position.
import type { ItemId } from '../../domain/ids.ts';
import type { Attribution } from '../../domain/loop.ts';
import { positionOnPage, type DecodedPage } from './recommendation-id.ts';

/**
 * Client clocks run a little behind the server's: a report or interaction stamped up to this long before
 * the page was served is taken as happening at serving time rather than refused (or left unattributed).
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

export type AttributionOutcome =
  | { readonly kind: 'attributed'; readonly attribution: Attribution }
  | { readonly kind: 'unattributed'; readonly reason: 'not on the page' | 'outside the attribution window' };

/**
 * The event's attribution to `page` when its item was on the page and it happened within
 * [servedAt - CLOCK_SKEW_MS, servedAt + windowMs]; the page's user must already be known to be the event's.
 */
export function attribute(page: DecodedPage, event: { readonly itemId: ItemId; readonly ts: number }, windowMs: number): AttributionOutcome {
  const position = positionOnPage(page, event.itemId);
  if (position === null) return { kind: 'unattributed', reason: 'not on the page' };
  if (event.ts < page.servedAt - CLOCK_SKEW_MS || event.ts > page.servedAt + windowMs) {
    return { kind: 'unattributed', reason: 'outside the attribution window' };
  }
  return {
    kind: 'attributed',
    attribution: {
      recommendationId: page.recommendationId, strategy: page.strategy, experimentKey: page.experimentKey,
      variant: page.variant, campaignId: page.campaignId, position, servedAt: page.servedAt,
    },
  };
}
