import { mkdirSync } from 'node:fs';
import type { Config } from '../config.ts';
import { connectGraph, type GraphConnection } from '../storage/connect.ts';
import { applySchema } from '../storage/schema.ts';
import { PrivacyStore } from '../storage/privacy-store.ts';

/** Connects (embedded store or NEO4J_URI), applies the schema, runs `work`, always closes. */
export async function withGraph<T>(config: Config, work: (graph: GraphConnection) => Promise<T>): Promise<T> {
  if (config.neo4j.uri === undefined) mkdirSync(config.neo4j.local.storeDir, { recursive: true });
  // Batch transactions (10k rows) get the longer timeout; the embedded JVM is not supervised here: if it
  // dies the load fails with UNAVAILABLE and exits non-zero, and loading again is idempotent.
  const graph = await connectGraph(config.neo4j, (m) => process.stderr.write(`${m}\n`), { txTimeoutMs: config.neo4j.timeouts.batchTxMs });
  try {
    await applySchema(graph.executor);
    await new PrivacyStore(graph.executor).migrateLegacyConsent();
    return await work(graph);
  } finally {
    await graph.close();
  }
}
