// Experiments over HTTP: creating them (every bad input has its code and field), serving recommendations
// under the running experiment exactly as GrowthBook assigns, the batched ASSIGNED edges, audiences, stopping,
// and the results read-out on a hand-made graph of assignments, impressions and events (written with Cypher
// exactly as docs/loop.md describes them, so this does not depend on recordImpressions).
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignVariant } from '../../src/algorithms/experiments/assignment/assign-variant.ts';
import { welchTest } from '../../src/algorithms/experiments/welch.ts';
import { capabilityResolvers, createServices } from '../../src/app.ts';
import type { Services } from '../../src/graphql/context.ts';
import { createApi } from '../../src/graphql/server.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { SegmentStore } from '../../src/storage/segment-store.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { asCategoryId, asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import { AS_ADMIN, bearer, testAuth, type Gql } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

const Z = 1.959963984540054;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const USERS = Array.from({ length: 20 }, (_, k) => `u${k + 1}`);

/** The test API with its services at hand (to flush the assignment log). */
function testApi(graph: GraphConnection): { gql: Gql; services: Services } {
  const services = createServices(graph);
  const api = createApi({ services, auth: testAuth(graph), resolvers: capabilityResolvers(), logger: pino({ level: 'silent' }) });
  const gql: Gql = async (query, variables = {}, headers = AS_ADMIN) => {
    const res = await api.fetch('http://localhost/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as Awaited<ReturnType<Gql>>['body'] };
  };
  return { gql, services };
}

const CREATE = `mutation($in: CreateExperimentInput!) { createExperiment(input: $in) {
  key name surface status coverage audienceSegmentId startAt stopAt seed hashVersion createdAt
  variants { key weight strategy hybridWeights } } }`;
const RECS = `query($u: ID!, $s: Strategy) { recommendations(userId: $u, strategy: $s, first: 3) {
  strategy recommendationId experiment { key variant preview } edges { node { item { id } } } } }`;
/** A shop backend serving pages: the principal whose pages assign users (staff pages are previews). */
const SERVICE = bearer('service');
const RESULTS = `query($k: ID!, $c: Float) { experimentResults(key: $k, confidence: $c) {
  experiment { key status } confidence attributionWindowHours computedAt
  variants { variant isControl strategy assigned exposed impressions clicks conversions revenue
    ctr { value lower upper } conversionRate { value lower upper } revenuePerUser { value lower upper }
    conversionLift { difference lower upper relative relativeLower relativeUpper pValue significant
                     sequentialLower sequentialUpper sequentialPValue sequentialSignificant }
    revenueLift { difference lower upper relative pValue significant } }
  sampleRatio { observed expected chiSquare pValue mismatch } } }`;

const AB = {
  key: 'popular-vs-hybrid',
  name: 'POPULAR against a popular-and-content HYBRID',
  variants: [
    { key: 'control', weight: 0.5, strategy: 'POPULAR' },
    { key: 'blend', weight: 0.5, strategy: 'HYBRID', hybridWeights: { POPULAR: 1, CONTENT: 0.5 } },
  ],
};

describe('experiments over HTTP', () => {
  let graph: GraphConnection;
  let gql: Gql;
  let services: Services;
  const data = async (query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>) => {
    const r = await gql(query, variables, headers);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return r.body.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const errorOf = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await gql(query, variables);
    expect(r.body.errors, JSON.stringify(r.body)).toBeDefined();
    const e = r.body.errors![0]!;
    return { code: e.extensions?.['code'], field: e.extensions?.['field'], message: e.message };
  };
  const assignedEdges = async (key: string) => graph.executor.read(
    'MATCH (u:User)-[a:ASSIGNED]->(:Experiment {key: $key}) RETURN u.id AS userId, a.variant AS variant, count(*) AS edges ORDER BY userId', { key });

  beforeAll(async () => {
    graph = await openTestGraph();
    ({ gql, services } = testApi(graph));
    const writer = new GraphWriter(graph.executor);
    await writer.categories([{ id: asCategoryId('c0'), name: 'Even' }, { id: asCategoryId('c1'), name: 'Odd' }]);
    await writer.items([1, 2, 3, 4, 5, 6].map((k) => ({ id: asItemId(`i${k}`), title: `Item ${k}`, price: 5 * k, categoryIds: [asCategoryId(`c${k % 2}`)] })));
    await writer.users(USERS.map((u) => ({ id: asUserId(u) })));
    await writer.events(USERS.flatMap((u, k) => [1, 2].map((j) => ({
      id: asEventId(`e-${u}-${j}`), userId: asUserId(u), itemId: asItemId(`i${((k + j) % 6) + 1}`), type: 'view' as const, ts: Date.UTC(2026, 0, j, 10),
    }))));
  });
  afterAll(async () => {
    await services.loop.assignments.close();
    await graph.close();
  });

  describe('createExperiment', () => {
    it('creates a running experiment, listed RUNNING and readable by key; hybrid weights become a full map', async () => {
      const x = (await data(CREATE, { in: AB })).createExperiment;
      expect(x).toMatchObject({
        key: AB.key, name: AB.name, surface: 'recommendations', status: 'RUNNING', coverage: 1, audienceSegmentId: null,
        stopAt: null, seed: AB.key, hashVersion: 2,
      });
      expect(x.variants).toEqual([
        { key: 'control', weight: 0.5, strategy: 'POPULAR', hybridWeights: null },
        { key: 'blend', weight: 0.5, strategy: 'HYBRID', hybridWeights: { POPULAR: 1, ITEM_CF: 0, USER_CF: 0, CONTENT: 0.5, SOCIAL: 0, GRAPH: 0, TRENDING: 0 } },
      ]);
      expect(Date.parse(x.startAt)).toBeLessThanOrEqual(Date.now());
      const listed = (await data('{ experiments(status: RUNNING) { key status } }', {}, bearer('analyst'))).experiments;
      expect(listed).toEqual([{ key: AB.key, status: 'RUNNING' }]);
      expect((await data('{ experiments(status: STOPPED) { key } }')).experiments).toEqual([]);
      expect((await data('query($k: ID!) { experiment(key: $k) { key variants { key } } }', { k: AB.key })).experiment.variants).toHaveLength(2);
      expect((await data('{ experiment(key: "nope") { key } }')).experiment).toBeNull();
    });

    const bad = (patch: Record<string, unknown>) => ({ ...AB, key: 'bad-one', startAt: '2030-01-01T00:00:00Z', stopAt: '2030-02-01T00:00:00Z', ...patch });
    it.each([
      ['weights not summing to 1 (the message says the sum)', { variants: [{ key: 'a', weight: 0.5, strategy: 'POPULAR' }, { key: 'b', weight: 0.4, strategy: 'GRAPH' }] }, 'variants', /sum to 1, got 0\.9/],
      ['a negative weight', { variants: [{ key: 'a', weight: 1.5, strategy: 'POPULAR' }, { key: 'b', weight: -0.5, strategy: 'GRAPH' }] }, 'variants[1].weight', /non-negative/],
      ['one variant', { variants: [{ key: 'a', weight: 1, strategy: 'POPULAR' }] }, 'variants', /at least 2/],
      ['a duplicate variant key', { variants: [{ key: 'a', weight: 0.5, strategy: 'POPULAR' }, { key: 'a', weight: 0.5, strategy: 'GRAPH' }] }, 'variants[1].key', /twice/],
      ['hybridWeights on a non-HYBRID variant', { variants: [{ key: 'a', weight: 0.5, strategy: 'POPULAR', hybridWeights: { POPULAR: 1 } }, { key: 'b', weight: 0.5, strategy: 'GRAPH' }] }, 'variants[0].hybridWeights', /only to a HYBRID/],
      ['hybridWeights all zero', { variants: [{ key: 'a', weight: 0.5, strategy: 'HYBRID', hybridWeights: { GRAPH: 0 } }, { key: 'b', weight: 0.5, strategy: 'GRAPH' }] }, 'variants[0].hybridWeights', /positive/],
      ['a negative hybrid weight', { variants: [{ key: 'a', weight: 0.5, strategy: 'HYBRID', hybridWeights: { GRAPH: 1, SOCIAL: -1 } }, { key: 'b', weight: 0.5, strategy: 'GRAPH' }] }, 'variants[0].hybridWeights.SOCIAL', /non-negative/],
      ['a key with capitals and spaces', { key: 'Bad Key' }, 'key', /lower-case/],
      ['another surface', { surface: 'offer' }, 'surface', /recommendations/],
      ['coverage above 1', { coverage: 1.5 }, 'coverage', /\[0, 1\]/],
      ['stopAt before startAt', { stopAt: '2029-01-01T00:00:00Z' }, 'stopAt', /after startAt/],
      ['hashVersion 3', { hashVersion: 3 }, 'hashVersion', /1 or 2/],
      ['a baseline rate of 1', { baselineConversionRate: 1 }, 'baselineConversionRate', /\(0, 1\)/],
    ])('%s: INVALID_INPUT naming the field', async (_, patch, field, message) => {
      const e = await errorOf(CREATE, { in: bad(patch) });
      expect(e).toMatchObject({ code: 'INVALID_INPUT', field });
      expect(e.message).toMatch(message);
    });

    it('an unknown strategy is INVALID_INPUT (the Strategy enum)', async () => {
      const e = await errorOf(CREATE, { in: bad({ variants: [{ key: 'a', weight: 0.5, strategy: 'TELEPATHY' }, { key: 'b', weight: 0.5, strategy: 'GRAPH' }] }) });
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(/TELEPATHY/);
    });

    it('an unknown audience segment is NOT_FOUND', async () => {
      expect(await errorOf(CREATE, { in: bad({ audienceSegmentId: 'no-such-segment' }) })).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('an experiment overlapping a running one on the same surface is a CONFLICT naming it; an existing key too', async () => {
      const overlap = await errorOf(CREATE, { in: { ...AB, key: 'second-one' } });
      expect(overlap.code).toBe('CONFLICT');
      expect(overlap.message).toContain(AB.key);
      const later = await errorOf(CREATE, { in: bad({ key: 'later-one' }) }); // [2030-01, 2030-02) overlaps the open-ended one
      expect(later.code).toBe('CONFLICT');
      expect(await errorOf(CREATE, { in: { ...AB } })).toMatchObject({ code: 'CONFLICT', field: 'key' });
    });

    it('only an admin creates or stops; analysts read', async () => {
      const r = await gql(CREATE, { in: bad({ key: 'analyst-made' }) }, bearer('analyst'));
      expect(r.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      const s = await gql('mutation { stopExperiment(key: "popular-vs-hybrid") { key } }', {}, bearer('analyst'));
      expect(s.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });
  });

  describe('serving', () => {
    const definition = {
      key: AB.key, variants: AB.variants.map((v) => v.key), weights: AB.variants.map((v) => v.weight), coverage: 1, seed: AB.key, hashVersion: 2 as const,
    };

    it('recommendations without a strategy: the variant GrowthBook assigns, and its strategy', async () => {
      const seen = new Set<string>();
      for (const u of USERS) {
        const page = (await data(RECS, { u }, bearer('shopper', u))).recommendations;
        const expected = assignVariant(definition, u).variant;
        expect(page.experiment, u).toEqual({ key: AB.key, variant: expected, preview: false });
        expect(page.strategy, u).toBe(AB.variants.find((v) => v.key === expected)?.strategy);
        expect(page.recommendationId).toEqual(expect.any(String));
        seen.add(String(expected));
      }
      expect([...seen].sort()).toEqual(['blend', 'control']); // 20 users reach both arms
    });

    it('an explicit strategy: no experiment', async () => {
      const page = (await data(RECS, { u: 'u1', s: 'POPULAR' })).recommendations;
      expect(page.experiment).toBeNull();
      expect(page.strategy).toBe('POPULAR');
    });

    it('ASSIGNED edges are written in batches, once per user, even after repeated requests and from another process', async () => {
      for (const u of USERS.slice(0, 5)) await data(RECS, { u }, SERVICE);
      await services.loop.assignments.flush();
      const edges = await assignedEdges(AB.key);
      expect(edges).toEqual([...USERS].sort().map((userId) => ({ userId, variant: assignVariant(definition, userId).variant, edges: 1 })));
      // A second process (own services, own dedupe set) serving the same users adds nothing.
      const other = testApi(graph);
      for (const u of USERS.slice(0, 5)) await other.gql(RECS, { u }, SERVICE);
      await other.services.loop.assignments.close();
      expect(await assignedEdges(AB.key)).toEqual(edges);
    });

    it('staff previews (admin, analyst) show the variant but write no ASSIGNED edge and carry no recommendationId; a service page does both', async () => {
      // A fresh process (empty dedupe set), and users no page has been served to yet.
      const fresh = testApi(graph);
      await graph.executor.write('UNWIND $ids AS id MERGE (:User {id: id})', { ids: ['p1', 'p2', 'p3'] });
      const pageOf = async (u: string, headers: Record<string, string>) => {
        const r = await fresh.gql(RECS, { u }, headers);
        expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
        return (r.body.data as Record<string, any>).recommendations; // eslint-disable-line @typescript-eslint/no-explicit-any
      };
      for (const [u, who] of [['p1', bearer('admin')], ['p2', bearer('analyst')]] as const) {
        const page = await pageOf(u, who);
        expect(page.experiment, u).toEqual({ key: AB.key, variant: assignVariant(definition, u).variant, preview: true });
        expect(page.strategy).toBe(AB.variants.find((v) => v.key === page.experiment.variant)?.strategy);
        expect(page.recommendationId).toBeNull();
      }
      expect(fresh.services.loop.assignments.size).toBe(0);
      const served = await pageOf('p3', SERVICE);
      expect(served.experiment).toEqual({ key: AB.key, variant: assignVariant(definition, 'p3').variant, preview: false });
      expect(served.recommendationId).toEqual(expect.any(String));
      await fresh.services.loop.assignments.flush();
      const written = (await assignedEdges(AB.key)).map((r) => r['userId']);
      expect(written.filter((u) => String(u).startsWith('p'))).toEqual(['p3']);
      // The admin's preview of p1 again, after p1 was really served: still no second edge, same variant.
      await pageOf('p1', SERVICE);
      await fresh.services.loop.assignments.close();
      expect((await assignedEdges(AB.key)).filter((r) => String(r['userId']).startsWith('p'))).toEqual(
        ['p1', 'p3'].map((userId) => ({ userId, variant: assignVariant(definition, userId).variant, edges: 1 })));
    });

    it('a stopped experiment is no longer served (at once in this process); stopping it again is a CONFLICT', async () => {
      const stopped = (await data('mutation { stopExperiment(key: "popular-vs-hybrid") { key status } }')).stopExperiment;
      expect(stopped).toEqual({ key: AB.key, status: 'STOPPED' });
      const page = (await data(RECS, { u: 'u1' })).recommendations;
      expect(page.experiment).toBeNull();
      expect(page.strategy).toBe('HYBRID');
      const again = await errorOf('mutation { stopExperiment(key: "popular-vs-hybrid") { key status } }');
      expect(again.code).toBe('CONFLICT');
      expect(again.message).toMatch(/already stopped \(since 20\d\d-/);
      expect((await data(`{ experiment(key: "popular-vs-hybrid") { status } }`)).experiment.status).toBe('STOPPED');
      expect((await errorOf('mutation { stopExperiment(key: "nope") { key } }')).code).toBe('NOT_FOUND');
      expect((await data('{ experiments(status: STOPPED) { key } }')).experiments).toEqual([{ key: AB.key }]);
    });

    it('an audience segment restricts enrolment to its members', async () => {
      const segments = new SegmentStore(graph.executor);
      await segments.save({ id: 'vip', name: 'VIP', kind: 'RULE', rule: null, description: 'hand-made', updatedAt: Date.now() });
      const members = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
      await segments.replaceMembers('vip', members, Date.now());
      const vip = { key: 'vip-only', audienceSegmentId: 'vip', variants: [{ key: 'off', weight: 0.5, strategy: 'POPULAR' }, { key: 'on', weight: 0.5, strategy: 'ITEM_CF' }] };
      expect((await data(CREATE, { in: vip })).createExperiment.audienceSegmentId).toBe('vip');
      for (const u of USERS.slice(0, 10)) {
        const page = (await data(RECS, { u }, SERVICE)).recommendations;
        if (members.includes(u)) {
          const v = assignVariant({ key: 'vip-only', variants: ['off', 'on'], weights: [0.5, 0.5], seed: 'vip-only', hashVersion: 2 }, u).variant;
          expect(page.experiment, u).toEqual({ key: 'vip-only', variant: v, preview: false });
        } else {
          expect(page.experiment, u).toBeNull();
        }
      }
      await services.loop.assignments.flush();
      expect((await assignedEdges('vip-only')).map((r) => r.userId)).toEqual(members);
      await data('mutation { stopExperiment(key: "vip-only") { key } }');
    });
  });

  describe('experimentResults on a hand-made graph', () => {
    const KEY = 'results-exp';
    const T0 = Date.parse('2025-01-10T00:00:00Z');

    beforeAll(async () => {
      // A past experiment (its window cannot overlap anything running).
      await data(CREATE, { in: {
        key: KEY, startAt: '2025-01-01T00:00:00Z', stopAt: '2025-03-01T00:00:00Z',
        variants: [{ key: 'control', weight: 0.5, strategy: 'POPULAR' }, { key: 'treat', weight: 0.5, strategy: 'HYBRID' }],
      } });
      // Users: c1..c4 and cx (refused analytics) in control, t1..t3 in treat. Impressions: itemIds per page.
      const impressions = [
        { user: 'c1', variant: 'control', at: T0, items: ['i1', 'i2', 'i3'] },
        { user: 'c1', variant: 'control', at: T0 + HOUR, items: ['i4', 'i5'] },
        { user: 'c2', variant: 'control', at: T0, items: ['i1', 'i2', 'i3', 'i4'] },
        { user: 'c4', variant: 'control', at: T0, items: ['i5', 'i6'] },
        { user: 'cx', variant: 'control', at: T0, items: ['i1'] },
        { user: 't1', variant: 'treat', at: T0, items: ['i1', 'i2', 'i3'] },
        { user: 't2', variant: 'treat', at: T0, items: ['i2', 'i3', 'i4'] },
        { user: 't3', variant: 'treat', at: T0, items: ['i4', 'i5', 'i6'] },
      ];
      // Events: purchases (value null: the item's price) and views; `rec` = attributed to the experiment's variant.
      const events = [
        { user: 'c1', type: 'view', ts: T0 + 10 * 60_000, item: 'i1', value: null, rec: 'control' },
        { user: 'c1', type: 'purchase', ts: T0 + 2 * HOUR, item: 'i1', value: 10, rec: null },
        { user: 'c2', type: 'view', ts: T0 + 60_000, item: 'i2', value: null, rec: 'control' },
        { user: 'c2', type: 'view', ts: T0 + 120_000, item: 'i3', value: null, rec: 'control' },
        { user: 'c2', type: 'purchase', ts: T0 - HOUR, item: 'i2', value: 50, rec: null }, // before the first impression
        { user: 'c2', type: 'purchase', ts: T0 + 8 * DAY, item: 'i2', value: 30, rec: null }, // after the 168 h window
        { user: 'c3', type: 'purchase', ts: T0 + HOUR, item: 'i3', value: 40, rec: null }, // never exposed
        { user: 'c4', type: 'purchase', ts: T0 + 3 * HOUR, item: 'i6', value: null, rec: null }, // price of i6: 30
        { user: 'c4', type: 'purchase', ts: T0 + 4 * HOUR, item: 'i1', value: 5, rec: null },
        { user: 'cx', type: 'view', ts: T0 + 60_000, item: 'i1', value: null, rec: 'control' },
        { user: 'cx', type: 'purchase', ts: T0 + HOUR, item: 'i1', value: 100, rec: null },
        { user: 't1', type: 'view', ts: T0 + 60_000, item: 'i1', value: null, rec: 'treat' },
        { user: 't1', type: 'view', ts: T0 + 120_000, item: 'i2', value: null, rec: 'treat' },
        { user: 't1', type: 'purchase', ts: T0 + DAY, item: 'i1', value: 20, rec: null },
        { user: 't2', type: 'purchase', ts: T0 + 7 * DAY, item: 'i2', value: 15, rec: null }, // exactly at the window's end
        { user: 't3', type: 'view', ts: T0 + 60_000, item: 'i4', value: null, rec: null }, // not attributed: no click
        { user: 't3', type: 'purchase', ts: T0 + 2 * HOUR, item: 'i1', value: 5, rec: null },
      ];
      const assigned = [
        ...['c1', 'c2', 'c3', 'c4', 'cx'].map((user) => ({ user, variant: 'control' })),
        ...['t1', 't2', 't3'].map((user) => ({ user, variant: 'treat' })),
      ];
      await graph.executor.write(`
        UNWIND $assigned AS a
        MERGE (u:User {id: a.user})
        SET u.consentAnalytics = CASE WHEN a.user = 'cx' THEN false ELSE null END
        WITH u, a
        MATCH (x:Experiment {key: $key})
        CREATE (u)-[:ASSIGNED {variant: a.variant, at: $t0}]->(x)`, { assigned, key: KEY, t0: T0 - DAY });
      await graph.executor.write(`
        UNWIND range(0, size($impressions) - 1) AS k
        WITH k, $impressions[k] AS p
        MATCH (u:User {id: p.user})
        CREATE (u)-[:SAW]->(:Impression {recId: 'rec-' + toString(k), surface: 'recommendations', servedAt: p.at - 1000, at: p.at,
          day: '2025-01-10', strategy: CASE p.variant WHEN 'control' THEN 'POPULAR' ELSE 'HYBRID' END, experiment: $key,
          variant: p.variant, campaign: null, offset: 0, itemIds: p.items, positions: range(1, size(p.items))})`, { impressions, key: KEY });
      await graph.executor.write(`
        UNWIND range(0, size($events) - 1) AS k
        WITH k, $events[k] AS e
        MATCH (u:User {id: e.user}), (i:Item {id: e.item})
        CREATE (u)-[:PERFORMED]->(ev:Event {id: 'x-' + toString(k), type: e.type, ts: e.ts, value: e.value})-[:ON]->(i)
        FOREACH (_ IN CASE WHEN e.rec IS NULL THEN [] ELSE [1] END |
          SET ev.recId = 'rec-x', ev.recStrategy = 'POPULAR', ev.recExperiment = $key, ev.recVariant = e.rec,
              ev.recPosition = 1, ev.recServedAt = e.ts - 1000)`, { events, key: KEY });
    });

    it('counts per variant exactly: consent, exposure, the attribution window, item prices for unpriced purchases', async () => {
      const r = (await data(RESULTS, { k: KEY }, bearer('analyst'))).experimentResults;
      expect(r.experiment).toEqual({ key: KEY, status: 'STOPPED' });
      expect(r.confidence).toBe(0.95);
      expect(r.attributionWindowHours).toBe(168);
      const [c, t] = r.variants;
      // control: c1..c4 assigned (cx refused analytics); c3 never saw a page; c2's purchases are outside
      // [first impression, +168 h]; c4's unpriced purchase of i6 counts its price 30, plus 5.
      expect(c).toMatchObject({ variant: 'control', isControl: true, strategy: 'POPULAR', assigned: 4, exposed: 3, impressions: 11, clicks: 3, conversions: 2, revenue: 45 });
      expect(t).toMatchObject({ variant: 'treat', isControl: false, strategy: 'HYBRID', assigned: 3, exposed: 3, impressions: 9, clicks: 2, conversions: 3, revenue: 40 });
      expect(c.conversionRate.value).toBeCloseTo(2 / 3, 12);
      expect(t.ctr.value).toBeCloseTo(2 / 9, 12);
      expect(c.revenuePerUser.value).toBeCloseTo(15, 12); // [10, 0, 35] / 3
      expect(c.conversionLift).toBeNull();
    });

    it('lifts against the control, by hand', async () => {
      const [, t] = (await data(RESULTS, { k: KEY })).experimentResults.variants;
      // conversion 2/3 -> 3/3: d = 1/3, unpooled SE sqrt((2/3)(1/3)/3 + 0) = sqrt(2/27); pooled p = 5/6,
      // z = (1/3) / sqrt(5/6 * 1/6 * 2/3) = 1.0954451, p = erfc(z / sqrt 2) = 0.2733217
      const lift = t.conversionLift;
      expect(lift.difference).toBeCloseTo(1 / 3, 12);
      expect(lift.lower).toBeCloseTo(1 / 3 - Z * Math.sqrt(2 / 27), 9);
      expect(lift.upper).toBeCloseTo(1 / 3 + Z * Math.sqrt(2 / 27), 9);
      expect(lift.relative).toBeCloseTo(0.5, 12);
      expect(lift.pValue).toBeCloseTo(0.27332167829229814, 7);
      expect(lift.significant).toBe(false);
      expect(lift.sequentialLower).toBeLessThan(lift.lower);
      expect(lift.sequentialSignificant).toBe(false);
      // revenue per exposed user: control [10, 0, 35], treat [20, 15, 5]: difference 40/3 - 15 = -5/3
      const w = welchTest({ n: 3, sum: 45, sumSq: 100 + 1225 }, { n: 3, sum: 40, sumSq: 400 + 225 + 25 });
      expect(t.revenueLift.difference).toBeCloseTo(-5 / 3, 12);
      expect(t.revenueLift.relative).toBeCloseTo(40 / 45 - 1, 12);
      expect(t.revenueLift.pValue).toBeCloseTo(w.pValue!, 12);
      expect(t.revenueLift.lower).toBeCloseTo(w.lower!, 12);
    });

    it('sample ratio: 4 against 3 at 50/50 is fine (chi-square 1/7); 100 against 50 is flagged', async () => {
      const r = (await data(RESULTS, { k: KEY })).experimentResults;
      expect(r.sampleRatio.observed).toEqual([4, 3]);
      expect(r.sampleRatio.expected).toEqual([3.5, 3.5]);
      expect(r.sampleRatio.chiSquare).toBeCloseTo(1 / 7, 12);
      expect(r.sampleRatio.pValue).toBeCloseTo(0.7054569861112734, 7);
      expect(r.sampleRatio.mismatch).toBe(false);

      await data(CREATE, { in: {
        key: 'skewed', startAt: '2024-01-01T00:00:00Z', stopAt: '2024-02-01T00:00:00Z',
        variants: [{ key: 'a', weight: 0.5, strategy: 'POPULAR' }, { key: 'b', weight: 0.5, strategy: 'GRAPH' }],
      } });
      await graph.executor.write(`
        MATCH (x:Experiment {key: 'skewed'})
        UNWIND range(1, 150) AS k
        CREATE (u:User {id: 'skew-' + toString(k)})-[:ASSIGNED {variant: CASE WHEN k <= 100 THEN 'a' ELSE 'b' END, at: 0}]->(x)`);
      const s = (await data(RESULTS, { k: 'skewed' })).experimentResults;
      expect(s.sampleRatio).toMatchObject({ observed: [100, 50], expected: [75, 75], mismatch: true });
      expect(s.sampleRatio.chiSquare).toBeCloseTo(50 / 3, 12);
      expect(s.sampleRatio.pValue).toBeLessThan(0.001);
      expect(s.variants.map((v: { exposed: number; conversionLift: unknown }) => [v.exposed, v.conversionLift])).toEqual([[0, null], [0, null]]);
    });

    it('an unknown key is NOT_FOUND; confidence outside (0.5, 1) is INVALID_INPUT; a shopper is FORBIDDEN', async () => {
      expect((await errorOf(RESULTS, { k: 'nope' })).code).toBe('NOT_FOUND');
      expect(await errorOf(RESULTS, { k: KEY, c: 0.5 })).toMatchObject({ code: 'INVALID_INPUT', field: 'confidence' });
      expect(await errorOf(RESULTS, { k: KEY, c: 1 })).toMatchObject({ code: 'INVALID_INPUT', field: 'confidence' });
      const r = await gql(RESULTS, { k: KEY }, bearer('shopper', 'c1'));
      expect(r.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });
  });
});
