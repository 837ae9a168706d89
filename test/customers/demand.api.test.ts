// Hot items and demand forecasts over HTTP on a hand-made purchase log: the counts the Cypher files
// aggregate are exact, the scores are those of the pure hot-items function on those counts, and a noise-free
// weekly pattern is forecast back with its intervals around it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotItems } from '../../src/algorithms/trending/hot-items.ts';
import type { InteractionEvent } from '../../src/domain/events.ts';
import { asCategoryId, asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { createTestApi } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';

const DAY = 86_400_000;
/** The last day of the log (a Sunday); its 12:00 purchase of s1 is the latest event. */
const LAST_DAY = Date.UTC(2024, 2, 31);
const AS_OF = LAST_DAY + 12 * 3_600_000;
/** Purchases of s1 per weekday, Monday first: a weekend peak. */
const PATTERN = [1, 2, 3, 4, 5, 10, 12];
const WEEKS = 8;

let n = 0;
const buy = (item: string, ts: number): InteractionEvent => ({ id: asEventId(`p${++n}`), userId: asUserId('u1'), itemId: asItemId(item), type: 'purchase', ts });

function purchaseLog(): InteractionEvent[] {
  const out: InteractionEvent[] = [];
  // Hot-items category: a doubles its daily rate in the last 7 days, b stays flat, c is new.
  const at = (k: number, minutes = 0) => LAST_DAY + 11 * 3_600_000 + minutes * 60_000 - k * DAY;
  for (let k = 7; k <= 34; k++) out.push(buy('a', at(k)), buy('b', at(k)));
  for (let k = 0; k <= 6; k++) out.push(buy('a', at(k)), buy('a', at(k, 30)), buy('b', at(k)));
  for (let k = 0; k <= 2; k++) out.push(buy('c', at(k)));
  // Forecast category: s1, 8 weeks of the weekday pattern, at noon.
  for (let d = 0; d < 7 * WEEKS; d++) {
    const day = LAST_DAY - (7 * WEEKS - 1 - d) * DAY;
    const weekday = (new Date(day).getUTCDay() + 6) % 7;
    for (let j = 0; j < PATTERN[weekday]!; j++) out.push(buy('s1', day + 12 * 3_600_000 - j * 60_000));
  }
  return out;
}

describe('hot items and demand forecasts over HTTP (hand-made purchase log)', () => {
  let graph: GraphConnection;
  let gql: ReturnType<typeof createTestApi>['gql'];
  const data = async (query: string) => {
    const r = await gql(query);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return r.body.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  beforeAll(async () => {
    graph = await openTestGraph();
    const w = new GraphWriter(graph.executor);
    await w.categories([{ id: asCategoryId('hot') }, { id: asCategoryId('season') }]);
    await w.items(['a', 'b', 'c'].map((id) => ({ id: asItemId(id), price: 1, categoryIds: [asCategoryId('hot')] }))
      .concat([{ id: asItemId('s1'), price: 1, categoryIds: [asCategoryId('season')] }]));
    await w.users([{ id: asUserId('u1') }]);
    await w.events(purchaseLog());
    gql = createTestApi(graph).gql;
  });
  afterAll(async () => graph.close());

  it('counts recent and baseline demand per item exactly and ranks by the rise against each item\'s own baseline', async () => {
    const hot = (await data('{ hotItems(categoryId: "hot", window: {recentDays: 7, baselineDays: 28}) { item { id } score recentCount baselineCount expectedRecent ratio } }')).hotItems;
    const expected = hotItems([{ itemId: 'a', recent: 14, baseline: 28 }, { itemId: 'b', recent: 7, baseline: 28 }, { itemId: 'c', recent: 3, baseline: 0 }], { windowDays: 7, baselineDays: 28 }, 10);
    expect(hot).toEqual(expected.map((h) => ({ item: { id: h.itemId }, score: h.score, recentCount: h.recentCount, baselineCount: h.baselineCount, expectedRecent: h.expectedRecent, ratio: h.ratio })));
    // a doubled its rate: first. b is flat; it scores only what the shrinkage towards the category's mean
    // rate (which c's zero baseline lowers) lends it, a small fraction of a's rise.
    expect(hot[0].item.id).toBe('a');
    const b = hot.find((h: { item: { id: string } }) => h.item.id === 'b');
    expect(b === undefined || b.score < hot[0].score / 4).toBe(true);
  });

  it('takes the reference time from the latest event, or from window.asOf', async () => {
    const early = (await data(`{ hotItems(categoryId: "hot", window: {asOf: "${new Date(AS_OF - 20 * DAY).toISOString()}"}) { item { id } recentCount baselineCount } }`)).hotItems;
    // 20 days earlier a and b sold one a day: the 7 days up to then hold days k = 20..26 before the last
    // day (11:00 each), the 28 days before those only k = 27..34, where the log starts; c had not started.
    const counts = Object.fromEntries(early.map((h: { item: { id: string }; recentCount: number; baselineCount: number }) => [h.item.id, [h.recentCount, h.baselineCount]]));
    // (Their baseline only covers the log's first days, so both look like a rise then.)
    expect(counts).toEqual({ a: [7, 8], b: [7, 8] });
    expect(counts['c']).toBeUndefined();
  });

  it('forecasts a noise-free weekly pattern back, with the history as stored and intervals around the mean', async () => {
    const f = (await data('{ demandForecast(categoryId: "season", horizonDays: 14, historyDays: 56) { categoryId eventType method history { date count } forecast { date mean lower upper } } }')).demandForecast;
    expect(f.categoryId).toBe('season');
    expect(f.eventType).toBe('PURCHASE');
    expect(f.method).toMatch(/^holt-winters/);
    expect(f.history).toHaveLength(56);
    expect(f.history[55]).toEqual({ date: '2024-03-31', count: PATTERN[6] });
    expect(f.history.map((h: { count: number }) => h.count)).toEqual(Array.from({ length: 56 }, (_, d) => PATTERN[(new Date(LAST_DAY - (55 - d) * DAY).getUTCDay() + 6) % 7]));
    expect(f.forecast).toHaveLength(14);
    expect(f.forecast[0].date).toBe('2024-04-01');
    f.forecast.forEach((p: { mean: number; lower: number; upper: number }, h: number) => {
      expect(p.mean).toBeCloseTo(PATTERN[h % 7]!, 1);
      expect(p.lower).toBeLessThanOrEqual(p.mean);
      expect(p.upper).toBeGreaterThanOrEqual(p.mean);
    });
  });

  it('rejects a forecast for both or neither of item and category, and out-of-range windows, naming the field', async () => {
    const both = await gql('{ demandForecast(itemId: "a", categoryId: "hot") { method } }');
    expect(both.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT' });
    const neither = await gql('{ demandForecast { method } }');
    expect(neither.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT' });
    const horizon = await gql('{ demandForecast(itemId: "a", horizonDays: 1000) { method } }');
    expect(horizon.body.errors?.[0]?.message).toMatch(/horizonDays/);
    const window = await gql('{ hotItems(window: {recentDays: 0}) { score } }');
    expect(window.body.errors?.[0]?.message).toMatch(/window.recentDays/);
    // Unknown ids are NOT_FOUND, not a forecast of zeros or an empty ranking.
    for (const q of ['{ demandForecast(itemId: "nope") { method } }', '{ demandForecast(categoryId: "nope") { method } }', '{ hotItems(categoryId: "nope") { score } }']) {
      const r = await gql(q);
      expect(r.body.errors?.[0]?.extensions, q).toMatchObject({ code: 'NOT_FOUND' });
      expect(r.body.errors?.[0]?.message, q).toMatch(/nope/);
    }
  });
});
