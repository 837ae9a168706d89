// The recommendation use cases against the real Neo4j: the hybrid, the GRAPH model (fit, inductive scoring,
// refresh with vectors), filters, diversity, pagination and invariants on the hand-made shop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { RecsGraphStore } from '../../src/storage/recs-graph-store.ts';
import { RecsStore } from '../../src/storage/recs-store.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';
import { GraphModelCache } from '../../src/usecases/recommend/graph-model-cache.ts';
import { parseRecommendArgs, type RecommendArgs } from '../../src/usecases/recommend/parse-args.ts';
import { RecsService } from '../../src/usecases/recommend/recs-service.ts';
import { STRATEGIES } from '../../src/usecases/recommend/types.ts';
import { openTestGraph } from '../support/graph.ts';
import { NOW, writeShop } from './fixture.ts';
import { SYSTEM } from '../../src/domain/principal.ts';

describe('recommendation use cases on the hand-made shop', () => {
  let graph: GraphConnection;
  let service: RecsService;
  let graphStore: RecsGraphStore;
  const rec = (a: RecommendArgs) => service.recommend(SYSTEM, parseRecommendArgs(a));
  const ids = async (a: RecommendArgs) => (await rec(a)).items.map((r) => r.itemId);

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeShop(graph.executor);
    graphStore = new RecsGraphStore(graph.executor);
    service = new RecsService(new RecsStore(graph.executor), new GraphModelCache(graphStore, RECS_CONFIG.graph, () => NOW), () => NOW);
  });
  afterAll(async () => graph.close());

  it('invariants for every strategy and user: no seen item, no self, scores non-increasing, first respected', async () => {
    const seen: Record<string, string[]> = { alice: ['i1', 'i2'], bob: ['i1', 'i2', 'i3'], carol: ['i1', 'i3', 'i4'], frank: [], erin: [] };
    for (const strategy of STRATEGIES) {
      for (const [user, items] of Object.entries(seen)) {
        const page = await rec({ userId: user, strategy, first: 3 });
        expect(page.items.length, `${strategy} ${user}`).toBeLessThanOrEqual(3);
        for (const r of page.items) {
          expect(items).not.toContain(r.itemId);
          expect(r.reasons.length).toBeGreaterThan(0);
          expect(r.reasons).toHaveLength(r.sources.length);
        }
        for (let k = 1; k < page.items.length; k++) expect(page.items[k]!.score).toBeLessThanOrEqual(page.items[k - 1]!.score);
      }
    }
  });

  it('HYBRID blends the sources for a warm user and names each one', async () => {
    // The weights this test assumes (all four sources on), not the evaluated defaults of config.ts.
    const hybridWeights = { GRAPH: 1.0, SOCIAL: 0.5, CONTENT: 0.3, POPULAR: 0.1, ITEM_CF: 0, USER_CF: 0, TRENDING: 0 };
    const fourSources = new RecsService(new RecsStore(graph.executor), new GraphModelCache(graphStore, RECS_CONFIG.graph, () => NOW), () => NOW, { ...RECS_CONFIG, hybridWeights });
    const page = await fourSources.recommend(SYSTEM, parseRecommendArgs({ userId: 'alice' }));
    expect(page.items.map((r) => r.itemId).sort()).toEqual(['i3', 'i4', 'i5', 'i6']);
    const i3 = page.items.find((r) => r.itemId === 'i3')!;
    expect([...i3.sources].sort()).toEqual(['CONTENT', 'GRAPH', 'POPULAR', 'SOCIAL']);
    expect(page.items[0]!.itemId).toBe('i3');
  });

  it('HYBRID cold start cascades social -> content -> popular', async () => {
    const frank = await rec({ userId: 'frank' });
    expect(frank.items.map((r) => [r.itemId, r.sources[0]])).toEqual([['i1', 'SOCIAL'], ['i3', 'SOCIAL'], ['i2', 'SOCIAL'], ['i4', 'SOCIAL'], ['i6', 'POPULAR']]);
    const erin = await rec({ userId: 'erin' });
    expect(erin.items.map((r) => [r.itemId, r.score])).toEqual([['i1', 11 / 11 / 3], ['i2', 7 / 11 / 3], ['i3', expect.closeTo((5 + Math.pow(2, -15 / 14)) / 11 / 3, 12)], ['i6', 5 / 11 / 3], ['i4', 4 / 11 / 3]]);
  });

  it('filters: purchased-only exclusion, categories, price range and ids, also for GRAPH', async () => {
    expect(await ids({ userId: 'alice', strategy: 'POPULAR', filter: { excludeSeen: false } })).toEqual(['i2', 'i3', 'i6', 'i4']);
    for (const strategy of ['GRAPH', 'HYBRID']) {
      const got = await ids({ userId: 'alice', strategy, filter: { categoryIds: ['B'], maxPrice: 35 } });
      expect(got, strategy).toEqual(['i3']);
      expect(await ids({ userId: 'alice', strategy, filter: { excludeItemIds: ['i3'] } })).not.toContain('i3');
    }
  });

  it('diversity: maxPerCategory caps and MMR keeps scores non-increasing', async () => {
    const capped = await rec({ userId: 'erin', strategy: 'POPULAR', diversity: { maxPerCategory: 1 } });
    expect(capped.items.map((r) => r.itemId)).toEqual(['i1', 'i3', 'i6']);
    const mmr = await rec({ userId: 'erin', strategy: 'POPULAR', diversity: { mmrLambda: 0.3 } });
    expect(mmr.items[0]!.itemId).toBe('i1');
    expect(mmr.items[1]!.itemId).not.toBe('i2'); // i2 shares category A and tag t1 with i1
    for (let k = 1; k < mmr.items.length; k++) expect(mmr.items[k]!.score).toBeLessThanOrEqual(mmr.items[k - 1]!.score);
  });

  it('paginates by rank offset without gaps or repeats', async () => {
    const all = await ids({ userId: 'erin', strategy: 'POPULAR', first: 5 });
    const p1 = await rec({ userId: 'erin', strategy: 'POPULAR', first: 2 });
    expect(p1.hasNextPage).toBe(true);
    const p2 = await rec({ userId: 'erin', strategy: 'POPULAR', first: 3, after: Buffer.from('rank:2').toString('base64url') });
    expect([...p1.items, ...p2.items].map((r) => r.itemId)).toEqual(all);
    expect(p2.hasNextPage).toBe(false);
  });

  it('GRAPH is inductive: a user created after the fit is served from fresh events without a refit', async () => {
    await service.recommend(SYSTEM, parseRecommendArgs({ userId: 'alice', strategy: 'GRAPH' })); // fits the model
    const w = new GraphWriter(graph.executor);
    await w.users([{ id: asUserId('gina') }]);
    await w.events([{ id: asEventId('g1'), userId: asUserId('gina'), itemId: asItemId('i3'), type: 'purchase', ts: NOW }]);
    const got = await rec({ userId: 'gina', strategy: 'GRAPH' });
    expect(got.items.length).toBeGreaterThan(0);
    expect(got.items.map((r) => r.itemId)).not.toContain('i3');
    expect(got.items[0]!.reasons[0]).toMatchObject({ kind: 'GRAPH_NEIGHBOURS', viaItemIds: ['i3'] });
    const frank = await rec({ userId: 'frank', strategy: 'GRAPH' });
    expect(frank.items[0]!.reasons[0]).toMatchObject({ kind: 'GRAPH_NEIGHBOURS', viaUserIds: ['bob', 'carol'] });
  });

  it('refreshGraphModel writes 64-dim vectors the vector index serves', async () => {
    const s = await service.refreshGraphModel(SYSTEM, true);
    // 3 of the shop's 4 friendships: alice-hank is not a friend signal, hank declined social features.
    expect(s).toMatchObject({ items: 5, friendships: 3, follows: 1 }); // alice follows dave
    expect(s.embeddingsWritten).toBeGreaterThan(0);
    const [row] = await graph.executor.read('MATCH (i:Item {id: "i1"}) RETURN size(i.embedding) AS n');
    expect(row).toEqual({ n: 64 });
    await graph.executor.autoCommit('CALL db.awaitIndexes(60)');
    const near = await graphStore.vectorItems(asUserId('alice'), 10, 5);
    expect(near.length).toBeGreaterThan(0);
    expect(near.map((r) => r.itemId)).not.toContain('i1');
  });

  it('unknown users and items are NOT_FOUND', async () => {
    await expect(rec({ userId: 'nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.similarItems(SYSTEM, asItemId('nope'), 5)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.peopleYouMayKnow(SYSTEM, asUserId('nobody'), 5)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
