// Bulk loads (issue 10, section 4): loading into an empty embedded store goes through Neo4j's own importer
// (neo4j-admin database import) and must give the graph the batched path gives, node by node and edge by
// edge, with every property's value AND type (a price 9 is a long, 9.5 a double; weights are doubles), and
// the same report (counts, duplicates, rejections).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGraph, type BulkSchema } from '../../src/cli/load-graph.ts';
import { withGraph } from '../../src/cli/with-graph.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { DataSource, SourceRow } from '../../src/domain/ingest.ts';
import type { CategoryId, EventId, ItemId, TagId, UserId } from '../../src/domain/ids.ts';
import { createDemoSource, demoPreset } from '../../src/sources/demo/demo-source.ts';
import { wipeGraph } from '../../src/storage/admin.ts';
import { connectGraph, type GraphConnection } from '../../src/storage/connect.ts';
import type { Executor } from '../../src/storage/executor.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import type { IngestReport } from '../../src/usecases/ingest/ingest-report.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { openTestGraph } from '../support/graph.ts';

/** Every node and relationship with each property as `name:TYPE=value` (Cypher's own valueType/toString). */
async function dump(ex: Executor): Promise<{ nodes: string[]; rels: string[] }> {
  const nodes = await ex.read(`MATCH (n) WHERE NOT n:SchemaMigration
    RETURN reduce(s = '', l IN labels(n) | s + ':' + l) AS labels,
           [k IN keys(n) | k + ':' + valueType(n[k]) + '=' + toString(n[k])] AS props`);
  const rels = await ex.read(`MATCH (a)-[r]->(b)
    RETURN type(r) AS type, a.id AS a, b.id AS b, [k IN keys(r) | k + ':' + valueType(r[k]) + '=' + toString(r[k])] AS props`);
  const line = (head: string, props: unknown): string => `${head} {${[...(props as string[])].sort().join(', ')}}`;
  return {
    nodes: nodes.map((r) => line(String(r['labels']), r['props'])).sort(),
    rels: rels.map((r) => line(`(${String(r['a'])})-[:${String(r['type'])}]->(${String(r['b'])})`, r['props'])).sort(),
  };
}

interface SchemaState {
  /** The id constraints of the graph's own labels (cypher/schema/001-constraints.cypher). */
  readonly graphConstraints: string[];
  /** Indexes not ONLINE (none once applySchema has awaited them). */
  readonly notOnline: number;
}

async function schemaState(ex: Executor): Promise<SchemaState> {
  const constraints = await ex.read("SHOW CONSTRAINTS YIELD name WHERE name IN ['user_id', 'item_id', 'category_id', 'tag_id', 'event_id'] RETURN name ORDER BY name");
  const pending = await ex.read("SHOW INDEXES YIELD state WHERE state <> 'ONLINE' RETURN count(*) AS n");
  return { graphConstraints: constraints.map((r) => String(r['name'])), notOnline: Number(pending[0]?.['n']) };
}

const SCHEMA_ONLINE: SchemaState = { graphConstraints: ['category_id', 'event_id', 'item_id', 'tag_id', 'user_id'], notOnline: 0 };

const rowsSource = (rows: readonly SourceRow[]): DataSource => ({
  name: 'hand-made', estimatedRows: rows.length, async *rows() { yield* rows; },
});

/** Every record kind, duplicates, a rejection, a long and a double price, an item priced after its purchase. */
const HAND_MADE: readonly SourceRow[] = [
  { kind: 'category', category: { id: 'c1' as CategoryId, name: 'Kitchen "and" more' } },
  { kind: 'user', user: { id: 'u1' as UserId, name: 'Ada', age: 36, consent: { social: true } } },
  { kind: 'user', user: { id: 'u1' as UserId, location: 'Oslo\nNorway' } },
  { kind: 'item', item: { id: 'i1' as ItemId, title: 'Mug, blue', price: 9, categoryIds: ['c1' as CategoryId], tagIds: ['t1' as TagId], attributes: { brand: 'Acme' } } },
  { kind: 'item', item: { id: 'i2' as ItemId, price: 9.5 } },
  { kind: 'rejected', rejection: { file: 'x.csv', line: 7, reason: 'bad_timestamp', field: 'ts', message: 'not a time' } },
  { kind: 'event', event: { id: 'e1' as EventId, userId: 'u1' as UserId, itemId: 'i1' as ItemId, type: 'view', ts: 1000 } },
  { kind: 'event', event: { id: 'e2' as EventId, userId: 'u1' as UserId, itemId: 'i1' as ItemId, type: 'purchase', ts: 2000 } },
  { kind: 'event', event: { id: 'e3' as EventId, userId: 'u2' as UserId, itemId: 'i2' as ItemId, type: 'rating', ts: 1500, value: 4.5 } },
  { kind: 'event', event: { id: 'e4' as EventId, userId: 'u2' as UserId, itemId: 'i3' as ItemId, type: 'purchase', ts: 1600, value: 12.25 } },
  { kind: 'event', event: { id: 'e5' as EventId, userId: 'u2' as UserId, itemId: 'i4' as ItemId, type: 'purchase', ts: 1700 } },
  { kind: 'event', event: { id: 'e1' as EventId, userId: 'u1' as UserId, itemId: 'i1' as ItemId, type: 'view', ts: 1000 } },
  { kind: 'aggregate', interaction: { userId: 'u3' as UserId, itemId: 'i1' as ItemId, count: 12 } },
  { kind: 'itemTag', itemTag: { itemId: 'i2' as ItemId, tagId: 't2' as TagId, count: 3 } },
  { kind: 'social', edge: { kind: 'FRIEND', from: 'u2' as UserId, to: 'u1' as UserId, since: 500 } },
  { kind: 'social', edge: { kind: 'FRIEND', from: 'u1' as UserId, to: 'u2' as UserId } },
  { kind: 'social', edge: { kind: 'FOLLOWS', from: 'u1' as UserId, to: 'u3' as UserId } },
  { kind: 'tag', tag: { id: 't1' as TagId, name: 'blue' } },
];

describe('bulk load into an empty embedded store', () => {
  const cfg = loadConfig();
  const stores: string[] = [];
  let runGraph: GraphConnection;

  beforeAll(async () => {
    runGraph = await openTestGraph();
  });
  afterAll(async () => {
    await runGraph.close();
    for (const s of stores) rmSync(s, { recursive: true, force: true });
  });

  /**
   * Loads `source()` with the batched path (the run's store) and with the bulk importer (a fresh store), then
   * starts the bulk store: with `schema: 'next-start'` (`grec load`) the way every command starts it
   * (withGraph, which applies the schema), with `'now'` bare (the load built the schema itself).
   */
  async function both(source: () => DataSource, batchSize: number, schema: BulkSchema): Promise<{ batched: [IngestReport, Awaited<ReturnType<typeof dump>>]; bulk: [IngestReport, Awaited<ReturnType<typeof dump>>]; schema: SchemaState }> {
    await wipeGraph(runGraph.executor);
    const batchedReport = await ingestSource(source(), new GraphWriter(runGraph.executor), { batchSize });
    const batchedDump = await dump(runGraph.executor);

    const store = mkdtempSync(join(tmpdir(), 'grec-bulk-test-'));
    stores.push(store);
    const config: Config = { ...cfg, neo4j: { ...cfg.neo4j, uri: undefined, local: { ...cfg.neo4j.local, storeDir: store, port: 0, heap: '512m', pageCache: '64m' } } };
    const { report, path } = await loadGraph(config, source(), { path: 'auto', schema, batchSize }, () => {});
    expect(path).toBe('bulk');
    const read = async (g: GraphConnection): Promise<[Awaited<ReturnType<typeof dump>>, SchemaState]> => [await dump(g.executor), await schemaState(g.executor)];
    let bulkDump: Awaited<ReturnType<typeof dump>>;
    let state: SchemaState;
    if (schema === 'next-start') {
      [bulkDump, state] = await withGraph(config, read);
    } else {
      const g = await connectGraph(config.neo4j, () => {});
      try {
        [bulkDump, state] = await read(g);
      } finally {
        await g.close();
      }
    }
    return { batched: [batchedReport, batchedDump], bulk: [report, bulkDump], schema: state };
  }

  it('gives the batched path\'s graph and report for a hand-made source with every record kind', async () => {
    const { batched, bulk, schema } = await both(() => rowsSource(HAND_MADE), 3, 'next-start');
    expect({ ...bulk[0], elapsedMs: 0 }).toEqual({ ...batched[0], elapsedMs: 0 });
    expect(bulk[0].rejected).toBe(1);
    expect(bulk[1]).toEqual(batched[1]);
    // Types survive the CSV files: a long and a double price, a double weight.
    expect(bulk[1].nodes).toContain(':Item {id:STRING NOT NULL=i2, price:FLOAT NOT NULL=9.5}');
    expect(bulk[1].nodes.find((n) => n.includes('id:STRING NOT NULL=i1,'))).toContain('price:INTEGER NOT NULL=9');
    expect(bulk[1].rels.find((r) => r.startsWith('(u3)-[:INTERACTED]->(i1)'))).toContain('plays:INTEGER NOT NULL=12');
    // `grec load` left the schema to the next start, which built it before the command's work ran.
    expect(schema).toEqual(SCHEMA_ONLINE);
  }, 240_000);

  it('gives the batched path\'s graph and report for the tiny demo, INTERACTED weights included', async () => {
    const { batched, bulk, schema } = await both(() => createDemoSource(demoPreset('tiny')), 200, 'now');
    expect({ ...bulk[0], elapsedMs: 0 }).toEqual({ ...batched[0], elapsedMs: 0 });
    expect(bulk[1].nodes.length).toBe(batched[1].nodes.length);
    expect(bulk[1].rels.length).toBe(batched[1].rels.length);
    expect(bulk[1]).toEqual(batched[1]);
    // schema 'now': the load started the store once and built the schema itself.
    expect(schema).toEqual(SCHEMA_ONLINE);
  }, 240_000);
});
