import { mkdirSync } from 'node:fs';
import { capabilityResolvers, createServices } from './app.ts';
import { loadConfig } from './config.ts';
import { RequestTracker } from './graphql/http-drain.ts';
import { createApi, createHttpServer } from './graphql/server.ts';
import { createLogger } from './logger.ts';
import { createDemoSource, demoPreset } from './sources/demo/demo-source.ts';
import { graphCounts } from './storage/admin.ts';
import { connectGraph } from './storage/connect.ts';
import { GraphWriter } from './storage/graph-writer.ts';
import { applySchema } from './storage/schema.ts';
import { formatReport } from './usecases/ingest/ingest-report.ts';
import { ingestSource } from './usecases/ingest/ingest-source.ts';
import { createProgress } from './usecases/ingest/progress.ts';

/**
 * The composition root: config -> Neo4j (embedded unless NEO4J_URI) -> schema -> demo data when the store is
 * empty -> GraphQL over HTTP. SIGINT/SIGTERM stop accepting requests, give in-flight ones the grace period,
 * answer the rest 503 UNAVAILABLE, close the driver and the JVM, exit 0. The embedded JVM is supervised:
 * restarted on the same store and port when it dies, exit 1 when restarts are exhausted (README "Reliability").
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.neo4j.uri === undefined) mkdirSync(config.neo4j.local.storeDir, { recursive: true });
  const graph = await connectGraph(config.neo4j, (m, level = 'info') => logger[level](m), {
    supervise: {
      onFatal: (reason) => {
        logger.fatal({ reason }, 'the embedded Neo4j is gone for good: exiting so an orchestrator restarts the service');
        process.exit(1);
      },
    },
  });
  let closing = false;
  const tracker = new RequestTracker();
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.info({ signal, inFlight: tracker.size, graceMs: config.shutdown.graceMs }, 'shutting down: accepting no new requests');
    const drained = await tracker.drain(server, config.shutdown.graceMs);
    logger.info(drained, 'requests drained (cut-off ones were answered 503 UNAVAILABLE)');
    // Refuses new queries, closes the driver (transactions not yet committed roll back) and stops the JVM.
    await graph.close();
    logger.info('stopped');
    process.exit(0);
  };

  const applied = await applySchema(graph.executor);
  logger.info({ files: applied.files.length, statements: applied.statements }, 'schema applied');
  const counts = await graphCounts(graph.executor);
  if ((counts['User'] ?? 0) === 0 && (counts['Item'] ?? 0) === 0) {
    logger.info({ preset: config.demoPreset }, 'empty store: loading the demo shop');
    const progress = createProgress('demo shop');
    const report = await ingestSource(createDemoSource(demoPreset(config.demoPreset)), new GraphWriter(graph.executor), {
      onProgress: progress.update,
    });
    progress.stop();
    process.stderr.write(`${formatReport(report)}\n`);
  }

  const services = createServices(graph, config.live);
  const api = createApi({ services, resolvers: capabilityResolvers(), logger, maxDepth: config.http.maxDepth });
  const server = createHttpServer(api, services, tracker);
  const onSignal = (signal: string) => () => {
    shutdown(signal).catch((err: unknown) => {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  };
  // A promise nobody awaited (e.g. a field the query did not select, whose load failed while the database
  // was down) must not take the whole server down with it: log it once and keep serving.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled promise rejection'));
  process.once('SIGINT', onSignal('SIGINT'));
  process.once('SIGTERM', onSignal('SIGTERM'));
  server.listen(config.http.port, config.http.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.http.port; // PORT=0: the chosen one
    const url = `http://${config.http.host}:${port}/graphql`;
    process.stdout.write(`\nGraphQL API and GraphiQL: ${url}\nHealth: http://${config.http.host}:${port}/health  Readiness: /ready\nNeo4j (${graph.mode}): ${graph.boltUri}\n`);
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`grec: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
