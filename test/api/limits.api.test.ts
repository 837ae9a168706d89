import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, closeHttpServer, type Api } from '../../src/graphql/server.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { createServices } from '../../src/app.ts';
import { AS_ADMIN, createTestApi } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

interface Answer {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** The 23-level fragment bomb of the issue (~2 KB): each level spreads the previous one twice. */
function fragmentBomb(): string {
  let doc = '{ user(id: "ann") { ...F23 } }\nfragment F0 on User { id name }\n';
  for (let k = 1; k <= 23; k++) doc += `fragment F${k} on User { ...F${k - 1} friends { edges { node { ...F${k - 1} } } } }\n`;
  return doc;
}

describe('abuse limits over HTTP against the real Neo4j', () => {
  let graph: GraphConnection;
  let api: Api;
  let gql: ReturnType<typeof createTestApi>['gql'];

  /** POST as a spec-aware client (application/graphql-response+json: request errors are 4xx). */
  async function post(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    const res = await api.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...AS_ADMIN },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as Answer['body'] };
  }

  /** Runs a request and returns its first error's extensions, asserting that no query reached Neo4j. */
  async function rejectedWithoutQueries(query: string, variables: Record<string, unknown> = {}): Promise<Answer & { ext: Record<string, unknown> }> {
    const before = graph.executor.queryCount;
    const r = await post(query, variables);
    expect(graph.executor.queryCount - before).toBe(0);
    expect(r.body.data ?? null).toBeNull();
    expect(r.text).not.toMatch(/INTERNAL_SERVER_ERROR|originalError|stack/);
    return { ...r, ext: r.body.errors?.[0]?.extensions ?? {} };
  }

  beforeAll(async () => {
    graph = await openTestGraph();
    ({ api, gql } = createTestApi(graph));
    for (const id of ['ann', 'bob']) await gql('mutation($in: UpsertUserInput!) { upsertUser(input: $in) { id } }', { in: { id, name: id } });
    for (const id of ['i1', 'i2']) await gql('mutation($in: UpsertItemInput!) { upsertItem(input: $in) { id } }', { in: { id, title: id, price: 10 } });
    await gql('mutation { addFriend(userId: "ann", friendId: "bob") { changed } }');
    let t = Date.parse('2026-01-01T10:00:00Z');
    for (const [user, item, type] of [['ann', 'i1', 'VIEW'], ['ann', 'i1', 'CART'], ['ann', 'i1', 'PURCHASE'], ['bob', 'i2', 'VIEW'], ['bob', 'i1', 'VIEW']] as const) {
      t += 60_000;
      const r = await gql('mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }', {
        in: { eventId: `e-${user}-${item}-${type}`, userId: user, itemId: item, type, at: new Date(t).toISOString() },
      });
      expect(r.body.errors).toBeUndefined();
    }
  });
  afterAll(async () => graph.close());

  it('refuses deeper nesting than the depth limit, naming the limit', async () => {
    const r = await rejectedWithoutQueries('{ user(id: "ann") { friends { edges { node { friends { edges { node { friends { edges { node { id } } } } } } } } } } }');
    expect(r.status).toBe(400);
    expect(r.ext).toMatchObject({ code: 'INVALID_INPUT', limit: 'depth', max: 8, found: 11 });
    expect(r.body.errors?.[0]?.message).toBe('query depth 11 exceeds the limit of 8');
  });

  it('the 23-level fragment bomb is refused, and /health keeps answering while bombs are in flight', async () => {
    const bomb = fragmentBomb();
    expect(bomb.length).toBeGreaterThan(1500);
    expect(bomb.length).toBeLessThan(3000);
    const r = await rejectedWithoutQueries(bomb);
    expect(r.ext).toMatchObject({ code: 'INVALID_INPUT', limit: 'depth' });

    const server = createHttpServer(api, createServices(graph));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const bombs = Array.from({ length: 4 }, () =>
        fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: bomb }) })
          .then(async (res) => ({ status: res.status, body: (await res.json()) as Answer['body'] })));
      const health = fetch(`http://127.0.0.1:${port}/health`).then(async (res) => ({ status: res.status, body: await res.json() }));
      const [h, ...answers] = await Promise.all([health, ...bombs]);
      expect(h).toEqual({ status: 200, body: { status: 'ok' } });
      for (const a of answers) expect(a.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', limit: 'depth' });
    } finally {
      await closeHttpServer(server, 1000);
    }
  });

  it('a flat fragment bomb (2^23 selections of one field) is refused by the cost budget, computed once per fragment', async () => {
    let doc = '{ ...G23 }\nfragment G0 on Query { transitionMatrix { users } }\n';
    for (let k = 1; k <= 23; k++) doc += `fragment G${k} on Query { ...G${k - 1} ...G${k - 1} }\n`;
    const r = await rejectedWithoutQueries(doc);
    expect(r.ext).toMatchObject({ code: 'INVALID_INPUT', limit: 'cost', max: 2000, found: 300 * 2 ** 23 });
  });

  it('nesting and fragment chains 5,000-10,000 deep are coded nesting/token-limit rejections, not stack overflows', async () => {
    const nested = `{ user(id: "ann") ${'{ friends { edges { node '.repeat(5000)}{ id }${' } } }'.repeat(5000)} }`;
    let chain = '{ ...C0 }\n';
    for (let k = 0; k < 10_000; k++) chain += `fragment C${k} on Query { ...C${k + 1} }\n`;
    chain += 'fragment C10000 on Query { health { status } }\n';
    const lists = `{ sequenceProbability(states: ${'['.repeat(8000)}VIEW${']'.repeat(8000)}) { probability } }`;
    for (const [doc, limit] of [[nested, { limit: 'nesting', max: 64 }], [chain, { limit: 'tokens', max: 2000 }], [lists, { limit: 'nesting', max: 64 }]] as const) {
      const r = await rejectedWithoutQueries(doc);
      expect(r.status).toBe(400);
      expect(r.ext).toEqual({ code: 'INVALID_INPUT', ...limit });
    }
    // 1,900 tokens of list nesting: under the token limit, yet deep enough to overflow the parser's stack.
    const underTokens = await rejectedWithoutQueries(`{ sequenceProbability(states: ${'['.repeat(950)}VIEW${']'.repeat(950)}) { probability } }`);
    expect(underTokens.ext).toEqual({ code: 'INVALID_INPUT', limit: 'nesting', max: 64 });
  });

  it('1,000 aliases of transitionMatrix or similarItems are refused before anything runs', async () => {
    for (const field of ['transitionMatrix { users }', 'similarItems(itemId: "i1", first: 100) { score item { id } }']) {
      const doc = `{ ${Array.from({ length: 1000 }, (_, k) => `a${k}: ${field}`).join(' ')} }`;
      const r = await rejectedWithoutQueries(doc);
      expect(r.ext['code']).toBe('INVALID_INPUT');
      expect(['tokens', 'aliases']).toContain(r.ext['limit']);
    }
    // Under the token limit, the alias limit answers.
    const aliases = await rejectedWithoutQueries(`{ ${Array.from({ length: 16 }, (_, k) => `a${k}: health { status }`).join(' ')} }`);
    expect(aliases.ext).toEqual({ code: 'INVALID_INPUT', limit: 'aliases', max: 15, found: 16 });
    const ok = await post(`{ ${Array.from({ length: 15 }, (_, k) => `a${k}: health { status }`).join(' ')} }`);
    expect(ok.status).toBe(200);
    expect(ok.body.data?.['a14']).toEqual({ status: 'ok' });
  });

  it('prices the expensive fields: seven population analytics fields exceed the budget, a dashboard of five runs', async () => {
    const seven = await rejectedWithoutQueries(`{ ${Array.from({ length: 7 }, (_, k) => `a${k}: transitionMatrix { users }`).join(' ')} }`);
    expect(seven.ext).toEqual({ code: 'INVALID_INPUT', limit: 'cost', max: 2000, found: 7 * 300 });
    const five = await post(`{ transitionMatrix { users } absorption { absorbingStates } funnel(steps: [VIEW, CART]) { totalUsers }
      conversionRate(action: PURCHASE) { rate } sequenceProbability(states: [START, VIEW]) { probability } }`);
    expect(five.body.errors).toBeUndefined();
    expect(five.body.data?.['transitionMatrix']).toEqual({ users: 2 });
    expect(five.body.data?.['funnel']).toEqual({ totalUsers: 2 });
    const refresh = await rejectedWithoutQueries('mutation { refreshGraphModel { items } a: refreshGraphModel { items } }');
    expect(refresh.ext).toMatchObject({ code: 'INVALID_INPUT', limit: 'cost', found: 3000 });
  });

  it('prices pages by first, including first from a variable: 100 x 100 nested friends is refused', async () => {
    const nested = '{ user(id: "ann") { friends(first: 100) { edges { node { friends(first: 100) { edges { node { id } } } } } } } }';
    expect((await rejectedWithoutQueries(nested)).ext).toEqual({ code: 'INVALID_INPUT', limit: 'cost', max: 2000, found: 20302 });
    const viaVariable = 'query($n: Int) { user(id: "ann") { friends(first: $n) { edges { node { friends(first: $n) { edges { node { id } } } } } } } }';
    expect((await rejectedWithoutQueries(viaVariable, { n: 100 })).ext).toMatchObject({ limit: 'cost', found: 20302 });
    const small = await post(viaVariable, { n: 5 });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data?.['user']).toEqual({ friends: { edges: [{ node: { friends: { edges: [{ node: { id: 'ann' } }] } } }] } });
    // A full page of 100 hybrid recommendations with items, categories and reasons fits the budget.
    const page = await post('{ recommendations(userId: "bob", first: 100) { edges { node { score item { id title categories { name } } reasons { text ... on FriendsLikedReason { friends { name } } } } } } }');
    expect(page.body.errors).toBeUndefined();
  });

  it('caps list arguments: a 10,000-state path is refused naming the argument, in literals and in variables', async () => {
    const q = 'query($s: [State!]!) { sequenceProbability(states: $s) { probability } }';
    const huge = await rejectedWithoutQueries(q, { s: Array.from({ length: 10_000 }, () => 'VIEW') });
    expect(huge.status).toBe(400);
    expect(huge.ext).toEqual({ code: 'INVALID_INPUT', limit: 'listLength', max: 100, found: 10_000, field: 'states' });
    expect(huge.body.errors?.[0]?.message).toBe('sequenceProbability(states:) has 10000 elements; at most 100 are allowed');
    const literal = await rejectedWithoutQueries(`{ sequenceProbability(states: [${Array(101).fill('VIEW').join(',')}]) { probability } }`);
    expect(literal.ext).toMatchObject({ limit: 'listLength', max: 100, found: 101, field: 'states' });
    const hundred = await post(q, { s: ['START', ...Array(99).fill('VIEW')] });
    expect(hundred.body.errors).toBeUndefined();
    expect(hundred.body.data?.['sequenceProbability']).toHaveProperty('probability');
    const funnel = await rejectedWithoutQueries('query($s: [State!]!) { funnel(steps: $s) { totalUsers } }', { s: Array(21).fill('VIEW') });
    expect(funnel.ext).toMatchObject({ limit: 'listLength', max: 20, found: 21, field: 'steps' });
    const ids = await rejectedWithoutQueries('query($seg: SegmentInput) { transitionMatrix(segment: $seg) { users } }', {
      seg: { userIds: Array.from({ length: 1001 }, (_, k) => `u${k}`) },
    });
    expect(ids.ext).toMatchObject({ limit: 'listLength', max: 1000, found: 1001, field: 'segment.userIds' });
  });

  it('answers 413 to a body over the size limit, with or without a Content-Length', async () => {
    const big = JSON.stringify({ query: '{ health { status } }', variables: { pad: 'x'.repeat(1_100_000) } });
    const withLength = await api.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(big.length) }, body: big });
    expect(withLength.status).toBe(413);
    expect(((await withLength.json()) as Answer['body']).errors?.[0]?.extensions).toEqual({ code: 'INVALID_INPUT', limit: 'bodySize' });
    const bytes = new TextEncoder().encode(big);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let k = 0; k < bytes.length; k += 64 * 1024) controller.enqueue(bytes.slice(k, k + 64 * 1024));
        controller.close();
      },
    });
    const streamed = await api.fetch('http://localhost/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: chunked, duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as Answer['body']).errors?.[0]?.extensions).toEqual({ code: 'INVALID_INPUT', limit: 'bodySize' });
  });

  it('over a real HTTP server: 413 by Content-Length or while a chunked body streams, 400 for a malformed length, bodies under the limit answered', async () => {
    const server = createHttpServer(api, createServices(graph));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    // node:http, so the Content-Length sent is exactly the one given (fetch would set its own).
    const send = (body: string, headers: Record<string, string>, chunked = false) => new Promise<{ status: number; body: Answer['body'] }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', ...AS_ADMIN, ...headers } }, (res) => {
        let text = '';
        // Node's own parser answers some malformed requests before the API sees them (not JSON).
        res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body: (text.startsWith('{') ? JSON.parse(text) : {}) as Answer['body'] }));
      });
      req.on('error', reject);
      if (chunked) for (let k = 0; k < body.length; k += 64 * 1024) req.write(body.slice(k, k + 64 * 1024));
      req.end(chunked ? undefined : body);
    });
    try {
      const small = JSON.stringify({ query: '{ health { status } }' });
      expect(await send(small, { 'content-length': String(Buffer.byteLength(small)) })).toEqual({ status: 200, body: { data: { health: { status: 'ok' } } } });
      expect((await send(small, {}, true)).status).toBe(200);
      const big = JSON.stringify({ query: '{ health { status } }', variables: { pad: 'x'.repeat(1_100_000) } });
      const byLength = await send(big, { 'content-length': String(Buffer.byteLength(big)) });
      expect(byLength.status).toBe(413);
      expect(byLength.body.errors?.[0]?.extensions).toEqual({ code: 'INVALID_INPUT', limit: 'bodySize' });
      const byStream = await send(big, {}, true);
      expect(byStream.status).toBe(413);
      expect(byStream.body.errors?.[0]?.extensions).toEqual({ code: 'INVALID_INPUT', limit: 'bodySize' });
      // A malformed length never reaches a parser that would read past it (Node or the plugin: 400).
      expect((await send(small, { 'content-length': `${Buffer.byteLength(small)}, ${Buffer.byteLength(small)}` })).status).toBe(400);
    } finally {
      await closeHttpServer(server, 1000);
    }
  });
});
