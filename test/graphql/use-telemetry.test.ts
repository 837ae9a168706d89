import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { useTelemetry } from '../../src/graphql/use-telemetry.ts';
import { Metrics } from '../../src/observability/metrics.ts';

const schema = createSchema({ typeDefs: 'type Query { hello(name: String): String }', resolvers: { Query: { hello: (_: unknown, a: { name?: string }) => `hi ${a.name ?? ''}` } } });

/** A yoga server with the telemetry plugin first, a context carrying `principal`, and a log buffer. */
function server(principal: unknown, more: Plugin[] = []) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) });
  const metrics = new Metrics();
  const yoga = createYoga({ schema, context: () => (principal === undefined ? {} : { principal }), logging: false, plugins: [useTelemetry({ logger, metrics }), ...more] });
  const ask = (init: RequestInit = {}, url = 'http://localhost/graphql') =>
    yoga.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query Hello { hello(name: "Zelda") }' }), ...init });
  return { lines, metrics, ask };
}

describe('useTelemetry: the principal and early responses in request lines', () => {
  it('logs a shopper by role only, never the user id in the principal', async () => {
    const s = server({ role: 'shopper', userId: 'u-secret-42' });
    await s.ask();
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]).toMatchObject({ msg: 'request', operationName: 'Hello', operationType: 'query', status: 200, principal: 'shopper' });
    expect(JSON.stringify(s.lines)).not.toContain('u-secret-42');
    expect(JSON.stringify(s.lines)).not.toContain('Zelda');
  });

  it('logs roles, with the key id for API keys but never a token subject (it may be an email), anonymous as such', async () => {
    for (const [p, label] of [
      [{ role: 'service', subject: 'key:k-0a1b2c3d' }, 'service:key:k-0a1b2c3d'],
      [{ role: 'admin', subject: 'ops@shop.example' }, 'admin'],
      [{ role: 'anonymous' }, 'anonymous'],
    ] as const) {
      const s = server(p);
      await s.ask();
      expect(s.lines[0]?.['principal']).toBe(label);
    }
  });

  it('leaves the principal out when the context has none or something unexpected', async () => {
    for (const p of [undefined, 'admin', { role: 'root', subject: 'x' }, { role: 42 }]) {
      const s = server(p);
      await s.ask();
      expect(s.lines[0]).not.toHaveProperty('principal');
    }
  });

  it('logs and counts a response another plugin ended early (a rate limit), with the request id header', async () => {
    const limiter: Plugin = { onRequest: ({ endResponse, fetchAPI }) => endResponse(new fetchAPI.Response('slow down', { status: 429 })) };
    const s = server(undefined, [limiter]);
    const res = await s.ask({ headers: { 'content-type': 'application/json', 'x-request-id': 'rl-1' } });
    expect(res.status).toBe(429);
    expect(res.headers.get('x-request-id')).toBe('rl-1');
    expect(s.lines[0]).toMatchObject({ requestId: 'rl-1', operationName: 'anonymous', operationType: 'unknown', status: 429 });
    const text = (await s.metrics.scrape()).body;
    expect(text).toContain('grec_graphql_requests_total{operation_name="anonymous",operation_type="unknown",status="429"} 1');
  });

  it('never logs a GET request URL (it carries the document and variables)', async () => {
    const s = server(undefined);
    const url = `http://localhost/graphql?query=${encodeURIComponent('query Q($n: String) { hello(name: $n) }')}&variables=${encodeURIComponent('{"n":"Ophelia"}')}`;
    const res = await s.ask({ method: 'GET', headers: { accept: 'application/json' }, body: null }, url);
    expect(res.status).toBe(200);
    expect(s.lines[0]).toMatchObject({ operationName: 'Q', status: 200 });
    expect(JSON.stringify(s.lines)).not.toContain('Ophelia');
  });
});
