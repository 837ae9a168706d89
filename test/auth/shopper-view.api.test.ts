import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { ANONYMOUSLY, bearer, createTestApi, type Gql } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

const code = (r: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => r.body.errors?.[0]?.extensions?.['code'];

/** What a shopper sees of other users, and what an anonymous visitor gets. */
describe('shopper and visitor views over HTTP', () => {
  let graph: GraphConnection;
  let gql: Gql;
  const ann = bearer('shopper', 'u1');

  beforeAll(async () => {
    graph = await openTestGraph();
    gql = createTestApi(graph).gql;
    const setup = await gql(`mutation {
      a: upsertUser(input: {id: "u1", name: "Ann", age: 31, gender: "f", location: "Lyon"}) { id }
      b: upsertUser(input: {id: "u2", name: "Bob", age: 45, gender: "m", location: "Oslo", consent: {social: true}}) { id }
      c: upsertUser(input: {id: "u3", name: "Cy", age: 22}) { id }
      i1: upsertItem(input: {id: "i1", title: "One"}) { id } i2: upsertItem(input: {id: "i2", title: "Two"}) { id }
      i3: upsertItem(input: {id: "i3", title: "Three"}) { id } i4: upsertItem(input: {id: "i4", title: "Four"}) { id }
      f: addFriend(userId: "u1", friendId: "u2") { changed } g: addFriend(userId: "u2", friendId: "u3") { changed }
      e1: recordInteraction(input: {eventId: "e1", userId: "u2", itemId: "i1", type: PURCHASE, at: "2026-01-01T09:00:00Z"}) { created }
      e2: recordInteraction(input: {eventId: "e2", userId: "u2", itemId: "i2", type: PURCHASE, at: "2026-01-01T09:00:00Z"}) { created }
      e3: recordInteraction(input: {eventId: "e3", userId: "u3", itemId: "i1", type: VIEW, at: "2026-01-01T10:00:00Z"}) { created }
      e4: recordInteraction(input: {eventId: "e4", userId: "u3", itemId: "i3", type: VIEW, at: "2026-01-01T11:00:00Z"}) { created }
      e5: recordInteraction(input: {eventId: "e5", userId: "u1", itemId: "i4", type: VIEW, at: "2026-01-01T12:00:00Z"}) { created }
      r: refreshGraphModel(writeEmbeddings: false) { users }
    }`);
    expect(setup.body.errors).toBeUndefined();
  });
  afterAll(async () => graph.close());

  it("a shopper sees their own record in full and only the public part of their friends", async () => {
    const r = await gql('{ user(id: "u1") { id age location consent { social } friends { edges { node { id name age gender location consent { social } friendCount } } } } }', {}, ann);
    expect(r.body).toEqual({
      data: {
        user: {
          id: 'u1', age: 31, location: 'Lyon', consent: { social: true },
          friends: { edges: [{ node: { id: 'u2', name: 'Bob', age: null, gender: null, location: null, consent: null, friendCount: 2 } }] },
        },
      },
    });
  });

  it("a shopper cannot walk into another user's history or social lists", async () => {
    for (const list of ['interactions { edges { node { id } } }', 'friends { edges { node { id } } }', 'following { edges { node { id } } }']) {
      const r = await gql(`{ user(id: "u1") { friends { edges { node { id ${list} } } } } }`, {}, ann);
      expect(code(r), list).toBe('FORBIDDEN');
      expect(r.body.data, list).toEqual({ user: null });
    }
  });

  it("a service sees every user's attributes", async () => {
    const r = await gql('{ user(id: "u2") { age gender location consent { social } } }', {}, bearer('service'));
    expect(r.body).toEqual({ data: { user: { age: 45, gender: 'm', location: 'Oslo', consent: { social: true } } } });
  });

  it('an anonymous visitor gets popular items, or items related to the ones viewed in the session', async () => {
    const q = 'query($v: [ID!]) { visitorRecommendations(viewedItemIds: $v, first: 3) { strategy edges { node { item { id } sources reasons { kind } } } } }';
    const popular = await gql(q, {}, ANONYMOUSLY);
    const pop = (popular.body.data as { visitorRecommendations: { edges: { node: { item: { id: string }; sources: string[] } }[] } }).visitorRecommendations;
    // Popularity (decayed weight sums): i1 has a purchase and a view, i2 a purchase, then single views of i4
    // and i3, where i4's is the more recent.
    expect(pop.edges.map((e) => e.node.item.id)).toEqual(['i1', 'i2', 'i4']);
    expect(pop.edges.every((e) => e.node.sources.join() === 'POPULAR')).toBe(true);

    const related = await gql(q, { v: ['i3'] }, ANONYMOUSLY);
    const rel = (related.body.data as { visitorRecommendations: { edges: { node: { item: { id: string }; sources: string[] } }[] } }).visitorRecommendations;
    // i3 was viewed only by u3, who also viewed i1: i1 comes first from the graph; i3 itself is never shown.
    expect(rel.edges[0]?.node).toMatchObject({ item: { id: 'i1' }, sources: ['GRAPH'] });
    expect(rel.edges.map((e) => e.node.item.id)).not.toContain('i3');
    expect(new Set(rel.edges.map((e) => e.node.item.id)).size).toBe(rel.edges.length);
  });

  it('answers UNAUTHENTICATED with HTTP 401 for bad credentials, and limits the viewed list', async () => {
    const bad = await gql('{ health { status } }', {}, { authorization: 'Bearer nope' });
    expect(bad.status).toBe(401);
    expect(bad.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(code(bad)).toBe('UNAUTHENTICATED');
    const long = await gql('query($v: [ID!]) { visitorRecommendations(viewedItemIds: $v) { strategy } }', { v: Array.from({ length: 51 }, (_, k) => `i${k}`) }, ANONYMOUSLY);
    expect(long.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'viewedItemIds' });
  });
});
