import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { createTestApi } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

describe('GraphQL foundation over HTTP against the real Neo4j', () => {
  let graph: GraphConnection;
  let gql: ReturnType<typeof createTestApi>['gql'];

  beforeAll(async () => {
    graph = await openTestGraph();
    gql = createTestApi(graph).gql;
    for (let k = 1; k <= 25; k++) {
      const id = `i${String(k).padStart(2, '0')}`;
      const r = await gql('mutation($in: UpsertItemInput!) { upsertItem(input: $in) { id } }', {
        in: { id, title: `Item ${k}`, price: k, categoryIds: [k % 2 === 0 ? 'even' : 'odd'], tagIds: ['t'] },
      });
      expect(r.body.errors).toBeUndefined();
    }
    for (const id of ['ann', 'bob', 'cat']) {
      await gql('mutation($in: UpsertUserInput!) { upsertUser(input: $in) { id } }', { in: { id, name: id.toUpperCase(), age: 30 } });
    }
  });
  afterAll(async () => graph.close());

  it('answers health with the database status', async () => {
    const r = await gql('{ health { status database } }');
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ health: { status: 'ok', database: true } });
  });

  it('looks up users and items by id; unknown ids are null', async () => {
    const r = await gql('{ user(id: "ann") { id name age } item(id: "i03") { id title price categories { id } tags { id } } nope: user(id: "zzz") { id } }');
    expect(r.body.data).toEqual({
      user: { id: 'ann', name: 'ANN', age: 30 },
      item: { id: 'i03', title: 'Item 3', price: 3, categories: [{ id: 'odd' }], tags: [{ id: 't' }] },
      nope: null,
    });
  });

  it('paginates items with cursors until the end, in id order, with totals', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const r = await gql('query($after: String) { items(first: 10, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }', { after });
      const conn = (r.body.data as { items: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }).items;
      expect(conn.totalCount).toBe(25);
      seen.push(...conn.edges.map((e) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, k) => `i${String(k + 1).padStart(2, '0')}`));
    const evens = await gql('{ items(first: 100, categoryId: "even") { totalCount } }');
    expect(evens.body.data).toEqual({ items: { totalCount: 12 } });
  });

  it('records interactions idempotently: a retry with the same eventId does not double count', async () => {
    const m = 'mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created interaction { id type at item { id popularity } user { id } } } }';
    const input = { eventId: 'ev-1', userId: 'ann', itemId: 'i01', type: 'PURCHASE', at: '2026-01-02T03:04:05.000Z' };
    const first = await gql(m, { in: input });
    expect(first.body.data).toEqual({
      recordInteraction: { created: true, interaction: { id: 'ev-1', type: 'PURCHASE', at: '2026-01-02T03:04:05.000Z', item: { id: 'i01', popularity: 1 }, user: { id: 'ann' } } },
    });
    const retry = await gql(m, { in: input });
    expect((retry.body.data as { recordInteraction: { created: boolean } }).recordInteraction.created).toBe(false);
    const [edge] = await graph.executor.read('MATCH (:User {id: "ann"})-[r:INTERACTED]->(:Item {id: "i01"}) RETURN r.purchases AS p, r.weight AS w');
    expect(edge).toEqual({ p: 1, w: 5 });
    const conflict = await gql(m, { in: { ...input, itemId: 'i02' } });
    expect(conflict.body.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
  });

  it('rejects bad input with coded errors naming the field', async () => {
    const m = 'mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }';
    const rating = await gql(m, { in: { eventId: 'ev-2', userId: 'ann', itemId: 'i01', type: 'RATING', value: 9 } });
    expect(rating.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'value' });
    const price = await gql('mutation { upsertItem(input: {id: "x", price: -1}) { id } }');
    expect(price.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'price' });
    const page = await gql('{ users(first: 1000) { totalCount } }');
    expect(page.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'first' });
    const self = await gql('mutation { follow(userId: "ann", targetId: "ann") { changed } }');
    expect(self.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('maintains friendships (symmetric, stored once) and follows; repeated calls change nothing', async () => {
    const add = await gql('mutation { a: addFriend(userId: "ann", friendId: "bob") { changed } b: addFriend(userId: "bob", friendId: "ann") { changed } c: addFriend(userId: "ann", friendId: "cat") { changed } }');
    expect(add.body.data).toEqual({ a: { changed: true }, b: { changed: false }, c: { changed: true } });
    const friends = await gql('{ user(id: "bob") { friendCount friends { edges { node { id } } } } ann: user(id: "ann") { friendCount friends(first: 1) { edges { node { id } } pageInfo { hasNextPage } } } }');
    expect(friends.body.data).toEqual({
      user: { friendCount: 1, friends: { edges: [{ node: { id: 'ann' } }] } },
      ann: { friendCount: 2, friends: { edges: [{ node: { id: 'bob' } }], pageInfo: { hasNextPage: true } } },
    });
    const f = await gql('mutation { follow(userId: "cat", targetId: "ann") { changed } }');
    expect(f.body.data).toEqual({ follow: { changed: true } });
    const un = await gql('mutation { x: unfollow(userId: "cat", targetId: "ann") { changed } y: unfollow(userId: "cat", targetId: "ann") { changed } z: removeFriend(userId: "bob", friendId: "ann") { changed } }');
    expect(un.body.data).toEqual({ x: { changed: true }, y: { changed: false }, z: { changed: true } });
  });

  it('batches loaders: 25 items with categories and tags cost a bounded number of round trips (no N+1)', async () => {
    const before = graph.executor.queryCount;
    const seen: string[] = [];
    graph.executor.onQuery = (c, p) => seen.push(c.split('\n').find((l) => !l.startsWith('//')) + JSON.stringify(p));
    const r = await gql('{ items(first: 25) { edges { node { id title categories { id name } tags { id } } } } }');
    expect((r.body.data as { items: { edges: unknown[] } }).items.edges).toHaveLength(25);
    // page ids + totals + one items batch + one categories batch + one tags batch
    graph.executor.onQuery = undefined;
    expect(graph.executor.queryCount - before, seen.join('\n')).toBe(5);
  });

  it('gives a bad variable (unknown enum value) a coded error', async () => {
    const r = await gql('mutation($in: RecordInteractionInput!) { recordInteraction(input: $in) { created } }', {
      in: { eventId: 'ev-x', userId: 'ann', itemId: 'i01', type: 'TELEPORT' },
    });
    expect(r.body.errors?.[0]?.message).toMatch(/TELEPORT/);
    expect(r.body.errors?.[0]?.extensions?.['code']).toBe('INVALID_INPUT');
  });

  it('rejects queries nested deeper than the limit', async () => {
    const deep = await gql('{ user(id: "ann") { friends { edges { node { friends { edges { node { friends { edges { node { id } } } } } } } } } } }');
    expect(deep.body.errors?.[0]?.message).toMatch(/exceeds the limit of 8/);
    expect(deep.body.errors?.[0]?.extensions?.['code']).toBe('INVALID_INPUT');
  });

  it('masks unexpected errors and keeps parse errors readable', async () => {
    const r = await gql('{ nope }');
    expect(r.body.errors?.[0]?.message).toMatch(/Cannot query field "nope"/);
  });
});
