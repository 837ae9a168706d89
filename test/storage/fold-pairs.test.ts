import { describe, expect, it } from 'vitest';
import { asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { EventType } from '../../src/domain/events.ts';
import { foldPairs } from '../../src/storage/fold-pairs.ts';

const ev = (id: string, u: string, i: string, type: EventType, ts: number, value?: number) => ({
  id: asEventId(id), userId: asUserId(u), itemId: asItemId(i), type, ts, ...(value !== undefined ? { value } : {}),
});

describe('foldPairs', () => {
  it('sums per-type counts and weights per (user, item), keeping first/last time', () => {
    const pairs = foldPairs([
      ev('1', 'u', 'a', 'view', 30), ev('2', 'u', 'a', 'cart', 10), ev('3', 'v', 'a', 'rating', 5, 4),
      ev('4', 'u', 'a', 'purchase', 20), ev('5', 'u', 'a', 'cancel', 40),
    ]);
    expect(pairs).toEqual([
      { userId: 'u', itemId: 'a', views: 1, favourites: 0, carts: 1, purchases: 1, cancels: 1, ratings: 0, ratingSum: 0, weight: 1 + 3 + 5 - 4, firstTs: 10, lastTs: 40 },
      { userId: 'v', itemId: 'a', views: 0, favourites: 0, carts: 0, purchases: 0, cancels: 0, ratings: 1, ratingSum: 4, weight: 2, firstTs: 5, lastTs: 5 },
    ]);
  });
  it('empty in, empty out', () => expect(foldPairs([])).toEqual([]));
});
