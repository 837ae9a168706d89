// FOLLOWS ties reach the GRAPH model through Neo4j: graph-edges.cypher streams each follow between two
// consenting users, the fit weighs it at followWeight, and RecsService serves a follows-only user from the
// followee's items, naming the followee. Shop: u1 buys a; u2 buys c; u3 (declined social features) buys d;
// u1 follows u2 and u3; u4 follows u2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import { SYSTEM } from '../../src/domain/principal.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { RecsGraphStore } from '../../src/storage/recs-graph-store.ts';
import { RecsStore } from '../../src/storage/recs-store.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';
import { GraphModelCache } from '../../src/usecases/recommend/graph-model-cache.ts';
import { parseRecommendArgs } from '../../src/usecases/recommend/parse-args.ts';
import { RecsService } from '../../src/usecases/recommend/recs-service.ts';
import { openTestGraph } from '../support/graph.ts';

const NOW = Date.UTC(2025, 0, 1);

describe('GRAPH with FOLLOWS edges on Neo4j', () => {
  let graph: GraphConnection;
  let store: RecsGraphStore;
  let service: RecsService;

  beforeAll(async () => {
    graph = await openTestGraph();
    const w = new GraphWriter(graph.executor);
    await w.items(['a', 'c', 'd'].map((id) => ({ id: asItemId(id), title: id, categoryIds: [], tagIds: [] })));
    await w.users(['u1', 'u2', 'u4'].map((id) => ({ id: asUserId(id) })));
    await w.users([{ id: asUserId('u3'), consent: { social: false } }]);
    let n = 0;
    const buy = (u: string, i: string) => ({ id: asEventId(`e${++n}`), userId: asUserId(u), itemId: asItemId(i), type: 'purchase' as const, ts: NOW });
    await w.events([buy('u1', 'a'), buy('u2', 'c'), buy('u3', 'd')]);
    const follows = (a: string, b: string) => ({ kind: 'FOLLOWS' as const, from: asUserId(a), to: asUserId(b) });
    await w.social([follows('u1', 'u2'), follows('u1', 'u3'), follows('u4', 'u2')]);
    store = new RecsGraphStore(graph.executor);
    service = new RecsService(new RecsStore(graph.executor), new GraphModelCache(store, RECS_CONFIG.graph, () => NOW), () => NOW);
  });
  afterAll(async () => graph.close());

  it('reads each follow between consenting users, directed, and none when the social edges are off', async () => {
    const edges = await store.loadEdges(true, RECS_CONFIG.consentDefaults);
    expect([...edges.follows!].sort((x, y) => (x.follower < y.follower ? -1 : 1))).toEqual([{ follower: 'u1', followee: 'u2' }, { follower: 'u4', followee: 'u2' }]);
    expect(edges.friendships).toEqual([]);
    expect((await store.loadEdges(false, RECS_CONFIG.consentDefaults)).follows).toEqual([]);
  });

  it('serves a follows-only user the followee\'s item at followWeight x socialBeta, naming the followee', async () => {
    const page = await service.recommend(SYSTEM, parseRecommendArgs({ userId: 'u4', strategy: 'GRAPH' }));
    expect(page.items.map((r) => [r.itemId, r.score])).toEqual([['c', Math.fround(RECS_CONFIG.graph.socialBeta * RECS_CONFIG.graph.followWeight)]]);
    expect(page.items[0]!.reasons).toEqual([{ kind: 'GRAPH_NEIGHBOURS', viaItemIds: [], viaUserIds: ['u2'] }]);
    const u1 = await service.recommend(SYSTEM, parseRecommendArgs({ userId: 'u1', strategy: 'GRAPH' }));
    expect(u1.items.map((r) => r.itemId)).toEqual(['c']); // not d: u3 declined social features
    expect(await service.refreshGraphModel(SYSTEM, false)).toMatchObject({ users: 4, friendships: 0, follows: 2 });
  });
});
