import { inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { connectGraph, type GraphConnection } from '../../src/storage/connect.ts';
import { applySchema } from '../../src/storage/schema.ts';
import { wipeGraph } from '../../src/storage/admin.ts';

/** Connects to the run's Neo4j, applies the schema and empties the graph: each test file starts clean. */
export async function openTestGraph(): Promise<GraphConnection> {
  const cfg = loadConfig();
  // The wipe after a large data set (the Taobao tests) can outlast the 30 s request timeout on a loaded
  // machine: the test connection gets the CLI's batch timeout, as `grec wipe` has.
  const graph = await connectGraph({ ...cfg.neo4j, uri: inject('neo4jUri') }, () => {}, { txTimeoutMs: cfg.neo4j.timeouts.batchTxMs });
  await applySchema(graph.executor);
  await wipeGraph(graph.executor);
  return graph;
}
