import type { EventId, ItemId, UserId } from './ids.ts';
import type { Attribution } from './loop.ts';

/** Interaction types, in the order they are usually reached in a shop funnel. */
export const EVENT_TYPES = ['view', 'favourite', 'cart', 'purchase', 'cancel', 'rating'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const isEventType = (s: string): s is EventType => (EVENT_TYPES as readonly string[]).includes(s);

/** Source vocabularies that map onto ours (Taobao: pv/fav/cart/buy). Unknown names are rejected, never dropped. */
export const EVENT_TYPE_ALIASES: Readonly<Record<string, EventType>> = {
  view: 'view', pv: 'view', click: 'view',
  favourite: 'favourite', favorite: 'favourite', fav: 'favourite', like: 'favourite',
  cart: 'cart', addtocart: 'cart', add_to_cart: 'cart',
  purchase: 'purchase', buy: 'purchase', order: 'purchase',
  cancel: 'cancel', return: 'cancel', refund: 'cancel',
  rating: 'rating', rate: 'rating',
};

export function parseEventType(raw: string): EventType | undefined {
  return EVENT_TYPE_ALIASES[raw.trim().toLowerCase()];
}

/**
 * One recorded interaction. `ts` is epoch milliseconds. `value`: on a rating, the rating value; on a purchase,
 * the order value (item price times quantity) in the shop's currency, when the source knows it.
 */
export interface InteractionEvent {
  readonly id: EventId;
  readonly userId: UserId;
  readonly itemId: ItemId;
  readonly type: EventType;
  readonly ts: number;
  readonly value?: number;
  /**
   * Implicit-feedback amount (units bought, play count, dwell seconds): the event adds quantity x its type's
   * weight to the INTERACTED weight (src/storage/fold-pairs.ts). Absent: 1. Non-negative and finite.
   */
  readonly quantity?: number;
  /** The page or offer it came from, when recordInteraction attributed it (docs/loop.md); stored on creation only. */
  readonly attribution?: Attribution;
}
