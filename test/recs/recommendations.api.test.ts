// The recommendation API over HTTP (yoga.fetch) against the real Neo4j: every strategy with its reasons,
// the other recommendation queries, coded errors, live updates and the round-trip budget of a page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCategoryId, asEventId, asItemId, asTagId, asUserId } from '../../src/domain/ids.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { createTestApi } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';
import { writeShop } from './fixture.ts';

type Edge = { node: { item: { id: string }; score: number; sources: string[]; reasons: { __typename: string; kind: string; text: string }[] } };
type Conn = { edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; strategy: string };

const REASONS = `reasons { __typename kind text
  ... on SimilarToItemsReason { items { id } }
  ... on FriendsLikedReason { friends { id name } count }
  ... on SharedAttributesReason { categories { id name } tags { id name } }
  ... on PopularReason { category { id name } interactions }
  ... on GraphNeighboursReason { viaItems { id title } viaUsers { id } }
  ... on SimilarUsersReason { users { id } } }`;
const RECS = `query($userId: ID!, $strategy: Strategy, $first: Int, $after: String, $filter: RecommendationFilter, $diversity: DiversityInput) {
  recommendations(userId: $userId, strategy: $strategy, first: $first, after: $after, filter: $filter, diversity: $diversity) {
    strategy edges { cursor node { item { id title categories { name } } score sources ${REASONS} } } pageInfo { hasNextPage endCursor } } }`;

describe('recommendations API over HTTP', () => {
  let graph: GraphConnection;
  let gql: ReturnType<typeof createTestApi>['gql'];
  const recs = async (vars: Record<string, unknown>): Promise<Conn> => {
    const r = await gql(RECS, vars);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return (r.body.data as { recommendations: Conn }).recommendations;
  };
  const errorCode = async (query: string, vars: Record<string, unknown> = {}) => (await gql(query, vars)).body.errors?.[0]?.extensions?.['code'];

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeShop(graph.executor);
    // 30 more items that zed and alice's friend bob browsed, so a page of 20 can fill up.
    const w = new GraphWriter(graph.executor);
    const more = Array.from({ length: 30 }, (_, k) => `p${String(k + 1).padStart(2, '0')}`);
    await w.items(more.map((id, k) => ({ id: asItemId(id), title: `Product ${id}`, price: 5 + k, categoryIds: [asCategoryId(['A', 'B', 'C'][k % 3]!)], tagIds: [asTagId(k % 2 === 0 ? 't1' : 't2')] })));
    await w.users([{ id: asUserId('zed'), name: 'Zed' }]);
    let n = 0;
    await w.events([
      { id: asEventId('z0'), userId: asUserId('zed'), itemId: asItemId('i1'), type: 'purchase', ts: Date.now() },
      ...more.flatMap((id) => [
        { id: asEventId(`z${++n}`), userId: asUserId('zed'), itemId: asItemId(id), type: 'view' as const, ts: Date.now() - n * 60_000 },
        { id: asEventId(`b${n}`), userId: asUserId('bob'), itemId: asItemId(id), type: n % 4 === 0 ? ('purchase' as const) : ('view' as const), ts: Date.now() },
      ]),
    ]);
    gql = createTestApi(graph).gql;
  });
  afterAll(async () => graph.close());

  for (const strategy of ['POPULAR', 'ITEM_CF', 'USER_CF', 'CONTENT', 'SOCIAL', 'GRAPH', 'HYBRID']) {
    it(`${strategy}: ranked items with reasons, never one alice already has`, async () => {
      const conn = await recs({ userId: 'alice', strategy, first: 5 });
      expect(conn.strategy).toBe(strategy);
      expect(conn.edges.length).toBeGreaterThan(0);
      expect(conn.edges.length).toBeLessThanOrEqual(5);
      for (const e of conn.edges) {
        expect(['i1', 'i2']).not.toContain(e.node.item.id);
        expect(e.node.reasons.length).toBeGreaterThan(0);
        expect(e.node.reasons[0]!.text.length).toBeGreaterThan(5);
        if (strategy !== 'HYBRID') expect(e.node.sources).toEqual([strategy]);
      }
      const scores = conn.edges.map((e) => e.node.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    });
  }

  it('SOCIAL reasons name the friends (N friends bought this)', async () => {
    const conn = await recs({ userId: 'frank', strategy: 'SOCIAL', first: 50 });
    expect(conn.edges[0]!.node.reasons[0]).toMatchObject({ kind: 'FRIENDS_LIKED', count: 1, text: 'Bob (a friend) bought this' });
    const i1 = conn.edges.find((e) => e.node.item.id === 'i1');
    expect(i1?.node.reasons[0]).toMatchObject({
      __typename: 'FriendsLikedReason', kind: 'FRIENDS_LIKED', count: 2, friends: [{ id: 'bob', name: 'Bob' }, { id: 'carol', name: 'Carol' }],
      text: 'Bob and Carol (2 friends) liked this',
    });
  });

  it('pages through HYBRID with cursors, without repeats', async () => {
    const p1 = await recs({ userId: 'alice', first: 10 });
    const p2 = await recs({ userId: 'alice', first: 10, after: p1.pageInfo.endCursor });
    const all = await recs({ userId: 'alice', first: 20 });
    expect([...p1.edges, ...p2.edges].map((e) => e.node.item.id)).toEqual(all.edges.map((e) => e.node.item.id));
  });

  it('a page of 20 HYBRID recommendations with items, categories and reasons costs a bounded number of round trips', async () => {
    const { gql: fresh, services } = createTestApi(graph); // new services: no cached model, no cached pages
    const seen: string[] = [];
    graph.executor.onQuery = (c) => seen.push(c.split('\n').find((l) => !l.startsWith('//')) ?? c);
    const count = async () => {
      const before = graph.executor.queryCount;
      const r = await fresh(RECS, { userId: 'alice', first: 20 });
      expect((r.body.data as { recommendations: Conn }).recommendations.edges).toHaveLength(20);
      return graph.executor.queryCount - before;
    };
    // first use: the serving state (users, items, names) + graph edges (first fit) + the reference time, and the CONTENT index and POPULAR list when the blend reads them
    expect(await count(), seen.join('\n')).toBeLessThanOrEqual(6);
    seen.length = 0;
    expect(await count(), seen.join('\n')).toBe(0); // the same page again: served from the page cache
    services.recs.pages.clear();
    // Uncached, with the serving state, model, index and POPULAR list in memory: no round trip at all.
    expect(await count(), seen.join('\n')).toBe(0);
    graph.executor.onQuery = undefined;
  });

  it('a new event recorded through recordInteraction changes the next recommendations', async () => {
    const before = await recs({ userId: 'dave', strategy: 'ITEM_CF', first: 20 });
    const m = 'mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }';
    const r = await gql(m, { in: { eventId: 'live-1', userId: 'dave', itemId: 'i3', type: 'PURCHASE' } });
    expect(r.body.data).toEqual({ recordInteraction: { created: true } });
    const after = await recs({ userId: 'dave', strategy: 'ITEM_CF', first: 20 });
    expect(after.edges.map((e) => e.node.item.id)).not.toContain('i3');
    expect(after.edges.map((e) => [e.node.item.id, e.node.score])).not.toEqual(before.edges.map((e) => [e.node.item.id, e.node.score]));
    const graphRecs = await recs({ userId: 'dave', strategy: 'GRAPH', first: 20 });
    expect(graphRecs.edges.map((e) => e.node.item.id)).not.toContain('i3');
  });

  it('a write through the API drops the cached pages of the users it changes, and only theirs', async () => {
    const { gql: fresh, services } = createTestApi(graph); // own services: own page cache
    // `computed`: pages computed rather than served from the page cache. An uncached page may cost no round
    // trip (the serving state answers it), so round trips alone no longer tell a computed page from a cached one.
    const trips = async (userId: string) => {
      const before = graph.executor.queryCount;
      const misses = services.recs.pages.misses;
      const r = await fresh(RECS, { userId, first: 10 });
      expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
      return { trips: graph.executor.queryCount - before, computed: services.recs.pages.misses - misses, conn: (r.body.data as { recommendations: Conn }).recommendations };
    };
    const cachedTrips = async (users: string[]) => Promise.all(users.map(async (u) => { const t = await trips(u); return t.trips + t.computed; }));
    for (const u of ['carol', 'erin', 'zed']) await trips(u);
    expect(await cachedTrips(['carol', 'erin', 'zed'])).toEqual([0, 0, 0]);

    const m = 'mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }';
    const zedBefore = (await trips('zed')).conn.edges.map((e) => e.node.item.id);
    expect(zedBefore).toContain('i3');
    expect((await fresh(m, { in: { eventId: 'live-zed-1', userId: 'zed', itemId: 'i3', type: 'PURCHASE' } })).body.data).toEqual({ recordInteraction: { created: true } });
    expect(await cachedTrips(['carol', 'erin'])).toEqual([0, 0]);
    const zedAfter = await trips('zed');
    expect(zedAfter.computed).toBe(1);
    expect(zedAfter.conn.edges.map((e) => e.node.item.id)).not.toContain('i3');
    // A retried event id changes nothing, so nothing is dropped.
    await fresh(m, { in: { eventId: 'live-zed-1', userId: 'zed', itemId: 'i3', type: 'PURCHASE' } });
    expect(await cachedTrips(['zed'])).toEqual([0]);

    // addFriend changes both ends' ties: erin (no history) now gets carol's items from SOCIAL.
    expect((await trips('erin')).conn.edges.flatMap((e) => e.node.sources)).not.toContain('SOCIAL');
    const link = await fresh('mutation { addFriend(userId: "erin", friendId: "carol") { changed } }');
    expect(link.body.data).toEqual({ addFriend: { changed: true } });
    expect(await cachedTrips(['zed'])).toEqual([0]);
    const erin = await trips('erin');
    expect(erin.computed).toBe(1);
    expect(erin.conn.edges[0]!.node.sources).toEqual(['SOCIAL']);
    expect((await trips('carol')).computed).toBe(1);
    await fresh('mutation { removeFriend(userId: "erin", friendId: "carol") { changed } }');
    expect((await trips('erin')).conn.edges.flatMap((e) => e.node.sources)).not.toContain('SOCIAL');
  });

  it('upsertUser drops the pages that depend on the user; upsertItem those that show the item', async () => {
    const { gql: fresh, services } = createTestApi(graph);
    // `computed`: pages computed rather than served from the page cache. An uncached page may cost no round
    // trip (the serving state answers it), so round trips alone no longer tell a computed page from a cached one.
    const trips = async (userId: string) => {
      const before = graph.executor.queryCount;
      const misses = services.recs.pages.misses;
      const r = await fresh(RECS, { userId, first: 10 });
      expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
      return { trips: graph.executor.queryCount - before, computed: services.recs.pages.misses - misses, conn: (r.body.data as { recommendations: Conn }).recommendations };
    };
    for (const u of ['alice', 'frank', 'dave']) await trips(u);
    // bob is alice's and frank's friend; dave's page does not depend on him.
    await fresh('mutation { upsertUser(input: { id: "bob", name: "Robert" }) { id } }');
    expect(await trips('dave')).toMatchObject({ trips: 0, computed: 0 });
    const frank = await trips('frank');
    expect(frank.computed).toBe(1);
    expect(frank.conn.edges.flatMap((e) => e.node.reasons.map((r) => r.text)).join(' ')).toContain('Robert');
    expect((await trips('alice')).computed).toBe(1);
    const shown = (await trips('dave')).conn.edges[0]!.node.item.id;
    await fresh('mutation($in: UpsertItemInput!) { upsertItem(input: $in) { id } }', { in: { id: shown, title: 'Renamed' } });
    const dave = await trips('dave');
    expect(dave.computed).toBe(1);
    expect(dave.conn.edges.find((e) => e.node.item.id === shown)?.node.item).toMatchObject({ title: 'Renamed' });
    expect(await trips('frank')).toMatchObject({ trips: 0, computed: 0 });
    await fresh('mutation { upsertUser(input: { id: "bob", name: "Bob" }) { id } }');
  });

  it('similarItems, friendRecommendations and peopleYouMayKnow', async () => {
    const r = await gql(`{ similarItems(itemId: "i3", first: 2) { item { id } score ${REASONS} }
      friendRecommendations(userId: "frank", first: 2) { strategy edges { node { item { id } sources } } }
      peopleYouMayKnow(userId: "alice", first: 3) { user { id name } score mutualFriends sharedItems ${REASONS} } }`);
    expect(r.body.errors).toBeUndefined();
    const d = r.body.data as { similarItems: { item: { id: string }; reasons: { __typename: string; items: { id: string }[] }[] }[]; friendRecommendations: Conn; peopleYouMayKnow: { user: { id: string }; mutualFriends: number; reasons: { __typename: string }[] }[] };
    expect(d.similarItems).toHaveLength(2);
    expect(d.similarItems[0]!.reasons[0]).toMatchObject({ __typename: 'SimilarToItemsReason', items: [{ id: 'i3' }] });
    expect(d.friendRecommendations.strategy).toBe('SOCIAL');
    const bobBought = ['p04', 'p08', 'p12', 'p16', 'p20', 'p24', 'p28']; // bob's fresh purchases (ts differ by ms)
    for (const e of d.friendRecommendations.edges) expect(bobBought).toContain(e.node.item.id);
    expect(d.peopleYouMayKnow[0]).toMatchObject({ user: { id: 'frank' }, mutualFriends: 1, reasons: [{ __typename: 'FriendsLikedReason' }] });
    expect(d.peopleYouMayKnow.map((p) => p.user.id)).not.toContain('bob');
  });

  it('refreshGraphModel refits and stores vectors', async () => {
    const r = await gql('mutation { refreshGraphModel { items interactions embeddingsWritten fittedAt } }');
    expect(r.body.errors).toBeUndefined();
    expect((r.body.data as { refreshGraphModel: { items: number } }).refreshGraphModel.items).toBe(35);
  });

  it('refreshGraphModel reports the model and setting fitted: EASE (a small shop), the configured setting, no tuning (too few users)', async () => {
    const r = await gql('mutation { refreshGraphModel(writeEmbeddings: false) { model settings { model weighting lambda rho alpha rank socialBeta } tuning { users } } }');
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({
      refreshGraphModel: {
        model: 'EASE',
        settings: { model: 'EASE', weighting: 'user-exp-0.25', lambda: 10, rho: 2, alpha: null, rank: null, socialBeta: 0.05 },
        tuning: null,
      },
    });
  });

  it('coded errors: NOT_FOUND for unknown ids, INVALID_INPUT for bad arguments', async () => {
    expect(await errorCode(RECS, { userId: 'nobody' })).toBe('NOT_FOUND');
    expect(await errorCode('{ similarItems(itemId: "nope") { score } }')).toBe('NOT_FOUND');
    expect(await errorCode('{ peopleYouMayKnow(userId: "nobody") { score } }')).toBe('NOT_FOUND');
    expect(await errorCode('{ friendRecommendations(userId: "nobody") { strategy } }')).toBe('NOT_FOUND');
    expect(await errorCode(RECS, { userId: 'alice', first: 0 })).toBe('INVALID_INPUT');
    expect(await errorCode(RECS, { userId: 'alice', first: 101 })).toBe('INVALID_INPUT');
    expect(await errorCode(RECS, { userId: 'alice', filter: { minPrice: 10, maxPrice: 5 } })).toBe('INVALID_INPUT');
    expect(await errorCode(RECS, { userId: 'alice', diversity: { mmrLambda: 1.2 } })).toBe('INVALID_INPUT');
    expect(await errorCode(RECS, { userId: 'alice', after: 'garbage' })).toBe('INVALID_INPUT');
    expect(await errorCode('{ similarItems(itemId: "i1", first: 500) { score } }')).toBe('INVALID_INPUT');
  });
});
