import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilityResolvers, createServices } from '../../src/app.ts';
import { createApi } from '../../src/graphql/server.ts';
import { graphCounts } from '../../src/storage/admin.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { createTestApi, type GqlResult, AS_ADMIN, testAuth } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

const RECORD = 'mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created interaction { id } } }';
type Gql = (query: string, variables?: Record<string, unknown>) => Promise<GqlResult>;
const codeOf = (r: GqlResult) => r.body.errors?.[0]?.extensions?.['code'];

describe('the live write path: retries, unknown references, hostile ids', () => {
  let graph: GraphConnection;
  let gql: Gql;

  beforeAll(async () => {
    graph = await openTestGraph();
    gql = createTestApi(graph).gql;
    for (const id of ['ann', 'bob']) {
      expect((await gql('mutation($in: UpsertUserInput!) { upsertUser(input: $in) { id } }', { in: { id } })).body.errors).toBeUndefined();
    }
    for (const id of ['i1', 'i2']) {
      expect((await gql('mutation($in: UpsertItemInput!) { upsertItem(input: $in) { id } }', { in: { id, title: id } })).body.errors).toBeUndefined();
    }
  });
  afterAll(async () => graph.close());

  const interacted = async (u: string, i: string) =>
    graph.executor.read('MATCH (:User {id: $u})-[r:INTERACTED]->(:Item {id: $i}) RETURN r.purchases AS purchases, r.weight AS weight', { u, i });

  it('concurrent identical recordInteraction calls: one created, the others created:false, stored once', async () => {
    const input = { eventId: 'race-1', userId: 'ann', itemId: 'i1', type: 'PURCHASE', at: '2026-01-01T00:00:00Z' };
    const results = await Promise.all(Array.from({ length: 8 }, () => gql(RECORD, { in: input })));
    for (const r of results) expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    const created = results.map((r) => (r.body.data as { recordInteraction: { created: boolean } }).recordInteraction.created);
    expect(created.filter((c) => c)).toHaveLength(1);
    expect(await graph.executor.read('MATCH (e:Event {id: "race-1"}) RETURN count(e) AS n')).toEqual([{ n: 1 }]);
    expect(await interacted('ann', 'i1')).toEqual([{ purchases: 1, weight: 5 }]);
  });

  it('concurrent calls reusing one eventId for different interactions: one wins, the others CONFLICT', async () => {
    const base = { eventId: 'race-2', userId: 'bob', type: 'VIEW', at: '2026-01-01T00:00:00Z' };
    const results = await Promise.all([gql(RECORD, { in: { ...base, itemId: 'i1' } }), gql(RECORD, { in: { ...base, itemId: 'i2' } })]);
    const codes = results.map((r) => codeOf(r) ?? 'ok').sort();
    expect(codes).toEqual(['CONFLICT', 'ok']);
    expect(await graph.executor.read('MATCH (e:Event {id: "race-2"}) RETURN count(e) AS n')).toEqual([{ n: 1 }]);
  });

  it('events and social edges naming unknown users or items are NOT_FOUND and write nothing', async () => {
    const before = await graphCounts(graph.executor);
    const r1 = await gql(RECORD, { in: { eventId: 'nf-1', userId: 'ghost', itemId: 'i1', type: 'VIEW' } });
    expect(r1.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', what: 'User', id: 'ghost' });
    const r2 = await gql(RECORD, { in: { eventId: 'nf-2', userId: 'ann', itemId: 'no-such-item', type: 'VIEW' } });
    expect(r2.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', what: 'Item', id: 'no-such-item' });
    for (const m of [
      'mutation { addFriend(userId: "ann", friendId: "ghost") { changed } }',
      'mutation { follow(userId: "ghost", targetId: "ann") { changed } }',
      'mutation { unfollow(userId: "ann", targetId: "ghost") { changed } }',
      'mutation { removeFriend(userId: "ghost", friendId: "bob") { changed } }',
    ]) {
      const r = await gql(m);
      expect(r.body.errors?.[0]?.extensions, m).toMatchObject({ code: 'NOT_FOUND', id: 'ghost' });
    }
    expect(await graphCounts(graph.executor)).toEqual(before);
  });

  it('GREC_AUTO_CREATE (live.autoCreate) creates the unknown users and items instead', async () => {
    const api = createApi({ services: createServices(graph, { autoCreate: true }), auth: testAuth(graph), resolvers: capabilityResolvers(), logger: pino({ level: 'silent' }) });
    const auto: Gql = async (query, variables = {}) => {
      const res = await api.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...AS_ADMIN }, body: JSON.stringify({ query, variables }) });
      return { status: res.status, body: (await res.json()) as GqlResult['body'] };
    };
    const r = await auto(RECORD, { in: { eventId: 'auto-1', userId: 'newcomer', itemId: 'new-item', type: 'CART' } });
    expect(r.body.data).toEqual({ recordInteraction: { created: true, interaction: { id: 'auto-1' } } });
    const f = await auto('mutation { follow(userId: "newcomer", targetId: "stranger") { changed } }');
    expect(f.body.data).toEqual({ follow: { changed: true } });
    const stored = await graph.executor.read('MATCH (n) WHERE n.id IN ["newcomer", "new-item", "stranger"] RETURN n.id AS id ORDER BY id');
    expect(stored.map((x) => x['id'])).toEqual(['new-item', 'newcomer', 'stranger']);
  });

  it('ids with NUL, zero-width, BOM or bidi characters are INVALID_INPUT naming the field, and store nothing', async () => {
    const before = await graphCounts(graph.executor);
    const cases: [Record<string, unknown>, string][] = [
      [{ eventId: 'h-1', userId: 'ann\u200B', itemId: 'i1', type: 'VIEW' }, 'userId'],
      [{ eventId: 'h-2', userId: 'ann', itemId: 'i1\u0000', type: 'VIEW' }, 'itemId'],
      [{ eventId: 'h-3\u202E', userId: 'ann', itemId: 'i1', type: 'VIEW' }, 'eventId'],
      [{ eventId: 'h-4', userId: '\uFEFFann', itemId: 'i1', type: 'VIEW' }, 'userId'],
    ];
    for (const [input, field] of cases) {
      const r = await gql(RECORD, { in: input });
      expect(r.body.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'INVALID_INPUT', field });
    }
    const upsert = await gql('mutation($in: UpsertUserInput!) { upsertUser(input: $in) { id } }', { in: { id: 'bob\u2066' } });
    expect(upsert.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'id' });
    const friend = await gql('mutation($a: ID!, $b: ID!) { addFriend(userId: $a, friendId: $b) { changed } }', { a: 'ann', b: 'bob\u200D' });
    expect(friend.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'friendId' });
    const recs = await gql('query($u: ID!) { recommendations(userId: $u, first: 5) { strategy } }', { u: 'ann\u200C' });
    expect(recs.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'userId' });
    const similar = await gql('query($i: ID!) { similarItems(itemId: $i) { score } }', { i: 'i1\u0007' });
    expect(similar.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'itemId' });
    expect(await graphCounts(graph.executor)).toEqual(before);
  });
});
