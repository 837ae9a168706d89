import { inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { connectGraph, type GraphConnection } from '../../src/storage/connect.ts';
import { applySchema } from '../../src/storage/schema.ts';
import { wipeGraph } from '../../src/storage/admin.ts';

/** Connects to the run's Neo4j, applies the schema and empties the graph: each test file starts clean. */
export async function openTestGraph(): Promise<GraphConnection> {
  const cfg = loadConfig();
  const graph = await connectGraph({ ...cfg.neo4j, uri: inject('neo4jUri') }, () => {});
  await applySchema(graph.executor);
  await wipeGraph(graph.executor);
  return graph;
}
