import type { GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/graphql/schema.ts';
import { capabilityResolvers } from '../../src/app.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { ANONYMOUSLY, bearer, createTestApi, type Gql } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';
import { ProfileStore } from '../../src/storage/profile-store.ts';
import { SegmentStore } from '../../src/storage/segment-store.ts';
import { DEFAULT_PROFILES_OPTIONS } from '../../src/usecases/customers/profiles-job.ts';
import { SegmentService } from '../../src/usecases/customers/segment-service.ts';
import { refreshCustomers } from '../../src/usecases/customers/refresh-customers.ts';
import { DEFAULT_LOOP } from '../../src/config.ts';
import { asItemId, asUserId } from '../../src/domain/ids.ts';
import { RecommendationIds } from '../../src/usecases/loop/recommendation-id.ts';

/**
 * Every Query and Mutation field of schema.graphql x every role, over HTTP: allowed calls answer without
 * errors, the others get UNAUTHENTICATED (anonymous) or FORBIDDEN (any role), and a refused write leaves the
 * graph exactly as it was. The expectations are written here, by hand, from the role list; a field
 * added to the schema without an expectation and a call fails the first test.
 */
type Who = 'anonymous' | 'shopper (own user)' | 'shopper (other user)' | 'service' | 'analyst' | 'admin';
const WHO: readonly Who[] = ['anonymous', 'shopper (own user)', 'shopper (other user)', 'service', 'analyst', 'admin'];
const ALL = WHO;
const SIGNED_IN: Who[] = ['shopper (own user)', 'shopper (other user)', 'service', 'analyst', 'admin'];
const READ_USER: Who[] = ['shopper (own user)', 'service', 'analyst', 'admin'];
const JOURNEY: Who[] = ['shopper (own user)', 'analyst', 'admin'];
const ANALYTICS: Who[] = ['analyst', 'admin'];
const WRITE_OWN: Who[] = ['shopper (own user)', 'service', 'admin'];
const BACKEND: Who[] = ['service', 'admin'];

const EXPECTED: Record<string, readonly Who[]> = {
  'Query.health': ALL,
  'Query.visitorRecommendations': ALL,
  'Query.user': READ_USER,
  'Query.item': SIGNED_IN,
  'Query.items': SIGNED_IN,
  'Query.category': SIGNED_IN,
  'Query.users': ANALYTICS,
  'Query.recommendations': READ_USER,
  'Query.similarItems': SIGNED_IN,
  'Query.friendRecommendations': READ_USER,
  'Query.peopleYouMayKnow': READ_USER,
  'Query.transitionMatrix': ANALYTICS,
  'Query.sequenceProbability': ANALYTICS,
  'Query.absorption': ANALYTICS,
  'Query.conversionRate': ANALYTICS,
  'Query.funnel': ANALYTICS,
  'Query.nextState': JOURNEY,
  'Query.journey': JOURNEY,
  'Mutation.recordInteraction': WRITE_OWN,
  'Mutation.upsertUser': BACKEND,
  'Mutation.upsertItem': BACKEND,
  'Mutation.follow': WRITE_OWN,
  'Mutation.unfollow': WRITE_OWN,
  'Mutation.addFriend': WRITE_OWN,
  'Mutation.removeFriend': WRITE_OWN,
  'Mutation.refreshGraphModel': ['admin'],
  'Query.exportUserData': ['shopper (own user)', 'admin'],
  'Mutation.setConsent': ['shopper (own user)', 'service', 'admin'],
  'Mutation.deleteUser': ['admin'],
  'Query.userProfile': JOURNEY,
  'Query.customers': ANALYTICS,
  'Query.segments': ANALYTICS,
  'Query.segment': ANALYTICS,
  'Query.profileFeatures': ANALYTICS,
  'Query.hotItems': ANALYTICS,
  'Query.demandForecast': ANALYTICS,
  'Mutation.defineSegment': ANALYTICS,
  'Mutation.deleteSegment': ANALYTICS,
  'Mutation.clusterCustomers': ANALYTICS,
  'Query.experiments': ANALYTICS,
  'Query.experiment': ANALYTICS,
  'Query.experimentResults': ANALYTICS,
  'Mutation.createExperiment': ['admin'],
  'Mutation.stopExperiment': ['admin'],
  'Mutation.recordImpressions': WRITE_OWN,
  'Query.campaigns': ANALYTICS,
  'Query.campaign': ANALYTICS,
  'Query.nextBestOffer': ['shopper (own user)', 'service', 'analyst', 'admin'],
  'Query.campaignAudience': ['service', 'analyst', 'admin'],
  'Mutation.createCampaign': ['admin'],
  'Mutation.stopCampaign': ['admin'],
  'Query.onlineMetrics': ANALYTICS,
  'Query.modelFreshness': ANALYTICS,
  'Query.viewer': ALL,
  'Query.cypherFiles': ANALYTICS,
  'Query.runCypher': ANALYTICS,
};

/** The shopper's own user is u1; "other user" calls name u2. `n` makes every write unique. */
interface CallCtx { readonly user: string; readonly n: number }
const CALLS: Record<string, (c: CallCtx) => string> = {
  'Query.health': () => '',
  'Query.visitorRecommendations': () => '(viewedItemIds: ["i1"], first: 2)',
  'Query.user': (c) => `(id: "${c.user}")`,
  'Query.item': () => '(id: "i1")',
  'Query.items': () => '(first: 2)',
  'Query.category': () => '(id: "c1")',
  'Query.users': () => '(first: 2)',
  'Query.recommendations': (c) => `(userId: "${c.user}", first: 2)`,
  'Query.similarItems': () => '(itemId: "i1", first: 2)',
  'Query.friendRecommendations': (c) => `(userId: "${c.user}", first: 2)`,
  'Query.peopleYouMayKnow': (c) => `(userId: "${c.user}", first: 2)`,
  'Query.transitionMatrix': () => '',
  'Query.sequenceProbability': () => '(states: [START, VIEW])',
  'Query.absorption': () => '',
  'Query.conversionRate': () => '(action: PURCHASE)',
  'Query.funnel': () => '(steps: [VIEW, CART])',
  'Query.nextState': (c) => `(userId: "${c.user}")`,
  'Query.journey': (c) => `(userId: "${c.user}")`,
  'Mutation.recordInteraction': (c) => `(input: {eventId: "m-${c.n}", userId: "${c.user}", itemId: "i2", type: VIEW, at: "2026-01-05T10:00:00Z"})`,
  'Mutation.upsertUser': (c) => `(input: {id: "made-${c.n}", name: "Made"})`,
  'Mutation.upsertItem': (c) => `(input: {id: "item-${c.n}", title: "Made"})`,
  'Mutation.follow': (c) => `(userId: "${c.user}", targetId: "u3")`,
  'Mutation.unfollow': (c) => `(userId: "${c.user}", targetId: "u3")`,
  'Mutation.addFriend': (c) => `(userId: "${c.user}", friendId: "u3")`,
  'Mutation.removeFriend': (c) => `(userId: "${c.user}", friendId: "u3")`,
  'Mutation.refreshGraphModel': () => '(writeEmbeddings: false)',
  'Query.exportUserData': (c) => `(id: "${c.user}")`,
  'Mutation.setConsent': (c) => `(userId: "${c.user}", consent: {analytics: true})`,
  // Only the admin may erase, and it runs last: the one victim is erased once.
  'Mutation.deleteUser': () => '(id: "victim")',
  'Query.userProfile': (c) => `(userId: "${c.user}")`,
  'Query.customers': () => '(first: 2)',
  'Query.segments': () => '',
  'Query.segment': () => '(id: "rfm-champions")',
  'Query.profileFeatures': () => '',
  'Query.hotItems': () => '(first: 2)',
  'Query.demandForecast': () => '(categoryId: "c1", horizonDays: 3)',
  'Mutation.defineSegment': (c) => `(input: {name: "segment ${c.n}", rule: {feature: "frequency", op: "gte", value: 1}})`,
  'Mutation.deleteSegment': () => '(id: "no-such-segment")',
  'Mutation.clusterCustomers': () => '(input: {minK: 2, maxK: 2})',
  'Query.experiments': () => '',
  'Query.experiment': () => '(key: "no-such-experiment")',
  'Query.experimentResults': () => '(key: "matrix-past")',
  // One-week experiments, each a week after the last: no two overlap, so every admin call succeeds. The last
  // one created (by the admin, who is called last) is the one stopExperiment, next in schema order, stops.
  'Mutation.createExperiment': (c) => {
    matrixExperiment = `matrix-${c.n}`;
    const start = Date.UTC(2030, 0, 1) + c.n * 7 * 86_400_000;
    return `(input: {key: "${matrixExperiment}", startAt: "${new Date(start).toISOString()}", stopAt: "${new Date(start + 7 * 86_400_000).toISOString()}", `
      + 'variants: [{key: "a", weight: 0.5, strategy: POPULAR}, {key: "b", weight: 0.5, strategy: HYBRID, hybridWeights: {POPULAR: 1}}]})';
  },
  'Mutation.stopExperiment': () => `(key: "${matrixExperiment}")`,
  // A page of the call's user served just now, signed with the key the test API uses.
  'Mutation.recordImpressions': (c) => `(recommendationId: "${pageId(c.user)}", itemIds: ["i2"])`,
  'Query.campaigns': () => '',
  'Query.campaign': () => `(id: "${campaignId}")`,
  'Query.nextBestOffer': (c) => `(userId: "${c.user}")`,
  'Query.campaignAudience': () => `(campaignId: "${campaignId}", first: 2)`,
  'Mutation.createCampaign': (c) => `(input: {name: "campaign ${c.n}", offer: {itemIds: ["i1"]}, channel: ONSITE})`,
  'Mutation.stopCampaign': () => `(id: "${campaignId}")`,
  'Query.onlineMetrics': () => '(groupBy: STRATEGY)',
  'Query.modelFreshness': () => '',
  'Query.viewer': () => '',
  'Query.cypherFiles': () => '',
  'Query.runCypher': () => '(query: "MATCH (u:User) RETURN count(u) AS users")',
};
let matrixExperiment = 'none';

function pageId(user: string): string {
  return new RecommendationIds(DEFAULT_LOOP.recIdKey).encode({
    surface: 'recommendations', userId: asUserId(user), servedAt: Date.now(), strategy: 'POPULAR', experimentKey: null,
    variant: null, campaignId: null, offset: 0, itemIds: [asItemId('i2'), asItemId('i3')],
  });
}
/** A campaign made in beforeAll (ids carry a random suffix). */
let campaignId = '';

const schema = buildSchema(capabilityResolvers());
const FIELDS: { key: string; op: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] = [
  ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ key: `Query.${field.name}`, op: 'query' as const, field })),
  ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ key: `Mutation.${field.name}`, op: 'mutation' as const, field })),
];

function headersOf(who: Who): Record<string, string> {
  switch (who) {
    case 'anonymous': return ANONYMOUSLY;
    case 'shopper (own user)':
    case 'shopper (other user)': return bearer('shopper', 'u1');
    default: return bearer(who);
  }
}

describe('authorisation matrix: every schema field x every role, over HTTP', () => {
  let graph: GraphConnection;
  let gql: Gql;
  let n = 0;

  const snapshot = async (): Promise<string> => {
    const nodes = await graph.executor.read('MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY elementId(n)');
    const rels = await graph.executor.read('MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, properties(r) AS p, b.id AS b ORDER BY elementId(r)');
    return JSON.stringify([nodes, rels]);
  };

  beforeAll(async () => {
    graph = await openTestGraph();
    gql = createTestApi(graph).gql;
    const setup = await gql(`mutation {
      a: upsertUser(input: {id: "u1", name: "Ann", age: 31}) { id } b: upsertUser(input: {id: "u2", name: "Bob", age: 45}) { id }
      c: upsertUser(input: {id: "u3", name: "Cat"}) { id } v: upsertUser(input: {id: "victim", name: "Vic"}) { id }
      i1: upsertItem(input: {id: "i1", title: "One", price: 5, categoryIds: ["c1"]}) { id }
      i2: upsertItem(input: {id: "i2", title: "Two", price: 7, categoryIds: ["c1"]}) { id }
      i3: upsertItem(input: {id: "i3", title: "Three", price: 9, categoryIds: ["c1"]}) { id }
      f: addFriend(userId: "u1", friendId: "u2") { changed }
      e1: recordInteraction(input: {eventId: "e1", userId: "u1", itemId: "i1", type: VIEW, at: "2026-01-01T10:00:00Z"}) { created }
      e2: recordInteraction(input: {eventId: "e2", userId: "u1", itemId: "i1", type: CART, at: "2026-01-01T10:01:00Z"}) { created }
      e3: recordInteraction(input: {eventId: "e3", userId: "u1", itemId: "i1", type: PURCHASE, at: "2026-01-01T10:02:00Z"}) { created }
      e4: recordInteraction(input: {eventId: "e4", userId: "u2", itemId: "i1", type: VIEW, at: "2026-01-01T11:00:00Z"}) { created }
      e5: recordInteraction(input: {eventId: "e5", userId: "u2", itemId: "i3", type: CART, at: "2026-01-01T11:01:00Z"}) { created }
      e6: recordInteraction(input: {eventId: "e6", userId: "u3", itemId: "i2", type: VIEW, at: "2026-01-01T12:00:00Z"}) { created }
      x: createExperiment(input: {key: "matrix-past", startAt: "2020-01-01T00:00:00Z", stopAt: "2020-02-01T00:00:00Z", variants: [{key: "a", weight: 0.5, strategy: POPULAR}, {key: "b", weight: 0.5, strategy: GRAPH}]}) { key }
    }`);
    expect(setup.body.errors).toBeUndefined();
    const made = await gql('mutation { createCampaign(input: {name: "Matrix", offer: {itemIds: ["i2"]}, channel: ONSITE}) { id } }');
    campaignId = String((made.body.data?.['createCampaign'] as { id: string }).id);
    // Profiles and segments as `grec features` leaves them, so the customer fields have data to show.
    const store = new ProfileStore(graph.executor);
    await refreshCustomers(store, new SegmentService(new SegmentStore(graph.executor), store, () => Date.now()), { ...DEFAULT_PROFILES_OPTIONS, now: () => Date.now() });
  });
  afterAll(async () => graph.close());

  it('every Query and Mutation field has an expectation and a call (a new field without a rule fails here)', () => {
    const keys = FIELDS.map((f) => f.key).sort();
    expect(keys.filter((k) => EXPECTED[k] === undefined || CALLS[k] === undefined), 'fields without a rule').toEqual([]);
    expect(Object.keys(EXPECTED).filter((k) => !keys.includes(k)), 'rules for fields that no longer exist').toEqual([]);
  });

  // A nested field whose parent some non-staff role can reach: a shopper reads their own profile's segments,
  // but a segment's size history, like its summary, is for analysts and admins.
  it('Segment.sizeHistory (nested): analyst and admin only, also through userProfile.segments', async () => {
    const outcome: Record<string, string> = {};
    for (const who of WHO) {
      const r = await gql('{ userProfile(userId: "u1") { segments { id sizeHistory(last: 5) { at size } } } }', {}, headersOf(who));
      outcome[who] = (r.body.errors ?? []).map((e) => String(e.extensions?.['code']))[0] ?? 'ok';
    }
    expect(outcome).toEqual({
      anonymous: 'UNAUTHENTICATED', 'shopper (own user)': 'FORBIDDEN', 'shopper (other user)': 'FORBIDDEN', service: 'FORBIDDEN', analyst: 'ok', admin: 'ok',
    });
  });

  for (const { key, op, field } of FIELDS) {
    it(`${key}`, async () => {
      const allowed = EXPECTED[key] ?? [];
      const call = CALLS[key];
      if (call === undefined) throw new Error(`no call for ${key}`);
      // Structural test (graphql may be loaded twice, ESM and CJS, so its type predicates are unreliable here).
      const named = schema.getType(String(field.type).replace(/[[\]!]/g, ''));
      const selection = named !== undefined && named !== null && 'getFields' in named ? ' { __typename }' : '';
      const outcome: Record<string, string> = {};
      for (const who of WHO) {
        const before = op === 'mutation' && !allowed.includes(who) ? await snapshot() : null;
        const args = call({ user: who === 'shopper (other user)' ? 'u2' : 'u1', n: ++n });
        const r = await gql(`${op} { ${field.name}${args}${selection} }`, {}, headersOf(who));
        const codes = (r.body.errors ?? []).map((e) => String(e.extensions?.['code']));
        outcome[who] = codes.length === 0 ? 'ok' : codes.join(',');
        if (before !== null) expect(await snapshot(), `${who}: a refused ${key} changed the graph`).toBe(before);
      }
      const expected = Object.fromEntries(WHO.map((who) => [who, allowed.includes(who) ? 'ok' : who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN']));
      expect(outcome).toEqual(expected);
    });
  }
});
