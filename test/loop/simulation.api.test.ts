import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/domain/principal.ts';
import { ApiClient, type SimulatorClients } from '../../src/simulate/api-client.ts';
import { runExperiment } from '../../src/simulate/run-experiment.ts';
import { sameCounts } from '../../src/simulate/scenarios.ts';
import { PlantedShoppers } from '../../src/simulate/shopper-model.ts';
import { storeShoppers } from '../../src/simulate/shoppers-online.ts';
import { createDemoSource, demoPreset } from '../../src/sources/demo/demo-source.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { pino } from 'pino';
import { capabilityResolvers, createServices } from '../../src/app.ts';
import { createApi } from '../../src/graphql/server.ts';
import { bearer, testAuth } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

/**
 * The whole loop through the API, as the simulator plays it: an experiment created over GraphQL serves the
 * variant GrowthBook assigns, pages are reported rendered, clicks and purchases carry the page's id, and
 * experimentResults counts exactly what the shoppers did (consenting shoppers only).
 */
describe('the loop, played by simulated shoppers of the tiny demo shop', () => {
  let graph: GraphConnection;
  let client: SimulatorClients;
  const demo = demoPreset('tiny');

  beforeAll(async () => {
    graph = await openTestGraph();
    await ingestSource(createDemoSource(demo), new GraphWriter(graph.executor));
    const services = createServices(graph);
    const api = createApi({ services, auth: testAuth(graph), resolvers: capabilityResolvers(), logger: pino({ level: 'silent' }) });
    await services.recs.refreshGraphModel(SYSTEM, false);
    // Staff pages are previews that assign nobody: the shoppers' pages are served as a shop backend would.
    client = {
      staff: new ApiClient('http://localhost/graphql', bearer('admin').authorization!, async (url, init) => api.fetch(url, init)),
      frontend: new ApiClient('http://localhost/graphql', bearer('service').authorization!, async (url, init) => api.fetch(url, init)),
    };
  }, 120_000);

  afterAll(async () => {
    await graph.close();
  });

  it('counts exactly what the shoppers did, in the variant GrowthBook assigns, leaving out those without analytics consent', async () => {
    const store = await storeShoppers(client.staff);
    expect(store.ids).toHaveLength(50);
    expect(store.analytics.size).toBeLessThan(50); // the tiny demo has shoppers who refused analytics
    const outcome = await runExperiment(client, new PlantedShoppers(demo), {
      key: 'sim-test', control: 'POPULAR', treatment: 'HYBRID', shoppers: store.ids, counted: store.analytics,
      pageSize: 10, seed: 11, dropTreatment: 0, concurrency: 4, confidence: 0.95, plannedBaselineRate: 0.2,
    });
    expect(outcome.variantMismatches).toBe(0);
    expect(outcome.pageMismatches).toBe(0);
    expect(outcome.reported).toEqual(outcome.simulated);
    expect(sameCounts(outcome)).toBe(true);
    const assigned = outcome.simulated.control.assigned + outcome.simulated.treatment.assigned;
    expect(assigned).toBe(store.analytics.size);
    expect(outcome.simulated.control.clicks + outcome.simulated.treatment.clicks).toBeGreaterThan(0);
    expect(outcome.truth.control).toBeGreaterThan(0);
    expect(outcome.truth.treatment).toBeGreaterThan(0);
  }, 120_000);
});
