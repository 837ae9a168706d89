// The refresh tunes the HYBRID default weights on the store's own held-out data (tuning/tune-blend.ts), reports
// them through refreshGraphModel, and serves them to requests that name no weights, on the real Neo4j.
// The store: 60 users, each with p1 and three items of their own (q<u>a-c); the first 30 also have p2. A held-out
// own item is predictable by nobody; a held-out p1 or p2 is first in POPULAR, while GRAPH finds it only
// through the other of the pair (the first 30 users' p1-p2 co-occurrence), so POPULAR alone wins. Seed 1's
// sample (all 60 users) holds out p1 or p2 for 23 users, 13 of whom GRAPH ranks it first for: 23/60 and 13/60.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { RecsStore } from '../../src/storage/recs-store.ts';
import { ServingStateCache } from '../../src/usecases/recommend/serving-state-cache.ts';
import { popularRanking } from '../../src/usecases/recommend/tuning/popularity.ts';
import { NO_FILTER } from '../../src/usecases/recommend/types.ts';
import { createTestApi } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

const TS = Date.UTC(2025, 0, 1);
const users = Array.from({ length: 60 }, (_, u) => `u${String(u).padStart(2, '0')}`);
const own = (u: string) => ['a', 'b', 'c'].map((s) => `q${u}${s}`);

describe('HYBRID blend tuned per store at refresh', () => {
  let graph: GraphConnection;
  let gql: ReturnType<typeof createTestApi>['gql'];

  beforeAll(async () => {
    graph = await openTestGraph();
    const w = new GraphWriter(graph.executor);
    await w.users(users.map((id) => ({ id: asUserId(id) })));
    await w.items(['p1', 'p2', ...users.flatMap(own)].map((id) => ({ id: asItemId(id), title: id })));
    let n = 0;
    await w.events(users.flatMap((u, k) => [...own(u), 'p1', ...(k < 30 ? ['p2'] : [])].map((i) => ({
      id: asEventId(`e${++n}`), userId: asUserId(u), itemId: asItemId(i), type: 'view' as const, ts: TS,
    }))));
    gql = createTestApi(graph).gql;
  }, 120_000);
  afterAll(async () => graph.close());

  it('refreshGraphModel reports the chosen weights: POPULAR alone, at the POPULAR-alone figure, above every other source', async () => {
    const r = await gql(`mutation { refreshGraphModel(writeEmbeddings: false) { tuning { users blend {
      users complete chosen { GRAPH SOCIAL CONTENT POPULAR } chosenNdcg10 singleNdcg10 { GRAPH SOCIAL CONTENT POPULAR } candidates { ndcg10 } } } } }`);
    expect(r.body.errors).toBeUndefined();
    const t = (r.body.data as { refreshGraphModel: { tuning: { users: number; blend: Record<string, unknown> & { singleNdcg10: Record<string, number>; chosenNdcg10: number; candidates: unknown[] } } } }).refreshGraphModel.tuning;
    expect(t.users).toBe(60);
    expect(t.blend).toMatchObject({ users: 60, complete: true, chosen: { GRAPH: 0, SOCIAL: 0, CONTENT: 0, POPULAR: 1 } });
    expect(t.blend.chosenNdcg10).toBeCloseTo(23 / 60, 12);
    expect(t.blend.chosenNdcg10).toBe(t.blend.singleNdcg10['POPULAR']);
    expect(t.blend.singleNdcg10['GRAPH']).toBeCloseTo(13 / 60, 12);
    expect(t.blend.singleNdcg10).toMatchObject({ SOCIAL: 0, CONTENT: 0 });
    expect(t.blend.candidates).toHaveLength(15);
  });

  it('a HYBRID page (no weights named) is then the POPULAR blend', async () => {
    const q = `{ recommendations(userId: "u59", strategy: HYBRID, first: 2) { edges { node { item { id } sources } } } }`;
    const r = await gql(q);
    expect(r.body.errors).toBeUndefined();
    const edges = (r.body.data as { recommendations: { edges: { node: { item: { id: string }; sources: string[] } }[] } }).recommendations.edges;
    expect(edges.map((e) => e.node)).toEqual([{ item: { id: 'p2' }, sources: ['POPULAR'] }, expect.objectContaining({ sources: ['POPULAR'] })]);
  });

  it('the tuner\'s in-memory POPULAR (tuning/popularity.ts) gives popular.cypher\'s global ranking: decay, negative weights, ties by id', async () => {
    const day = 86_400_000;
    const w = new GraphWriter(graph.executor);
    await w.events([
      { id: asEventId('x1'), userId: asUserId('u00'), itemId: asItemId('p2'), type: 'cancel', ts: TS + day },
      { id: asEventId('x2'), userId: asUserId('u40'), itemId: asItemId('qu01a'), type: 'purchase', ts: TS - 20 * day },
      { id: asEventId('x3'), userId: asUserId('u41'), itemId: asItemId('qu02b'), type: 'cart', ts: TS - 3 * day },
    ]);
    const store = new RecsStore(graph.executor);
    const state = await new ServingStateCache({ users: (ids) => store.servingUsers(ids), items: (ids) => store.servingItems(ids), vocabulary: () => store.servingVocabulary() }, 0, () => 0).get();
    const p = { now: TS + 2 * day, halfLifeMs: 14 * day };
    const mine = popularRanking([...state.users.values()].map((u) => ({ userId: u.user.id, items: u.items })), p);
    const cypher = await store.popular(null, NO_FILTER, p, 1000);
    expect(mine.map((x) => x.itemId)).toEqual(cypher.map((c) => c.itemId));
    mine.forEach((x, k) => expect(x.score).toBeCloseTo(cypher[k]!.score, 9));
    expect(mine.length).toBe(2 + 180);
  });
});
