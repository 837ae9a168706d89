import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilityResolvers, createServices } from '../../src/app.ts';
import { defaultLimits } from '../../src/config.ts';
import { DOCUMENTED_CODES } from '../../src/graphql/mask-error.ts';
import { createApi, type Api } from '../../src/graphql/server.ts';
import { createDemoSource, demoPreset } from '../../src/sources/index.ts';
import { graphCounts } from '../../src/storage/admin.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { AS_ADMIN, testAuth, createTestApi } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

// Hostile traffic against the real API and the real Neo4j (demo shop `tiny`): generated documents and
// variables must only ever produce documented codes, never a 5xx or an internal message, and must leave the
// graph exactly as it was. Mutations are generated with invalid inputs only (they must fail validation or
// variable coercion); reads are free. Fixed seed: a failure replays identically.

const INJECTIONS = [
  "' OR 1=1 //", '\u0000', '}) DETACH DELETE n //', '" }) MATCH (n) DETACH DELETE n //', 'u1\u0000', 'u\u200b1', '\u202eu1',
  '$userId', '{{7*7}}', '../../etc/passwd', '<script>alert(1)</script>', "'; DROP TABLE users; --", '\\', '"', '`', '\n',
  '🙂', 'NaN', '-1', '1e309', '', ' ', 'CALL dbms.components()', 'u1', 'u2', 'i1', 'i2', 'c1',
];

const hostileId = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((n) => 'x'.repeat(n)) },
);
const hostileInt = fc.oneof(
  fc.integer({ min: -3, max: 120 }),
  fc.constantFrom(0, -1, 100, 101, 2_147_483_647, -2_147_483_648, 2 ** 31, 2 ** 53, 1e308),
  fc.double({ noNaN: true }),
);
const wrong = fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileId, hostileInt);
const maybe = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const dateish = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  hostileId,
  hostileInt,
);
const state = fc.constantFrom('START', 'VIEW', 'FAVOURITE', 'CART', 'PURCHASE', 'CANCEL', 'EXIT', 'BUY', '', null, 3);
const states = fc.oneof(
  { weight: 5, arbitrary: fc.array(state, { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 90, max: 3_000 }).map((n) => Array.from({ length: n }, () => 'VIEW')) },
  { weight: 1, arbitrary: wrong },
);
const window = fc.oneof(fc.record({ from: maybe(dateish), to: maybe(dateish) }, { requiredKeys: [] }), wrong);
const segment = fc.oneof(
  fc.record({
    userIds: maybe(fc.oneof(fc.array(hostileId, { maxLength: 5 }), fc.constant(Array.from({ length: 1_001 }, (_, k) => `u${k}`)))),
    gender: maybe(hostileId), minAge: maybe(hostileInt), maxAge: maybe(hostileInt), location: maybe(hostileId),
    categoryId: maybe(hostileId), acquiredFrom: maybe(dateish), acquiredTo: maybe(dateish), hasFriendWhoPurchased: maybe(fc.boolean()),
  }, { requiredKeys: [] }),
  wrong,
);
const chainOptions = fc.oneof(
  fc.record({
    smoothing: maybe(fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, 1, -1))),
    minSupport: maybe(hostileInt),
    sessionGapMinutes: maybe(fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(30, 1e-12, 0, -5, 1e12))),
  }, { requiredKeys: [] }),
  wrong,
);
const filter = fc.oneof(
  fc.record({
    excludeItemIds: maybe(fc.array(hostileId, { maxLength: 4 })), categoryIds: maybe(fc.array(hostileId, { maxLength: 4 })),
    minPrice: maybe(fc.double({ noNaN: true })), maxPrice: maybe(fc.double({ noNaN: true })), excludeSeen: maybe(fc.boolean()),
  }, { requiredKeys: [] }),
  wrong,
);
const diversity = fc.oneof(fc.record({ mmrLambda: maybe(fc.double({ noNaN: true })), maxPerCategory: maybe(hostileInt) }, { requiredKeys: [] }), wrong);
const idOrWrong = fc.oneof({ weight: 5, arbitrary: hostileId }, { weight: 1, arbitrary: wrong });
const intOrWrong = fc.oneof({ weight: 5, arbitrary: hostileInt }, { weight: 1, arbitrary: wrong });

interface Req { readonly query: string; readonly variables: Record<string, unknown>; readonly mutation: boolean }
const req = (query: string, variables: fc.Arbitrary<Record<string, unknown>>, mutation = false): fc.Arbitrary<Req> =>
  variables.map((v) => ({ query, variables: v, mutation }));

const READS: fc.Arbitrary<Req>[] = [
  req('query($id: ID!) { user(id: $id) { id name age gender location consent { personalisation social analytics } friendCount } }', fc.record({ id: idOrWrong })),
  req('query($id: ID!, $n: Int) { user(id: $id) { friends(first: $n) { edges { node { id } } } interactions(first: $n) { edges { node { type item { id } } } } } }',
    fc.record({ id: idOrWrong, n: intOrWrong })),
  req('query($id: ID!) { item(id: $id) { id title price categories { id } tags { id } popularity } }', fc.record({ id: idOrWrong })),
  req('query($n: Int, $after: String, $c: ID) { items(first: $n, after: $after, categoryId: $c) { totalCount edges { cursor node { id } } } }',
    fc.record({ n: intOrWrong, after: idOrWrong, c: idOrWrong }, { requiredKeys: [] })),
  req('query($n: Int, $after: String) { users(first: $n, after: $after) { edges { node { id } } } }', fc.record({ n: intOrWrong, after: idOrWrong }, { requiredKeys: [] })),
  req(`query($id: ID!, $s: Strategy, $n: Int, $f: RecommendationFilter, $d: DiversityInput) {
      recommendations(userId: $id, strategy: $s, first: $n, filter: $f, diversity: $d) { strategy edges { node { score item { id } reasons { kind text } } } } }`,
  fc.record({ id: idOrWrong, s: fc.constantFrom('POPULAR', 'ITEM_CF', 'USER_CF', 'CONTENT', 'SOCIAL', 'GRAPH', 'HYBRID', 'TELEPORT', 7), n: intOrWrong, f: filter, d: diversity }, { requiredKeys: ['id'] })),
  req('query($id: ID!, $n: Int) { similarItems(itemId: $id, first: $n) { score item { id } } }', fc.record({ id: idOrWrong, n: intOrWrong })),
  req('query($id: ID!, $n: Int) { peopleYouMayKnow(userId: $id, first: $n) { user { id } mutualFriends } }', fc.record({ id: idOrWrong, n: intOrWrong })),
  req('query($id: ID!, $n: Int) { friendRecommendations(userId: $id, first: $n) { edges { node { score } } } }', fc.record({ id: idOrWrong, n: intOrWrong })),
  req('query($id: ID!, $n: Int) { nextState(userId: $id, steps: $n) { currentState churnRisk } }', fc.record({ id: idOrWrong, n: intOrWrong })),
  req('query($id: ID!, $w: TimeWindowInput) { journey(userId: $id, window: $w) { currentState } }', fc.record({ id: idOrWrong, w: window })),
  req('query($seg: SegmentInput, $w: TimeWindowInput, $o: ChainOptionsInput) { transitionMatrix(segment: $seg, window: $w, options: $o) { users transitions } }',
    fc.record({ seg: segment, w: window, o: chainOptions }, { requiredKeys: [] })),
  req('query($s: [State!]!, $o: ChainOptionsInput) { sequenceProbability(states: $s, options: $o) { probability undefinedReason } }', fc.record({ s: states, o: chainOptions })),
  req('query($s: [State!]!, $h: Float, $w: TimeWindowInput) { funnel(steps: $s, conversionWindowHours: $h, window: $w) { totalUsers } }',
    fc.record({ s: states, h: fc.oneof(fc.double({ noNaN: true }), wrong), w: window }, { requiredKeys: ['s'] })),
  req('query($a: State!, $b: SegmentDimension, $seg: SegmentInput) { conversionRate(action: $a, breakdown: $b, segment: $seg) { rate } }',
    fc.record({ a: state, b: fc.constantFrom('GENDER', 'AGE_BAND', 'LOCATION', 'CATEGORY', 'ACQUISITION_MONTH', 'HAS_FRIEND_WHO_PURCHASED', 'SHOE_SIZE'), seg: segment }, { requiredKeys: ['a'] })),
  req('query($seg: SegmentInput, $o: ChainOptionsInput) { absorption(segment: $seg, options: $o) { absorbingStates noDataStates } }', fc.record({ seg: segment, o: chainOptions }, { requiredKeys: [] })),
  // Ids inlined as string literals rather than variables.
  hostileId.map((id) => ({ query: `{ user(id: ${JSON.stringify(id)}) { id name } item(id: ${JSON.stringify(id)}) { id } }`, variables: {}, mutation: false })),
];

/** Each corruption makes the input invalid for GraphQL, so the mutation can never run. */
const recordInput = fc.tuple(
  fc.record({ eventId: hostileId, userId: hostileId, itemId: hostileId, type: fc.constantFrom('VIEW', 'CART', 'PURCHASE') }),
  fc.constantFrom('missing', 'enum', 'unknown', 'shape'),
  fc.constantFrom('eventId', 'userId', 'itemId', 'type'),
  wrong,
).map(([input, how, key, junk]): unknown => {
  if (how === 'missing') return Object.fromEntries(Object.entries(input).filter(([k]) => k !== key));
  if (how === 'enum') return { ...input, type: 'TELEPORT' };
  if (how === 'unknown') return { ...input, evil: junk };
  return [input];
});
const MUTATIONS: fc.Arbitrary<Req>[] = [
  req('mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }', fc.record({ in: recordInput }), true),
  hostileId.map((id) => ({ query: `mutation { follow(userId: ${JSON.stringify(id)}) { changed } }`, variables: {}, mutation: true })),
  hostileId.map((id) => ({ query: `mutation { addFriend(friendId: ${JSON.stringify(id)}) { changed } }`, variables: {}, mutation: true })),
  hostileId.map((id) => ({ query: `mutation { unfollow(userId: ${JSON.stringify(id)}, targetId: "u1", extra: 1) { changed } }`, variables: {}, mutation: true })),
  hostileId.map((id) => ({ query: `mutation { removeFriend(userId: ${JSON.stringify(id)}, friendId: 5.5) { changed } }`, variables: {}, mutation: true })),
  hostileId.map((id) => ({ query: `mutation { upsertItem(input: { id: ${JSON.stringify(id)}, price: "free" }) { id } }`, variables: {}, mutation: true })),
  hostileId.map((id) => ({ query: `mutation { upsertUser(input: { id: ${JSON.stringify(id)}, age: "old", admin: true }) { id } }`, variables: {}, mutation: true })),
  req('mutation($in: UpsertUserInput!) { upsertUser(input: $in) { id } }', fc.record({ in: fc.record({ name: hostileId, age: hostileInt }) }), true),
  req('mutation($w: Boolean) { refreshGraphModel(writeEmbeddings: $w) { items } }', fc.record({ w: fc.oneof(hostileId, hostileInt, fc.constant([true])) }), true),
];

const SHAPES: fc.Arbitrary<Req>[] = [
  fc.integer({ min: 3, max: 40 }).map((n) => ({ query: `{ user(id: "u1") ${'{ friends { edges { node '.repeat(n)}{ id }${' } } }'.repeat(n)} }`, variables: {}, mutation: false })),
  fc.tuple(fc.integer({ min: 16, max: 400 }), fc.constantFrom('similarItems(itemId: "i1") { score }', 'transitionMatrix { users }', 'health { status }'))
    .map(([n, f]) => ({ query: `{ ${Array.from({ length: n }, (_, k) => `a${k}: ${f}`).join(' ')} }`, variables: {}, mutation: false })),
  fc.stringMatching(/^[_A-Za-z][_0-9A-Za-z]{0,15}$/).map((name) => ({ query: `{ ${name} user(id: "u1") { ${name} } }`, variables: {}, mutation: false })),
  fc.integer({ min: 1, max: 120 }).map((n) => ({ query: `{ health { status ${'@skip(if: false) '.repeat(n)}} }`, variables: {}, mutation: false })),
  fc.integer({ min: 1, max: 26 }).map((levels) => {
    let doc = `{ ...F${levels} }\nfragment F0 on Query { health { status } }\n`;
    for (let k = 1; k <= levels; k++) doc += `fragment F${k} on Query { ...F${k - 1} ...F${k - 1} }\n`;
    return { query: doc, variables: {}, mutation: false };
  }),
  fc.integer({ min: 1, max: 3_000 }).map((n) => ({ query: `{ sequenceProbability(states: ${'['.repeat(n)}VIEW${']'.repeat(n)}) { probability } }`, variables: {}, mutation: false })),
  fc.tuple(fc.string({ maxLength: 120 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }))
    .map(([query, variables]) => ({ query, variables, mutation: false })),
];

const REQUESTS = fc.oneof(
  { weight: 10, arbitrary: fc.oneof(...READS) },
  { weight: 4, arbitrary: fc.oneof(...MUTATIONS) },
  { weight: 4, arbitrary: fc.oneof(...SHAPES) },
);

/** Raw bodies: not JSON, not an object, or the wrong content type. */
const RAW = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }).map((body) => ({ body, type: 'application/json' })),
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ body: JSON.stringify(v), type: 'application/json' })),
  fc.tuple(fc.string({ maxLength: 100 }), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml')).map(([body, type]) => ({ body, type })),
);

const CLIENT_CODES = new Set([...DOCUMENTED_CODES].filter((c) => c !== 'INTERNAL_SERVER_ERROR'));
const REFUSED_MUTATION_CODES = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'INVALID_INPUT', 'BAD_REQUEST']);
const INTERNALS = /Neo\.(Client|Transient|Database)Error|originalError|"stack"|Unexpected error|INTERNAL_SERVER_ERROR|\.ts:\d+/;

type Body = { data?: unknown; errors?: { message?: unknown; extensions?: Record<string, unknown> }[] };

describe('fuzz: hostile documents and variables against the real API and Neo4j', () => {
  let graph: GraphConnection;
  let api: Api;
  let gql: ReturnType<typeof createTestApi>['gql'];
  let reader: Api;

  /** Everything the API can read about the shop, hashed: users with friends, follows and history, items. */
  async function checksum(): Promise<string> {
    const ask = async (query: string) => {
      const res = await reader.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...AS_ADMIN }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as Body;
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    const users = await ask(`{ users(first: 100) { totalCount edges { node { id name age gender location consent { personalisation social analytics } friendCount
      friends(first: 100) { edges { node { id } } } following(first: 100) { edges { node { id } } }
      interactions(first: 100) { edges { node { id type at value item { id } } } } } } } }`);
    const items: unknown[] = [];
    let after: string | null = null;
    do {
      const page = (await ask(`{ items(first: 100${after !== null ? `, after: ${JSON.stringify(after)}` : ''}) { totalCount
        edges { cursor node { id title price popularity categories { id name } tags { id name } } } pageInfo { hasNextPage endCursor } } }`)) as {
        items: { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      };
      items.push(page);
      after = page.items.pageInfo.hasNextPage ? page.items.pageInfo.endCursor : null;
    } while (after !== null);
    return createHash('sha256').update(JSON.stringify({ users, items })).digest('hex');
  }

  function checkAnswer(status: number, text: string, mutation: boolean): void {
    expect(status, text).toBeLessThan(500);
    expect(text).not.toMatch(INTERNALS);
    const body = JSON.parse(text) as Body;
    for (const e of body.errors ?? []) {
      const code = String(e.extensions?.['code']);
      expect(CLIENT_CODES.has(code), `${code}: ${String(e.message)}`).toBe(true);
    }
    if (mutation) {
      expect(body.data ?? null, text).toBeNull();
      expect(REFUSED_MUTATION_CODES.has(String(body.errors?.[0]?.extensions?.['code'])), text).toBe(true);
    }
  }

  beforeAll(async () => {
    graph = await openTestGraph();
    await ingestSource(createDemoSource(demoPreset('tiny')), new GraphWriter(graph.executor));
    ({ api, gql } = createTestApi(graph));
    // The checksum reads whole pages of nested lists, far over the request budget a client gets.
    reader = createApi({
      services: createServices(graph), auth: testAuth(graph), resolvers: capabilityResolvers(), logger: pino({ level: 'silent' }),
      limits: { ...defaultLimits(), maxCost: 100_000_000, rate: { points: 0, windowSeconds: 60, byRole: {} } },
    });
  });
  afterAll(async () => graph.close());

  it('2,000 generated requests and 300 raw bodies: documented codes only, no 5xx, no internals, the graph unchanged', async () => {
    const countsBefore = await graphCounts(graph.executor);
    const sumBefore = await checksum();
    expect(countsBefore['User']).toBe(50);

    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(REQUESTS, async (r) => {
        const res = await gql(r.query, r.variables);
        const text = JSON.stringify(res.body);
        checkAnswer(res.status, text, r.mutation);
        for (const e of res.body.errors ?? []) codes.set(String(e.extensions?.['code']), (codes.get(String(e.extensions?.['code'])) ?? 0) + 1);
        if (res.body.errors === undefined) codes.set('ok', (codes.get('ok') ?? 0) + 1);
      }),
      { seed: 20_261_129, numRuns: 2_000, endOnFailure: true },
    );
    await fc.assert(
      fc.asyncProperty(RAW, async ({ body, type }) => {
        const res = await api.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': type }, body });
        checkAnswer(res.status, await res.text(), false);
      }),
      { seed: 7, numRuns: 300, endOnFailure: true },
    );

    // The run exercised both refusals and real reads.
    expect(codes.get('ok') ?? 0).toBeGreaterThan(100);
    for (const code of ['INVALID_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'NOT_FOUND']) expect(codes.get(code) ?? 0, code).toBeGreaterThan(20);
    expect(await graphCounts(graph.executor)).toEqual(countsBefore);
    expect(await checksum()).toBe(sumBefore);
  }, 600_000);
});
