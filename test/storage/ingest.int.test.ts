import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEventId, asItemId, asUserId } from '../../src/domain/ids.ts';
import type { DataSource, SourceRow } from '../../src/domain/ingest.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { graphCounts, wipeGraph } from '../../src/storage/admin.ts';
import { createDemoSource, demoPreset } from '../../src/sources/demo/demo-source.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { reportAddsUp } from '../../src/usecases/ingest/ingest-report.ts';
import { openTestGraph } from '../support/graph.ts';

const ev = (id: string, u: string, i: string, type: 'view' | 'cart' | 'purchase', ts: number): SourceRow => ({
  kind: 'event',
  event: { id: asEventId(id), userId: asUserId(u), itemId: asItemId(i), type, ts },
});

function sourceOf(rows: SourceRow[]): DataSource {
  return {
    name: 'hand',
    estimatedRows: rows.length,
    async *rows() {
      yield* rows;
    },
  };
}

const ROWS: SourceRow[] = [
  { kind: 'user', user: { id: asUserId('u1'), name: 'Ada', age: 36 } },
  { kind: 'item', item: { id: asItemId('i1'), title: 'Mug', price: 9.5, categoryIds: [], tagIds: [] } },
  ev('e1', 'u1', 'i1', 'view', 1000),
  ev('e2', 'u1', 'i1', 'cart', 2000),
  ev('e3', 'u1', 'i1', 'purchase', 3000),
  ev('e3', 'u1', 'i1', 'purchase', 3000), // same id twice in one batch: one event
  ev('e4', 'u2', 'i1', 'view', 1500),
  { kind: 'rejected', rejection: { file: 'x.csv', line: 7, reason: 'bad_timestamp', field: 'ts', message: 'not a time' } },
  { kind: 'social', edge: { kind: 'FRIEND', from: asUserId('u1'), to: asUserId('u2') } },
  { kind: 'social', edge: { kind: 'FRIEND', from: asUserId('u2'), to: asUserId('u1') } },
];

describe('ingestSource against the real Neo4j', () => {
  let graph: GraphConnection;
  beforeAll(async () => {
    graph = await openTestGraph();
  });
  afterAll(async () => graph.close());

  it('writes records, aggregates the user-item edge and accounts for every row', async () => {
    const report = await ingestSource(sourceOf(ROWS), new GraphWriter(graph.executor), { batchSize: 3 });
    expect(report.rowsRead).toBe(10);
    expect(report.rejected).toBe(1);
    expect(report.rejectedByReason).toEqual({ bad_timestamp: 1 });
    expect(report.kinds.event).toEqual({ read: 5, written: 4, duplicates: 1 });
    expect(report.kinds.social).toEqual({ read: 2, written: 1, duplicates: 1 });
    expect(report.bareNodes).toEqual({ users: 1, items: 0 }); // u2: named by e4, no user record
    expect(reportAddsUp(report)).toBe(true);

    const counts = await graphCounts(graph.executor);
    expect(counts).toMatchObject({ User: 2, Item: 1, Event: 4, INTERACTED: 2, FRIEND: 1, PERFORMED: 4 });
    const [edge] = await graph.executor.read(
      'MATCH (:User {id: $u})-[r:INTERACTED]->(:Item {id: $i}) RETURN r.views AS views, r.carts AS carts, r.purchases AS purchases, r.weight AS weight, r.firstTs AS firstTs, r.lastTs AS lastTs',
      { u: 'u1', i: 'i1' },
    );
    expect(edge).toEqual({ views: 1, carts: 1, purchases: 1, weight: 9, firstTs: 1000, lastTs: 3000 });
  });

  it('loading the same rows again changes nothing', async () => {
    const before = await graphCounts(graph.executor);
    const report = await ingestSource(sourceOf(ROWS), new GraphWriter(graph.executor), { batchSize: 100 });
    expect(report.kinds.event).toEqual({ read: 5, written: 0, duplicates: 5 });
    expect(report.kinds.user).toEqual({ read: 1, written: 0, duplicates: 1 });
    expect(report.bareNodes).toEqual({ users: 0, items: 0 });
    expect(await graphCounts(graph.executor)).toEqual(before);
    const [edge] = await graph.executor.read('MATCH (:User {id: "u1"})-[r:INTERACTED]->() RETURN r.weight AS w');
    expect(edge).toEqual({ w: 9 });
  });

  it('a fresh load counts categories and tags as written even when item batches fill before them', async () => {
    await wipeGraph(graph.executor);
    // batch 50 < 120 items: item batches are written while the 6 categories and 24 tags are still buffered
    const report = await ingestSource(createDemoSource(demoPreset('tiny')), new GraphWriter(graph.executor), { batchSize: 50 });
    expect(report.kinds.category).toEqual({ read: 6, written: 6, duplicates: 0 });
    expect(report.kinds.tag).toEqual({ read: 24, written: 24, duplicates: 0 });
    expect(report.kinds.item).toEqual({ read: 120, written: 120, duplicates: 0 });
    expect(report.kinds.user).toEqual({ read: 50, written: 50, duplicates: 0 });
    expect(reportAddsUp(report)).toBe(true);
    expect(await graphCounts(graph.executor)).toMatchObject({ Category: 6, Tag: 24, Item: 120, User: 50 });
  });
});
