import type { EventType } from './events.ts';

/**
 * How much one event adds to the aggregated user-item edge weight. Purchases say most about taste; a cancel
 * takes back most of a purchase. A rating adds (value - 2): 5 stars +3, 1 star -1.
 * Aggregated play counts (no events) use log(1 + plays) instead (cypher/ingest/aggregates.cypher).
 */
export const EVENT_WEIGHTS: Readonly<Record<Exclude<EventType, 'rating'>, number>> = {
  view: 1,
  favourite: 2,
  cart: 3,
  purchase: 5,
  cancel: -4,
};

export function eventWeight(type: EventType, value?: number): number {
  if (type === 'rating') return (value ?? 2) - 2;
  return EVENT_WEIGHTS[type];
}
