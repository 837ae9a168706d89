// Customer understanding over HTTP on the hand-made shop (hand-shop.ts): profiles computed by the
// profiles run and read through userProfile, live counters, rule segments and their use in analytics,
// roles, and privacy (withdrawing analytics leaves every segment).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ProfileStore } from '../../src/storage/profile-store.ts';
import { cypher } from '../../src/storage/cypher-files.ts';
import { SegmentStore } from '../../src/storage/segment-store.ts';
import { DEFAULT_PROFILES_OPTIONS } from '../../src/usecases/customers/profiles-job.ts';
import { SegmentService } from '../../src/usecases/customers/segment-service.ts';
import { refreshCustomers } from '../../src/usecases/customers/refresh-customers.ts';
import { bearer, createTestApi } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';
import { AS_OF, DAY, MIN, T0, writeHandShop } from './hand-shop.ts';

const PROFILE = `query($id: ID!) { userProfile(userId: $id) {
  userId computedAt asOf
  basic { age gender location accountAgeDays }
  behaviour { recencyDays frequency monetary views favourites carts purchases cancels ratings sessions meanSessionMinutes
              viewToCartRate cartToPurchaseRate daysSinceLastActivity favouriteHour favouriteWeekday weekendShare }
  interest { categories { category { id name } score } tags { tag { id } score } }
  social { friends followers following influence }
  value { pAlive churnRisk expectedPurchases90d expectedAverageValue clv rfm { r f m segment } }
  segments { id kind }
} }`;

/** Decay of an event `age` ms before the reference time, with the run's 30-day half-life. */
const decay = (age: number): number => 2 ** (-age / (30 * DAY));

describe('customer profiles and segments over HTTP (hand-made shop)', () => {
  let graph: GraphConnection;
  let gql: ReturnType<typeof createTestApi>['gql'];
  let refresh: () => ReturnType<typeof refreshCustomers>;
  const data = async (query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>) => {
    const r = await gql(query, variables, headers);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return r.body.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const errorOf = async (query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>) => {
    const r = await gql(query, variables, headers);
    expect(r.body.errors, JSON.stringify(r.body)).toBeDefined();
    return r.body.errors![0]!;
  };

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeHandShop(new GraphWriter(graph.executor));
    gql = createTestApi(graph).gql;
    const store = new ProfileStore(graph.executor);
    const segments = new SegmentService(new SegmentStore(graph.executor), store, () => Date.now());
    refresh = () => refreshCustomers(store, segments, { ...DEFAULT_PROFILES_OPTIONS, now: () => Date.now() });
    await refresh();
  });
  afterAll(async () => graph.close());

  it('computes every behaviour feature of u1 as by hand, at the latest event', async () => {
    const p = (await data(PROFILE, { id: 'u1' })).userProfile;
    expect(p.asOf).toBe(new Date(AS_OF).toISOString());
    expect(p.computedAt).not.toBeNull();
    expect(p.basic).toEqual({ age: 30, gender: 'f', location: 'Oslo', accountAgeDays: (AS_OF - (T0 - 10 * DAY)) / DAY });
    expect(p.behaviour).toEqual({
      recencyDays: (AS_OF - (T0 + 2 * DAY + 5 * MIN)) / DAY, frequency: 2, monetary: 25 + 20,
      views: 2, favourites: 0, carts: 1, purchases: 2, cancels: 0, ratings: 0,
      sessions: 2, meanSessionMinutes: (20 + 5) / 2,
      viewToCartRate: 0.5, cartToPurchaseRate: 1, daysSinceLastActivity: (AS_OF - (T0 + 2 * DAY + 5 * MIN)) / DAY,
      favouriteHour: 10, favouriteWeekday: 0, weekendShare: 0,
    });
  });

  it('shares interest between categories by weighted, decayed interactions', async () => {
    const p = (await data(PROFILE, { id: 'u1' })).userProfile;
    const c1 = 1 * decay(AS_OF - T0) + 3 * decay(AS_OF - T0 - 10 * MIN) + 5 * decay(AS_OF - T0 - 20 * MIN);
    const c2 = 1 * decay(AS_OF - T0 - 2 * DAY) + 5 * decay(AS_OF - T0 - 2 * DAY - 5 * MIN);
    const cats = p.interest.categories as { category: { id: string; name: string }; score: number }[];
    expect(cats.map((c) => c.category)).toEqual([{ id: 'c1', name: 'Books' }, { id: 'c2', name: 'Games' }]);
    expect(cats[0]!.score).toBeCloseTo(c1 / (c1 + c2), 12);
    expect(cats[1]!.score).toBeCloseTo(c2 / (c1 + c2), 12);
  });

  it('shows the GRAPH model\'s user vector once a refresh stored the embeddings', async () => {
    const q = '{ userProfile(userId: "u1") { interest { graphVector } } }';
    expect((await data(q)).userProfile.interest.graphVector).toBeNull();
    await data('mutation { refreshGraphModel(writeEmbeddings: true) { __typename } }');
    const v = (await data(q)).userProfile.interest.graphVector as number[];
    expect(v).toHaveLength(64);
    expect(v.some((x) => x !== 0)).toBe(true);
  });

  it('counts ties and scores influence by PageRank (u3 -> u1 <-> u2, solved by hand)', async () => {
    // r3 = 0.15/3; r1 = r3 + 0.85 (r2 + r3); r2 = r3 + 0.85 r1  =>  r1 = 0.135 / 0.2775
    const r3 = 0.05;
    const r1 = 0.135 / 0.2775;
    const r2 = r3 + 0.85 * r1;
    const social = async (id: string) => (await data(PROFILE, { id })).userProfile.social;
    expect(await social('u1')).toEqual({ friends: 1, followers: 1, following: 0, influence: expect.closeTo(3 * r1, 8) });
    expect(await social('u2')).toEqual({ friends: 1, followers: 0, following: 0, influence: expect.closeTo(3 * r2, 8) });
    expect(await social('u3')).toEqual({ friends: 0, followers: 0, following: 1, influence: expect.closeTo(3 * r3, 8) });
  });

  it('cypher/customers/user-profile.cypher gives analysts the numbers userProfile shows', async () => {
    for (const id of ['u1', 'u2', 'u3']) {
      const p = (await data(PROFILE, { id })).userProfile;
      const [row] = await graph.executor.read(cypher('customers/user-profile'), { userId: id });
      const { userId, asOf, rfmR, rfmF, rfmM, rfmSegment, topCategoryIds, topCategoryScores, ...flat } = row as Record<string, unknown>;
      expect(userId).toBe(id);
      expect(new Date(Number(asOf)).toISOString()).toBe(p.asOf);
      const num = (v: unknown) => (v === null ? null : Number(v));
      const fromCypher = Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, num(v)]));
      const fromApi = { ...p.behaviour, ...p.social, ...p.value };
      delete fromApi.rfm;
      expect(fromCypher).toEqual(fromApi);
      expect(p.value.rfm === null ? null : { r: num(rfmR), f: num(rfmF), m: num(rfmM), segment: rfmSegment }).toEqual(p.value.rfm);
      expect((topCategoryIds as string[] | null) ?? []).toEqual(p.interest.categories.map((c: { category: { id: string } }) => c.category.id));
      expect((topCategoryScores as number[] | null) ?? []).toEqual(p.interest.categories.map((c: { score: number }) => c.score));
    }
  });

  it('counts an unpriced purchase without guessing its value, and gives a user without events nulls, not zeros', async () => {
    const u2 = (await data(PROFILE, { id: 'u2' })).userProfile.behaviour;
    expect(u2).toMatchObject({ recencyDays: 0, frequency: 1, monetary: 0, sessions: 1, meanSessionMinutes: 1, favouriteWeekday: 3 });
    const u3 = (await data(PROFILE, { id: 'u3' })).userProfile;
    expect(u3.behaviour).toMatchObject({ recencyDays: null, frequency: 0, viewToCartRate: null, cartToPurchaseRate: null, daysSinceLastActivity: null, favouriteHour: null });
    expect(u3.value).toEqual({ pAlive: null, churnRisk: null, expectedPurchases90d: null, expectedAverageValue: null, clv: null, rfm: null });
  });

  it('scores RFM quintiles with ties sharing a score (1 + floor(5 * worse / n))', async () => {
    const rfm = async (id: string) => (await data(PROFILE, { id })).userProfile.value.rfm;
    // Two buyers: u2 bought more recently, u1 more often and for more.
    expect(await rfm('u1')).toMatchObject({ r: 1, f: 3, m: 3 });
    expect(await rfm('u2')).toMatchObject({ r: 3, f: 1, m: 1 });
  });

  it('keeps the behaviour counters current as events arrive, without a recompute', async () => {
    await data(`mutation { recordInteraction(input: {eventId: "live-1", userId: "u2", itemId: "i2", type: PURCHASE, value: 7.5, at: "${new Date(AS_OF + DAY).toISOString()}"}) { created } }`);
    const b = (await data(PROFILE, { id: 'u2' })).userProfile.behaviour;
    expect(b).toMatchObject({ frequency: 2, purchases: 2, views: 1, monetary: 7.5, recencyDays: 0 });
  });

  it('defines a rule segment, lists its members, and uses it in the behaviour analytics', async () => {
    const seg = (await data(`mutation($rule: RuleDocument!) { defineSegment(input: {name: "Repeat buyers!", rule: $rule}) { id name kind size description rule } }`,
      { rule: { all: [{ feature: 'frequency', op: 'gte', value: 2 }] } })).defineSegment;
    expect(seg).toMatchObject({ id: 'repeat-buyers', name: 'Repeat buyers!', kind: 'RULE', size: 2 });
    expect(seg.rule).toEqual({ all: [{ feature: 'frequency', op: 'gte', value: 2 }] });
    const members = (await data('{ segment(id: "repeat-buyers") { members(first: 1) { edges { node { id } } pageInfo { hasNextPage endCursor } totalCount } } }')).segment.members;
    expect(members.edges).toEqual([{ node: { id: 'u1' } }]);
    expect(members.pageInfo.hasNextPage).toBe(true);
    const next = (await data('query($after: String) { segment(id: "repeat-buyers") { members(first: 5, after: $after) { edges { node { id } } pageInfo { hasNextPage } } } }', { after: members.pageInfo.endCursor })).segment.members;
    expect(next).toEqual({ edges: [{ node: { id: 'u2' } }], pageInfo: { hasNextPage: false } });
    const conv = (await data('{ conversionRate(action: PURCHASE, segment: {segmentId: "repeat-buyers"}) { numerator denominator } }')).conversionRate;
    expect(conv).toEqual({ numerator: 2, denominator: 2 });
    const summary = (await data('{ segment(id: "repeat-buyers") { summary { members share meanPurchases meanMonetary meanRecencyDays meanPAlive totalClv } topItems { item { id } score members } } }')).segment;
    const latest = AS_OF + DAY; // the live purchase of u2 is now the latest event
    expect(summary.summary).toEqual({
      members: 2, share: 2 / 3, meanPurchases: 2, meanMonetary: (45 + 7.5) / 2,
      meanRecencyDays: ((latest - (T0 + 2 * DAY + 5 * MIN)) / DAY + 0) / 2, meanPAlive: null, totalClv: 0,
    });
    // Weights: u1 i1 view+cart+purchase 9, i2 view+purchase 6; u2 i3 view+purchase 6, i2 purchase 5.
    expect(summary.topItems).toEqual([
      { item: { id: 'i2' }, score: 11, members: 2 }, { item: { id: 'i1' }, score: 9, members: 1 }, { item: { id: 'i3' }, score: 6, members: 1 },
    ]);
    const unknown = await errorOf('{ conversionRate(action: PURCHASE, segment: {segmentId: "nope"}) { rate } }');
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(unknown.message).toMatch(/nope/);
  });

  it('an empty segment is a segment: size 0, no members, a summary of nothing, and analytics say it is empty', async () => {
    const seg = (await data('mutation { defineSegment(input: {name: "Whales", rule: {feature: "monetary", op: "gt", value: 1000000}}) { id size } }')).defineSegment;
    expect(seg).toEqual({ id: 'whales', size: 0 });
    const read = (await data('{ segment(id: "whales") { members { edges { node { id } } pageInfo { hasNextPage } } summary { members share meanPurchases meanPAlive totalClv } topItems { score } } }')).segment;
    expect(read).toEqual({
      members: { edges: [], pageInfo: { hasNextPage: false } },
      summary: { members: 0, share: 0, meanPurchases: null, meanPAlive: null, totalClv: 0 },
      topItems: [],
    });
    const funnel = await errorOf('{ funnel(steps: [VIEW, PURCHASE], segment: {segmentId: "whales"}) { overallConversion } }');
    expect(funnel.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'EMPTY_SEGMENT' });
    // A segment another rule names cannot go first; built-in ones cannot go at all.
    await data('mutation { defineSegment(input: {name: "Active whales", rule: {all: [{segment: "whales"}, {feature: "daysSinceLastActivity", op: "lt", value: 30}]}}) { id } }');
    expect((await data('{ segment(id: "active-whales") { size } }')).segment.size).toBe(0);
    // Redefining whales refreshes the rule that names it: everyone spent >= 0; u1 and u2 were active lately,
    // u3 never was (a missing value compares false).
    await data('mutation { defineSegment(input: {name: "Whales", rule: {feature: "monetary", op: "gte", value: 0}}) { id } }');
    expect((await data('{ segment(id: "whales") { size } }')).segment.size).toBe(3);
    const active = (await data('{ segment(id: "active-whales") { size members { edges { node { id } } } } }')).segment;
    expect(active).toEqual({ size: 2, members: { edges: [{ node: { id: 'u1' } }, { node: { id: 'u2' } }] } });
    const used = await errorOf('mutation { deleteSegment(id: "whales") }');
    expect(used.extensions).toMatchObject({ code: 'INVALID_INPUT' });
    expect(used.message).toMatch(/active-whales/);
    expect((await errorOf('mutation { deleteSegment(id: "rfm-champions") }')).extensions).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await data('mutation { deleteSegment(id: "active-whales") }')).toEqual({ deleteSegment: true });
    expect(await data('mutation { deleteSegment(id: "whales") }')).toEqual({ deleteSegment: true });
    expect((await data('{ segment(id: "whales") { id } }')).segment).toBeNull();
  });

  it('rejects bad rule documents with the field and path named, all issues at once', async () => {
    const e = await errorOf(`mutation($rule: RuleDocument!) { defineSegment(input: {name: "bad", rule: $rule}) { id } }`,
      { rule: { all: [{ feature: 'frequncy', op: 'gte', value: 1 }, { feature: 'monetary', op: 'between', value: [5, 1] }] } });
    expect(e.extensions?.['code']).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/frequncy/);
    expect(e.message).toMatch(/frequency/); // the suggestion
    expect(e.message).toMatch(/all\[1\]/);
    const empty = await errorOf(`mutation { defineSegment(input: {name: "  ", rule: {feature: "frequency", op: "gte", value: 1}}) { id } }`);
    expect(empty.extensions).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('a shopper sees only their own profile; segments are for analysts and admins', async () => {
    const own = await gql(PROFILE, { id: 'u1' }, bearer('shopper', 'u1'));
    expect(own.body.errors).toBeUndefined();
    expect((await errorOf(PROFILE, { id: 'u2' }, bearer('shopper', 'u1'))).extensions?.['code']).toBe('FORBIDDEN');
    expect((await errorOf('{ segments { id } }', {}, bearer('service'))).extensions?.['code']).toBe('FORBIDDEN');
    expect((await gql('{ segments { id } }', {}, bearer('analyst'))).body.errors).toBeUndefined();
    // The role is checked before the segment: a caller without it cannot probe which segments exist.
    const ranked = '{ customers(segmentId: "no-such-segment") { edges { score } } }';
    expect((await errorOf(ranked, {}, bearer('shopper', 'u1'))).extensions?.['code']).toBe('FORBIDDEN');
    expect((await errorOf(ranked, {}, bearer('analyst'))).extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('withdrawing analytics consent removes the user from every segment and clears derived features at once', async () => {
    const before = (await data('{ segment(id: "repeat-buyers") { size } }')).segment.size;
    await data('mutation { setConsent(userId: "u2", consent: {analytics: false}) { id } }');
    const p = (await data(PROFILE, { id: 'u2' })).userProfile;
    expect(p.segments).toEqual([]);
    expect(p.computedAt).toBeNull();
    expect(p.value.rfm).toBeNull();
    expect((await data('{ segment(id: "repeat-buyers") { size } }')).segment.size).toBe(before - 1);
    // And the next run leaves them out.
    await refresh();
    const again = (await data(PROFILE, { id: 'u2' })).userProfile;
    expect(again.segments).toEqual([]);
    expect(again.computedAt).toBeNull();
  });

  it('erasing a member takes them out of their segments first, so sizes stay true', async () => {
    await refresh();
    const sizeOf = async () => (await data('{ segment(id: "repeat-buyers") { size } }')).segment.size as number;
    const before = await sizeOf();
    expect((await data(PROFILE, { id: 'u1' })).userProfile.segments.map((x: { id: string }) => x.id)).toContain('repeat-buyers');
    await data('mutation { deleteUser(id: "u1") { events } }');
    expect(await sizeOf()).toBe(before - 1);
  });
});
