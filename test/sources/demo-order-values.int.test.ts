import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSource, demoPreset } from '../../src/sources/demo/demo-source.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { openTestGraph } from '../support/graph.ts';
import { collect, ofKind } from './collect.ts';

// The demo shop's purchases carry their order value; the ingest path must keep it on the Event node, where
// spend analytics read it.
describe('demo order values through the ingest, against the real Neo4j', () => {
  let graph: GraphConnection;
  beforeAll(async () => {
    graph = await openTestGraph();
    await ingestSource(createDemoSource(demoPreset('tiny')), new GraphWriter(graph.executor));
  }, 300_000);
  afterAll(async () => graph.close());

  it('stores every purchase value as generated, and no value on other events', async () => {
    const events = ofKind((await collect(createDemoSource(demoPreset('tiny')))).rows, 'event').map((r) => r.event);
    const generated = Object.fromEntries(events.filter((e) => e.type === 'purchase').map((e) => [e.id as string, e.value]));
    expect(Object.keys(generated).length).toBeGreaterThan(50);
    const rows = await graph.executor.read("MATCH (e:Event) WHERE e.type = 'purchase' RETURN e.id AS id, e.value AS value");
    expect(Object.fromEntries(rows.map((r) => [String(r['id']), r['value']]))).toEqual(generated);
    const [others] = await graph.executor.read("MATCH (e:Event) WHERE e.type <> 'purchase' AND e.value IS NOT NULL RETURN count(e) AS n");
    expect(Number(others?.['n'])).toBe(0);
  });
});
