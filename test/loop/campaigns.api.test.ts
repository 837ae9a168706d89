// Campaigns and the next-best offer over HTTP on a hand-made shop. Impressions and attributed purchases
// (written by the impression and attribution code in production) are written here with Cypher, as
// docs/loop.md models them, so every figure and probability below is computed by hand.
//
// Items: i1 Shoes 40, i2 Shoes 60, i3 Bags 30, i4 Bags 20, i5 Bags 25. Segment 'Loyal' = ann, bob, dan.
//   ann  view i1, purchase i1, view i3      weights: i1 1+5 = 6, i3 1; total 7; purchases 1
//   bob  purchase i3, purchase i4, view i1  weights: i3 5, i4 5, i1 1; total 11; purchases 2
//   cat  nothing                            dan  purchase i2, refused marketing
//   eve  view i2                            h01..h12  nothing
// Campaigns (ONSITE): A 'Shoes for loyal' (Loyal, [i1, i2], value = mean price 50), B 'Bags for all'
// (everyone, [i3, i4, i5], value 25, cap 2), C scheduled and D stopped (value 1000 each: they would win).
// Population figures: B shown to eve and bob (eve [i3, i4], bob [i3]); eve's purchase attributed to B.
//   pooled m = (1 + 1) / (2 + 20) = 1/11          base_A = m = 1/11 (never shown)
//   base_B = (1 + 20/11) / (2 + 20) = 31/242      mean purchases of shown users = (0 + 2) / 2 = 1
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignVariant } from '../../src/algorithms/experiments/assignment/assign-variant.ts';
import { DEFAULT_LOOP } from '../../src/config.ts';
import { asCategoryId, asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { itemHash, RecommendationIds } from '../../src/usecases/loop/recommendation-id.ts';
import { bearer, createTestApi } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

const T = Date.UTC(2026, 0, 1);
const HS = Array.from({ length: 12 }, (_, k) => `h${String(k + 1).padStart(2, '0')}`);
const CONSENTING = ['ann', 'bob', 'cat', 'eve', ...HS];

const OFFER = `query($u: ID!, $ch: Channel) { nextBestOffer(userId: $u, channel: $ch) {
  campaign { id name } recommendationId items { id } conversionProbability expectedValue reasons } }`;
const AUDIENCE = `query($c: ID!, $first: Int, $after: String) { campaignAudience(campaignId: $c, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { user { id } conversionProbability expectedValue } } } }`;
const CREATE = 'mutation($in: CreateCampaignInput!) { createCampaign(input: $in) { id name status offer { items { id } coupon discount message value } } }';

describe('campaigns and the next-best offer over HTTP (hand-made shop)', () => {
  let graph: GraphConnection;
  let gql: ReturnType<typeof createTestApi>['gql'];
  const ids: Record<string, string> = {};
  const data = async (query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>) => {
    const r = await gql(query, variables, headers);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return r.body.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const errorOf = async (query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>) => {
    const r = await gql(query, variables, headers);
    expect(r.body.errors, JSON.stringify(r.body)).toBeDefined();
    return r.body.errors![0]!.extensions!;
  };
  const offer = async (u: string, ch = 'ONSITE') => (await data(OFFER, { u, ch })).nextBestOffer;
  const create = async (input: Record<string, unknown>) => (await data(CREATE, { in: input })).createCampaign;
  let impressions = 0;
  const saw = (user: string, campaign: string, itemIds: string[]) => graph.executor.write(
    `MATCH (u:User {id: $user}) CREATE (u)-[:SAW]->(:Impression {recId: $recId, surface: 'offer', campaign: $campaign, itemIds: $itemIds,
       positions: range(1, size($itemIds)), servedAt: $at, at: $at, day: '2026-01-01', offset: 0})`,
    { user, campaign, itemIds, recId: `rec-${++impressions}`, at: T },
  );

  beforeAll(async () => {
    graph = await openTestGraph();
    const w = new GraphWriter(graph.executor);
    await w.categories([{ id: asCategoryId('c1'), name: 'Shoes' }, { id: asCategoryId('c2'), name: 'Bags' }]);
    const item = (id: string, price: number, c: string) => ({ id: asItemId(id), price, categoryIds: [asCategoryId(c)] });
    await w.items([item('i1', 40, 'c1'), item('i2', 60, 'c1'), item('i3', 30, 'c2'), item('i4', 20, 'c2'), item('i5', 25, 'c2')]);
    await w.users([
      ...['ann', 'bob', 'cat', 'eve', ...HS].map((id) => ({ id: asUserId(id) })),
      { id: asUserId('dan'), consent: { marketing: false } },
    ]);
    let n = 0;
    const ev = (user: string, itemId: string, type: 'view' | 'purchase') => ({ id: asEventId(`e${++n}`), userId: asUserId(user), itemId: asItemId(itemId), type, ts: T - 10 * 86_400_000 + n * 60_000 });
    await w.events([
      ev('ann', 'i1', 'view'), ev('ann', 'i1', 'purchase'), ev('ann', 'i3', 'view'),
      ev('bob', 'i3', 'purchase'), ev('bob', 'i4', 'purchase'), ev('bob', 'i1', 'view'),
      ev('dan', 'i2', 'purchase'), ev('eve', 'i2', 'view'),
    ]);
    await graph.executor.write(`CREATE (s:Segment {id: 'loyal', name: 'Loyal', kind: 'RULE', description: 'hand-made', updatedAt: 0, size: 3})
      WITH s MATCH (u:User) WHERE u.id IN ['ann', 'bob', 'dan'] CREATE (u)-[:IN_SEGMENT]->(s)`);
    gql = createTestApi(graph).gql;
  });
  afterAll(async () => graph.close());

  it('createCampaign: id from the name, value defaults to the mean price; listed newest first; status by window', async () => {
    const a = await create({ name: 'Shoes for loyal', audienceSegmentId: 'loyal', offer: { itemIds: ['i1', 'i2'], discount: 0.1 }, channel: 'ONSITE' });
    expect(a.id).toMatch(/^shoes-for-loyal-[a-z0-9]{6}$/);
    expect(a).toMatchObject({ name: 'Shoes for loyal', status: 'RUNNING', offer: { items: [{ id: 'i1' }, { id: 'i2' }], coupon: null, discount: 0.1, message: null, value: 50 } });
    ids['A'] = a.id;
    ids['B'] = (await create({ name: 'Bags for all', offer: { itemIds: ['i3', 'i4', 'i5'], message: 'New bags' }, channel: 'ONSITE', frequencyCap: 2 })).id;
    const future = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const c = await create({ name: 'Scheduled', offer: { itemIds: ['i2'], value: 1000 }, channel: 'ONSITE', startAt: future });
    expect(c.status).toBe('SCHEDULED');
    ids['C'] = c.id;
    ids['D'] = (await create({ name: 'Stopped', offer: { itemIds: ['i2'], coupon: 'BIG', value: 1000 }, channel: 'ONSITE' })).id;
    const stopped = (await data('mutation($id: ID!) { stopCampaign(id: $id) { id status } }', { id: ids['D'] })).stopCampaign;
    expect(stopped).toEqual({ id: ids['D'], status: 'STOPPED' });
    // Stopping again changes nothing; an unknown campaign is NOT_FOUND.
    expect((await data('mutation($id: ID!) { stopCampaign(id: $id) { status } }', { id: ids['D'] })).stopCampaign.status).toBe('STOPPED');
    expect((await errorOf('mutation { stopCampaign(id: "nope") { id } }'))['code']).toBe('NOT_FOUND');

    const list = (await data('{ campaigns { id status channel frequencyCap holdoutShare audienceSegmentId } }')).campaigns;
    expect(new Set(list.map((x: { id: string }) => x.id))).toEqual(new Set([ids['A'], ids['B'], ids['C'], ids['D']]));
    expect(list.find((x: { id: string }) => x.id === ids['B'])).toMatchObject({ status: 'RUNNING', channel: 'ONSITE', frequencyCap: 2, holdoutShare: 0, audienceSegmentId: null });
    const running = (await data('{ campaigns(status: RUNNING) { id } }')).campaigns.map((x: { id: string }) => x.id);
    expect(new Set(running)).toEqual(new Set([ids['A'], ids['B']]));
    expect((await data('{ campaigns(status: SCHEDULED) { id } }')).campaigns).toEqual([{ id: ids['C'] }]);
    expect((await data('{ campaigns(status: STOPPED) { id } }')).campaigns).toEqual([{ id: ids['D'] }]);
  });

  it('newest first: createdAt descending, ties by id', async () => {
    const list = (await data('{ campaigns { id createdAt } }')).campaigns as { id: string; createdAt: string }[];
    const key = (c: { id: string; createdAt: string }) => [-Date.parse(c.createdAt), c.id] as const;
    expect([...list].sort((x, y) => key(x)[0] - key(y)[0] || (key(x)[1] < key(y)[1] ? -1 : 1))).toEqual(list);
  });

  it('each bad input has its code and field', async () => {
    const bad = async (input: Record<string, unknown>) => {
      const e = await errorOf(CREATE, { in: { name: 'X', offer: { itemIds: ['i1'] }, channel: 'ONSITE', ...input } });
      return [e['code'], e['field']];
    };
    expect(await bad({ name: '  ' })).toEqual(['INVALID_INPUT', 'input.name']);
    expect(await bad({ audienceSegmentId: 'nope' })).toEqual(['NOT_FOUND', 'input.audienceSegmentId']);
    expect(await bad({ offer: {} })).toEqual(['INVALID_INPUT', 'input.offer']);
    expect(await bad({ offer: { itemIds: ['i1', 'zz'] } })).toEqual(['NOT_FOUND', 'input.offer.itemIds']);
    expect(await bad({ offer: { itemIds: ['i1'], discount: 1 } })).toEqual(['INVALID_INPUT', 'input.offer.discount']);
    expect(await bad({ offer: { itemIds: ['i1'], discount: 0 } })).toEqual(['INVALID_INPUT', 'input.offer.discount']);
    expect(await bad({ offer: { itemIds: ['i1'], value: -1 } })).toEqual(['INVALID_INPUT', 'input.offer.value']);
    expect(await bad({ offer: { message: 'Hi' } })).toEqual(['INVALID_INPUT', 'input.offer.value']);
    expect(await bad({ startAt: '2026-02-01T00:00:00Z', endAt: '2026-01-01T00:00:00Z' })).toEqual(['INVALID_INPUT', 'input.endAt']);
    expect(await bad({ frequencyCap: 0 })).toEqual(['INVALID_INPUT', 'input.frequencyCap']);
    expect(await bad({ holdoutShare: 0.6 })).toEqual(['INVALID_INPUT', 'input.holdoutShare']);
    expect(await bad({ holdoutShare: -0.1 })).toEqual(['INVALID_INPUT', 'input.holdoutShare']);
    expect((await errorOf(CREATE, { in: { name: 'X', offer: { itemIds: ['i1'] }, channel: 'ONSITE' } }, bearer('analyst')))['code']).toBe('FORBIDDEN');
    expect((await data('{ campaigns { id } }')).campaigns).toHaveLength(4); // nothing was saved
  });

  it('campaign figures: audience size, impressions (items rendered), users with an attributed purchase', async () => {
    await saw('eve', ids['B']!, ['i3', 'i4']);
    await saw('bob', ids['B']!, ['i3']);
    await graph.executor.write(`MATCH (u:User {id: 'eve'}), (i:Item {id: 'i3'})
      CREATE (u)-[:PERFORMED]->(:Event {id: 'conv-1', type: 'purchase', ts: $at, recId: 'rec-1', recCampaign: $c, recPosition: 1, recServedAt: $at})-[:ON]->(i)`, { c: ids['B'], at: T + 1 });
    const q = 'query($id: ID!) { campaign(id: $id) { audienceSize impressions conversions } }';
    expect((await data(q, { id: ids['A'] })).campaign).toEqual({ audienceSize: 3, impressions: 0, conversions: 0 });
    expect((await data(q, { id: ids['B'] })).campaign).toEqual({ audienceSize: 17, impressions: 3, conversions: 1 });
    expect((await data('{ campaign(id: "nope") { id } }')).campaign).toBeNull();
  });

  it('picks the campaign with the higher expected value, with the exact probability of the model', async () => {
    // ann: activity (1+1)/(1+1) = 1. A: interest 6/7 -> p = 1/11 x 13/7 = 13/77, EV 50 p = 8.44.
    //      B: interest 1/7 -> p = 31/242 x 8/7 = 124/847, EV 25 p = 3.66. A wins; i1 is bought, so [i2].
    const a = await offer('ann');
    expect(a.campaign).toEqual({ id: ids['A'], name: 'Shoes for loyal' });
    expect(a.conversionProbability).toBeCloseTo(13 / 77, 12);
    expect(a.expectedValue).toBeCloseTo(50 * 13 / 77, 10);
    expect(a.items).toEqual([{ id: 'i2' }]);
    expect(a.reasons).toEqual([
      "in segment 'Loyal'",
      'campaign not shown yet: expected to convert 9.1% like campaigns so far',
      'bought 1 time against an average of 1 among customers shown a campaign',
      'bought 1 time in Shoes',
      "85.7% of their activity is in the offer's categories",
    ]);
    // bob: activity (1+2)/(1+1) = 1.5. A: interest 1/11 -> p = 1/11 x 1.5 x 12/11 = 18/121, EV 7.44.
    //      B: interest 10/11 -> p = 31/242 x 1.5 x 21/11, EV 9.17. B wins; i3 and i4 are bought, so [i5].
    const b = await offer('bob');
    expect(b.campaign.id).toBe(ids['B']);
    expect(b.conversionProbability).toBeCloseTo((31 / 242) * 1.5 * (21 / 11), 12);
    expect(b.expectedValue).toBeCloseTo(25 * (31 / 242) * 1.5 * (21 / 11), 10);
    expect(b.items).toEqual([{ id: 'i5' }]);
    expect(b.reasons).toEqual([
      'campaign converts 12.8% of those shown (1 of 2 users, smoothed)',
      'bought 2 times against an average of 1 among customers shown a campaign',
      'bought 2 times in Bags',
      "90.9% of their activity is in the offer's categories",
    ]);
    // cat: not in Loyal, no history: activity 1/2, p = 31/484; items in the offer's order. C (scheduled) and
    // D (stopped) target everyone with value 1000 and would win for anyone: the window keeps them out.
    const c = await offer('cat');
    expect(c.campaign.id).toBe(ids['B']);
    expect(c.conversionProbability).toBeCloseTo(31 / 484, 12);
    expect(c.items).toEqual([{ id: 'i3' }, { id: 'i4' }, { id: 'i5' }]);
    // dan refused marketing; no campaign of the PUSH channel exists yet.
    expect(await offer('dan')).toBeNull();
    expect(await offer('ann', 'PUSH')).toBeNull();
    expect((await errorOf(OFFER, { u: 'nobody' }))['code']).toBe('NOT_FOUND');
  });

  it("the offer's recommendationId names the campaign, the user and the items in order", async () => {
    const b = await offer('bob');
    const page = new RecommendationIds(DEFAULT_LOOP.recIdKey).decode(b.recommendationId);
    expect(page).toMatchObject({ surface: 'offer', userId: 'bob', campaignId: ids['B'], strategy: null, experimentKey: null, variant: null, offset: 0 });
    expect(page.itemHashes).toEqual([itemHash('i5')]);
  });

  it('a shopper reads only their own offer', async () => {
    expect((await data(OFFER, { u: 'ann' }, bearer('shopper', 'ann'))).nextBestOffer.campaign.id).toBe(ids['A']);
    expect((await errorOf(OFFER, { u: 'bob' }, bearer('shopper', 'ann')))['code']).toBe('FORBIDDEN');
    expect((await data(OFFER, { u: 'ann' }, bearer('service'))).nextBestOffer.campaign.id).toBe(ids['A']);
  });

  it('campaignAudience: consenting members by expected value then id; two pages concatenate to the whole list', async () => {
    const all = (await data(AUDIENCE, { c: ids['B'], first: 100 })).campaignAudience;
    expect(all.totalCount).toBe(16); // everyone but dan
    expect(all.pageInfo.hasNextPage).toBe(false);
    const users = all.edges.map((e: { node: { user: { id: string } } }) => e.node.user.id);
    expect(users).toEqual(['bob', 'ann', 'cat', 'eve', ...HS]);
    expect(all.edges[0].node.expectedValue).toBeCloseTo(25 * (31 / 242) * 1.5 * (21 / 11), 10);
    expect(all.edges[1].node.conversionProbability).toBeCloseTo(124 / 847, 12);
    expect(all.edges[2].node.conversionProbability).toBeCloseTo(31 / 484, 12);
    const first = (await data(AUDIENCE, { c: ids['B'], first: 10 })).campaignAudience;
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(16);
    const second = (await data(AUDIENCE, { c: ids['B'], first: 10, after: first.pageInfo.endCursor })).campaignAudience;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((e: { node: { user: { id: string } } }) => e.node.user.id)).toEqual(users);
    // A's audience is the segment: dan refused marketing.
    const a = (await data(AUDIENCE, { c: ids['A'], first: 10 })).campaignAudience;
    expect(a.edges.map((e: { node: { user: { id: string } } }) => e.node.user.id)).toEqual(['ann', 'bob']);
    expect(await errorOf(AUDIENCE, { c: ids['B'], first: 1001 })).toMatchObject({ code: 'INVALID_INPUT', field: 'first' });
    // A page of 1000 members with their user fits the request budget.
    expect((await data(AUDIENCE, { c: ids['B'], first: 1000 })).campaignAudience.totalCount).toBe(16);
    expect((await errorOf(AUDIENCE, { c: ids['B'], first: 0 }))['code']).toBe('INVALID_INPUT');
    expect((await errorOf(AUDIENCE, { c: ids['B'], after: 'garbage' }))['field']).toBe('after');
    expect((await errorOf(AUDIENCE, { c: 'nope' }))['code']).toBe('NOT_FOUND');
    expect((await errorOf(AUDIENCE, { c: ids['B'] }, bearer('shopper', 'ann')))['code']).toBe('FORBIDDEN');
  });

  it('frequency cap: after cap impressions the campaign is no longer offered (nor in the audience)', async () => {
    expect((await offer('eve')).campaign.id).toBe(ids['B']); // one impression of B so far, cap 2
    await saw('eve', ids['B']!, ['i5']);
    expect(await offer('eve')).toBeNull(); // not in Loyal: nothing else
    const users = (await data(AUDIENCE, { c: ids['B'], first: 100 })).campaignAudience.edges.map((e: { node: { user: { id: string } } }) => e.node.user.id);
    expect(users).not.toContain('eve');
    expect(users).toHaveLength(15);
  });

  it("holdout share 0.5: held out exactly the users GrowthBook's assignment puts in 'holdout'", async () => {
    const h = await create({ name: 'Push hello', offer: { message: 'Hello', value: 5 }, channel: 'PUSH', holdoutShare: 0.5 });
    const held = CONSENTING.filter((u) => assignVariant({ key: `campaign:${h.id}`, variants: ['holdout', 'treated'], weights: [0.5, 0.5] }, u).variant === 'holdout');
    expect(held.length).toBeGreaterThan(0);
    expect(held.length).toBeLessThan(CONSENTING.length);
    const audience = (await data(AUDIENCE, { c: h.id, first: 100 })).campaignAudience.edges.map((e: { node: { user: { id: string } } }) => e.node.user.id);
    expect(new Set(audience)).toEqual(new Set(CONSENTING.filter((u) => !held.includes(u))));
    for (const u of CONSENTING) {
      const o = await offer(u, 'PUSH');
      expect(o === null, u).toBe(held.includes(u));
      if (o !== null) expect(o.items).toEqual([]);
    }
  });

  it('consent withdrawn with setConsent: no offer, out of the audience; granted again: back', async () => {
    await data('mutation { setConsent(userId: "ann", consent: {marketing: false}) { consent { marketing } } }');
    expect(await offer('ann')).toBeNull();
    const users = (await data(AUDIENCE, { c: ids['A'], first: 10 })).campaignAudience.edges.map((e: { node: { user: { id: string } } }) => e.node.user.id);
    expect(users).toEqual(['bob']);
    await data('mutation { setConsent(userId: "ann", consent: {marketing: true}) { id } }', {}, bearer('shopper', 'ann'));
    expect((await offer('ann')).campaign.id).toBe(ids['A']);
  });

  it('nextBestOffer costs two round trips; campaignAudience three plus one for its users', async () => {
    const before = graph.executor.queryCount;
    await data('query { nextBestOffer(userId: "bob") { campaign { id } conversionProbability } }');
    expect(graph.executor.queryCount - before).toBe(2);
    const mid = graph.executor.queryCount;
    await data(AUDIENCE, { c: ids['B'], first: 100 });
    expect(graph.executor.queryCount - mid).toBe(4);
  });
});
