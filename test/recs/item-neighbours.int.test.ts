// Precomputed item-item neighbours (src/usecases/recommend/item-neighbours.ts) against the real Neo4j:
// before the first rebuild ITEM_CF and similarItems run the bounded files; after it they read the SIMILAR lists,
// and with K at least the number of items the two give the same rankings, scores, reasons and counts, on the
// hand-made shop and on a small random one. The lists' files are the analysts' too (documented parameters).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { EventType } from '../../src/domain/events.ts';
import { SYSTEM } from '../../src/domain/principal.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { cypher } from '../../src/storage/cypher-files.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ItemNeighboursStore } from '../../src/storage/item-neighbours-store.ts';
import { RecsGraphStore } from '../../src/storage/recs-graph-store.ts';
import { filterParams, RecsStore } from '../../src/storage/recs-store.ts';
import { RECS_CONFIG, type RecsConfig } from '../../src/usecases/recommend/config.ts';
import { GraphModelCache } from '../../src/usecases/recommend/graph-model-cache.ts';
import { ItemNeighbours } from '../../src/usecases/recommend/item-neighbours.ts';
import { parseRecommendArgs } from '../../src/usecases/recommend/parse-args.ts';
import { RecsService } from '../../src/usecases/recommend/recs-service.ts';
import { itemCfNeighbourParams, similarParams, strategyParams } from '../../src/usecases/recommend/strategy-params.ts';
import { NO_FILTER, type Candidate } from '../../src/usecases/recommend/types.ts';
import { openTestGraph } from '../support/graph.ts';
import { documentedParams } from './cypher-params.ts';
import { NOW, writeShop } from './fixture.ts';

const S = Math.sqrt;
const ALL_ITEMS = 1000;

function service(graph: GraphConnection, k: number, at = () => NOW): { recs: RecsService; neighbours: ItemNeighbours } {
  const cfg: RecsConfig = { ...RECS_CONFIG, itemNeighbours: { ...RECS_CONFIG.itemNeighbours, k } };
  const recs = new RecsService(new RecsStore(graph.executor), new GraphModelCache(new RecsGraphStore(graph.executor), cfg.graph, at), at, cfg);
  const neighbours = new ItemNeighbours(new ItemNeighboursStore(graph.executor), new RecsGraphStore(graph.executor), cfg.itemNeighbours, at);
  recs.useItemNeighbours(neighbours);
  return { recs, neighbours };
}

const itemCf = async (recs: RecsService, user: string): Promise<Candidate[]> =>
  (await recs.recommend(SYSTEM, parseRecommendArgs({ userId: user, strategy: 'ITEM_CF', first: 50 }))).items.map((r) => ({ itemId: r.itemId, score: r.score, reason: r.reasons[0]! }) as Candidate);

/** Same ids in the same order, same reasons, scores equal to rounding (the two sum in different orders). */
function expectSame(got: readonly Candidate[], want: readonly Candidate[]): void {
  expect(got.map((c) => [c.itemId, c.reason])).toEqual(want.map((c) => [c.itemId, c.reason]));
  got.forEach((c, k) => expect(c.score).toBeCloseTo(want[k]!.score, 12));
}

describe('item-item neighbours on the hand-made shop', () => {
  let graph: GraphConnection;
  let store: RecsStore;

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeShop(graph.executor);
    store = new RecsStore(graph.executor);
  });
  afterAll(async () => graph.close());

  it('before the first rebuild: the bounded files answer; after it: the lists, with the same results', async () => {
    const { recs, neighbours } = service(graph, ALL_ITEMS);
    expect(await neighbours.ready()).toBe(false);
    const bounded = await store.itemCf(asUserId('alice'), NO_FILTER, strategyParams('ITEM_CF', RECS_CONFIG, NOW), 21);
    const boundedSimilar = await store.similarItems(asItemId('i1'), 10, similarParams(RECS_CONFIG));
    expectSame(await itemCf(recs, 'alice'), bounded);

    const status = await recs.rebuildItemNeighbours(SYSTEM);
    // i1..i4 and i6 are interacted with; i1: i2, i3, i4; i2: i1, i3, i4; i3: i1, i2, i4; i4: i1, i2, i3; i6: none.
    expect(status).toMatchObject({ builtAt: NOW, k: ALL_ITEMS, items: 5, edges: 12 });
    expect(await neighbours.ready()).toBe(true);
    const [edge] = await graph.executor.read("MATCH (:Item {id: 'i1'})-[s:SIMILAR]->(:Item {id: 'i3'}) RETURN s.score AS score, s.dot AS dot, s.coUsers AS coUsers");
    expect(edge).toMatchObject({ dot: 10, coUsers: 2 });
    expect(edge!['score']).toBeCloseTo(10 / (S(51) * S(26)), 15);

    const listed = await itemCf(recs, 'alice');
    expectSame(listed, bounded);
    // The exact figures of strategies.int.test.ts.
    expect(listed.map((c) => c.itemId)).toEqual(['i3', 'i4']);
    expect(listed[0]!.score).toBeCloseTo(5 * (10 / (S(51) * S(26))) + 5 / (S(27) * S(26)), 12);
    const similar = (await recs.similarItems(SYSTEM, asItemId('i1'), 10)).items.map((s) => ({ itemId: s.itemId, score: s.score, reason: s.reasons[0]! }) as Candidate);
    expectSame(similar, boundedSimilar);
  });

  it('K = 1 keeps each item\'s best neighbour only (ties: id ASC)', async () => {
    const { recs } = service(graph, 1, () => NOW + 1);
    await recs.rebuildItemNeighbours(SYSTEM);
    const similar = (await recs.similarItems(SYSTEM, asItemId('i1'), 10)).items;
    // i1: i2 10/(√51·√27) = 0.27, i3 10/(√51·√26) = 0.27..., i4 3/(√51·√10)
    const s12 = (5 * 5 + 5 * 0) / (S(51) * S(27));
    const s13 = 10 / (S(51) * S(26));
    expect(similar.map((s) => s.itemId)).toEqual([s12 >= s13 ? 'i2' : 'i3']);
    const [{ edges } = {}] = await graph.executor.read('MATCH ()-[s:SIMILAR]->() RETURN count(s) AS edges');
    expect(edges).toBe(4);
  });

  it('an item without a list (no co-user, or new since the rebuild) falls back to the bounded file', async () => {
    const { recs } = service(graph, ALL_ITEMS, () => NOW + 2);
    await recs.rebuildItemNeighbours(SYSTEM);
    await new GraphWriter(graph.executor).events([
      { id: asEventId('late1'), userId: asUserId('erin'), itemId: asItemId('i5'), type: 'purchase', ts: NOW },
      { id: asEventId('late2'), userId: asUserId('erin'), itemId: asItemId('i1'), type: 'view', ts: NOW },
    ]);
    // i5 got its first co-user after the rebuild: no list, the bounded file finds i1.
    const similar = (await recs.similarItems(SYSTEM, asItemId('i5'), 10)).items;
    expect(similar.map((s) => [s.itemId, s.reasons[0]])).toEqual([['i1', { kind: 'CO_INTERACTED', itemIds: ['i5'], count: 1 }]]);
  });

  it('analysts: the documented parameters are the ones the API sends, and the raw files rank as the API', async () => {
    const { userId: _u, limit: _l, ...documented } = documentedParams('recs/item-cf-neighbours');
    expect(documented).toEqual({ ...itemCfNeighbourParams(RECS_CONFIG), ...filterParams(NO_FILTER) });
    expect(documentedParams('recs/similar-items-neighbours')).toEqual({ itemId: 'i1', limit: 10 });
    const { recs } = service(graph, ALL_ITEMS, () => NOW + 3);
    await recs.rebuildItemNeighbours(SYSTEM);
    const raw = await graph.executor.read(cypher('recs/item-cf-neighbours'), { ...documentedParams('recs/item-cf-neighbours'), userId: 'alice' });
    const api = (await recs.recommend(SYSTEM, parseRecommendArgs({ userId: 'alice', strategy: 'ITEM_CF' }))).items;
    expect(raw.map((r) => [r['id'], r['score']])).toEqual(api.map((r) => [r.itemId, r.score]));
    const rawSimilar = await graph.executor.read(cypher('recs/similar-items-neighbours'), documentedParams('recs/similar-items-neighbours'));
    const apiSimilar = (await recs.similarItems(SYSTEM, asItemId('i1'), 10)).items;
    expect(rawSimilar.map((r) => [r['id'], r['score'], r['coUsers']])).toEqual(apiSimilar.map((s) => [s.itemId, s.score, (s.reasons[0] as { count: number }).count]));
  });
});

describe('item-item neighbours on a small random shop: the lists (K >= items) equal the bounded files', () => {
  let graph: GraphConnection;
  let store: RecsStore;
  const users = Array.from({ length: 40 }, (_, k) => `u${String(k).padStart(2, '0')}`);
  const items = Array.from({ length: 25 }, (_, k) => `i${String(k).padStart(2, '0')}`);

  beforeAll(async () => {
    graph = await openTestGraph();
    store = new RecsStore(graph.executor);
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const w = new GraphWriter(graph.executor);
    await w.items(items.map((id, k) => ({ id: asItemId(id), title: id, price: k })));
    await w.users(users.map((id) => ({ id: asUserId(id), name: id })));
    const types: EventType[] = ['view', 'view', 'view', 'favourite', 'cart', 'purchase', 'cancel'];
    const events = [];
    for (let e = 0; e < 500; e++) {
      // Skewed: low item numbers are the best sellers; some users have long histories.
      const u = users[Math.floor(rnd() ** 2 * users.length)]!;
      const i = items[Math.floor(rnd() ** 1.5 * items.length)]!;
      events.push({ id: asEventId(`r${e}`), userId: asUserId(u), itemId: asItemId(i), type: types[Math.floor(rnd() * types.length)]!, ts: NOW - Math.floor(rnd() * 1000) * 60_000 });
    }
    await w.events(events);
  });
  afterAll(async () => graph.close());

  it('ITEM_CF for every user and similarItems for every item', async () => {
    const before = new Map<string, Candidate[]>();
    for (const u of users) before.set(u, await store.itemCf(asUserId(u), NO_FILTER, strategyParams('ITEM_CF', RECS_CONFIG, NOW), 100));
    const beforeSimilar = new Map<string, Candidate[]>();
    for (const i of items) beforeSimilar.set(i, await store.similarItems(asItemId(i), 100, similarParams(RECS_CONFIG)));
    // With the default caps nothing in this shop reaches one, so the bounded files are exact.
    const [{ most } = {}] = await graph.executor.read('MATCH (i:Item)<-[r:INTERACTED]-() WHERE r.weight > 0 WITH i, count(r) AS n RETURN max(n) AS most');
    expect(most as number).toBeLessThan(RECS_CONFIG.cypherBounds.coUsersPerItem);

    const { recs, neighbours } = service(graph, ALL_ITEMS);
    await recs.rebuildItemNeighbours(SYSTEM);
    const listStore = neighbours.store;
    let compared = 0;
    for (const u of users) {
      const got = await listStore.itemCf(asUserId(u), NO_FILTER, itemCfNeighbourParams(RECS_CONFIG), 100);
      expectSame(got, before.get(u)!);
      compared += got.length;
    }
    for (const i of items) {
      const got = await listStore.similarItems(asItemId(i), 100);
      expectSame(got, beforeSimilar.get(i)!);
      compared += got.length;
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('a second rebuild replaces the lists; an item that lost its interactions loses its list', async () => {
    const { recs } = service(graph, 3, () => NOW + 10);
    await graph.executor.write("MATCH (:Item {id: 'i00'})<-[r:INTERACTED]-() DELETE r");
    const status = await recs.rebuildItemNeighbours(SYSTEM);
    const [row] = await graph.executor.read('MATCH (i:Item)-[s:SIMILAR]->() RETURN count(s) AS edges, count(DISTINCT i) AS items, collect(DISTINCT s.builtAt) AS builtAt, max(COUNT { (i)-[:SIMILAR]->() }) AS most');
    expect(row).toMatchObject({ edges: status!.edges, builtAt: [NOW + 10], most: 3 });
    expect(await graph.executor.read("MATCH (:Item {id: 'i00'})-[s:SIMILAR]-() RETURN s")).toEqual([]);
  });
});
