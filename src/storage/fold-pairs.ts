import type { InteractionEvent } from '../domain/events.ts';
import { eventWeight } from '../domain/interaction-weights.ts';

/** Per-(user, item) totals of a batch of new events, the parameter of cypher/ingest/interactions-fold.cypher. */
export interface InteractionPair {
  userId: string;
  itemId: string;
  views: number;
  favourites: number;
  carts: number;
  purchases: number;
  cancels: number;
  ratings: number;
  ratingSum: number;
  weight: number;
  firstTs: number;
  lastTs: number;
}

const COUNTER = {
  view: 'views', favourite: 'favourites', cart: 'carts', purchase: 'purchases', cancel: 'cancels', rating: 'ratings',
} as const;

/** Groups events by (user, item); order of pairs follows first appearance (deterministic). */
export function foldPairs(events: readonly InteractionEvent[]): InteractionPair[] {
  const byPair = new Map<string, InteractionPair>();
  for (const e of events) {
    const key = `${e.userId}\u0000${e.itemId}`;
    let p = byPair.get(key);
    if (p === undefined) {
      p = { userId: e.userId, itemId: e.itemId, views: 0, favourites: 0, carts: 0, purchases: 0, cancels: 0, ratings: 0, ratingSum: 0, weight: 0, firstTs: e.ts, lastTs: e.ts };
      byPair.set(key, p);
    }
    p[COUNTER[e.type]] += 1;
    if (e.type === 'rating') p.ratingSum += e.value ?? 0;
    p.weight += eventWeight(e.type, e.value);
    if (e.ts < p.firstTs) p.firstTs = e.ts;
    if (e.ts > p.lastTs) p.lastTs = e.ts;
  }
  return [...byPair.values()];
}
