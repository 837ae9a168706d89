// Impressions and attribution over HTTP on a hand-made shop: a served page's id is reported with what was
// rendered (idempotent union per page, every item checked against the signed id), stored as one Impression
// node with exact properties; recordInteraction with the id attributes on-page events within the window;
// erasure removes the user's impressions.
//   items i1..i6 (c1)    u1 viewed i1; u2 and u3 bought and viewed i2..i6 (so u1 has a page of 3 to see)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCategoryId, asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { InteractionEvent } from '../../src/domain/events.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ImpressionStore } from '../../src/storage/impression-store.ts';
import { AS_ADMIN, bearer, createTestApi, type Gql } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

const T = Date.UTC(2026, 0, 1, 9);
const HOUR = 3_600_000;
const WINDOW = 168 * HOUR; // DEFAULT_LOOP.attributionWindowHours

async function writeShop(graph: GraphConnection): Promise<void> {
  const w = new GraphWriter(graph.executor);
  await w.categories([{ id: asCategoryId('c1'), name: 'Books' }]);
  await w.items(['i1', 'i2', 'i3', 'i4', 'i5', 'i6'].map((id, k) => ({ id: asItemId(id), title: `Item ${id}`, price: 10 + k, categoryIds: [asCategoryId('c1')] })));
  await w.users(['u1', 'u2', 'u3'].map((id) => ({ id: asUserId(id), name: id })));
  let n = 0;
  const ev = (user: string, item: string, type: InteractionEvent['type']): InteractionEvent =>
    ({ id: asEventId(`seed-${++n}`), userId: asUserId(user), itemId: asItemId(item), type, ts: T + n * 60_000 });
  await w.events([
    ev('u1', 'i1', 'view'),
    ev('u2', 'i2', 'purchase'), ev('u2', 'i3', 'purchase'), ev('u2', 'i4', 'view'), ev('u2', 'i1', 'view'),
    ev('u3', 'i2', 'purchase'), ev('u3', 'i3', 'view'), ev('u3', 'i5', 'cart'), ev('u3', 'i6', 'view'),
  ]);
}

const PAGE = `query($u: ID!) { recommendations(userId: $u, first: 3) { strategy recommendationId edges { node { position item { id } } } } }`;
const REPORT = `mutation($r: ID!, $items: [ID!]!, $at: DateTime) { recordImpressions(recommendationId: $r, itemIds: $items, at: $at) { recommendationId recorded total } }`;
const INTERACT = `mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) {
  created interaction { id item { id } attribution { recommendationId strategy experimentKey variant campaignId position servedAt } } } }`;

interface Page { strategy: string; recommendationId: string; items: string[]; positions: number[]; servedBetween: [number, number] }

describe('impressions and attribution over HTTP (hand-made shop)', () => {
  let graph: GraphConnection;
  let gql: Gql;
  const data = async (query: string, variables: Record<string, unknown> = {}, headers = AS_ADMIN) => {
    const r = await gql(query, variables, headers);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return r.body.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const errorOf = async (query: string, variables: Record<string, unknown> = {}, headers = AS_ADMIN) => {
    const r = await gql(query, variables, headers);
    expect(r.body.errors, JSON.stringify(r.body)).toBeDefined();
    expect(r.body.data?.[Object.keys(r.body.data ?? {})[0] ?? ''] ?? null).toBeNull();
    return r.body.errors![0]!;
  };
  const serve = async (userId: string, headers = AS_ADMIN): Promise<Page> => {
    const before = Date.now();
    const c = (await data(PAGE, { u: userId }, headers)).recommendations;
    const after = Date.now();
    const edges = c.edges as { node: { position: number; item: { id: string } } }[];
    return {
      strategy: c.strategy, recommendationId: c.recommendationId, items: edges.map((e) => e.node.item.id),
      positions: edges.map((e) => e.node.position), servedBetween: [before, after],
    };
  };
  const impressions = async () =>
    graph.executor.read('MATCH (u:User)-[:SAW]->(p:Impression) RETURN u.id AS user, properties(p) AS p ORDER BY p.servedAt');
  const countImpressions = async () => Number((await graph.executor.read('MATCH (p:Impression) RETURN count(p) AS n'))[0]!['n']);

  let page: Page;
  let servedAt: number;

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeShop(graph);
    gql = createTestApi(graph).gql;
    page = await serve('u1', bearer('shopper', 'u1'));
  });
  afterAll(async () => graph.close());

  it('a page of 3 comes with a recommendation id', () => {
    expect(page.items).toHaveLength(3);
    expect(page.items).not.toContain('i1');
    expect(page.positions).toEqual([1, 2, 3]);
    expect(page.recommendationId).toMatch(/^r1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('reporting 2 items records 2; repeating records 0; the third adds 1; a subset again adds nothing', async () => {
    const [a, b, c] = page.items as [string, string, string];
    const at = new Date(page.servedBetween[1] + 1000).toISOString();
    const own = bearer('shopper', 'u1');
    // Listed out of page order and with a duplicate: stored in page order, once.
    expect((await data(REPORT, { r: page.recommendationId, items: [b, a, b], at }, own)).recordImpressions)
      .toEqual({ recommendationId: page.recommendationId, recorded: 2, total: 2 });
    expect((await data(REPORT, { r: page.recommendationId, items: [a, b], at }, own)).recordImpressions)
      .toEqual({ recommendationId: page.recommendationId, recorded: 0, total: 2 });
    expect((await data(REPORT, { r: page.recommendationId, items: [c] }, bearer('service'))).recordImpressions)
      .toEqual({ recommendationId: page.recommendationId, recorded: 1, total: 3 });
    expect((await data(REPORT, { r: page.recommendationId, items: [c, a] })).recordImpressions)
      .toEqual({ recommendationId: page.recommendationId, recorded: 0, total: 3 });

    // One node, attached to u1, with exactly what the id said and the first report's time.
    const rows = await impressions();
    expect(rows).toHaveLength(1);
    servedAt = Number((rows[0]!['p'] as Record<string, unknown>)['servedAt']);
    expect(servedAt).toBeGreaterThanOrEqual(page.servedBetween[0]);
    expect(servedAt).toBeLessThanOrEqual(page.servedBetween[1]);
    expect(rows).toEqual([{
      user: 'u1',
      p: {
        recId: page.recommendationId, surface: 'recommendations', servedAt, at: Date.parse(at), day: at.slice(0, 10),
        strategy: page.strategy, offset: 0, itemIds: [a, b, c], positions: [1, 2, 3],
      },
    }]);
  });

  it('refuses, writing nothing: items not on the page (all listed), no items, another user\'s page, forged ids, times out of range', async () => {
    const before = JSON.stringify(await impressions());
    const r = page.recommendationId;
    const off = await errorOf(REPORT, { r, items: [page.items[0], 'i1', 'nope'] });
    expect(off.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'itemIds', itemIds: ['i1', 'nope'] });
    expect(off.message).toContain("'i1', 'nope'");
    expect((await errorOf(REPORT, { r, items: [] })).extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'itemIds' });
    expect((await errorOf(REPORT, { r, items: [page.items[0]] }, bearer('shopper', 'u2'))).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await errorOf(REPORT, { r, items: [page.items[0]] }, bearer('analyst'))).extensions).toMatchObject({ code: 'FORBIDDEN' });
    const body = r.split('.')[1]!;
    const edited = r.replace(body, body.slice(0, 10) + (body[10] === 'A' ? 'B' : 'A') + body.slice(11));
    for (const forged of [edited, 'r1.abc.def', 'not-an-id']) {
      expect((await errorOf(REPORT, { r: forged, items: [page.items[0]] })).extensions, forged).toMatchObject({ code: 'INVALID_INPUT', field: 'recommendationId' });
    }
    const tooEarly = new Date(page.servedBetween[0] - 6 * 60_000).toISOString();
    const tooLate = new Date(page.servedBetween[1] + WINDOW + 60_000).toISOString();
    for (const at of [tooEarly, tooLate]) {
      expect((await errorOf(REPORT, { r, items: [page.items[0]], at })).extensions, at).toMatchObject({ code: 'INVALID_INPUT', field: 'at' });
    }
    expect(JSON.stringify(await impressions())).toBe(before);
  });

  it('the page of a user no longer stored is NOT_FOUND', async () => {
    const ghost = await serve('u3');
    await graph.executor.write("MATCH (u:User {id: 'u3'}) SET u.id = 'u3-renamed'");
    try {
      expect((await errorOf(REPORT, { r: ghost.recommendationId, items: [ghost.items[0]] })).extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(await countImpressions()).toBe(1);
    } finally {
      await graph.executor.write("MATCH (u:User {id: 'u3-renamed'}) SET u.id = 'u3'");
    }
  });

  it('concurrent first reports of one page, each with other items, union without losing any', async () => {
    const p2 = await serve('u2');
    expect(p2.items.length).toBeGreaterThanOrEqual(2);
    const reports = [...p2.items, ...p2.items].map((item) => gql(REPORT, { r: p2.recommendationId, items: [item] }));
    const results = await Promise.all(reports);
    for (const res of results) expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    const recorded = results.map((res) => (res.body.data as any).recordImpressions.recorded as number); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(recorded.reduce((s, x) => s + x, 0)).toBe(p2.items.length);
    const [row] = await graph.executor.read('MATCH (:User {id: "u2"})-[:SAW]->(p:Impression) RETURN p.itemIds AS items, p.positions AS positions');
    const items = row!['items'] as string[];
    expect([...items].sort()).toEqual([...p2.items].sort());
    expect(row!['positions']).toEqual(items.map((i) => p2.items.indexOf(i) + 1));
  });

  it('the store writes many reports in one round trip, one outcome per report in order', async () => {
    const p3 = await serve('u3');
    const store = new ImpressionStore(graph.executor);
    const base = {
      userId: asUserId('u3'), surface: 'recommendations' as const, servedAt: T, at: T + 1, strategy: 'HYBRID',
      experiment: null, variant: null, campaign: null, offset: 0,
    };
    const before = graph.executor.queryCount;
    try {
      // Two reports of one page in the batch are merged (each counts what it was first to add); an unknown user: null.
      const out = await store.record([
        { ...base, recId: p3.recommendationId, itemIds: [asItemId('x1')], positions: [1] },
        { ...base, recId: 'batch-2', itemIds: [asItemId('x1'), asItemId('x2')], positions: [1, 2] },
        { ...base, recId: p3.recommendationId, at: T + 2, itemIds: [asItemId('x1'), asItemId('x3')], positions: [1, 3] },
        { ...base, recId: 'batch-4', userId: asUserId('nobody'), itemIds: [asItemId('x1')], positions: [1] },
      ]);
      expect(graph.executor.queryCount - before).toBe(1);
      expect(out).toEqual([{ recorded: 1, total: 2 }, { recorded: 2, total: 2 }, { recorded: 1, total: 2 }, null]);
      const rows = await graph.executor.read('MATCH (:User {id: "u3"})-[:SAW]->(p:Impression) RETURN p.recId AS r, p.itemIds AS items, p.positions AS pos, p.at AS at ORDER BY r');
      expect(rows).toEqual([
        { r: 'batch-2', items: ['x1', 'x2'], pos: [1, 2], at: T + 1 },
        { r: p3.recommendationId, items: ['x1', 'x3'], pos: [1, 3], at: T + 1 },
      ].sort((a, b) => (a.r < b.r ? -1 : 1)));
      // The same batch again (a retry) records nothing.
      const again = await store.record([{ ...base, recId: 'batch-2', itemIds: [asItemId('x2'), asItemId('x1')], positions: [2, 1] }]);
      expect(again).toEqual([{ recorded: 0, total: 2 }]);
    } finally {
      await graph.executor.write("MATCH (p:Impression) WHERE p.recId IN [$a, 'batch-2', 'batch-4'] DETACH DELETE p", { a: p3.recommendationId });
    }
  });

  describe('recordInteraction with the recommendation id', () => {
    const input = (eventId: string, itemId: string, extra: Record<string, unknown> = {}) =>
      ({ input: { eventId, userId: 'u1', itemId, type: 'VIEW', recommendationId: page.recommendationId, ...extra } });

    it('an on-page VIEW within the window is attributed: position, strategy, the page', async () => {
      const r = (await data(INTERACT, input('click-1', page.items[1]!), bearer('shopper', 'u1'))).recordInteraction;
      expect(r).toEqual({
        created: true,
        interaction: {
          id: 'click-1', item: { id: page.items[1] },
          attribution: {
            recommendationId: page.recommendationId, strategy: page.strategy, experimentKey: null, variant: null,
            campaignId: null, position: 2, servedAt: new Date(servedAt).toISOString(),
          },
        },
      });
      const [stored] = await graph.executor.read("MATCH (e:Event {id: 'click-1'}) RETURN properties(e) AS p");
      expect(stored!['p']).toEqual({
        id: 'click-1', type: 'view', ts: expect.any(Number),
        recId: page.recommendationId, recStrategy: page.strategy, recPosition: 2, recServedAt: servedAt,
      });
      // Read back through the user's history too.
      const hist = await data(`{ user(id: "u1") { interactions(first: 1) { edges { node { id attribution { position strategy variant } } } } } }`);
      expect(hist.user.interactions.edges).toEqual([{ node: { id: 'click-1', attribution: { position: 2, strategy: page.strategy, variant: null } } }]);
    });

    it('a retry creates nothing and leaves the attribution as it was, with or without the id', async () => {
      const again = (await data(INTERACT, input('click-1', page.items[1]!))).recordInteraction;
      expect(again.created).toBe(false);
      expect(again.interaction.attribution).toMatchObject({ position: 2, recommendationId: page.recommendationId });
      const bare = (await data(INTERACT, { input: { eventId: 'click-1', userId: 'u1', itemId: page.items[1], type: 'VIEW' } })).recordInteraction;
      expect(bare).toMatchObject({ created: false, interaction: { attribution: { position: 2 } } });
      expect(Number((await graph.executor.read("MATCH (e:Event {id: 'click-1'}) RETURN count(e) AS n"))[0]!['n'])).toBe(1);
    });

    it('off the page, or outside the window: recorded, unattributed', async () => {
      const off = (await data(INTERACT, input('click-off', 'i1'))).recordInteraction;
      expect(off).toEqual({ created: true, interaction: { id: 'click-off', item: { id: 'i1' }, attribution: null } });
      const late = new Date(servedAt + WINDOW + 60_000).toISOString();
      const outside = (await data(INTERACT, input('click-late', page.items[0]!, { at: late }))).recordInteraction;
      expect(outside).toMatchObject({ created: true, interaction: { attribution: null } });
      const early = new Date(servedAt - 10 * 60_000).toISOString();
      expect((await data(INTERACT, input('click-early', page.items[0]!, { at: early }))).recordInteraction.interaction.attribution).toBeNull();
      const edge = new Date(servedAt + WINDOW).toISOString();
      expect((await data(INTERACT, input('buy-edge', page.items[2]!, { at: edge, type: 'PURCHASE' }))).recordInteraction.interaction.attribution)
        .toMatchObject({ position: 3 });
      const [n] = await graph.executor.read("MATCH (e:Event) WHERE e.id IN ['click-off', 'click-late', 'click-early'] AND e.recId IS NULL RETURN count(e) AS n");
      expect(n).toEqual({ n: 3 });
    });

    it('another user\'s page id, or a forged one, is INVALID_INPUT and writes nothing', async () => {
      const other = { input: { eventId: 'click-u2', userId: 'u2', itemId: page.items[0], type: 'VIEW', recommendationId: page.recommendationId } };
      expect((await errorOf(INTERACT, other)).extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'recommendationId' });
      expect((await errorOf(INTERACT, input('click-forged', page.items[0]!, { recommendationId: `${page.recommendationId}x` }))).extensions)
        .toMatchObject({ code: 'INVALID_INPUT', field: 'recommendationId' });
      const [n] = await graph.executor.read("MATCH (e:Event) WHERE e.id IN ['click-u2', 'click-forged'] RETURN count(e) AS n");
      expect(n).toEqual({ n: 0 });
    });
  });

  it('exportUserData lists the impressions and each event\'s attribution; erasure deletes the impressions', async () => {
    const doc = (await data('{ exportUserData(id: "u1") }')).exportUserData;
    expect(doc.impressions).toEqual([{
      recId: page.recommendationId, surface: 'recommendations', servedAt, at: page.servedBetween[1] + 1000,
      strategy: page.strategy, offset: 0, itemIds: page.items, positions: [1, 2, 3],
    }]);
    const click = (doc.events as { id: string }[]).find((e) => e.id === 'click-1');
    expect(click).toMatchObject({ attribution: { recId: page.recommendationId, strategy: page.strategy, position: 2, servedAt } });
    expect((doc.events as { id: string; attribution?: unknown }[]).find((e) => e.id === 'click-off')).not.toHaveProperty('attribution');

    const total = await countImpressions();
    expect(total).toBe(2); // u1's page and u2's
    await data('mutation { deleteUser(id: "u1") { events } }');
    expect(await countImpressions()).toBe(1);
    expect(await graph.executor.read('MATCH (p:Impression) RETURN [(u:User)-[:SAW]->(p) | u.id] AS users')).toEqual([{ users: ['u2'] }]);
  });
});
