// onlineMetrics over HTTP on a hand-made loop: Impression nodes and attributed Events written with Cypher
// exactly as docs/loop.md describes them, over two UTC days (D1, D2; plus one event and impression on D3),
// two strategies (HYBRID, GRAPH), one experiment (exp1: control, treat) and one campaign (camp1).
//   Items: i1 (price 10), i2 (price 20), i3 (no price). u3 granted analytics explicitly; u4 refused it.
//   Impressions (recId user day strategy experiment/variant campaign items):
//     r1 u1 D1 HYBRID exp1/control -     [i1 i2 i3]     r2 u2 D1 GRAPH  exp1/treat -  [i1 i2]
//     r3 u1 D1 HYBRID -            -     [i2]           r6 u4 D1 HYBRID exp1/control - [i1]      (refused)
//     r4 u3 D2 HYBRID exp1/control -     [i1 i3]        r7 u3 D2 GRAPH  -          -  [i2]
//     r5 u2 D2 (offer)  -          camp1 [i2]           r8 u1 D3 HYBRID -          -  [i1]
//   Events (id user type item day rec value):
//     e1 u1 view i1 D1 r1 | e2 u1 purchase i1 D1 r1 25 | e3 u2 view i2 D1 r2 | e4 u2 view i1 D2 r2
//     e5 u2 purchase i1 D2 r2 (price 10) | e6 u3 view i3 D2 r4 | e7 u3 purchase i3 D2 r4 (unpriced: 0)
//     e8 u2 purchase i2 D2 r5 18 | e9 u2 view i2 D2 r5 | e10 u4 view i1 D1 r6 (refused)
//     e11 u1 view i2 D1 (not attributed) | e12 u1 cart i2 D1 r3 (not a click) | e13 u1 view i1 D3 r8
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionEvent } from '../../src/domain/events.ts';
import { asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { cypher } from '../../src/storage/cypher-files.ts';
import { DEFAULT_PRIVACY } from '../../src/config.ts';
import { bearer, createTestApi, type Gql } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

const DAY = 86_400_000;
const D1 = Date.UTC(2024, 2, 4); // Monday 2024-03-04
const D2 = D1 + DAY;
const D3 = D2 + DAY;
const H = 3_600_000;

interface Imp { recId: string; user: string; at: number; strategy: string | null; experiment: string | null; variant: string | null; campaign: string | null; itemIds: string[] }
const imp = (recId: string, user: string, at: number, strategy: string | null, ev: string | null, campaign: string | null, itemIds: string[]): Imp => ({
  recId, user, at, strategy, experiment: ev?.split('/')[0] ?? null, variant: ev?.split('/')[1] ?? null, campaign, itemIds,
});
const IMPRESSIONS: Imp[] = [
  imp('r1', 'u1', D1 + 10 * H, 'HYBRID', 'exp1/control', null, ['i1', 'i2', 'i3']),
  imp('r2', 'u2', D1 + 11 * H, 'GRAPH', 'exp1/treat', null, ['i1', 'i2']),
  imp('r3', 'u1', D1 + 12 * H, 'HYBRID', null, null, ['i2']),
  imp('r6', 'u4', D1 + 13 * H, 'HYBRID', 'exp1/control', null, ['i1']),
  imp('r4', 'u3', D2 + 9 * H, 'HYBRID', 'exp1/control', null, ['i1', 'i3']),
  imp('r7', 'u3', D2 + 9 * H, 'GRAPH', null, null, ['i2']),
  imp('r5', 'u2', D2 + 10 * H, null, null, 'camp1', ['i2']),
  imp('r8', 'u1', D3 + 8 * H, 'HYBRID', null, null, ['i1']),
];

const ev = (id: string, user: string, type: InteractionEvent['type'], item: string, ts: number, value?: number): InteractionEvent => ({
  id: asEventId(id), userId: asUserId(user), itemId: asItemId(item), type, ts, ...(value !== undefined ? { value } : {}),
});
const EVENTS: InteractionEvent[] = [
  ev('e1', 'u1', 'view', 'i1', D1 + 10 * H + 60_000),
  ev('e2', 'u1', 'purchase', 'i1', D1 + 10 * H + 120_000, 25),
  ev('e3', 'u2', 'view', 'i2', D1 + 11 * H + 60_000),
  ev('e4', 'u2', 'view', 'i1', D2 + 8 * H),
  ev('e5', 'u2', 'purchase', 'i1', D2 + 8 * H + 60_000),
  ev('e6', 'u3', 'view', 'i3', D2 + 9 * H + 60_000),
  ev('e7', 'u3', 'purchase', 'i3', D2 + 9 * H + 120_000),
  ev('e8', 'u2', 'purchase', 'i2', D2 + 10 * H + 60_000, 18),
  ev('e9', 'u2', 'view', 'i2', D2 + 10 * H + 30_000),
  ev('e10', 'u4', 'view', 'i1', D1 + 13 * H + 60_000),
  ev('e11', 'u1', 'view', 'i2', D1 + 14 * H),
  ev('e12', 'u1', 'cart', 'i2', D1 + 12 * H + 60_000),
  ev('e13', 'u1', 'view', 'i1', D3 + 8 * H + 60_000),
];
/** Event id -> the recommendation id it is attributed to. */
const ATTRIBUTED: Record<string, string> = {
  e1: 'r1', e2: 'r1', e3: 'r2', e4: 'r2', e5: 'r2', e6: 'r4', e7: 'r4', e8: 'r5', e9: 'r5', e10: 'r6', e12: 'r3', e13: 'r8',
};

const QUERY = `query($window: TimeWindowInput, $groupBy: MetricsGroupBy) {
  onlineMetrics(window: $window, groupBy: $groupBy) { day group impressions clicks ctr users purchases conversion revenue }
}`;
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const window = (from: number, to: number) => ({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
const D1_D2 = window(D1, D2 + DAY - 1);
const row = (d: number, group: string, impressions: number, users: number, clicks: number, purchases: number, revenue: number) => ({
  day: day(d), group, impressions, clicks, ctr: impressions === 0 ? null : clicks / impressions, users, purchases,
  conversion: users === 0 ? null : purchases / users, revenue,
});

async function writeLoop(graph: GraphConnection): Promise<void> {
  const writer = new GraphWriter(graph.executor);
  await writer.items([{ id: asItemId('i1'), price: 10 }, { id: asItemId('i2'), price: 20 }, { id: asItemId('i3') }]);
  await writer.users([
    { id: asUserId('u1') }, { id: asUserId('u2') },
    { id: asUserId('u3'), consent: { analytics: true } }, { id: asUserId('u4'), consent: { analytics: false } },
  ]);
  await writer.events(EVENTS);
  await graph.executor.write(`
    UNWIND $rows AS r
    MATCH (u:User {id: r.user})
    CREATE (u)-[:SAW]->(:Impression {recId: r.recId, surface: CASE WHEN r.campaign IS NULL THEN 'recommendations' ELSE 'offer' END,
      servedAt: r.at - 60000, at: r.at, day: r.day, strategy: r.strategy, experiment: r.experiment, variant: r.variant,
      campaign: r.campaign, offset: 0, itemIds: r.itemIds, positions: range(1, size(r.itemIds))})`,
  { rows: IMPRESSIONS.map((p) => ({ ...p, day: day(p.at) })) });
  await graph.executor.write(`
    UNWIND $rows AS r
    MATCH (e:Event {id: r.eventId})-[:ON]->(i:Item)
    MATCH (p:Impression {recId: r.recId})
    SET e.recId = p.recId, e.recStrategy = p.strategy, e.recExperiment = p.experiment, e.recVariant = p.variant,
        e.recCampaign = p.campaign, e.recPosition = [k IN range(0, size(p.itemIds) - 1) WHERE p.itemIds[k] = i.id][0] + 1,
        e.recServedAt = p.servedAt`,
  { rows: Object.entries(ATTRIBUTED).map(([eventId, recId]) => ({ eventId, recId })) });
}

describe('onlineMetrics over HTTP (hand-made impressions and attributed events)', () => {
  let graph: GraphConnection;
  let gql: Gql;
  const rows = async (variables: Record<string, unknown>, headers?: Record<string, string>, api: Gql = gql) => {
    const r = await api(QUERY, variables, headers);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return (r.body.data as { onlineMetrics: unknown[] }).onlineMetrics;
  };
  const codeOf = async (variables: Record<string, unknown>, headers?: Record<string, string>) => {
    const r = await gql(QUERY, variables, headers);
    return r.body.errors?.map((e) => e.extensions?.['code']);
  };

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeLoop(graph);
    gql = createTestApi(graph).gql;
  });
  afterAll(async () => graph.close());

  it('per day and strategy: impressions, distinct users, attributed clicks and purchases on their own day, revenue', async () => {
    expect(await rows({ window: D1_D2, groupBy: 'STRATEGY' })).toEqual([
      row(D1, 'GRAPH', 2, 1, 1, 0, 0),
      row(D1, 'HYBRID', 3 + 1, 1, 1, 1, 25), // u1 twice (r1, r3) is one user; u4 refused analytics; e11 and e12 are no clicks
      row(D2, 'GRAPH', 1, 1, 1, 1, 10), // e4/e5 were served on D1 (r2) but happened on D2; e5 has no value: the price
      row(D2, 'HYBRID', 2, 1, 1, 1, 0), // e7's item has no price
    ]);
  });

  it('STRATEGY is the default grouping', async () => {
    expect(await rows({ window: D1_D2 })).toEqual(await rows({ window: D1_D2, groupBy: 'STRATEGY' }));
  });

  it('per experiment variant, traffic outside experiments left out', async () => {
    expect(await rows({ window: D1_D2, groupBy: 'VARIANT' })).toEqual([
      row(D1, 'exp1/control', 3, 1, 1, 1, 25),
      row(D1, 'exp1/treat', 2, 1, 1, 0, 0),
      row(D2, 'exp1/control', 2, 1, 1, 1, 0),
      row(D2, 'exp1/treat', 0, 0, 1, 1, 10), // clicks without impressions that day: ctr and conversion null
    ]);
  });

  it('per campaign, traffic outside campaigns left out', async () => {
    expect(await rows({ window: D1_D2, groupBy: 'CAMPAIGN' })).toEqual([row(D2, 'camp1', 1, 1, 1, 1, 18)]);
  });

  it('the window covers the UTC days it touches', async () => {
    expect(await rows({ window: window(D2 + 12 * H, D2 + 13 * H) })).toEqual([
      row(D2, 'GRAPH', 1, 1, 1, 1, 10),
      row(D2, 'HYBRID', 2, 1, 1, 1, 0),
    ]);
    expect(await rows({ window: window(D1, D1) })).toHaveLength(2);
    expect(await rows({ window: window(D3 + DAY, D3 + 2 * DAY) })).toEqual([]);
  });

  it('by default the 30 days ending on the latest event day (D3 here); `from` or `to` alone keep the other default', async () => {
    const all = await rows({});
    expect(all.map((r) => (r as { day: string; group: string }).day + ' ' + (r as { group: string }).group)).toEqual([
      `${day(D1)} GRAPH`, `${day(D1)} HYBRID`, `${day(D2)} GRAPH`, `${day(D2)} HYBRID`, `${day(D3)} HYBRID`,
    ]);
    expect(all[4]).toEqual(row(D3, 'HYBRID', 1, 1, 1, 0, 0));
    expect(await rows({ window: { from: new Date(D2).toISOString() } })).toEqual(all.slice(2));
    expect(await rows({ window: { to: new Date(D1 + H).toISOString() } })).toEqual(all.slice(0, 2));
    // 30 days: a window ending 29 days after D2 starts on D2.
    expect(await rows({ window: { to: new Date(D2 + 29 * DAY).toISOString() } })).toEqual(all.slice(2));
  });

  it('counts only users with analytics consent (here: default denied, so only u3, who granted it)', async () => {
    const denied = createTestApi(graph, { ...DEFAULT_PRIVACY, consentDefaults: { personalisation: true, social: true, analytics: false, marketing: true } }).gql;
    expect(await rows({ window: D1_D2 }, undefined, denied)).toEqual([
      row(D2, 'GRAPH', 1, 1, 0, 0, 0), // e4, e5 are u2's
      row(D2, 'HYBRID', 2, 1, 1, 1, 0),
    ]);
  });

  it('bad windows are coded errors: inverted, longer than 366 days, not a date-time', async () => {
    expect(await codeOf({ window: window(D2, D1) })).toEqual(['INVALID_INPUT']);
    expect(await codeOf({ window: { from: new Date(D3 + DAY).toISOString() } })).toEqual(['INVALID_INPUT']); // after the default end
    expect(await codeOf({ window: window(D1, D1 + 366 * DAY) })).toEqual(['INVALID_INPUT']); // 367 days
    expect(await rows({ window: window(D1, D1 + 365 * DAY) })).toHaveLength(5); // 366 days
    expect(await codeOf({ window: { from: 'yesterday' } })).toEqual(['INVALID_INPUT']);
    expect(await codeOf({ groupBy: 'USER' })).toBeDefined();
  });

  it('analysts and admins only', async () => {
    expect(await rows({ window: D1_D2 }, bearer('analyst'))).toHaveLength(4);
    expect(await codeOf({}, bearer('service'))).toEqual(['FORBIDDEN']);
    expect(await codeOf({}, bearer('shopper', 'u1'))).toEqual(['FORBIDDEN']);
  });

  it('the analysts\' Cypher file gives the same rows with its documented parameters', async () => {
    const direct = await graph.executor.read(cypher('loop/online-metrics'), {
      from: D1, to: D2 + DAY - 1, groupBy: 'VARIANT', consentDefaults: { personalisation: true, social: true, analytics: true },
    });
    expect(direct.map((r) => `${String(r['day'])} ${String(r['group'])} ${Number(r['impressions'])}`)).toEqual([
      `${day(D1)} exp1/control 3`, `${day(D1)} exp1/treat 2`, `${day(D2)} exp1/control 2`, `${day(D2)} exp1/treat 0`,
    ]);
  });
});
