import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSource, demoPreset } from '../../src/sources/demo/demo-source.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { AnalyticsStore, type ConversionBreakdown } from '../../src/storage/analytics-store.ts';
import { ALL_TIME, EMPTY_SEGMENT, type AnalyticsScope } from '../../src/storage/analytics-scope.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { funnelCountsFor, transitionCountsFor } from '../../src/usecases/analytics/counting-paths.ts';
import { conversionRateFor } from '../../src/usecases/analytics/conversion-rate.ts';
import { AnalyticsService } from '../../src/usecases/analytics/analytics-service.ts';
import { asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import { pino } from 'pino';
import { capabilityResolvers, createServices } from '../../src/app.ts';
import { createApi } from '../../src/graphql/server.ts';
import { AS_ADMIN, testAuth, type Gql, type GqlResult } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';
import { createRng } from '../../src/algorithms/recs/rng.ts';

// The in-memory event logs ('memory' path) against the full recount ('ts': every sequence re-read from Neo4j)
// and the Cypher aggregation, on a small demo shop (seed 7): random windows (to the millisecond, unaligned),
// segments, gaps and session ends; then after late and out-of-order events recorded through the API (this
// process's writes: only the writer's user is re-read), after a write nobody was told about (a load: one full
// re-read), and after an erasure. The population is resolved in memory too (attributes held next to each log):
// random attribute segments, saved segments and breakdowns against the Cypher population, a consent refusal and an
// attribute change through the API, an attribute write nobody was told about (seen within the bound), and the
// reads each kind of segment costs. hasFriendWhoPurchased is resolved in memory as well (friend ties held next to
// the logs): random windows and segments, friendships added and removed and late purchases through the API,
// friendships written by someone nobody told, and an erasure.
const PRESET = demoPreset('small', { seed: 7, users: 120, items: 300, eventsTarget: 4_000 });
const MIN = 60_000;
const HOUR = 60 * MIN;

/** Counts the population reads the in-memory path makes (dataloader's tests count batches the same way). */
class CountingStore extends AnalyticsStore {
  populationReads = 0;
  segmentReads = 0;
  override async population(...args: Parameters<AnalyticsStore['population']>): ReturnType<AnalyticsStore['population']> {
    this.populationReads++;
    return super.population(...args);
  }
  /** Member ids transferred (a read whose version matched the held list sends none). */
  segmentTransfers = 0;
  override async segmentMembers(...args: Parameters<AnalyticsStore['segmentMembers']>): ReturnType<AnalyticsStore['segmentMembers']> {
    this.segmentReads++;
    const r = await super.segmentMembers(...args);
    if (r?.userIds != null) this.segmentTransfers++;
    return r;
  }
}

/** The project's seeded PRNG (mulberry32), as a plain function: a seed gives the same sequence. */
function prng(seed: number): () => number {
  const r = createRng(seed);
  return () => r.next();
}

describe('in-memory event logs agree exactly with the full recount', () => {
  let graph: GraphConnection;
  let store: AnalyticsStore;
  let analytics: AnalyticsService;
  let gql: Gql;
  let lo = 0;
  let hi = 0;

  beforeAll(async () => {
    graph = await openTestGraph();
    await ingestSource(createDemoSource(PRESET), new GraphWriter(graph.executor), { batchSize: 500 });
    // A saved segment and a user who refused analytics, so both population rules are exercised.
    await graph.executor.write(`MERGE (s:Segment {id: 'seg-t'}) WITH s MATCH (u:User) WHERE u.id IN ['u1', 'u2', 'u5', 'u8', 'u13'] MERGE (u)-[:IN_SEGMENT]->(s)`);
    await graph.executor.write(`MATCH (u:User {id: 'u3'}) SET u.consentAnalytics = false`);
    store = new AnalyticsStore(graph.executor);
    const services = createServices(graph);
    analytics = services.analytics;
    const api = createApi({ services, auth: testAuth(graph), resolvers: capabilityResolvers(), logger: pino({ level: 'silent' }) });
    gql = async (query, variables = {}) => {
      const res = await api.fetch('http://localhost/graphql', {
        method: 'POST', headers: { 'content-type': 'application/json', ...AS_ADMIN }, body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GqlResult['body'] };
    };
    const [range] = await graph.executor.read('MATCH (e:Event) RETURN min(e.ts) AS lo, max(e.ts) AS hi');
    lo = Number(range?.['lo']);
    hi = Number(range?.['hi']);
  }, 600_000);
  afterAll(async () => graph.close());

  const segments: Partial<AnalyticsScope['segment']>[] = [
    {}, { gender: 'female' }, { minAge: 25, maxAge: 45 }, { location: 'Paris' }, { categoryId: 'c2' },
    { acquiredFrom: Date.UTC(2023, 0, 1), acquiredTo: Date.UTC(2024, 0, 1) }, { hasFriendWhoPurchased: true },
    { hasFriendWhoPurchased: false }, { userIds: ['u1', 'u3', 'u4', 'u9', 'u404'] }, { segmentId: 'seg-t' },
    { gender: 'male', categoryId: 'c1' },
  ];

  function randomCase(rnd: () => number): { scope: AnalyticsScope; gapMs: number; asOf: number | null } {
    const a = lo + Math.floor(rnd() * (hi - lo));
    const b = a + Math.floor(rnd() * (hi - a));
    const r = rnd();
    const window = r < 0.15 ? ALL_TIME : r < 0.3 ? { from: a, to: null } : r < 0.45 ? { from: null, to: b } : { from: a, to: b };
    const segment = { ...EMPTY_SEGMENT, ...segments[Math.floor(rnd() * segments.length)] };
    const gapMs = [5 * MIN, 30 * MIN, 2 * HOUR, 400 * 24 * HOUR][Math.floor(rnd() * 4)] as number;
    const asOf = rnd() < 0.4 ? null : (window.to ?? hi) + Math.floor(rnd() * HOUR);
    return { scope: { segment, window }, gapMs, asOf };
  }

  async function expectSameTransitions(label: string, scope: AnalyticsScope, gapMs: number, asOf: number | null): Promise<number> {
    const mem = await transitionCountsFor(store, scope, gapMs, asOf, 'memory', analytics.logs);
    const ts = await transitionCountsFor(store, scope, gapMs, asOf, 'ts');
    expect(mem.users, label).toBe(ts.users);
    expect(Array.from(mem.counts.counts), label).toEqual(Array.from(ts.counts.counts));
    return mem.users;
  }

  it('transition counts on 40 random windows, segments, gaps and asOf (and the Cypher aggregation on a third)', async () => {
    const rnd = prng(20261129);
    let nonEmpty = 0;
    for (let k = 0; k < 40; k++) {
      const { scope, gapMs, asOf } = randomCase(rnd);
      const label = `case ${k}: ${JSON.stringify({ scope, gapMs, asOf })}`;
      if ((await expectSameTransitions(label, scope, gapMs, asOf)) > 0) nonEmpty++;
      if (k % 3 === 0) {
        const cy = await transitionCountsFor(store, scope, gapMs, asOf, 'cypher');
        const mem = await transitionCountsFor(store, scope, gapMs, asOf, 'memory', analytics.logs);
        expect(Array.from(mem.counts.counts), label).toEqual(Array.from(cy.counts.counts));
      }
    }
    expect(nonEmpty).toBeGreaterThan(25);
    expect(analytics.logs.fullReads).toBe(1);
  }, 600_000);

  it('funnels and conversion rates (every per-user breakdown) on 20 random scopes', async () => {
    const rnd = prng(7);
    const funnels = [['view', 'cart', 'purchase'], ['view', 'view', 'cart'], ['favourite', 'purchase'], ['cart']];
    const breakdowns: (ConversionBreakdown | null)[] = [null, 'GENDER', 'AGE_BAND', 'LOCATION', 'ACQUISITION_MONTH', 'HAS_FRIEND_WHO_PURCHASED'];
    for (let k = 0; k < 20; k++) {
      const { scope } = randomCase(rnd);
      const steps = funnels[k % funnels.length] as string[];
      const windowMs = [HOUR, 72 * HOUR][k % 2] as number;
      const mem = await funnelCountsFor(store, scope, steps, windowMs, 'memory', analytics.logs);
      const ts = await funnelCountsFor(store, scope, steps, windowMs, 'ts');
      expect(mem, `funnel ${k}`).toEqual(ts);
      const breakdown = breakdowns[k % breakdowns.length] ?? null;
      if (mem.totalUsers === 0) continue;
      const a = await conversionRateFor(store, scope, 'purchase', breakdown, 'memory', analytics.logs);
      const b = await conversionRateFor(store, scope, 'purchase', breakdown, 'cypher');
      expect(a, `conversion ${k} by ${breakdown}`).toEqual(b);
    }
  }, 600_000);

  it('late and out-of-order events recorded through the API re-read only their users, and still agree', async () => {
    const full = analytics.logs.fullReads;
    const m = 'mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }';
    const at = (ms: number) => new Date(ms).toISOString();
    const mid = Math.round((lo + hi) / 2);
    const inputs = [
      { eventId: 'late-1', userId: 'u1', itemId: 'i1', type: 'CART', at: at(mid) },
      { eventId: 'late-2', userId: 'u1', itemId: 'i2', type: 'PURCHASE', at: at(mid - 3 * MIN) }, // before late-1
      { eventId: 'late-3', userId: 'u2', itemId: 'i1', type: 'VIEW', at: at(lo - HOUR) }, // before every event
      { eventId: 'late-4', userId: 'u4', itemId: 'i3', type: 'FAVOURITE', at: at(hi + 10 * MIN) },
    ];
    for (const input of inputs) expect((await gql(m, { in: input })).body.errors).toBeUndefined();
    const rnd = prng(99);
    for (let k = 0; k < 20; k++) {
      const { scope, gapMs, asOf } = randomCase(rnd);
      await expectSameTransitions(`after late events, case ${k}`, scope, gapMs, asOf);
    }
    await expectSameTransitions('all time', { segment: EMPTY_SEGMENT, window: ALL_TIME }, 30 * MIN, null);
    expect(analytics.logs.fullReads).toBe(full);
    expect(analytics.logs.userReads).toBeGreaterThan(0);
  }, 600_000);

  // hasFriendWhoPurchased in memory (friend ties held next to the logs): alone, with attributes, ids and a saved
  // segment, and as a breakdown, on random windows; exact against the recount and the Cypher population.
  const friendSegments: Partial<AnalyticsScope['segment']>[] = [
    { hasFriendWhoPurchased: true }, { hasFriendWhoPurchased: false }, { hasFriendWhoPurchased: true, gender: 'female' },
    { hasFriendWhoPurchased: false, minAge: 30, categoryId: 'c2' }, { hasFriendWhoPurchased: true, segmentId: 'seg-t' },
    { hasFriendWhoPurchased: true, userIds: ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u40', 'u41'] }, {},
  ];

  async function expectSameFriendRule(label: string, seed: number, cases: number): Promise<number> {
    const rnd = prng(seed);
    let nonEmpty = 0;
    for (let k = 0; k < cases; k++) {
      const c = randomCase(rnd);
      const scope = { ...c.scope, segment: { ...EMPTY_SEGMENT, ...friendSegments[k % friendSegments.length] } };
      const name = `${label} ${k}: ${JSON.stringify(scope)}`;
      if ((await expectSameTransitions(name, scope, c.gapMs, c.asOf)) === 0) continue;
      nonEmpty++;
      const a = await conversionRateFor(store, scope, 'purchase', 'HAS_FRIEND_WHO_PURCHASED', 'memory', analytics.logs);
      expect(a, `${name} by HAS_FRIEND_WHO_PURCHASED`).toEqual(await conversionRateFor(store, scope, 'purchase', 'HAS_FRIEND_WHO_PURCHASED', 'cypher'));
      if (k % 3 === 0) {
        const steps = ['view', 'cart', 'purchase'];
        expect(await funnelCountsFor(store, scope, steps, 72 * HOUR, 'memory', analytics.logs), `${name} funnel`)
          .toEqual(await funnelCountsFor(store, scope, steps, 72 * HOUR, 'ts'));
      }
    }
    return nonEmpty;
  }

  it('hasFriendWhoPurchased in memory: exact on random windows, and after friendships added and removed and late purchases through the API', async () => {
    const friends = analytics.logs.friends;
    expect(await expectSameFriendRule('friends', 31337, 28)).toBeGreaterThan(14);
    expect(friends.fullReads).toBe(1);
    const full = analytics.logs.fullReads;
    // Hand-picked: a user with events and no friend who ever purchased (a), two purchasers who are not a's friends
    // (b; c, who will refuse analytics) and a user with events and no purchase (d).
    const [pick] = await graph.executor.read(`
      MATCH (a:User) WHERE EXISTS { (a)-[:PERFORMED]->(:Event) } AND coalesce(a.consentAnalytics, true)
        AND NOT EXISTS { (a)-[:FRIEND]-(:User)-[:PERFORMED]->(:Event {type: 'purchase'}) }
      WITH a ORDER BY a.id LIMIT 1
      MATCH (b:User)-[:PERFORMED]->(:Event {type: 'purchase'}) WHERE b <> a AND coalesce(b.consentAnalytics, true) AND NOT EXISTS { (a)-[:FRIEND]-(b) }
      WITH a, b ORDER BY b.id
      WITH a, collect(DISTINCT b.id)[0..2] AS bc
      MATCH (d:User) WHERE EXISTS { (d)-[:PERFORMED]->(:Event) } AND NOT EXISTS { (d)-[:PERFORMED]->(:Event {type: 'purchase'}) }
        AND d <> a AND NOT EXISTS { (a)-[:FRIEND]-(d) }
      WITH a, bc, d ORDER BY d.id LIMIT 1
      RETURN a.id AS a, bc[0] AS b, bc[1] AS c, d.id AS d`);
    const [a, b, c, d] = [String(pick?.['a']), String(pick?.['b']), String(pick?.['c']), String(pick?.['d'])];
    expect(new Set([a, b, c, d]).size).toBe(4);
    const onlyA = (window: AnalyticsScope['window']) => ({ segment: { ...EMPTY_SEGMENT, userIds: [a], hasFriendWhoPurchased: true }, window });
    const inA = async (label: string, window: AnalyticsScope['window'] = ALL_TIME) => expectSameTransitions(label, onlyA(window), 30 * MIN, null);
    const link = async (mutation: 'addFriend' | 'removeFriend', x: string, y: string) => {
      const res = await gql(`mutation($x: ID!, $y: ID!) { ${mutation}(userId: $x, friendId: $y) { changed } }`, { x, y });
      expect(res.body.errors, `${mutation} ${x} ${y}`).toBeUndefined();
    };
    expect(await inA('a before')).toBe(0);
    await link('addFriend', c, a);
    expect(await inA('a befriended c, a purchaser')).toBe(1);
    expect((await gql(`mutation { setConsent(userId: "${c}", consent: { analytics: false }) { id } }`)).body.errors).toBeUndefined();
    expect(await inA('c refused analytics: their purchases no longer count')).toBe(0);
    await link('addFriend', b, a); // stored b -> a: read in either direction
    expect(await inA('a befriended a purchaser')).toBe(1);
    await link('removeFriend', a, b);
    expect(await inA('a unfriended them')).toBe(0);
    await link('addFriend', a, d);
    expect(await inA('a befriended d, who never purchased')).toBe(0);
    // d purchases late and out of order: before every event of the shop, so only windows reaching back count it.
    const m = 'mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }';
    const at = (ms: number) => new Date(ms).toISOString();
    expect((await gql(m, { in: { eventId: 'friend-late-1', userId: d, itemId: 'i1', type: 'PURCHASE', at: at(lo - 2 * HOUR) } })).body.errors).toBeUndefined();
    expect(await inA('d purchased (all time)')).toBe(1);
    expect(await inA('d purchased, but before the window', { from: lo, to: null })).toBe(0);
    expect(await inA('d purchased, within a window ending before the shop opened', { from: null, to: lo - HOUR })).toBe(0);
    expect(await expectSameFriendRule('friends after the API changes', 4711, 21)).toBeGreaterThan(10);
    expect([friends.fullReads, analytics.logs.fullReads]).toEqual([1, full]);
    expect(friends.userReads).toBeGreaterThan(0);
  }, 600_000);

  it('friendships written by someone the process was not told about are seen by the next hasFriendWhoPurchased query (one full re-read of the ties)', async () => {
    const friends = analytics.logs.friends;
    const full = friends.fullReads;
    // Two new ties and one removed (net +1): the FRIEND count differs, the ties are read again.
    await graph.executor.write(`MATCH (x:User {id: 'u30'}), (y:User {id: 'u31'}), (z:User {id: 'u32'}) MERGE (x)-[:FRIEND]-(y) MERGE (z)-[:FRIEND]-(x)`);
    await graph.executor.write(`MATCH (:User {id: 'u10'})-[f:FRIEND]-(:User) WITH f LIMIT 1 DELETE f`);
    expect(await expectSameFriendRule('friends after an unobserved load', 555, 14)).toBeGreaterThan(6);
    expect(friends.fullReads).toBe(full + 1);
    // A query without the rule neither reads nor checks the ties.
    await expectSameTransitions('no friend rule', { segment: EMPTY_SEGMENT, window: ALL_TIME }, 30 * MIN, null);
    expect(friends.fullReads).toBe(full + 1);
  }, 600_000);

  it('a load nobody was told about is seen by the next query (one full re-read)', async () => {
    const full = analytics.logs.fullReads;
    await new GraphWriter(graph.executor).events([
      { id: asEventId('cli-1'), userId: asUserId('u7'), itemId: asItemId('i5'), type: 'purchase', ts: lo + 5 * HOUR },
      { id: asEventId('cli-2'), userId: asUserId('u7'), itemId: asItemId('i5'), type: 'cancel', ts: lo + 5 * HOUR },
    ]);
    await expectSameTransitions('after an unobserved load', { segment: EMPTY_SEGMENT, window: ALL_TIME }, 30 * MIN, null);
    expect(analytics.logs.fullReads).toBe(full + 1);
    await expectSameTransitions('and the query after it reads nothing again', { segment: { ...EMPTY_SEGMENT, userIds: ['u7'] }, window: ALL_TIME }, 30 * MIN, null);
    expect(analytics.logs.fullReads).toBe(full + 1);
  }, 300_000);

  it('an erased user stops counting at once', async () => {
    const q = 'mutation { deleteUser(id: "u9") { events } }';
    const res = await gql(q);
    expect(res.body.errors).toBeUndefined();
    const full = analytics.logs.fullReads;
    await expectSameTransitions('after erasure', { segment: EMPTY_SEGMENT, window: ALL_TIME }, 30 * MIN, null);
    const only = await transitionCountsFor(store, { segment: { ...EMPTY_SEGMENT, userIds: ['u9'] }, window: ALL_TIME }, 30 * MIN, null, 'memory', analytics.logs);
    expect(only.users).toBe(0);
    expect(analytics.logs.fullReads).toBe(full);
    // The friend ties (read by the earlier tests) dropped u9 at both ends, without a re-read of the ties.
    const tieReads = analytics.logs.friends.fullReads;
    const ties = await analytics.logs.friends.current();
    expect(ties.friendsOf('u9')).toBeUndefined();
    expect(Array.from({ length: 130 }, (_, k) => `u${k}`).filter((u) => ties.friendsOf(u)?.has('u9') === true)).toEqual([]);
    expect(analytics.logs.friends.fullReads).toBe(tieReads);
    await expectSameFriendRule('friends after erasure', 9, 7);
  }, 300_000);
  // Attribute segments of every kind the in-memory population resolves (duplicates, a refusal, a missing user,
  // a saved segment alone, with attributes and with ids, a saved segment that does not exist).
  const attributeSegments: Partial<AnalyticsScope['segment']>[] = [
    {}, { gender: 'female', location: 'Paris' }, { minAge: 30 }, { maxAge: 29, gender: 'male' },
    { acquiredFrom: Date.UTC(2024, 0, 1) }, { acquiredTo: Date.UTC(2023, 6, 1), location: 'Berlin' },
    { segmentId: 'seg-t', gender: 'female' }, { segmentId: 'seg-t', userIds: ['u1', 'u2', 'u3', 'u99'] },
    { userIds: ['u3', 'u3', 'u10', 'u11', 'u12'] }, { segmentId: 'seg-none' }, { minAge: 18, maxAge: 34, categoryId: 'c3' },
  ];
  const breakdowns: (ConversionBreakdown | null)[] = [null, 'GENDER', 'AGE_BAND', 'LOCATION', 'ACQUISITION_MONTH'];

  async function expectSamePopulations(label: string, seed: number, cases: number): Promise<number> {
    const rnd = prng(seed);
    let nonEmpty = 0;
    for (let k = 0; k < cases; k++) {
      const c = randomCase(rnd);
      const scope = { ...c.scope, segment: { ...EMPTY_SEGMENT, ...attributeSegments[k % attributeSegments.length] } };
      const name = `${label} ${k}: ${JSON.stringify(scope)}`;
      if ((await expectSameTransitions(name, scope, c.gapMs, c.asOf)) === 0) continue;
      nonEmpty++;
      const breakdown = breakdowns[k % breakdowns.length] ?? null;
      const a = await conversionRateFor(store, scope, 'purchase', breakdown, 'memory', analytics.logs);
      const b = await conversionRateFor(store, scope, 'purchase', breakdown, 'cypher');
      expect(a, `${name} by ${breakdown}`).toEqual(b);
    }
    return nonEmpty;
  }

  it('the in-memory population equals the Cypher population on 33 random attribute segments, saved segments and breakdowns', async () => {
    expect(await expectSamePopulations('population', 4242, 33)).toBeGreaterThan(15);
  }, 600_000);

  it('a consent refusal and attribute changes through the API reach the in-memory population before the next answer', async () => {
    const full = analytics.logs.fullReads;
    const both = { segment: { ...EMPTY_SEGMENT, userIds: ['u1', 'u2'] }, window: ALL_TIME };
    expect(await expectSameTransitions('u1 and u2 before', both, 30 * MIN, null)).toBe(2);
    const refused = await gql('mutation { setConsent(userId: "u1", consent: { analytics: false }) { id } }');
    expect(refused.body.errors).toBeUndefined();
    expect(await expectSameTransitions('u1 refused analytics', both, 30 * MIN, null)).toBe(1);
    const upserted = await gql('mutation { upsertUser(input: { id: "u2", gender: "x-test", age: 99, location: "Atlantis" }) { id } }');
    expect(upserted.body.errors).toBeUndefined();
    const moved = { segment: { ...EMPTY_SEGMENT, gender: 'x-test', minAge: 99, location: 'Atlantis' }, window: ALL_TIME };
    expect(await expectSameTransitions('u2 moved to x-test / 99 / Atlantis', moved, 30 * MIN, null)).toBe(1);
    for (const [breakdown, group] of [['GENDER', 'x-test'], ['AGE_BAND', null], ['LOCATION', 'Atlantis']] as const) {
      const scope = { segment: EMPTY_SEGMENT, window: ALL_TIME };
      const a = await conversionRateFor(store, scope, 'purchase', breakdown, 'memory', analytics.logs);
      expect(a, `by ${breakdown} after the changes`).toEqual(await conversionRateFor(store, scope, 'purchase', breakdown, 'cypher'));
      if (group !== null) expect(a.breakdown?.find((g) => g.segment === group)?.denominator, breakdown).toBe(1);
    }
    expect(await expectSamePopulations('after the API changes', 77, 11)).toBeGreaterThan(4);
    expect(analytics.logs.fullReads).toBe(full);
  }, 600_000);

  it('an attribute write nobody was told about is seen within attributesMaxAgeMs, without reading events again', async () => {
    let clock = 1_000_000;
    const counting = new CountingStore(graph.executor);
    const own = new AnalyticsService(counting, { now: () => hi, logs: { attributesMaxAgeMs: 60_000, clock: () => clock } });
    const scope = { segment: { ...EMPTY_SEGMENT, gender: 'zz-unobserved' }, window: ALL_TIME };
    const mem = () => transitionCountsFor(counting, scope, 30 * MIN, null, 'memory', own.logs);
    expect((await mem()).users).toBe(0);
    await graph.executor.write(`MATCH (u:User {id: 'u4'}) SET u.gender = 'zz-unobserved'`);
    const recount = await transitionCountsFor(store, scope, 30 * MIN, null, 'ts');
    expect(recount.users).toBe(1);
    clock += 29_000; // within half the bound: the held attributes are used as they are (documented staleness)
    expect((await mem()).users).toBe(0);
    clock += 32_000; // beyond the bound: the next answer waits for an attribute re-read
    const after = await mem();
    expect(after.users).toBe(1);
    expect(Array.from(after.counts.counts)).toEqual(Array.from(recount.counts.counts));
    expect([own.logs.fullReads, own.logs.attributeReads]).toEqual([1, 1]);
    expect([counting.populationReads, counting.segmentReads]).toEqual([0, 0]);
  }, 300_000);

  it('only a saved segment (its member ids) reads a population from the graph; hasFriendWhoPurchased no longer does', async () => {
    const counting = new CountingStore(graph.executor);
    const own = new AnalyticsService(counting, { now: () => hi });
    const reads = async (segment: Partial<AnalyticsScope['segment']>, breakdown: ConversionBreakdown | null = null): Promise<number[]> => {
      const [p, s] = [counting.populationReads, counting.segmentReads];
      await conversionRateFor(counting, { segment: { ...EMPTY_SEGMENT, ...segment }, window: ALL_TIME }, 'purchase', breakdown, 'memory', own.logs);
      return [counting.populationReads - p, counting.segmentReads - s];
    };
    await own.logs.current();
    // conversionRateFor reads the overall row and, with a breakdown, the groups: two selections.
    expect(await reads({}, 'GENDER')).toEqual([0, 0]);
    expect(await reads({ gender: 'female', minAge: 20 }, 'ACQUISITION_MONTH')).toEqual([0, 0]);
    expect(await reads({ userIds: ['u5', 'u6', 'u7', 'u8'] }, 'AGE_BAND')).toEqual([0, 0]);
    expect(await reads({ segmentId: 'seg-t' })).toEqual([0, 1]);
    // The member ids travel once; a repeat reads the segment's version only; a membership change (a member added,
    // or a refresh swapping one member for another: same count, new refreshedAt) sends them again, and the counts
    // follow the graph.
    const sameAsRecount = async (label: string) => {
      const scope = { segment: { ...EMPTY_SEGMENT, segmentId: 'seg-t' }, window: ALL_TIME };
      const mem = await transitionCountsFor(counting, scope, 30 * MIN, null, 'memory', own.logs);
      const ts = await transitionCountsFor(store, scope, 30 * MIN, null, 'ts');
      expect([mem.users, Array.from(mem.counts.counts)], label).toEqual([ts.users, Array.from(ts.counts.counts)]);
      return mem.users;
    };
    const sent = counting.segmentTransfers;
    expect(await reads({ segmentId: 'seg-t' })).toEqual([0, 1]);
    expect(counting.segmentTransfers).toBe(sent);
    const before = await sameAsRecount('seg-t as saved');
    await graph.executor.write(`MATCH (s:Segment {id: 'seg-t'}), (u:User {id: 'u20'}) MERGE (u)-[:IN_SEGMENT]->(s)`);
    expect(await sameAsRecount('u20 joined seg-t')).toBe(before + 1);
    expect(counting.segmentTransfers).toBe(sent + 1);
    await graph.executor.write(`
      MATCH (:User {id: 'u20'})-[m:IN_SEGMENT]->(s:Segment {id: 'seg-t'}) DELETE m
      WITH s MATCH (u:User {id: 'u21'}) MERGE (u)-[:IN_SEGMENT]->(s) SET s.refreshedAt = 1735689600000`);
    expect(await sameAsRecount('a refresh swapped u20 for u21')).toBe(before + 1);
    expect(counting.segmentTransfers).toBe(sent + 2);
    await sameAsRecount('unchanged since');
    expect(counting.segmentTransfers).toBe(sent + 2);
    expect(await reads({ hasFriendWhoPurchased: true })).toEqual([0, 0]);
    expect(await reads({}, 'HAS_FRIEND_WHO_PURCHASED')).toEqual([0, 0]);
  }, 300_000);
});
