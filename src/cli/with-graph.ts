import { mkdirSync } from 'node:fs';
import type { Config } from '../config.ts';
import { connectGraph, type GraphConnection } from '../storage/connect.ts';
import { applySchema } from '../storage/schema.ts';
import { PrivacyStore } from '../storage/privacy-store.ts';

/** Connects (embedded store or NEO4J_URI), applies the schema, runs `work`, always closes. */
export async function withGraph<T>(config: Config, work: (graph: GraphConnection) => Promise<T>): Promise<T> {
  if (config.neo4j.uri === undefined) mkdirSync(config.neo4j.local.storeDir, { recursive: true });
  const graph = await connectGraph(config.neo4j, (m) => process.stderr.write(`${m}\n`));
  try {
    await applySchema(graph.executor);
    await new PrivacyStore(graph.executor).migrateLegacyConsent();
    return await work(graph);
  } finally {
    await graph.close();
  }
}
