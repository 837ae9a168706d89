// The analyst's view: every cypher/recs file passes EXPLAIN with its documented parameters, the documented
// parameters are the ones the API sends, and running a strategy file's raw text as documented (only
// userId and now set) gives exactly the API's ranking and scores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asItemId, asUserId } from '../../src/domain/ids.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { cypher, listCypherFiles } from '../../src/storage/cypher-files.ts';
import { RecsGraphStore } from '../../src/storage/recs-graph-store.ts';
import { filterParams, RecsStore } from '../../src/storage/recs-store.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';
import { GraphModelCache } from '../../src/usecases/recommend/graph-model-cache.ts';
import { parseRecommendArgs } from '../../src/usecases/recommend/parse-args.ts';
import { RecsService } from '../../src/usecases/recommend/recs-service.ts';
import { peopleParams, similarParams, strategyParams, type CypherSource } from '../../src/usecases/recommend/strategy-params.ts';
import { NO_FILTER } from '../../src/usecases/recommend/types.ts';
import { openTestGraph } from '../support/graph.ts';
import { documentedParams } from './cypher-params.ts';
import { NOW, writeShop } from './fixture.ts';
import { SYSTEM } from '../../src/domain/principal.ts';

const FILES: Record<string, { source: CypherSource; strategy: string | null }> = {
  'recs/popular': { source: 'POPULAR', strategy: 'POPULAR' },
  'recs/trending': { source: 'TRENDING', strategy: null },
  'recs/item-cf': { source: 'ITEM_CF', strategy: 'ITEM_CF' },
  'recs/user-cf': { source: 'USER_CF', strategy: 'USER_CF' },
  'recs/content': { source: 'CONTENT', strategy: 'CONTENT' },
  'recs/social': { source: 'SOCIAL', strategy: 'SOCIAL' },
};

describe('cypher/recs as the analyst runs it', () => {
  let graph: GraphConnection;
  let service: RecsService;
  let store: RecsStore;

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeShop(graph.executor);
    store = new RecsStore(graph.executor);
    service = new RecsService(store, new GraphModelCache(new RecsGraphStore(graph.executor), RECS_CONFIG.graph, () => NOW), () => NOW);
  });
  afterAll(async () => graph.close());

  it('every recs file passes EXPLAIN with its documented parameters', async () => {
    const files = listCypherFiles().filter((f) => f.startsWith('recs/'));
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const f of files) await graph.executor.read(`EXPLAIN ${cypher(f)}`, documentedParams(f));
  });

  it('documents exactly the parameters the API sends', () => {
    for (const [file, { source }] of Object.entries(FILES)) {
      const { userId: _u, limit: _l, now: _n, ...documented } = documentedParams(file);
      const { now: _now, ...sent } = { ...strategyParams(source, RECS_CONFIG, NOW), ...filterParams(NO_FILTER) };
      expect(documented, file).toEqual(sent);
    }
    const { userId: _u, limit: _l, ...pymk } = documentedParams('recs/people-you-may-know');
    expect(pymk).toEqual(peopleParams(RECS_CONFIG));
    const { itemId: _i, limit: _s, ...similar } = documentedParams('recs/similar-items');
    expect(similar).toEqual(similarParams(RECS_CONFIG));
  });

  it('recs/similar-items and recs/people-you-may-know: the raw files\' rankings are the API\'s', async () => {
    const rawSimilar = await graph.executor.read(cypher('recs/similar-items'), { ...documentedParams('recs/similar-items'), itemId: 'i1' });
    const apiSimilar = (await service.similarItems(SYSTEM, asItemId('i1'), 10)).items;
    expect(rawSimilar.map((r) => [r['id'], r['score']])).toEqual(apiSimilar.map((s) => [s.itemId, s.score]));
    const rawPeople = await graph.executor.read(cypher('recs/people-you-may-know'), { ...documentedParams('recs/people-you-may-know'), userId: 'alice' });
    const apiPeople = (await service.peopleYouMayKnow(SYSTEM, asUserId('alice'), 10)).people;
    expect(rawPeople.map((r) => [r['id'], r['score']])).toEqual(apiPeople.map((p) => [p.userId, p.score]));
  });

  for (const [file, { source, strategy }] of Object.entries(FILES)) {
    for (const user of ['alice', 'frank', 'erin']) {
      it(`${file} for ${user}: the raw file's ranking is the API's`, async () => {
        const raw = await graph.executor.read(cypher(file), { ...documentedParams(file), userId: user, now: NOW });
        const api = strategy === null
          ? (await store.trending(asUserId(user), NO_FILTER, strategyParams(source, RECS_CONFIG, NOW), 20)).map((c) => ({ id: c.itemId, score: c.score }))
          : (await service.recommend(SYSTEM, parseRecommendArgs({ userId: user, strategy }))).items.map((r) => ({ id: r.itemId, score: r.score }));
        expect(raw.map((r) => ({ id: r['id'], score: r['score'] }))).toEqual(api);
      });
    }
  }
});
