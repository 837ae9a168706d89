// A small hand-made shop whose strategy scores are worked out by hand in the tests.
//   items   i1 (A; t1; 10)  i2 (A; t1,t2; 20)  i3 (B; t2; 30)  i4 (B; 40)  i5 (A; 50, brand new)  i6 (C; 60)
//   alice   purchase i1 (5), view i2 (1)                    friend bob, follows dave, friend hank
//   bob     purchase i1 (5), purchase i2 (5), view i3 (1) 15 days ago
//   carol   view i1 (1), purchase i3 (5), cart i4 (3)
//   dave    view i2 (1), view i4 (1)
//   hank    purchase i6 (5), declined social features (consentSocial false)
//   frank   no interactions; friend of bob and carol        erin: nothing at all
// Every event is at NOW except bob's view of i3.
import { asCategoryId, asEventId, asItemId, asTagId, asUserId } from '../../src/domain/ids.ts';
import type { EventType } from '../../src/domain/events.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import type { Executor } from '../../src/storage/executor.ts';

export const NOW = Date.UTC(2025, 0, 1);
export const DAY = 86_400_000;

export async function writeShop(executor: Executor): Promise<void> {
  const w = new GraphWriter(executor);
  await w.categories([{ id: asCategoryId('A'), name: 'Alpha' }, { id: asCategoryId('B'), name: 'Beta' }, { id: asCategoryId('C'), name: 'Gamma' }]);
  await w.tags([{ id: asTagId('t1'), name: 'one' }, { id: asTagId('t2'), name: 'two' }]);
  const item = (id: string, cats: string[], tags: string[], price: number) =>
    ({ id: asItemId(id), title: `Item ${id}`, price, categoryIds: cats.map(asCategoryId), tagIds: tags.map(asTagId) });
  await w.items([item('i1', ['A'], ['t1'], 10), item('i2', ['A'], ['t1', 't2'], 20), item('i3', ['B'], ['t2'], 30), item('i4', ['B'], [], 40), item('i5', ['A'], [], 50), item('i6', ['C'], [], 60)]);
  await w.users(['alice', 'bob', 'carol', 'dave', 'erin', 'frank'].map((id) => ({ id: asUserId(id), name: id[0]!.toUpperCase() + id.slice(1) })));
  await w.users([{ id: asUserId('hank'), name: 'Hank', consent: { social: false } }]);
  let n = 0;
  const ev = (user: string, itemId: string, type: EventType, ts = NOW) => ({ id: asEventId(`e${++n}`), userId: asUserId(user), itemId: asItemId(itemId), type, ts });
  await w.events([
    ev('alice', 'i1', 'purchase'), ev('alice', 'i2', 'view'),
    ev('bob', 'i1', 'purchase'), ev('bob', 'i2', 'purchase'), ev('bob', 'i3', 'view', NOW - 15 * DAY),
    ev('carol', 'i1', 'view'), ev('carol', 'i3', 'purchase'), ev('carol', 'i4', 'cart'),
    ev('dave', 'i2', 'view'), ev('dave', 'i4', 'view'),
    ev('hank', 'i6', 'purchase'),
  ]);
  const friend = (a: string, b: string) => ({ kind: 'FRIEND' as const, from: asUserId(a), to: asUserId(b) });
  await w.social([friend('alice', 'bob'), friend('alice', 'hank'), friend('frank', 'bob'), friend('frank', 'carol'), { kind: 'FOLLOWS', from: asUserId('alice'), to: asUserId('dave') }]);
}
