import { mkdirSync } from 'node:fs';
import { capabilityResolvers, createServices } from './app.ts';
import { loadConfig } from './config.ts';
import { closeHttpServer, createApi, createHttpServer } from './graphql/server.ts';
import { createLogger } from './logger.ts';
import { createDemoSource, demoPreset } from './sources/demo/demo-source.ts';
import { graphCounts } from './storage/admin.ts';
import { connectGraph } from './storage/connect.ts';
import { GraphWriter } from './storage/graph-writer.ts';
import { applySchema } from './storage/schema.ts';
import { formatReport } from './usecases/ingest/ingest-report.ts';
import { ingestSource } from './usecases/ingest/ingest-source.ts';
import { createProgress } from './usecases/ingest/progress.ts';
import { PrivacyStore } from './storage/privacy-store.ts';
import { userIdCodec } from './usecases/privacy/user-id-codec.ts';

/**
 * The composition root: config -> Neo4j (embedded unless NEO4J_URI) -> schema -> demo data when the store is
 * empty -> GraphQL over HTTP. SIGINT/SIGTERM stop accepting requests, drain, close the driver and the JVM.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.neo4j.uri === undefined) mkdirSync(config.neo4j.local.storeDir, { recursive: true });
  const graph = await connectGraph(config.neo4j, (m) => logger.info(m));
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await closeHttpServer(server).catch(() => undefined);
    await graph.close();
    process.exit(0);
  };

  const applied = await applySchema(graph.executor);
  logger.info({ files: applied.files.length, statements: applied.statements }, 'schema applied');
  const migrated = await new PrivacyStore(graph.executor).migrateLegacyConsent();
  if (migrated > 0) logger.info({ users: migrated }, 'legacy consent flag moved to consentSocial');
  const counts = await graphCounts(graph.executor);
  if ((counts['User'] ?? 0) === 0 && (counts['Item'] ?? 0) === 0) {
    logger.info({ preset: config.demoPreset }, 'empty store: loading the demo shop');
    const progress = createProgress('demo shop');
    const report = await ingestSource(createDemoSource(demoPreset(config.demoPreset)), new GraphWriter(graph.executor), {
      onProgress: progress.update,
      userIds: userIdCodec(config.privacy),
    });
    progress.stop();
    process.stderr.write(`${formatReport(report)}\n`);
  }

  const services = createServices(graph, config.privacy);
  const api = createApi({ services, resolvers: capabilityResolvers(), logger, maxDepth: config.http.maxDepth });
  const server = createHttpServer(api, services);
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  server.listen(config.http.port, config.http.host, () => {
    const url = `http://${config.http.host}:${config.http.port}/graphql`;
    process.stdout.write(`\nGraphQL API and GraphiQL: ${url}\nHealth: http://${config.http.host}:${config.http.port}/health  Readiness: /ready\nNeo4j (${graph.mode}): ${graph.boltUri}\n`);
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`grec: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
