// The behavioural counters a live event updates in O(1), without re-reading the user's history, and the
// features derived from them. The batch path (`behaviourFeatures`) folds the same `applyEvent` over the
// history and derives with the same `derivedFromCounters`, so both paths share one formula.
// Every counter is order-independent (sums, minima, maxima), so folding events in any order gives the same
// counters (a fast-check property in the tests).
import type { EventType } from '../../domain/events.ts';
import { invalidInput } from '../../domain/errors.ts';
import { DAY_MS, checkEvent, checkNow, type PriceOf, type ProfileEvent } from './profile-event.ts';
import type { EventCounts, ProfileCounters as StoredCounters } from '../../domain/profile.ts';

export type { EventCounts };

/**
 * The stored counters (src/domain/profile.ts: events per type, spend, unpriced purchases, first/last
 * activity, last purchase) plus the RFM frequency. Cancels are counted only as cancels: a cancel event names
 * neither the order nor the amount it takes back, so subtracting would guess.
 */
export interface ProfileCounters extends StoredCounters {
  /** RFM frequency: number of purchase events (equal to `purchases`). */
  readonly frequency: number;
}

/** The features computed from counters and the current time; no history needed. */
export interface DerivedFeatures {
  /** RFM recency in days (fractional): (now - lastPurchaseTs) / 1 day; null when no purchase. */
  readonly recencyDays: number | null;
  /** Days (fractional) since the latest event of any type; null when no events. */
  readonly daysSinceLastActivity: number | null;
  /** carts / views, capped at 1 (carts may come without a view); null when views = 0. */
  readonly viewToCartRate: number | null;
  /** purchases / carts, capped at 1 (buy-now purchases skip the cart); null when carts = 0. */
  readonly cartToPurchaseRate: number | null;
}

const COUNT_FIELD: Readonly<Record<EventType, keyof EventCounts>> = {
  view: 'views',
  favourite: 'favourites',
  cart: 'carts',
  purchase: 'purchases',
  cancel: 'cancels',
  rating: 'ratings',
};

export function emptyCounters(): ProfileCounters {
  return {
    views: 0, favourites: 0, carts: 0, purchases: 0, cancels: 0, ratings: 0,
    frequency: 0, monetary: 0, unpricedPurchases: 0,
    firstActivityTs: null, lastActivityTs: null, lastPurchaseTs: null,
  };
}

/** The counters after one more event; pure (returns a new object). O(1) plus one price lookup per purchase. */
export function applyEvent(counters: ProfileCounters, event: ProfileEvent, price: PriceOf): ProfileCounters {
  checkEvent(event);
  const field = COUNT_FIELD[event.type];
  const next = {
    ...counters,
    [field]: counters[field] + 1,
    firstActivityTs: counters.firstActivityTs === null ? event.ts : Math.min(counters.firstActivityTs, event.ts),
    lastActivityTs: counters.lastActivityTs === null ? event.ts : Math.max(counters.lastActivityTs, event.ts),
  };
  if (event.type !== 'purchase') return next;
  const amount = purchaseAmount(event, price);
  return {
    ...next,
    frequency: counters.frequency + 1,
    monetary: counters.monetary + (amount ?? 0),
    unpricedPurchases: counters.unpricedPurchases + (amount === undefined ? 1 : 0),
    lastPurchaseTs: counters.lastPurchaseTs === null ? event.ts : Math.max(counters.lastPurchaseTs, event.ts),
  };
}

/** Folds `applyEvent` over `events` (any order). O(E). */
export function countersFrom(events: readonly ProfileEvent[], price: PriceOf): ProfileCounters {
  let c = emptyCounters();
  for (const e of events) c = applyEvent(c, e, price);
  return c;
}

/**
 * Recency, inactivity and the two funnel rates. An event after `now` (clock skew, or `now` set before the
 * data's end) counts as happening at `now`: ages are clamped at 0 rather than going negative.
 */
export function derivedFromCounters(counters: ProfileCounters, now: number): DerivedFeatures {
  checkNow(now);
  const daysSince = (ts: number | null): number | null => (ts === null ? null : Math.max(0, now - ts) / DAY_MS);
  return {
    recencyDays: daysSince(counters.lastPurchaseTs),
    daysSinceLastActivity: daysSince(counters.lastActivityTs),
    viewToCartRate: cappedRate(counters.carts, counters.views),
    cartToPurchaseRate: cappedRate(counters.purchases, counters.carts),
  };
}

const cappedRate = (num: number, den: number): number | null => (den === 0 ? null : Math.min(1, num / den));

/** The order value when the event carries one, else the catalogue price; undefined when neither is known. */
function purchaseAmount(event: ProfileEvent, price: PriceOf): number | undefined {
  const amount = event.value ?? price(event.itemId);
  if (amount !== undefined && !(Number.isFinite(amount) && amount >= 0)) {
    throw invalidInput(`purchase of item '${event.itemId}' has an invalid amount (order value or price)`, { itemId: event.itemId, amount });
  }
  return amount;
}
