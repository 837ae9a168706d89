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
    p.weight += eventWeight(e.type, e.value) * (e.quantity ?? 1);
    if (e.ts < p.firstTs) p.firstTs = e.ts;
    if (e.ts > p.lastTs) p.lastTs = e.ts;
  }
  return [...byPair.values()];
}

/** Per-user totals of a batch of new events, the parameter of cypher/customers/profile-counters.cypher. */
export interface UserCounterDelta {
  userId: string;
  views: number;
  favourites: number;
  carts: number;
  purchases: number;
  cancels: number;
  ratings: number;
  firstTs: number;
  lastTs: number;
  lastPurchaseTs: number | null;
  /** Spend is resolved in Cypher: the order value, else the item's price. */
  purchaseLines: { itemId: string; value: number | null }[];
}

/** Groups events by user, in order of first appearance; the same fold as the profile counters' applyEvent. */
export function foldUserCounters(events: readonly InteractionEvent[]): UserCounterDelta[] {
  const byUser = new Map<string, UserCounterDelta>();
  for (const e of events) {
    let d = byUser.get(e.userId);
    if (d === undefined) {
      d = { userId: e.userId, views: 0, favourites: 0, carts: 0, purchases: 0, cancels: 0, ratings: 0, firstTs: e.ts, lastTs: e.ts, lastPurchaseTs: null, purchaseLines: [] };
      byUser.set(e.userId, d);
    }
    d[COUNTER[e.type]] += 1;
    if (e.ts < d.firstTs) d.firstTs = e.ts;
    if (e.ts > d.lastTs) d.lastTs = e.ts;
    if (e.type === 'purchase') {
      d.purchaseLines.push({ itemId: e.itemId, value: e.value ?? null });
      if (d.lastPurchaseTs === null || e.ts > d.lastPurchaseTs) d.lastPurchaseTs = e.ts;
    }
  }
  return [...byUser.values()];
}
