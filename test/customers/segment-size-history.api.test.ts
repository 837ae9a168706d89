// Segment size history on the hand-made shop (hand-shop.ts): every refresh (profiles run, defineSegment,
// clustering) leaves one (:SegmentSize {segment, at, size}) per segment it recomputed, read back through
// Segment.sizeHistory with exact sizes and times; deleted segments lose their series; staff only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import { SYSTEM } from '../../src/domain/principal.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ProfileStore } from '../../src/storage/profile-store.ts';
import { SegmentStore } from '../../src/storage/segment-store.ts';
import { DEFAULT_PROFILES_OPTIONS } from '../../src/usecases/customers/profiles-job.ts';
import { SegmentService } from '../../src/usecases/customers/segment-service.ts';
import { refreshCustomers } from '../../src/usecases/customers/refresh-customers.ts';
import { bearer, createTestApi, type Gql } from '../support/api.ts';
import { openTestGraph } from '../support/graph.ts';
import { AS_OF, writeHandShop } from './hand-shop.ts';

/** The refreshes' clock: one distinct, known time per step. */
const T1 = Date.UTC(2026, 0, 1);
const T2 = Date.UTC(2026, 0, 2);
const T3 = Date.UTC(2026, 0, 3);
const T4 = Date.UTC(2026, 0, 4);
const iso = (ms: number): string => new Date(ms).toISOString();

const BUYERS = { name: 'Buyers', rule: { feature: 'frequency', op: 'gte', value: 1 } };
const HISTORY = `query($id: ID!, $from: DateTime, $to: DateTime, $last: Int) { segment(id: $id) { id size sizeHistory(from: $from, to: $to, last: $last) { at size } } }`;

describe('segment size history (hand-made shop, two refreshes)', () => {
  let graph: GraphConnection;
  let gql: Gql;
  let clock = T1;
  let segments: SegmentService;
  let refresh: () => ReturnType<typeof refreshCustomers>;
  const data = async (query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>) => {
    const r = await gql(query, variables, headers);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return r.body.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const history = async (id: string, args: Record<string, unknown> = {}) => (await data(HISTORY, { id, ...args })).segment?.sizeHistory;
  const snapshots = async () => graph.executor.read('MATCH (h:SegmentSize) RETURN h.segment AS segment, h.at AS at, h.size AS size ORDER BY segment, at');

  beforeAll(async () => {
    graph = await openTestGraph();
    const writer = new GraphWriter(graph.executor);
    await writeHandShop(writer);
    gql = createTestApi(graph).gql;
    const store = new ProfileStore(graph.executor);
    segments = new SegmentService(new SegmentStore(graph.executor), store, () => clock);
    refresh = () => refreshCustomers(store, segments, { ...DEFAULT_PROFILES_OPTIONS, now: () => clock });
    // T1: the first profiles run (RFM segments). T2: a rule segment is defined (only it is computed).
    await refresh();
    clock = T2;
    await segments.define(SYSTEM, BUYERS);
    // u3 buys for the first time; T3: the second profiles run recomputes RFM and rule segments.
    await writer.events([{ id: asEventId('late'), userId: asUserId('u3'), itemId: asItemId('i1'), type: 'purchase', ts: AS_OF - 60_000 }]);
    clock = T3;
    await refresh();
  });
  afterAll(async () => graph.close());

  it('a rule segment: its size when defined, then at the next profiles run', async () => {
    // Buyers: u1 and u2 at T2; u3 bought before T3, so three.
    expect(await history('buyers')).toEqual([{ at: iso(T2), size: 2 }, { at: iso(T3), size: 3 }]);
    expect((await data(HISTORY, { id: 'buyers' })).segment.size).toBe(3);
  });

  it('every RFM segment has one snapshot per profiles run, equal to the members it had then', async () => {
    const rows = (await snapshots()).filter((r) => String(r['segment']).startsWith('rfm-'));
    const byRun = (at: number) => rows.filter((r) => r['at'] === at);
    // 11 RFM segments, each snapshotted at both runs; the runs split the buyers among them (2 then 3).
    expect(byRun(T1)).toHaveLength(11);
    expect(byRun(T3)).toHaveLength(11);
    expect(rows).toHaveLength(22);
    expect(byRun(T1).reduce((s, r) => s + Number(r['size']), 0)).toBe(2);
    expect(byRun(T3).reduce((s, r) => s + Number(r['size']), 0)).toBe(3);
    // Which ones: the RFM quintiles of 2 buyers (u1, u2) at T1, then of 3 (u3's late purchase) at T3.
    expect(rows.filter((r) => Number(r['size']) > 0)).toEqual([
      { segment: 'rfm-at-risk', at: T1, size: 1 },
      { segment: 'rfm-cannot-lose-them', at: T3, size: 1 },
      { segment: 'rfm-need-attention', at: T3, size: 1 },
      { segment: 'rfm-promising', at: T1, size: 1 },
      { segment: 'rfm-promising', at: T3, size: 1 },
    ]);
    // The API's series ends at the segment's current size.
    const list = (await data('{ segments(kind: RFM) { id size sizeHistory { at size } } }')).segments as { id: string; size: number; sizeHistory: { at: string; size: number }[] }[];
    for (const s of list) {
      expect(s.sizeHistory.map((p) => p.at), s.id).toEqual([iso(T1), iso(T3)]);
      expect(s.sizeHistory.at(-1)?.size, s.id).toBe(s.size);
    }
  });

  it('from, to and last narrow the series; bad bounds are INVALID_INPUT', async () => {
    expect(await history('buyers', { from: iso(T3) })).toEqual([{ at: iso(T3), size: 3 }]);
    expect(await history('buyers', { to: iso(T2) })).toEqual([{ at: iso(T2), size: 2 }]);
    expect(await history('buyers', { from: iso(T2), to: iso(T3) })).toEqual([{ at: iso(T2), size: 2 }, { at: iso(T3), size: 3 }]);
    expect(await history('buyers', { last: 1 })).toEqual([{ at: iso(T3), size: 3 }]);
    for (const args of [{ last: 0 }, { last: 1001 }, { from: iso(T3), to: iso(T2) }]) {
      const r = await gql(HISTORY, { id: 'buyers', ...args });
      expect(r.body.errors?.[0]?.extensions?.['code'], JSON.stringify(args)).toBe('INVALID_INPUT');
    }
  });

  it('clusters: a re-clustering continues the series of the cluster ids it makes again', async () => {
    clock = T4;
    await segments.cluster(SYSTEM, { minK: 2, maxK: 2 });
    clock = T4 + 1000;
    const again = await segments.cluster(SYSTEM, { minK: 2, maxK: 2 });
    expect(again.k).toBe(2);
    expect(again.clusters.map((c) => c.id)).toEqual(['cluster-1', 'cluster-2']);
    for (const c of again.clusters) {
      expect(await history(c.id)).toEqual([{ at: iso(T4), size: c.size }, { at: iso(T4 + 1000), size: c.size }]);
    }
    expect(again.clusters.reduce((s, c) => s + (c.size ?? 0), 0)).toBe(3);
  });

  it('a deleted rule segment loses its series; defined again, it starts afresh', async () => {
    expect(await segments.delete(SYSTEM, 'buyers')).toBe(true);
    expect((await snapshots()).filter((r) => r['segment'] === 'buyers')).toEqual([]);
    clock = T4 + 2000;
    await segments.define(SYSTEM, BUYERS);
    expect(await history('buyers')).toEqual([{ at: iso(T4 + 2000), size: 3 }]);
  });

  it('sizes only, and only for staff: a shopper reading their own profile cannot read a series', async () => {
    expect(Object.keys((await snapshots())[0] ?? {}).sort()).toEqual(['at', 'segment', 'size']);
    const r = await gql('{ userProfile(userId: "u1") { segments { id sizeHistory { size } } } }', {}, bearer('shopper', 'u1'));
    expect(r.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await gql(HISTORY, { id: 'buyers' }, bearer('analyst'))).body.errors).toBeUndefined();
  });
});
