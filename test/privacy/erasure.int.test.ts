// deleteUser and exportUserData against the real Neo4j, on the hand-made shop plus one user with everything
// a user can have: attributes, consent, events (more than one erasure batch, one attributed to a
// recommendation page), aggregated interactions, a play count, friends, follows, a follower, a stored GRAPH
// vector and impressions of their pages. After erasure the id is found nowhere:
// not in any node or relationship property of the store, not anywhere inside the services' caches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { EventType } from '../../src/domain/events.ts';
import { SYSTEM, type Principal } from '../../src/domain/principal.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ImpressionStore } from '../../src/storage/impression-store.ts';
import type { Attribution } from '../../src/domain/loop.ts';
import { RecommendationIds } from '../../src/usecases/loop/recommendation-id.ts';
import { erasureIdHash } from '../../src/usecases/privacy/erasure-audit.ts';
import { parseRecommendArgs } from '../../src/usecases/recommend/parse-args.ts';
import { openTestGraph } from '../support/graph.ts';
import { NOW, writeShop } from '../recs/fixture.ts';
import { findInProcess, findInStore } from './find-string.ts';
import { privacyStack, TEST_SALT, type Stack } from './stack.ts';

const ID = 'erase-me-7f3a';
const T = NOW - 3_600_000;
const EVENTS: [EventType, string, number, number?][] = [
  ['view', 'i1', 1], ['view', 'i2', 2], ['cart', 'i2', 3], ['purchase', 'i2', 4], ['view', 'i3', 5], ['rating', 'i3', 6, 4], ['view', 'i1', 7],
];

/** Eve's page of i2, i3 (served at T), reported rendered; her purchase of i2 (event 4) came from it. */
const PAGE_ID = new RecommendationIds('test-recommendation-id-key-0123').encode({
  surface: 'recommendations', userId: asUserId(ID), servedAt: T, strategy: 'HYBRID', experimentKey: 'exp-1', variant: 'b',
  campaignId: null, offset: 0, itemIds: [asItemId('i2'), asItemId('i3')],
});
const ATTRIBUTION: Attribution = {
  recommendationId: PAGE_ID, strategy: 'HYBRID', experimentKey: 'exp-1', variant: 'b', campaignId: null, position: 1, servedAt: T,
};
const ATTRIBUTED = 4;

async function writeEve(graph: GraphConnection): Promise<void> {
  const w = new GraphWriter(graph.executor);
  await w.users([{ id: asUserId(ID), name: 'Eve', age: 41, gender: 'female', location: 'Oslo', consent: { social: true, analytics: false }, createdAt: 123 }]);
  // Event ids embed the user id (as many shops' do): they must go too.
  await w.events(EVENTS.map(([type, item, k, value]) => ({
    id: asEventId(`${ID}-e${k}`), userId: asUserId(ID), itemId: asItemId(item), type, ts: T + k, ...(value !== undefined ? { value } : {}),
    ...(k === ATTRIBUTED ? { attribution: ATTRIBUTION } : {}),
  })));
  await new ImpressionStore(graph.executor).record([{
    recId: PAGE_ID, userId: asUserId(ID), surface: 'recommendations', servedAt: T, at: T + 1, strategy: 'HYBRID', experiment: 'exp-1',
    variant: 'b', campaign: null, offset: 0, itemIds: [asItemId('i2'), asItemId('i3')], positions: [1, 2],
  }]);
  await w.aggregates([{ userId: asUserId(ID), itemId: asItemId('i6'), count: 12 }]);
  await w.social([
    { kind: 'FRIEND', from: asUserId(ID), to: asUserId('alice'), since: 10 },
    { kind: 'FOLLOWS', from: asUserId(ID), to: asUserId('dave'), since: 11 },
    { kind: 'FOLLOWS', from: asUserId('bob'), to: asUserId(ID), since: 12 },
  ]);
}

const ZERO = { views: 0, favourites: 0, carts: 0, purchases: 0, cancels: 0, ratings: 0, ratingSum: 0 };

describe('erasure and export of a user', () => {
  let graph: GraphConnection;
  let s: Stack;
  const shopper = (id: string): Principal => ({ role: 'shopper', userId: asUserId(id) });

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeShop(graph.executor);
    await writeEve(graph);
    s = privacyStack(graph, undefined, 3);
  });
  afterAll(async () => graph.close());

  it('exportUserData: everything written comes back in one document', async () => {
    await s.recs.refreshGraphModel(SYSTEM, true); // stores a 64-dim vector on the user
    const doc = await s.privacy.exportUserData(SYSTEM, ID);
    const { derived, ...rest } = doc;
    expect(rest).toEqual({
      format: 'grec-user-export/1',
      exportedAt: NOW,
      user: { id: ID, name: 'Eve', age: 41, gender: 'female', location: 'Oslo', createdAt: 123 },
      consent: { personalisation: true, social: true, analytics: false, marketing: true, recorded: { social: true, analytics: false } },
      events: EVENTS.map(([type, itemId, k, value]) => ({
        id: `${ID}-e${k}`, type, ts: T + k, itemId, ...(value !== undefined ? { value } : {}),
        ...(k === ATTRIBUTED ? { attribution: { recId: PAGE_ID, strategy: 'HYBRID', experiment: 'exp-1', variant: 'b', position: 1, servedAt: T } } : {}),
      })),
      interactions: [
        { ...ZERO, itemId: 'i1', views: 2, weight: 2, firstTs: T + 1, lastTs: T + 7 },
        { ...ZERO, itemId: 'i2', views: 1, carts: 1, purchases: 1, weight: 9, firstTs: T + 2, lastTs: T + 4 },
        { ...ZERO, itemId: 'i3', views: 1, ratings: 1, ratingSum: 4, weight: 3, firstTs: T + 5, lastTs: T + 6 },
        { ...ZERO, itemId: 'i6', plays: 12, weight: Math.log(13) },
      ],
      friends: [{ userId: 'alice', since: 10 }],
      follows: [{ userId: 'dave', since: 11 }],
      followers: [{ userId: 'bob', since: 12 }],
      impressions: [{
        recId: PAGE_ID, surface: 'recommendations', servedAt: T, at: T + 1, strategy: 'HYBRID', experiment: 'exp-1', variant: 'b',
        offset: 0, itemIds: ['i2', 'i3'], positions: [1, 2],
      }],
    });
    expect(derived.embedding).toHaveLength(64);
    // The profile counters the event writes folded in: 4 views, a cart, a purchase of i2 (no order value:
    // its price, 20) and a rating; activity from T+1 to T+7.
    expect(derived.profile).toEqual({
      views: 4, favourites: 0, carts: 1, purchases: 1, cancels: 0, ratings: 1, monetary: 20, unpricedPurchases: 0,
      firstActivityTs: T + 1, lastActivityTs: T + 7, lastPurchaseTs: T + 4,
    });
    // It is a JSON document: serialising and parsing it changes nothing.
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('a shopper exports only their own data and may not erase; NOT_FOUND for an unknown user', async () => {
    expect((await s.privacy.exportUserData(shopper(ID), ID)).user['id']).toBe(ID);
    await expect(s.privacy.exportUserData(shopper('alice'), ID)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.privacy.deleteUser(shopper(ID), ID)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.privacy.exportUserData(SYSTEM, 'nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.privacy.deleteUser(SYSTEM, 'nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deleteUser: afterwards the id is in no store property and nowhere in the process; an audit hash remains', async () => {
    // Warm every cache with the user: their own page, a friend's page naming them, the model, the indexes.
    await s.recs.recommend(SYSTEM, parseRecommendArgs({ userId: ID, strategy: 'HYBRID' }));
    const alice = await s.recs.recommend(SYSTEM, parseRecommendArgs({ userId: 'alice', strategy: 'SOCIAL' }));
    expect(alice.entities.users.map((u) => u.id)).toContain(ID);
    await s.recs.recommend(SYSTEM, parseRecommendArgs({ userId: 'alice', strategy: 'GRAPH' }));
    await s.analytics.nextState(SYSTEM, { userId: 'alice' });
    expect((await s.recs.graph.get()).userIndex.has(ID)).toBe(true);
    expect(findInProcess(s, ID).length).toBeGreaterThan(0);
    expect((await findInStore(graph.executor, ID)).sort()).toEqual([...EVENTS.map(() => 'Event.id'), 'User.id']);

    const report = await s.privacy.deleteUser(SYSTEM, ID);
    // 7 events in batches of 3; relationships: 4 INTERACTED, 1 FRIEND, 2 FOLLOWS.
    expect(report).toEqual({ events: 7, relationships: 7, erasedAt: NOW });

    expect(await findInStore(graph.executor, ID)).toEqual([]);
    const [counts] = await graph.executor.read(
      `RETURN COUNT { MATCH (e:Event) WHERE e.ts > $t0 AND e.ts < $t1 } AS events, COUNT { MATCH (u:User) } AS users, COUNT { ()-[:FOLLOWS]->() } AS follows,
              COUNT { MATCH (p:Impression) } AS impressions, COUNT { MATCH (e:Event) WHERE e.recId IS NOT NULL } AS attributed`,
      { t0: T, t1: T + 10 },
    );
    expect(counts).toEqual({ events: 0, users: 7, follows: 1, impressions: 0, attributed: 0 });
    const audits = await graph.executor.read('MATCH (a:ErasureAudit) RETURN properties(a) AS a');
    expect(audits).toEqual([{ a: { idHash: erasureIdHash(ID, TEST_SALT), at: NOW } }]);

    expect(findInProcess(s, ID)).toEqual([]);
    const model = await s.recs.graph.get(); // refitted without the user
    expect(model.userIndex.has(ID)).toBe(false);
    expect(findInProcess(model, ID)).toEqual([]);
    const index = await s.recs.contentIndex.get();
    expect(findInProcess(index, ID)).toEqual([]);
    // The only places left to look are the two promises just resolved to the model and index searched above.
    expect(findInProcess(s, ID)).toEqual(['$.recs.graph.current<promise>', '$.recs.contentIndex.current<promise>']);
  });

  it('after erasure: pages no longer name the user, their own requests are NOT_FOUND, erasing again is NOT_FOUND', async () => {
    const alice = await s.recs.recommend(SYSTEM, parseRecommendArgs({ userId: 'alice', strategy: 'SOCIAL' }));
    expect(alice.entities.users.map((u) => u.id)).not.toContain(ID);
    await expect(s.recs.recommend(SYSTEM, parseRecommendArgs({ userId: ID }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.privacy.deleteUser(SYSTEM, ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.privacy.exportUserData(SYSTEM, ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await graph.executor.read('MATCH (a:ErasureAudit) RETURN count(a) AS n')).toEqual([{ n: 1 }]);
  });
});
