import { expect } from 'vitest';
import { asCategoryId } from '../../src/domain/ids.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ProfileStore } from '../../src/storage/profile-store.ts';
import { SegmentStore } from '../../src/storage/segment-store.ts';
import { DEFAULT_PROFILES_OPTIONS } from '../../src/usecases/customers/profiles-job.ts';
import { refreshCustomers } from '../../src/usecases/customers/refresh-customers.ts';
import { SegmentService } from '../../src/usecases/customers/segment-service.ts';
import type { Gql } from '../support/api.ts';

// A hand-made shop for the console's browser tests. Times are in January 2026.
//   Users: u1 Ann, u2 Bob, u3 Cat, u4 Dan, u5 Eve. FRIEND u1-u2, u1-u3, u2-u4; u1 FOLLOWS u5.
//   Items: i1 Linen shirt (Clothes, 30), i2 Wool socks (Clothes, 10), i3 Novel (Books, 15), i4 Atlas (Books, 40).
//   u1: [view i1, cart i1, purchase i1] then a day later [view i3]
//   u2: [view i1, view i2, cart i2]        u3: [view i3, purchase i3]
//   u4: [view i4, cart i4, purchase i4] then a day later [view i2]        u5: [view i2]
// Shared items: i1 (u1, u2), i3 (u1, u3), i2 (u2, u4, u5).
export async function writeConsoleShop(graph: GraphConnection, gql: Gql): Promise<void> {
  await new GraphWriter(graph.executor).categories([{ id: asCategoryId('c1'), name: 'Clothes' }, { id: asCategoryId('c2'), name: 'Books' }]);
  const at = (day: number, minute: number) => new Date(Date.UTC(2026, 0, 5 + day, 10, minute)).toISOString();
  const events: [string, string, string, number, number][] = [
    ['u1', 'i1', 'VIEW', 0, 0], ['u1', 'i1', 'CART', 0, 2], ['u1', 'i1', 'PURCHASE', 0, 4], ['u1', 'i3', 'VIEW', 1, 0],
    ['u2', 'i1', 'VIEW', 0, 10], ['u2', 'i2', 'VIEW', 0, 12], ['u2', 'i2', 'CART', 0, 14],
    ['u3', 'i3', 'VIEW', 0, 20], ['u3', 'i3', 'PURCHASE', 0, 25],
    ['u4', 'i4', 'VIEW', 0, 30], ['u4', 'i4', 'CART', 0, 31], ['u4', 'i4', 'PURCHASE', 0, 33], ['u4', 'i2', 'VIEW', 1, 30],
    ['u5', 'i2', 'VIEW', 0, 40],
  ];
  const r = await gql(`mutation {
    u1: upsertUser(input: {id: "u1", name: "Ann", age: 31, gender: "f", location: "Oslo"}) { id }
    u2: upsertUser(input: {id: "u2", name: "Bob", age: 45, gender: "m", location: "Bergen"}) { id }
    u3: upsertUser(input: {id: "u3", name: "Cat", age: 28, gender: "f", location: "Oslo"}) { id }
    u4: upsertUser(input: {id: "u4", name: "Dan", age: 52, gender: "m", location: "Bergen"}) { id }
    u5: upsertUser(input: {id: "u5", name: "Eve", age: 39, gender: "f", location: "Oslo"}) { id }
    i1: upsertItem(input: {id: "i1", title: "Linen shirt", price: 30, categoryIds: ["c1"]}) { id }
    i2: upsertItem(input: {id: "i2", title: "Wool socks", price: 10, categoryIds: ["c1"]}) { id }
    i3: upsertItem(input: {id: "i3", title: "Novel", price: 15, categoryIds: ["c2"]}) { id }
    i4: upsertItem(input: {id: "i4", title: "Atlas", price: 40, categoryIds: ["c2"]}) { id }
    f1: addFriend(userId: "u1", friendId: "u2") { changed } f2: addFriend(userId: "u1", friendId: "u3") { changed }
    f3: addFriend(userId: "u2", friendId: "u4") { changed } f4: follow(userId: "u1", targetId: "u5") { changed }
  }`);
  expect(r.body.errors).toBeUndefined();
  for (const [i, [user, item, type, day, minute]] of events.entries()) {
    const e = await gql('mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }',
      { in: { eventId: `e${i + 1}`, userId: user, itemId: item, type, at: at(day, minute) } });
    expect(e.body.errors).toBeUndefined();
  }
  // Profiles and the RFM segments, as `grec features` leaves them.
  const store = new ProfileStore(graph.executor);
  await refreshCustomers(store, new SegmentService(new SegmentStore(graph.executor), store, () => Date.now()), { ...DEFAULT_PROFILES_OPTIONS, now: () => Date.now() });
}
