// A small hand-made event log whose analytics are computed by hand in analytics.api.test.ts.
// Gap 30 min. Times in March 2024, so every session is closed (idle for longer than the gap) by now.
import type { InteractionEvent } from '../../src/domain/events.ts';
import { asCategoryId, asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { GraphWriter } from '../../src/storage/graph-writer.ts';

export const T0 = Date.UTC(2024, 2, 1, 10, 0, 0);
export const D1 = T0 + 24 * 3_600_000;
const MIN = 60_000;

const ev = (id: string, user: string, item: string, type: InteractionEvent['type'], ts: number, value?: number): InteractionEvent => ({
  id: asEventId(id), userId: asUserId(user), itemId: asItemId(item), type, ts, ...(value !== undefined ? { value } : {}),
});

/**
 * ann:  [view i1, cart i1, purchase i1] then next day [view i2, view i3]
 * bob:  [view i1, view i2, cart i2] (b2 and b3 share a timestamp: id order b2 < b3)
 * cat:  [favourite i3] then 2 h later [cart i3, purchase i3, cancel i3]
 * dan:  a rating only (ratings are not states: dan is in no population); eve: no events.
 * Friends: ann-cat, bob-eve. Categories: i1, i2 in ca; i3 in cb.
 */
export const HAND_EVENTS: readonly InteractionEvent[] = [
  ev('a1', 'ann', 'i1', 'view', T0),
  ev('a2', 'ann', 'i1', 'cart', T0 + MIN),
  ev('a3', 'ann', 'i1', 'purchase', T0 + 2 * MIN),
  ev('a4', 'ann', 'i2', 'view', D1),
  ev('a5', 'ann', 'i3', 'view', D1 + 5 * MIN),
  ev('b1', 'bob', 'i1', 'view', T0),
  ev('b3', 'bob', 'i2', 'cart', T0 + MIN),
  ev('b2', 'bob', 'i2', 'view', T0 + MIN),
  ev('c1', 'cat', 'i3', 'favourite', T0),
  ev('c2', 'cat', 'i3', 'cart', T0 + 120 * MIN),
  ev('c3', 'cat', 'i3', 'purchase', T0 + 121 * MIN),
  ev('c4', 'cat', 'i3', 'cancel', T0 + 122 * MIN),
  ev('d1', 'dan', 'i1', 'rating', T0, 4),
];

export async function writeHandLog(writer: GraphWriter): Promise<void> {
  await writer.categories([{ id: asCategoryId('ca') }, { id: asCategoryId('cb') }]);
  await writer.items([
    { id: asItemId('i1'), categoryIds: [asCategoryId('ca')] },
    { id: asItemId('i2'), categoryIds: [asCategoryId('ca')] },
    { id: asItemId('i3'), categoryIds: [asCategoryId('cb')] },
  ]);
  await writer.users([
    { id: asUserId('ann'), gender: 'female', age: 30, location: 'Paris', createdAt: Date.UTC(2024, 0, 15) },
    { id: asUserId('bob'), gender: 'male', age: 40, location: 'Lyon', createdAt: Date.UTC(2024, 1, 10) },
    { id: asUserId('cat'), gender: 'female', age: 25, location: 'Paris', createdAt: Date.UTC(2024, 1, 20) },
    { id: asUserId('dan'), gender: 'male', age: 50 },
    { id: asUserId('eve'), gender: 'female', age: 60 },
  ]);
  await writer.social([
    { kind: 'FRIEND', from: asUserId('ann'), to: asUserId('cat') },
    { kind: 'FRIEND', from: asUserId('bob'), to: asUserId('eve') },
  ]);
  await writer.events(HAND_EVENTS);
}
