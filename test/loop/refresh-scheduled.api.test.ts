// A real scheduled refresh against the real Neo4j, through the services as createServices wires them (the
// GRAPH fit in a worker thread, GREC_FIT_WORKER_MIN_INTERACTIONS=0 so the tiny demo shop uses it too): new
// interactions recorded over GraphQL trigger it, recommendations keep answering while it runs, the new model
// is swapped in (fittedAt changes, the new interactions are in it), profiles and segments are refreshed, and
// modelFreshness and GET /metrics say so.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { capabilityResolvers, createServices } from '../../src/app.ts';
import { DEFAULT_LOOP, DEFAULT_PRIVACY } from '../../src/config.ts';
import type { Services } from '../../src/graphql/context.ts';
import { closeHttpServer, createApi, createHttpServer } from '../../src/graphql/server.ts';
import { Metrics } from '../../src/observability/metrics.ts';
import { metricsRoute } from '../../src/observability/metrics-route.ts';
import { createDemoSource, demoPreset } from '../../src/sources/demo/demo-source.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { AS_ADMIN, bearer, testAuth } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

const FRESHNESS = '{ modelFreshness { graphFittedAt graphFitMs eventsSinceFit customersRefreshedAt refreshIntervalMs refreshAfterEvents refreshing } }';
const RECS = 'query($u: ID!, $n: Int) { recommendations(userId: $u, strategy: GRAPH, first: $n) { edges { node { item { id } } } } }';
const RECORD = 'mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }';

/** `name{a="x",b="y"}` (labels sorted) -> value, from the Prometheus text format. */
function parseExposition(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (m === null) continue;
    const labels = [...(m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map((l) => `${l[1]}="${l[2]}"`).sort();
    out.set(`${m[1]}{${labels.join(',')}}`, Number(m[3]));
  }
  return out;
}

describe('scheduled refresh through the worker thread (real Neo4j, real HTTP server)', () => {
  let graph: GraphConnection;
  let services: Services;
  let server: Server;
  let base: string;
  let clock = 0;
  const warnings: string[] = [];
  const errors: string[] = [];

  const gql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = AS_ADMIN) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: { extensions?: { code?: string } }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
    return body;
  };
  const data = async (query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>) => {
    const body = await gql(query, variables, headers);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  };

  beforeAll(async () => {
    graph = await openTestGraph();
    await ingestSource(createDemoSource(demoPreset('tiny')), new GraphWriter(graph.executor));
    const log = { info: () => {}, warn: (_: object, msg: string) => warnings.push(msg), error: (_: object, msg: string) => errors.push(msg) };
    services = createServices(graph, undefined, DEFAULT_PRIVACY, { ...DEFAULT_LOOP, refreshIntervalMs: 3_600_000, refreshAfterEvents: 3, fitWorkerMinInteractions: 0 }, log);
    const metrics = new Metrics({
      pageCache: services.recs.pages, graphModel: services.recs.graph, customers: { lastFit: () => services.refresh.lastCustomersRefresh() },
      refreshes: services.refresh, now: () => clock,
    });
    const api = createApi({ services, auth: testAuth(graph), resolvers: capabilityResolvers(), logger: pino({ level: 'silent' }), metrics });
    server = createHttpServer(api, services, metricsRoute(metrics, undefined));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await services.refresh.stop(5000);
    await closeHttpServer(server, 1000);
    await graph.close();
  });

  it('refits after N new events in a worker, serving recommendations meanwhile, and swaps the model in', async () => {
    expect((await data(RECS, { u: 'u1', n: 5 })).recommendations.edges).toHaveLength(5); // the first fit (lazy)
    const before = services.recs.graph.lastFit()!;
    const fresh0 = (await data(FRESHNESS)).modelFreshness;
    expect(fresh0).toEqual({
      graphFittedAt: new Date(before.fittedAt).toISOString(), graphFitMs: before.fitMs, eventsSinceFit: 0, customersRefreshedAt: null,
      refreshIntervalMs: null, refreshAfterEvents: null, refreshing: false, // not started yet
    });
    services.refresh.start();
    expect((await data(FRESHNESS)).modelFreshness).toMatchObject({ refreshIntervalMs: 3_600_000, refreshAfterEvents: 3 });

    // u1 never interacted with these items before (so the refit has a pair the old model lacks).
    const old = await services.recs.graph.get();
    const u1 = old.userIndex.get('u1')!;
    const had = new Set(Array.from(old.interactions.indices.subarray(old.interactions.indptr[u1]!, old.interactions.indptr[u1 + 1]!), (i) => old.itemIds[i]));
    const newItems = old.itemIds.filter((i) => !had.has(i)).slice(0, 3);
    for (const [k, itemId] of newItems.entries()) {
      await data(RECORD, { in: { eventId: `refresh-ev-${k}`, userId: 'u1', itemId, type: 'PURCHASE', at: new Date(Date.UTC(2026, 0, 1, 10, k)).toISOString() } });
      if (k < 2) expect(services.refresh.status()).toMatchObject({ refreshing: false, eventsSinceFit: k + 1 });
    }
    expect(services.refresh.status().refreshing).toBe(true); // the third event started it

    // Requests answer while the refresh runs (with the old model; pages of other sizes miss the page cache).
    let servedDuring = 0;
    for (let n = 1; services.refresh.status().refreshing && n <= 20; n++) {
      const page = await data(RECS, { u: 'u2', n });
      expect(page.recommendations.edges).toHaveLength(n);
      if (services.refresh.status().refreshing) servedDuring++;
    }
    expect(servedDuring).toBeGreaterThan(0);
    await vi.waitFor(() => expect(services.refresh.status().refreshing).toBe(false), { timeout: 30_000, interval: 20 });

    const after = services.recs.graph.lastFit()!;
    expect(after.fittedAt).toBeGreaterThan(before.fittedAt);
    const model = await services.recs.graph.get();
    expect(model).not.toBe(old);
    expect(model.fittedAt).toBe(after.fittedAt);
    const row = model.userIndex.get('u1')!;
    const now = new Set(Array.from(model.interactions.indices.subarray(model.interactions.indptr[row]!, model.interactions.indptr[row + 1]!), (i) => model.itemIds[i]));
    for (const itemId of newItems) expect(now.has(itemId)).toBe(true);
    expect(warnings).toEqual([]); // the worker ran (a fallback warns)
    expect(errors).toEqual([]);
    // The GRAPH step also rebuilt the item-item neighbour lists (app.ts), complete and marked.
    const [lists] = await graph.executor.read("MATCH (m:ItemNeighbours {id: 'items'}) RETURN m.items AS items, m.edges AS edges, COUNT { ()-[:SIMILAR]->() } AS stored");
    expect(lists!['items']).toBe(model.itemIds.length);
    expect(lists!['stored']).toBe(lists!['edges']);
    expect(lists!['edges']).toBeGreaterThan(0);

    const fresh = (await data(FRESHNESS, {}, bearer('analyst'))).modelFreshness;
    expect(fresh).toMatchObject({ graphFittedAt: new Date(after.fittedAt).toISOString(), graphFitMs: after.fitMs, eventsSinceFit: 0, refreshing: false });
    expect(Date.parse(fresh.customersRefreshedAt)).toBeGreaterThanOrEqual(after.fittedAt);
    expect((await gql(FRESHNESS, {}, bearer('service'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('GET /metrics: model age and last fit duration of both models, refreshes by model and outcome', async () => {
    const graphFit = services.recs.graph.lastFit()!;
    const customers = services.refresh.lastCustomersRefresh()!;
    clock = customers.fittedAt + 30_000;
    const m = parseExposition(await (await fetch(`${base}/metrics`)).text());
    expect(m.get('grec_model_age_seconds{model="graph"}')).toBe((clock - graphFit.fittedAt) / 1000);
    expect(m.get('grec_model_age_seconds{model="customers"}')).toBe(30);
    expect(m.get('grec_model_last_fit_duration_seconds{model="graph"}')).toBe(graphFit.fitMs / 1000);
    expect(m.get('grec_model_last_fit_duration_seconds{model="customers"}')).toBe(customers.fitMs / 1000);
    expect(m.get('grec_model_last_fit_timestamp_seconds{model="customers"}')).toBe(customers.fittedAt / 1000);
    expect(m.get('grec_model_refreshes_total{model="graph",outcome="ok"}')).toBe(1);
    expect(m.get('grec_model_refreshes_total{model="customers",outcome="ok"}')).toBe(1);
    expect(m.get('grec_model_refreshes_total{model="graph",outcome="error"}')).toBe(0);
    expect(m.get('grec_model_refreshes_total{model="customers",outcome="error"}')).toBe(0);
  });

  it('stop() with nothing running returns at once; no refresh starts after it', async () => {
    expect(await services.refresh.stop(1000)).toBe('idle');
    for (let k = 0; k < 4; k++) {
      await data(RECORD, { in: { eventId: `after-stop-${k}`, userId: 'u2', itemId: 'i1', type: 'VIEW', at: new Date(Date.UTC(2026, 0, 2, 10, k)).toISOString() } });
    }
    expect(services.refresh.status()).toMatchObject({ refreshing: false, eventsSinceFit: 4, refreshAfterEvents: null });
  });
});
