import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTaobaoSource } from '../../src/sources/taobao/taobao-source.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { AnalyticsStore } from '../../src/storage/analytics-store.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { AnalyticsService } from '../../src/usecases/analytics/analytics-service.ts';
import { dataAvailable, sharedDataPath } from '../sources/data-dir.ts';
import { openTestGraph } from '../support/graph.ts';
import { SYSTEM } from '../../src/domain/principal.ts';

const FILE = sharedDataPath('taobao-userbehavior', 'UserBehavior_prefix_814users.csv');
const AVAILABLE = dataAvailable(FILE, 'Taobao UserBehavior prefix (taobao-userbehavior/UserBehavior_prefix_814users.csv)');
const STATE: Readonly<Record<string, string>> = { pv: 'VIEW', fav: 'FAVOURITE', cart: 'CART', buy: 'PURCHASE' };

/**
 * Independent of src/: transition counts 'FROM>TO' straight from the raw CSV. Each row is an event with the
 * loader's documented id `tb-<user>-<item>-<type>-<seconds>-<k>` (k = earlier identical rows, type in our
 * vocabulary), needed only to break equal timestamps; events are sorted per user by (ts, id), split into
 * sessions at gaps over gapMs, and every session is closed (2017 data: all users idle for years).
 */
function countsFromCsv(text: string, gapMs: number): { users: number; counts: Record<string, number> } {
  const ourType: Readonly<Record<string, string>> = { pv: 'view', fav: 'favourite', cart: 'cart', buy: 'purchase' };
  const seen = new Map<string, number>();
  const byUser = new Map<string, { id: string; state: string; ts: number }[]>();
  for (const line of text.split('\n')) {
    const [user, item, category, behavior, seconds] = line.trim().split(',');
    if (seconds === undefined || category === undefined || item === undefined || behavior === undefined) continue;
    if (![user, item, category, seconds].every((f) => /^\d+$/.test(f ?? '')) || STATE[behavior] === undefined) continue;
    const key = `${user}-${item}-${ourType[behavior]}-${seconds}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const list = byUser.get(user as string) ?? [];
    list.push({ id: `tb-${key}-${k}`, state: STATE[behavior] as string, ts: Number(seconds) * 1000 });
    byUser.set(user as string, list);
  }
  const counts: Record<string, number> = {};
  const add = (from: string, to: string) => (counts[`${from}>${to}`] = (counts[`${from}>${to}`] ?? 0) + 1);
  for (const events of byUser.values()) {
    events.sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    events.forEach((e, i) => {
      const prev = events[i - 1];
      if (prev === undefined) add('START', e.state);
      else if (e.ts - prev.ts > gapMs) {
        add(prev.state, 'EXIT');
        add('START', e.state);
      } else add(prev.state, e.state);
    });
    const last = events[events.length - 1];
    if (last !== undefined) add(last.state, 'EXIT');
  }
  return { users: byUser.size, counts };
}

describe.skipIf(!AVAILABLE)('analytics on the Taobao UserBehavior prefix equal an independent count from the raw CSV', () => {
  let graph: GraphConnection;
  let service: AnalyticsService;
  const csv = AVAILABLE ? readFileSync(FILE, 'utf8') : '';

  beforeAll(async () => {
    graph = await openTestGraph();
    await ingestSource(createTaobaoSource({ file: FILE }), new GraphWriter(graph.executor), { batchSize: 20_000 });
    service = new AnalyticsService(new AnalyticsStore(graph.executor), { now: () => Date.now() });
  }, 600_000);
  afterAll(async () => graph?.close());

  for (const gapMinutes of [30, 5]) {
    it(`transition counts with a ${gapMinutes} min session gap, Cypher path and TypeScript path`, async () => {
      const expected = countsFromCsv(csv, gapMinutes * 60_000);
      expect(expected.users).toBe(814);
      for (const path of ['cypher', 'ts'] as const) {
        service.usePaths({ transitions: path });
        const m = await service.transitionMatrix(SYSTEM, { options: { sessionGapMinutes: gapMinutes } });
        const actual: Record<string, number> = {};
        const enumName = (s: string) => s.toUpperCase();
        for (const r of m.rows) r.counts.forEach((n, j) => n > 0 && (actual[`${enumName(r.from)}>${enumName(m.states[j] as string)}`] = n));
        expect(m.users, path).toBe(expected.users);
        expect(actual, path).toEqual(expected.counts);
      }
    });
  }
});
