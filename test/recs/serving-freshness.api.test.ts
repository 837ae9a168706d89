// Writes through the API reach the next uncached page at once with the serving state on: after a friend's
// interaction, the user's own interaction, a link and an unlink, a consent change, an erasure and an item
// upsert, the API's page equals the page of a service that reads everything from the database (serving
// state off, same GRAPH model), and shows the change. Pages are compared on items, sources, reasons and item
// facts exactly, scores to 12 digits. Events are recorded at the fixture's time, so both services decay
// from the same reference time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/domain/principal.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { RecsStore } from '../../src/storage/recs-store.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';
import { parseRecommendArgs } from '../../src/usecases/recommend/parse-args.ts';
import { RecsService, type RecommendationPage } from '../../src/usecases/recommend/recs-service.ts';
import type { ReasonData } from '../../src/usecases/recommend/types.ts';
import { createTestApi, type Gql } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';
import { NOW, writeShop } from './fixture.ts';

describe('the serving state after writes through the API', () => {
  let graph: GraphConnection;
  let gql: Gql;
  let api: ReturnType<typeof createTestApi>['services'];
  let events = 0;

  /** The API's page (page cache emptied first: `clear`) checked against the database-only service's. */
  const page = async (userId: string, first = 20, clear = true): Promise<RecommendationPage> => {
    if (clear) api.recs.pages.clear();
    const args = parseRecommendArgs({ userId, first });
    const got = await api.recs.recommend(SYSTEM, args);
    const oracle = new RecsService(new RecsStore(graph.executor), api.recs.graph, () => Date.now(), { ...RECS_CONFIG, resultCache: { ttlMs: 0, maxEntries: 0 } }, { inMemory: false, maxAgeMs: 0 });
    const want = await oracle.recommend(SYSTEM, args);
    const view = (p: RecommendationPage) => p.items.map((i) => ({ itemId: i.itemId, sources: i.sources, reasons: i.reasons, item: i.item }));
    expect(view(got)).toEqual(view(want));
    got.items.forEach((i, k) => expect(i.score).toBeCloseTo(want.items[k]!.score, 12));
    expect(got.hasNextPage).toBe(want.hasNextPage);
    return got;
  };
  const friendsNamed = (p: RecommendationPage, itemId?: string): string[] =>
    p.items.filter((i) => itemId === undefined || i.itemId === itemId).flatMap((i) => i.reasons).flatMap((r: ReasonData) => (r.kind === 'FRIENDS_LIKED' ? r.friendIds : []));
  const ok = async (query: string, vars: Record<string, unknown> = {}) => {
    const r = await gql(query, vars);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return r.body.data;
  };
  const record = (userId: string, itemId: string, type: string) =>
    ok('mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }', { in: { eventId: `fresh-${++events}`, userId, itemId, type, at: new Date(NOW).toISOString() } });

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeShop(graph.executor);
    ({ gql, services: api } = createTestApi(graph));
    await page('alice'); // the serving state, model and index are read before the writes below
  });
  afterAll(async () => graph.close());

  it("a friend's interaction: alice's next page has bob's new item, from the serving state (no round trip for it beyond re-reading bob's row)", async () => {
    expect(friendsNamed(await page('alice'), 'i5')).toEqual([]);
    await record('bob', 'i5', 'PURCHASE');
    const before = graph.executor.queryCount;
    api.recs.pages.clear();
    await api.recs.recommend(SYSTEM, parseRecommendArgs({ userId: 'alice', first: 20 }));
    expect(graph.executor.queryCount - before).toBe(2); // bob's row and i5's row, re-read once
    expect(friendsNamed(await page('alice'), 'i5')).toEqual(['bob']);
  });

  it("the user's own interaction: the item leaves alice's next page at once", async () => {
    expect((await page('alice')).items.map((i) => i.itemId)).toContain('i3');
    await record('alice', 'i3', 'VIEW');
    expect((await page('alice', 20, false)).items.map((i) => i.itemId)).not.toContain('i3');
  });

  it('a link and an unlink: erin gets carol\'s items from SOCIAL, then not', async () => {
    expect(friendsNamed(await page('erin', 3, false))).toEqual([]);
    await ok('mutation { addFriend(userId: "erin", friendId: "carol") { changed } }');
    const linked = await page('erin', 3, false);
    expect(linked.items.map((i) => i.itemId)).toEqual(['i3', 'i4', 'i1']);
    expect(new Set(friendsNamed(linked))).toEqual(new Set(['carol']));
    await ok('mutation { removeFriend(userId: "erin", friendId: "carol") { changed } }');
    expect(friendsNamed(await page('erin', 3, false))).toEqual([]);
    await ok('mutation { follow(userId: "erin", targetId: "dave") { changed } }');
    expect(new Set(friendsNamed(await page('erin', 2, false)))).toEqual(new Set(['dave']));
    await ok('mutation { unfollow(userId: "erin", targetId: "dave") { changed } }');
    expect(friendsNamed(await page('erin', 2, false))).toEqual([]);
  });

  it('a consent change: bob refusing social features leaves alice\'s page at once, and comes back', async () => {
    expect(friendsNamed(await page('alice'))).toContain('bob');
    await ok('mutation { setConsent(userId: "bob", consent: { social: false }) { id } }');
    expect(friendsNamed(await page('alice', 20, false))).not.toContain('bob');
    await ok('mutation { setConsent(userId: "bob", consent: { social: true }) { id } }');
    expect(friendsNamed(await page('alice', 20, false))).toContain('bob');
  });

  it('an erasure: dave (followed by alice) is gone from her next page', async () => {
    expect(friendsNamed(await page('alice'))).toContain('dave');
    await ok('mutation { deleteUser(id: "dave") { erasedAt } }');
    expect(friendsNamed(await page('alice', 20, false))).not.toContain('dave');
  });

  it('an item upsert: the next page shows the new title and categories', async () => {
    const shown = (await page('alice')).items[0]!.itemId;
    await ok('mutation($in: UpsertItemInput!) { upsertItem(input: $in) { id } }', { in: { id: shown, title: 'Renamed', categoryIds: ['C'] } });
    const item = (await page('alice', 20, false)).items.find((i) => i.itemId === shown)!.item;
    expect(item.title).toBe('Renamed');
    expect(item.categoryIds).toContain('C');
  });
});
