// A hand-made generic folder loaded into the real Neo4j: the interactions' `quantity` column gives exact
// INTERACTED weights (quantity x the type's weight), a bad quantity rejects its row with file:line and column
// while the other rows load, and the report counts the users and items created only because an interaction
// named them (u3; i8 and i9 have no record in users.csv / items.csv).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenericSource } from '../../src/sources/generic/generic-source.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { cypher } from '../../src/storage/cypher-files.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { formatReport, reportAddsUp } from '../../src/usecases/ingest/ingest-report.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { openTestGraph } from '../support/graph.ts';

function shopDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'grec-signals-'));
  writeFileSync(join(dir, 'users.csv'), 'id,name\nu1,Ada\nu2,Bob\n');
  writeFileSync(join(dir, 'items.csv'), 'id,title\ni1,Mug\ni2,Cup\n');
  writeFileSync(join(dir, 'interactions.csv'), [
    'id,userId,itemId,type,ts,quantity', // 1
    'e1,u1,i1,purchase,1700000000,3', // 2  3 x 5 = 15
    'e2,u1,i1,view,1700000001,', // 3     no quantity: 1 x 1, edge u1-i1 16
    'e3,u2,i2,view,1700000002,120', // 4  120 seconds of dwell: 120
    'e4,u1,i2,purchase,1700000003,-1', // 5  rejected: negative
    'e5,u1,i2,view,1700000004,lots', // 6    rejected: not a number
    'e6,u3,i9,view,1700000005,2.5', // 7  u3 and i9 unknown: 2.5
    'e7,u2,i8,cart,1700000006,0', // 8    i8 unknown: weight 0, the event kept
  ].join('\n'));
  writeFileSync(join(dir, 'social.csv'), 'from,to,kind\nu1,u2,follow\n');
  return dir;
}

describe('generic quantity column and bare nodes in the load report', () => {
  let graph: GraphConnection;
  beforeAll(async () => {
    graph = await openTestGraph();
  });
  afterAll(async () => graph.close());

  it('loads exact INTERACTED weights, rejects the bad quantities, counts 1 bare user and 2 bare items', async () => {
    const dir = shopDir();
    const report = await ingestSource(createGenericSource({ dir }), new GraphWriter(graph.executor), { batchSize: 2 });
    const file = join(dir, 'interactions.csv');
    expect(report.firstRejections).toEqual([
      { file, line: 5, reason: 'bad_number', field: 'quantity', message: 'quantity -1 is negative' },
      { file, line: 6, reason: 'bad_number', field: 'quantity', message: 'quantity "lots" is not a number' },
    ]);
    expect(report.rejectedByReason).toEqual({ bad_number: 2 });
    expect(report.kinds.event).toEqual({ read: 5, written: 5, duplicates: 0 });
    expect(reportAddsUp(report)).toBe(true);
    expect(report.bareNodes).toEqual({ users: 1, items: 2 });
    expect(JSON.parse(JSON.stringify(report)).bareNodes).toEqual({ users: 1, items: 2 }); // what --json prints
    expect(formatReport(report)).toContain('\n  bare nodes 1 user and 2 items created only because an interaction or social edge named them (no record of their own)\n');

    const edges = await graph.executor.read(
      'MATCH (u:User)-[r:INTERACTED]->(i:Item) RETURN u.id AS u, i.id AS i, r.weight AS w, r.views AS views, r.purchases AS purchases ORDER BY u, i',
    );
    expect(edges).toEqual([
      { u: 'u1', i: 'i1', w: 16, views: 1, purchases: 1 },
      { u: 'u2', i: 'i2', w: 120, views: 1, purchases: 0 },
      { u: 'u2', i: 'i8', w: 0, views: 0, purchases: 0 },
      { u: 'u3', i: 'i9', w: 2.5, views: 1, purchases: 0 },
    ]);
    const [e1] = await graph.executor.read('MATCH (e:Event {id: "e1"}) RETURN e.quantity AS q');
    expect(e1).toEqual({ q: 3 });
    // TRENDING weighs the stored events the same way (no decay to speak of: a half-life of 10^15 ms).
    const trending = await graph.executor.read(cypher('recs/trending'), {
      userId: 'u1', now: 1_700_000_006_000, windowMs: 10_000, halfLifeMs: 1e15, excludeSeen: false, excludePurchased: false,
      excludeItemIds: [], categoryIds: [], minPrice: null, maxPrice: null, limit: 10,
    });
    expect(trending.map((r) => [r['id'], Math.round(Number(r['score']) * 1e6) / 1e6, r['events']])).toEqual([['i2', 120, 1], ['i1', 16, 2], ['i9', 2.5, 1]]);
  });

  it('loading the folder again creates no bare node and says nothing about them', async () => {
    const report = await ingestSource(createGenericSource({ dir: shopDir() }), new GraphWriter(graph.executor));
    expect(report.bareNodes).toEqual({ users: 0, items: 0 });
    expect(report.kinds.event).toEqual({ read: 5, written: 0, duplicates: 5 });
    expect(formatReport(report)).not.toContain('bare nodes');
  });
});
