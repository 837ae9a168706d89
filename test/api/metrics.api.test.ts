import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilityResolvers, createServices } from '../../src/app.ts';
import type { Services } from '../../src/graphql/context.ts';
import { closeHttpServer, createApi, createHttpServer } from '../../src/graphql/server.ts';
import { Metrics } from '../../src/observability/metrics.ts';
import { metricsRoute } from '../../src/observability/metrics-route.ts';
import { createDemoSource, demoPreset } from '../../src/sources/demo/demo-source.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import type { IngestReport } from '../../src/usecases/ingest/ingest-report.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { openTestGraph } from '../support/graph.ts';
import { AS_ADMIN, testAuth } from '../support/api.ts';

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

/** The sum of every sample of a metric (all label sets). */
const total = (samples: Map<string, number>, name: string): number =>
  [...samples].filter(([k]) => k.startsWith(`${name}{`)).reduce((s, [, v]) => s + v, 0);

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('/metrics after known requests (real HTTP server, real Neo4j)', () => {
  let graph: GraphConnection;
  let services: Services;
  let metrics: Metrics;
  let server: Server;
  let tokenServer: Server;
  let base: string;
  let load: IngestReport;
  let clock = 0;

  const gql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...AS_ADMIN, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
  };
  const scrape = async (url = `${base}/metrics`, headers: Record<string, string> = {}) => fetch(url, { headers });

  beforeAll(async () => {
    graph = await openTestGraph();
    load = await ingestSource(createDemoSource(demoPreset('tiny')), new GraphWriter(graph.executor));
    services = createServices(graph);
    metrics = new Metrics({ pageCache: services.recs.pages, graphModel: services.recs.graph, now: () => clock });
    metrics.ingest(load);
    graph.executor.queryCount = 0;
    graph.executor.onQueryTimed = metrics.query;
    const api = createApi({ services, auth: testAuth(graph), resolvers: capabilityResolvers(), logger: pino({ level: 'silent' }), metrics });
    server = createHttpServer(api, services, metricsRoute(metrics, undefined));
    base = await listen(server);
  });
  afterAll(async () => {
    await closeHttpServer(server, 1000);
    if (tokenServer !== undefined) await closeHttpServer(tokenServer, 1000);
    await graph.close();
  });

  it('counts requests, errors by code, cache lookups, Neo4j round trips, the model and the load exactly', async () => {
    const recs = 'query Recs { recommendations(userId: "u1", first: 5) { edges { node { item { id } } } } }';
    for (let k = 0; k < 3; k++) expect((await gql(recs)).body.errors).toBeUndefined();
    const missing = await gql('query Missing { recommendations(userId: "nobody", first: 5) { edges { cursor } } }');
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bad = await gql('query BadFirst { recommendations(userId: "u1", first: 0) { edges { cursor } } }');
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    const record = 'mutation Record($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }';
    const input = { eventId: 'metrics-ev-1', userId: 'u2', itemId: 'i3', type: 'VIEW' };
    expect((await gql(record, { in: input })).body.data).toEqual({ recordInteraction: { created: true } });
    expect((await gql(record, { in: input })).body.data).toEqual({ recordInteraction: { created: false } });
    const broken = await gql('{ user(');
    expect(broken.status).toBe(200); // application/json responses keep 200 (graphql-over-http legacy)
    expect((await fetch(`${base}/health`)).status).toBe(200); // outside GraphQL: not counted

    const fit = services.recs.graph.lastFit();
    expect(fit).toBeDefined();
    clock = (fit?.fittedAt ?? 0) + 90_000;
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const m = parseExposition(await res.text());

    expect(m.get('grec_graphql_requests_total{operation_name="Recs",operation_type="query",status="200"}')).toBe(3);
    expect(m.get('grec_graphql_requests_total{operation_name="Missing",operation_type="query",status="200"}')).toBe(1);
    expect(m.get('grec_graphql_requests_total{operation_name="BadFirst",operation_type="query",status="200"}')).toBe(1);
    expect(m.get('grec_graphql_requests_total{operation_name="Record",operation_type="mutation",status="200"}')).toBe(2);
    expect(m.get('grec_graphql_requests_total{operation_name="anonymous",operation_type="unknown",status="200"}')).toBe(1);
    expect(total(m, 'grec_graphql_requests_total')).toBe(8);
    expect(m.get('grec_graphql_request_duration_seconds_count{operation_name="Recs",operation_type="query"}')).toBe(3);
    expect(m.get('grec_graphql_request_duration_seconds_bucket{le="+Inf",operation_name="Record",operation_type="mutation"}')).toBe(2);

    expect(m.get('grec_graphql_errors_total{code="NOT_FOUND",operation_name="Missing"}')).toBe(1);
    expect(m.get('grec_graphql_errors_total{code="INVALID_INPUT",operation_name="BadFirst"}')).toBe(1);
    expect(m.get('grec_graphql_errors_total{code="GRAPHQL_PARSE_FAILED",operation_name="anonymous"}')).toBe(1);
    expect(total(m, 'grec_graphql_errors_total')).toBe(3);

    // Recs: one miss then two hits; Missing looks its page up (a miss) before finding no user; BadFirst is
    // rejected while parsing its arguments, before any lookup.
    expect(m.get('grec_recs_page_cache_lookups_total{result="hit"}')).toBe(2);
    expect(m.get('grec_recs_page_cache_lookups_total{result="miss"}')).toBe(2);

    // Every round trip the executor counted was timed once, and labelled by its cypher/ file.
    const queries = graph.executor.queryCount;
    expect(queries).toBeGreaterThan(0);
    expect(total(m, 'grec_neo4j_query_duration_seconds_count')).toBe(queries);
    expect([...m.keys()].some((k) => k.startsWith('grec_neo4j_query_duration_seconds_count{mode="read",outcome="ok",query="recs/'))).toBe(true);

    expect(m.get('grec_model_age_seconds{model="graph"}')).toBe(90);
    expect(m.get('grec_model_last_fit_timestamp_seconds{model="graph"}')).toBe((fit?.fittedAt ?? 0) / 1000);
    expect(m.get('grec_model_last_fit_duration_seconds{model="graph"}')).toBe((fit?.fitMs ?? 0) / 1000);

    expect(m.get('grec_ingest_rows_total{kind="event",outcome="written",source="demo"}')).toBe(load.kinds.event?.written);
    expect(m.get('grec_ingest_rows_total{kind="user",outcome="written",source="demo"}')).toBe(50);
    expect(total(m, 'grec_ingest_rows_total')).toBe(load.rowsRead - load.rejected);
    expect(total(m, 'grec_ingest_rows_rejected_total')).toBe(load.rejected);

    expect(m.get('process_resident_memory_bytes{}')).toBeGreaterThan(0);
    expect(m.get('nodejs_heap_size_used_bytes{}')).toBeGreaterThan(0);
  });

  it('echoes a sane x-request-id and replaces anything else with a fresh UUID', async () => {
    const q = '{ health { status } }';
    expect((await gql(q, {}, { 'x-request-id': 'trace-01HZX.abc:7' })).headers.get('x-request-id')).toBe('trace-01HZX.abc:7');
    const replaced = (await gql(q, {}, { 'x-request-id': '<script>alert(1)</script>' })).headers.get('x-request-id');
    expect(replaced).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await gql(q)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('with GREC_METRICS_TOKEN set, /metrics wants the bearer token; each server has its own registry', async () => {
    const own = new Metrics();
    const api = createApi({ services, auth: testAuth(graph), resolvers: capabilityResolvers(), logger: pino({ level: 'silent' }), metrics: own });
    tokenServer = createHttpServer(api, services, metricsRoute(own, 'a-long-enough-metrics-token'));
    const url = `${await listen(tokenServer)}/metrics`;
    const none = await scrape(url);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect((await scrape(url, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await scrape(url, { authorization: 'a-long-enough-metrics-token' })).status).toBe(401);
    const ok = await scrape(url, { authorization: 'Bearer a-long-enough-metrics-token' });
    expect(ok.status).toBe(200);
    const m = parseExposition(await ok.text());
    expect(total(m, 'grec_graphql_requests_total')).toBe(0);
    expect(m.has('grec_recs_page_cache_lookups_total{result="hit"}')).toBe(false); // no sources given
    expect((await fetch(url, { method: 'POST', headers: { authorization: 'Bearer a-long-enough-metrics-token' } })).status).toBe(405);
  });
});
