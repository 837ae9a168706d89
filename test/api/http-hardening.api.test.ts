import type { Server } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilityResolvers, createServices } from '../../src/app.ts';
import { defaultLimits } from '../../src/config.ts';
import { DOCUMENTED_CODES } from '../../src/graphql/mask-error.ts';
import { closeHttpServer, createApi, createHttpServer, type Api, type ApiOptions } from '../../src/graphql/server.ts';
import { clientAddressKey } from '../../src/graphql/use-rate-limit.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { AS_ADMIN, createTestApi, testAuth } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const silent = pino({ level: 'silent' });
const FOLLOWING = '{ user(id: "ann") { following { edges { node { id } } } } }';

async function listen(api: Api, graph: GraphConnection): Promise<{ server: Server; url: string }> {
  const server = createHttpServer(api, createServices(graph));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

describe('HTTP hardening: malformed requests, CSRF, CORS, production mode, rate limits', () => {
  let graph: GraphConnection;
  let gql: ReturnType<typeof createTestApi>['gql'];
  let dev: Api;
  const servers: Server[] = [];
  const apiWith = (opts: Partial<ApiOptions>): Api =>
    createApi({ services: createServices(graph), auth: testAuth(graph), resolvers: capabilityResolvers(), logger: silent, ...opts });

  beforeAll(async () => {
    graph = await openTestGraph();
    ({ api: dev, gql } = createTestApi(graph));
    for (const id of ['ann', 'bob']) await gql('mutation($in: UpsertUserInput!) { upsertUser(input: $in) { id } }', { in: { id, name: id } });
  });
  afterAll(async () => {
    for (const s of servers) await closeHttpServer(s, 1000);
    await graph.close();
  });

  it('malformed requests get coded 4xx errors, never INTERNAL_SERVER_ERROR, originalError or a stack', async () => {
    const q = encodeURIComponent('{ health { status } }');
    const csrf = { 'x-graphql-yoga-csrf': '1' };
    const json = { 'content-type': 'application/json' };
    const cases: [string, RequestInit, number, string][] = [
      [`?query=${q}&variables=${encodeURIComponent('{oops')}`, { headers: csrf }, 400, 'BAD_REQUEST'],
      [`?query=${q}&extensions=${encodeURIComponent('[broken')}`, { headers: csrf }, 400, 'BAD_REQUEST'],
      [`?query=${q}&variables=${encodeURIComponent('"a string"')}`, { headers: csrf }, 400, 'BAD_REQUEST'],
      ['', { method: 'POST', headers: json, body: '{"query": ' }, 400, 'BAD_REQUEST'],
      ['', { method: 'POST', headers: json, body: '"just a string"' }, 400, 'BAD_REQUEST'],
      ['', { method: 'POST', headers: json, body: 'null' }, 400, 'BAD_REQUEST'],
      ['', { method: 'POST', headers: json, body: '{"query": 5}' }, 400, 'BAD_REQUEST'],
      ['', { method: 'POST', headers: json, body: '{"query": "{ health { status } }", "variables": "x"}' }, 400, 'BAD_REQUEST'],
      ['', { method: 'POST', headers: json, body: '{"query": "{ health { status } }", "surprise": 1}' }, 400, 'BAD_REQUEST'],
      ['', { method: 'POST', headers: json, body: '[{"query": "{ health { status } }"}]' }, 400, 'BAD_REQUEST'],
      ['', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<q/>' }, 415, 'BAD_REQUEST'],
      ['', { method: 'PUT', headers: json, body: '{}' }, 405, 'BAD_REQUEST'],
      ['', { method: 'POST', headers: json, body: '{"query": "{ health { status "}' }, 400, 'GRAPHQL_PARSE_FAILED'],
    ];
    for (const [query, init, status, code] of cases) {
      const res = await dev.fetch(`http://localhost/graphql${query}`, { ...init, headers: { accept: 'application/graphql-response+json', ...init.headers } });
      const text = await res.text();
      expect([res.status, text]).toEqual([status, expect.stringContaining(`"code":"${code}"`)]);
      expect(text).not.toMatch(/INTERNAL_SERVER_ERROR|originalError|"stack"|Unexpected error/);
    }
    // No operation to run (several without operationName, or an unknown name), or a mistyped variable.
    for (const [body, status, code] of [
      [{ query: 'query A { health { status } } query B { health { status } }' }, 400, 'BAD_REQUEST'],
      [{ query: '{ health { status } }', operationName: 'Nope' }, 400, 'BAD_REQUEST'],
      [{ query: 'query($n: Int) { users(first: $n) { totalCount } }', variables: { n: 'abc' } }, 200, 'INVALID_INPUT'],
    ] as const) {
      const res = await dev.fetch('http://localhost/graphql', { method: 'POST', headers: json, body: JSON.stringify(body) });
      const answer = (await res.json()) as Body;
      expect([res.status, answer.errors?.[0]?.extensions?.['code']]).toEqual([status, code]);
    }
    // A mutation over GET is refused with a code.
    const viaGet = await dev.fetch(`http://localhost/graphql?query=${encodeURIComponent('mutation { follow(userId: "ann", targetId: "bob") { changed } }')}`, { headers: csrf });
    expect(viaGet.status).toBe(405);
    expect(DOCUMENTED_CODES.has(String(((await viaGet.json()) as Body).errors?.[0]?.extensions?.['code']))).toBe(true);
  });

  it('CSRF: form-encoded, multipart and text/plain POSTs and header-less GETs are refused (403) and write nothing', async () => {
    const { server, url } = await listen(dev, graph);
    servers.push(server);
    const mutation = 'mutation { follow(userId: "ann", targetId: "bob") { changed } }';
    const form = new FormData();
    form.set('query', mutation);
    const attempts: RequestInit[] = [
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query: mutation }).toString() },
      { method: 'POST', body: form },
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: mutation }) },
    ];
    for (const init of attempts) {
      const res = await fetch(`${url}/graphql`, { ...init, headers: { ...init.headers, origin: 'https://evil.example' } });
      expect(res.status).toBe(403);
      const body = (await res.json()) as Body;
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
      expect(body.errors?.[0]?.message).toMatch(/CSRF protection: .* x-graphql-yoga-csrf, authorization, x-api-key$/);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect((await gql(FOLLOWING)).body.data).toEqual({ user: { following: { edges: [] } } });

    const q = encodeURIComponent('{ health { status } }');
    expect((await fetch(`${url}/graphql?query=${q}`)).status).toBe(403);
    const withHeader = await fetch(`${url}/graphql?query=${q}`, { headers: { 'x-graphql-yoga-csrf': '1' } });
    expect([withHeader.status, await withHeader.json()]).toEqual([200, { data: { health: { status: 'ok' } } }]);
    // An Authorization header satisfies the CSRF check (a browser form cannot send one); the token must be valid.
    const withToken = await fetch(`${url}/graphql?query=${q}`, { headers: AS_ADMIN });
    expect(withToken.status).toBe(200);
  });

  it('CORS: only allowlisted origins get CORS headers, exactly their own origin, never with credentials', async () => {
    const { server, url } = await listen(apiWith({ corsOrigins: ['https://shop.example'] }), graph);
    servers.push(server);
    const post = (origin: string) => fetch(`${url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ query: '{ health { status } }' }),
    });
    const evil = await post('https://evil.example');
    expect(evil.status).toBe(200); // the server answers; the browser withholds it from the page
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('access-control-allow-credentials')).toBeNull();
    const shop = await post('https://shop.example');
    expect(shop.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(shop.headers.get('access-control-allow-credentials')).toBeNull();

    const preflight = (origin: string) => fetch(`${url}/graphql`, {
      method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    const okPreflight = await preflight('https://shop.example');
    expect(okPreflight.status).toBe(204);
    expect(okPreflight.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(okPreflight.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(okPreflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const badPreflight = await preflight('https://evil.example');
    expect(badPreflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(badPreflight.headers.get('access-control-allow-methods')).toBeNull();

    // The development default: no cross-origin caller at all.
    const devPreflight = await dev.fetch('http://localhost/graphql', { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' } });
    expect(devPreflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(devPreflight.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('production mode: no GraphiQL, no introspection, no field suggestions; development keeps all three', async () => {
    const prod = apiWith({ mode: 'production', graphiql: false, introspection: false });
    const ask = async (api: Api, query: string) =>
      (await (await api.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as Body;

    const intro = await ask(prod, '{ __schema { queryType { name } } }');
    expect(intro.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(intro.errors?.[0]?.message).toMatch(/introspection is disabled/);
    expect((await ask(prod, '{ __type(name: "User") { name } }')).errors?.[0]?.message).toMatch(/introspection is disabled/);
    expect((await ask(prod, '{ health { __typename status } }')).data).toEqual({ health: { __typename: 'Health', status: 'ok' } });
    const typo = await ask(prod, '{ health { statu } }');
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(typo.errors?.[0]?.message).toMatch(/Cannot query field "statu"/);
    const page = await prod.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);

    expect((await ask(dev, '{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    // GraphiQL's full introspection query (TypeRef nests ofType 8 deep) passes every limit.
    const full = await ask(dev, getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    expect(full.errors).toBeUndefined();
    expect((full.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(40);
    expect((await ask(dev, '{ health { statu } }')).errors?.[0]?.message).toMatch(/Did you mean "status"\?/);
    const graphiql = await dev.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expect(graphiql.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('rate limits per identity: over budget is 429 with Retry-After and RATE_LIMITED; other identities and unlimited roles go on', async () => {
    const limited = apiWith({
      limits: { ...defaultLimits(), rate: { points: 3, windowSeconds: 60, byRole: { admin: 0, service: 5 } } },
      rateKeyOf: (ctx) => ctx.request.headers.get('x-who') ?? 'anonymous:unknown',
    });
    const as = (who: string) => limited.fetch('http://localhost/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-who': who }, body: JSON.stringify({ query: '{ health { status } }' }),
    });
    for (let k = 0; k < 3; k++) expect((await as('shopper:s1')).status).toBe(200);
    const over = await as('shopper:s1');
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    const body = (await over.json()) as Body;
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    expect((await as('shopper:s2')).status).toBe(200);
    for (let k = 0; k < 5; k++) expect((await as('service:shop')).status).toBe(200);
    expect((await as('service:shop')).status).toBe(429);
    for (let k = 0; k < 10; k++) expect((await as('admin:ops')).status).toBe(200);
  });

  it('the default rate key (clientAddressKey) is the peer address of a real connection', async () => {
    const keys: string[] = [];
    const { server, url } = await listen(apiWith({
      limits: { ...defaultLimits(), rate: { points: 2, windowSeconds: 60, byRole: {} } },
      rateKeyOf: (ctx) => {
        const key = clientAddressKey(ctx);
        keys.push(key);
        return key;
      },
    }), graph);
    servers.push(server);
    const ask = () => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ health { status } }' }) });
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    const third = await ask();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(keys).toEqual(['anonymous:127.0.0.1', 'anonymous:127.0.0.1', 'anonymous:127.0.0.1']);
    // /health is outside GraphQL and its budget.
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});
