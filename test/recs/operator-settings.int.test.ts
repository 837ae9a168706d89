// The operator's two serving switches reach the served path: GREC_GRAPH_EASE_MAX_DIM chooses the GRAPH base
// model by size, GREC_SERVING_IN_MEMORY turns the serving state off (pages then read Cypher) with the same page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/app.ts';
import { DEFAULT_LOOP, DEFAULT_PRIVACY, loadConfig } from '../../src/config.ts';
import { SYSTEM } from '../../src/domain/principal.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { parseRecommendArgs } from '../../src/usecases/recommend/parse-args.ts';
import { openTestGraph } from '../support/graph.ts';
import { writeShop } from './fixture.ts';

describe('operator settings for the served model and the serving state', () => {
  let graph: GraphConnection;
  beforeAll(async () => {
    graph = await openTestGraph();
    await writeShop(graph.executor);
  });
  afterAll(async () => graph.close());

  it('parses both variables with their documented defaults and names a bad value', () => {
    expect(loadConfig({}).loop).toMatchObject({ graphEaseMaxDim: 3000, servingInMemory: true });
    expect(loadConfig({ GREC_GRAPH_EASE_MAX_DIM: '0', GREC_SERVING_IN_MEMORY: 'false' }).loop)
      .toMatchObject({ graphEaseMaxDim: 0, servingInMemory: false });
    expect(() => loadConfig({ GREC_GRAPH_EASE_MAX_DIM: '-1' })).toThrow(/GREC_GRAPH_EASE_MAX_DIM/);
    expect(() => loadConfig({ GREC_SERVING_IN_MEMORY: 'yes' })).toThrow(/GREC_SERVING_IN_MEMORY/);
  });

  it('the EASE bound picks the model (the shop: about 5 x 5 with interactions: EASE by default, GF-CF under a bound of 3)', async () => {
    const byDefault = createServices(graph, undefined, DEFAULT_PRIVACY, DEFAULT_LOOP);
    const bounded = createServices(graph, undefined, DEFAULT_PRIVACY, { ...DEFAULT_LOOP, graphEaseMaxDim: 3 });
    expect((await byDefault.recs.refreshGraphModel(SYSTEM, false)).model).toBe('EASE');
    expect((await bounded.recs.refreshGraphModel(SYSTEM, false)).model).toBe('GF-CF');
  });

  it('with the serving state off a HYBRID page reads Cypher and is the same page', async () => {
    const on = createServices(graph, undefined, DEFAULT_PRIVACY, DEFAULT_LOOP);
    const off = createServices(graph, undefined, DEFAULT_PRIVACY, { ...DEFAULT_LOOP, servingInMemory: false });
    expect(on.recs.serving).toBeDefined();
    expect(off.recs.serving).toBeUndefined();
    const args = parseRecommendArgs({ userId: 'alice', strategy: 'HYBRID', first: 5 });
    const a = await on.recs.recommend(SYSTEM, args);
    const b = await off.recs.recommend(SYSTEM, args);
    expect(b.items.map((r) => [r.itemId, r.score])).toEqual(a.items.map((r) => [r.itemId, r.score]));
    expect(a.items.length).toBeGreaterThan(0);
  });
});
