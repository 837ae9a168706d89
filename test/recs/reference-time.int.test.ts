// Time in ranking is relative to the data: on a log that ended in 2019, POPULAR and SOCIAL decay from the
// log's last day (plus the live margin), not from today's wall clock; a shop with recent events decays from
// the wall clock exactly as before. The latest event time is one index lookup, whatever the number of events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { EventType } from '../../src/domain/events.ts';
import { SYSTEM } from '../../src/domain/principal.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { cypher } from '../../src/storage/cypher-files.ts';
import type { PlanNode } from '../../src/storage/executor.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { RecsGraphStore } from '../../src/storage/recs-graph-store.ts';
import { RecsStore } from '../../src/storage/recs-store.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';
import { GraphModelCache } from '../../src/usecases/recommend/graph-model-cache.ts';
import { parseRecommendArgs } from '../../src/usecases/recommend/parse-args.ts';
import { RecsService } from '../../src/usecases/recommend/recs-service.ts';
import { openTestGraph } from '../support/graph.ts';
import { documentedParams } from './cypher-params.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The log's last event. */
const LAST = Date.UTC(2019, 5, 30, 12);
/** Today's wall clock in this test. */
const WALL = Date.UTC(2026, 10, 29, 12);
const decay = (ageMs: number, halfLifeMs: number) => Math.exp(-Math.LN2 * ageMs / halfLifeMs);
const operators = (p: PlanNode): string[] => [p.operator, ...p.children.flatMap(operators)];

describe('ranking time relative to the data', () => {
  let graph: GraphConnection;
  let service: RecsService;
  let wall = WALL;

  beforeAll(async () => {
    graph = await openTestGraph();
    const w = new GraphWriter(graph.executor);
    await w.items(['i1', 'i2', 'i3'].map((id) => ({ id: asItemId(id), title: id, price: 1, categoryIds: [], tagIds: [] })));
    await w.users(['ann', 'ben', 'cat', 'dan'].map((id) => ({ id: asUserId(id), name: id })));
    let n = 0;
    const ev = (user: string, itemId: string, type: EventType, ts: number) => ({ id: asEventId(`e${++n}`), userId: asUserId(user), itemId: asItemId(itemId), type, ts });
    await w.events([
      ev('ann', 'i1', 'purchase', LAST - 28 * DAY),
      ev('ben', 'i2', 'view', LAST),
      ev('cat', 'i2', 'view', LAST - 14 * DAY),
      ev('cat', 'i3', 'cart', LAST - 7 * DAY),
    ]);
    await w.social([{ kind: 'FRIEND', from: asUserId('dan'), to: asUserId('ann') }, { kind: 'FRIEND', from: asUserId('dan'), to: asUserId('ben') }]);
    service = new RecsService(new RecsStore(graph.executor), new GraphModelCache(new RecsGraphStore(graph.executor), RECS_CONFIG.graph, () => wall), () => wall);
  });
  afterAll(async () => graph.close());

  const scores = async (userId: string, strategy: string) =>
    (await service.recommend(SYSTEM, parseRecommendArgs({ userId, strategy }))).items.map((r) => [r.itemId, r.score]);

  it('the reference is the last event plus the live margin (1 h), not today', async () => {
    expect(RECS_CONFIG.referenceTime.liveMarginMs).toBe(HOUR);
    expect(await service.reference.get()).toBe(LAST + HOUR);
  });

  it('POPULAR on a 2019 log: decayed weights from the log\'s last day, exactly as computed by hand', async () => {
    const hl = RECS_CONFIG.popular.halfLifeMs; // 14 days
    const ref = LAST + HOUR;
    const expected: [string, number][] = [
      ['i3', 3 * decay(ref - (LAST - 7 * DAY), hl)], // cat's cart: 3 * 2^(-(7 d + 1 h) / 14 d) = 2.1193
      ['i2', decay(ref - LAST, hl) + decay(ref - (LAST - 14 * DAY), hl)], // two views: 2^(-1/336) * 1.5 = 1.4969
      ['i1', 5 * decay(ref - (LAST - 28 * DAY), hl)], // ann's purchase: 5 * 2^(-(28 d + 1 h) / 14 d) = 1.2474
    ];
    const got = await scores('dan', 'POPULAR');
    expect(got.map(([id]) => id)).toEqual(expected.map(([id]) => id));
    got.forEach(([, s], k) => expect(s).toBeCloseTo(expected[k]![1], 12));
    // From today's clock the same weights would be about 2^-182 ~ 1e-55 each.
    expect(Math.min(...got.map(([, s]) => s as number))).toBeGreaterThan(1);
  });

  it('SOCIAL on a 2019 log: friends\' interactions decayed from the log\'s last day', async () => {
    const hl = RECS_CONFIG.social.halfLifeMs; // 30 days
    const ref = LAST + HOUR;
    const got = await scores('dan', 'SOCIAL');
    expect(got.map(([id]) => id)).toEqual(['i1', 'i2']);
    expect(got[0]![1]).toBeCloseTo(5 * decay(ref - (LAST - 28 * DAY), hl), 12); // ann's purchase, friend weight 1
    expect(got[1]![1]).toBeCloseTo(1 * decay(ref - LAST, hl), 12); // ben's view
  });

  it('reads the latest event time once per TTL, through the event_ts index (no scan)', async () => {
    const before = graph.executor.queryCount;
    await service.reference.get();
    expect(graph.executor.queryCount - before).toBe(0); // cached
    const plan = await graph.executor.profile(cypher('demand/last-event'), {});
    expect(operators(plan)).toContain('NodeIndexScan');
    expect(operators(plan)).toContain('Limit');
    expect(operators(plan)).not.toContain('NodeByLabelScan');
  });

  it('a live shop (an event within the margin) decays from the wall clock, as the raw file with now = today', async () => {
    await new GraphWriter(graph.executor).events([{ id: asEventId('live'), userId: asUserId('cat'), itemId: asItemId('i1'), type: 'view', ts: WALL - 10 * 60_000 }]);
    wall += RECS_CONFIG.referenceTime.ttlMs; // the cached latest time, pages and global POPULAR list expire
    expect(await service.reference.get()).toBe(wall);
    const raw = await graph.executor.read(cypher('recs/popular'), { ...documentedParams('recs/popular'), userId: 'dan', now: wall });
    expect(await scores('dan', 'POPULAR')).toEqual(raw.map((r) => [r['id'], r['score']]));
    expect(raw[0]?.['id']).toBe('i1'); // the fresh view outweighs everything from 2019
  });
});
