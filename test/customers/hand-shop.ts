// A hand-made shop whose customer profiles are computed by hand in customers.api.test.ts.
// T0 is Monday 2024-01-01 10:00 UTC. Items: i1 (price 10, c1), i2 (price 20, c2), i3 (no price, c1).
//   u1: Mon [view i1, cart i1 +10 min, purchase i1 +20 min with order value 25]
//       Wed [view i2, purchase i2 +5 min (no order value: the price, 20)]
//   u2: Thu [view i3, purchase i3 +1 min (no value, no price: unpriced)]   <- the latest event (asOf)
//   u3: no events.
// Social: u1 FRIEND u2, u3 FOLLOWS u1.
import type { InteractionEvent } from '../../src/domain/events.ts';
import { asCategoryId, asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { GraphWriter } from '../../src/storage/graph-writer.ts';

export const T0 = Date.UTC(2024, 0, 1, 10, 0, 0);
export const MIN = 60_000;
export const DAY = 86_400_000;
export const AS_OF = T0 + 3 * DAY + MIN;

const ev = (id: string, user: string, item: string, type: InteractionEvent['type'], ts: number, value?: number): InteractionEvent => ({
  id: asEventId(id), userId: asUserId(user), itemId: asItemId(item), type, ts, ...(value !== undefined ? { value } : {}),
});

export const SHOP_EVENTS: readonly InteractionEvent[] = [
  ev('e1', 'u1', 'i1', 'view', T0),
  ev('e2', 'u1', 'i1', 'cart', T0 + 10 * MIN),
  ev('e3', 'u1', 'i1', 'purchase', T0 + 20 * MIN, 25),
  ev('e4', 'u1', 'i2', 'view', T0 + 2 * DAY),
  ev('e5', 'u1', 'i2', 'purchase', T0 + 2 * DAY + 5 * MIN),
  ev('e6', 'u2', 'i3', 'view', T0 + 3 * DAY),
  ev('e7', 'u2', 'i3', 'purchase', AS_OF),
];

export async function writeHandShop(writer: GraphWriter): Promise<void> {
  await writer.categories([{ id: asCategoryId('c1'), name: 'Books' }, { id: asCategoryId('c2'), name: 'Games' }]);
  await writer.items([
    { id: asItemId('i1'), price: 10, categoryIds: [asCategoryId('c1')] },
    { id: asItemId('i2'), price: 20, categoryIds: [asCategoryId('c2')] },
    { id: asItemId('i3'), categoryIds: [asCategoryId('c1')] },
  ]);
  await writer.users([
    { id: asUserId('u1'), age: 30, gender: 'f', location: 'Oslo', createdAt: T0 - 10 * DAY },
    { id: asUserId('u2'), age: 40 },
    { id: asUserId('u3') },
  ]);
  await writer.events(SHOP_EVENTS);
  await writer.social([
    { kind: 'FRIEND', from: asUserId('u1'), to: asUserId('u2') },
    { kind: 'FOLLOWS', from: asUserId('u3'), to: asUserId('u1') },
  ]);
}
