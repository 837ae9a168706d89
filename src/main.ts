import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { capabilityResolvers, createAuth, createServices } from './app.ts';
import { ROLES } from './domain/principal.ts';
import { devGraphiqlQuery, devTokensText, type DevToken } from './graphql/dev-welcome.ts';
import { signToken } from './usecases/access/sign-token.ts';
import { principalRateKey } from './graphql/principal-rate-key.ts';
import { loadConfig } from './config.ts';
import { RequestTracker } from './graphql/http-drain.ts';
import { createApi, createHttpServer } from './graphql/server.ts';
import { createLogger } from './logger.ts';
import { createDemoSource, demoPreset } from './sources/demo/demo-source.ts';
import { graphCounts } from './storage/admin.ts';
import { connectGraph } from './storage/connect.ts';
import { GraphWriter } from './storage/graph-writer.ts';
import { applySchema } from './storage/schema.ts';
import { formatReport, type IngestReport } from './usecases/ingest/ingest-report.ts';
import { ingestSource } from './usecases/ingest/ingest-source.ts';
import { ProfileStore } from './storage/profile-store.ts';
import { DEFAULT_PROFILES_OPTIONS } from './usecases/customers/profiles-job.ts';
import { formatCustomerReport, refreshCustomers } from './usecases/customers/refresh-customers.ts';
import { createProgress } from './usecases/ingest/progress.ts';
import { Metrics } from './observability/metrics.ts';
import { metricsRoute } from './observability/metrics-route.ts';
import { PrivacyStore } from './storage/privacy-store.ts';
import { userIdCodec } from './usecases/privacy/user-id-codec.ts';

/**
 * The composition root: config -> Neo4j (embedded unless NEO4J_URI) -> schema -> demo data when the store is
 * empty -> GraphQL over HTTP. SIGINT/SIGTERM stop accepting requests, give in-flight ones the grace period,
 * answer the rest 503 UNAVAILABLE, close the driver and the JVM, exit 0. The embedded JVM is supervised:
 * restarted on the same store and port when it dies, exit 1 when restarts are exhausted (README "Reliability").
 * The scheduled refresh (GRAPH model, profiles, segments) starts with the server and stops with it: shutdown
 * waits for a running refresh up to the grace period. Several replicas may serve one database (README
 * "Deployment"): they share cache invalidations and the refresh lease through it.
 */
const DEV_TOKEN_HOURS = 12;

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
    const refreshStopped = services.refresh.stop(config.shutdown.graceMs);
    const drained = await tracker.drain(server, config.shutdown.graceMs);
    logger.info(drained, 'requests drained (cut-off ones were answered 503 UNAVAILABLE)');
    // The experiment assignments still queued are written before the driver goes.
    await services.loop.assignments.close().catch((err: unknown) => logger.warn({ err }, 'experiment assignments not written at shutdown'));
    logger.info({ refresh: await refreshStopped }, 'scheduled refresh stopped');
    // This replica's last writes reach the other replicas' caches.
    await services.replicas?.stop();
    // Refuses new queries, closes the driver (transactions not yet committed roll back) and stops the JVM.
    await graph.close();
    logger.info('stopped');
    process.exit(0);
  };

  const applied = await applySchema(graph.executor);
  logger.info({ files: applied.files.length, statements: applied.statements }, 'schema applied');
  const migrated = await new PrivacyStore(graph.executor).migrateLegacyConsent();
  if (migrated > 0) logger.info({ users: migrated }, 'legacy consent flag moved to consentSocial');
  const counts = await graphCounts(graph.executor);
  let demoLoad: IngestReport | undefined;
  if ((counts['User'] ?? 0) === 0 && (counts['Item'] ?? 0) === 0) {
    logger.info({ preset: config.demoPreset }, 'empty store: loading the demo shop');
    const progress = createProgress('demo shop');
    demoLoad = await ingestSource(createDemoSource(demoPreset(config.demoPreset)), new GraphWriter(graph.executor), {
      onProgress: progress.update,
      userIds: userIdCodec(config.privacy),
    });
    progress.stop();
    process.stderr.write(`${formatReport(demoLoad)}\n`);
  }

  const services = createServices(graph, config.live, config.privacy, config.loop, logger);
  services.loop.assignments.onFlushError = (err, pending) => logger.warn({ err, pending }, 'experiment assignments not written yet: retried with the next flush');
  if (demoLoad !== undefined) {
    // The demo shop comes with its customers understood: profiles, RFM segments and a clustering.
    const started = Date.now();
    const customers = await refreshCustomers(new ProfileStore(graph.executor, config.privacy.consentDefaults), services.segments, {
      ...DEFAULT_PROFILES_OPTIONS, now: () => Date.now(), cluster: {},
    });
    services.refresh.noteCustomersRefreshed(started, Date.now() - started);
    process.stderr.write(`${formatCustomerReport(customers)}\n`);
  }
  // Development without a configured secret gets a random one per run: the same verification as production,
  // with tokens anyone at this terminal can use. Production without a secret or JWKS never gets here.
  const secret = config.auth.jwtSecret ?? (config.auth.jwksUrl === undefined ? randomBytes(32).toString('base64url') : undefined);
  let devTokens: DevToken[] = [];
  if (config.auth.mode === 'development' && secret !== undefined) {
    // A shopper token names the user as the shop knows it. With pseudonymisation the store holds only
    // pseudonyms, which are not such names: then only GREC_DEV_SHOPPER (an external id) gives a shopper token.
    const shopper = config.auth.devShopper ?? (services.userIds.pseudonymous ? undefined : (await services.catalog.userIdsPage('', 1))[0] ?? 'u1');
    devTokens = ROLES.filter((role) => role !== 'shopper' || shopper !== undefined).map((role) => {
      const subject = role === 'shopper' ? (shopper ?? '') : `dev-${role}`;
      return { role, subject, token: signToken({ role, subject, ttlSeconds: DEV_TOKEN_HOURS * 3600 }, { secret, ...config.auth }) };
    });
  }
  const metrics = config.observability.metrics
    ? new Metrics({
      pageCache: services.recs.pages,
      graphModel: services.recs.graph,
      customers: { lastFit: () => services.refresh.lastCustomersRefresh() },
      refreshes: services.refresh,
    })
    : undefined;
  if (metrics !== undefined) {
    graph.executor.onQueryTimed = metrics.query;
    if (demoLoad !== undefined) metrics.ingest(demoLoad);
    if (config.observability.metricsToken === undefined && !isLoopback(config.http.host)) {
      logger.warn({ host: config.http.host }, '/metrics is served without a token on a non-loopback address: set GREC_METRICS_TOKEN');
    }
  }
  const api = createApi({
    services,
    auth: createAuth(graph, config.auth, secret),
    resolvers: capabilityResolvers(),
    logger,
    mode: config.mode,
    graphiql: config.web.graphiql,
    introspection: config.web.introspection,
    corsOrigins: config.web.corsOrigins,
    limits: config.limits,
    rateKeyOf: principalRateKey,
    ...(metrics !== undefined ? { metrics } : {}),
    ...(devTokens.length > 0 ? { graphiqlQuery: devGraphiqlQuery(devTokens) } : {}),
  });
  const server = createHttpServer(api, services, metrics !== undefined ? metricsRoute(metrics, config.observability.metricsToken) : undefined, tracker);
  server.once('error', (err: NodeJS.ErrnoException) => {
    const why = err.code === 'EADDRINUSE' ? `port ${config.http.port} on ${config.http.host} is taken (set PORT)` : err.message;
    process.stderr.write(`grec: cannot listen: ${why}\n`);
    void graph.close().finally(() => process.exit(1));
  });
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
  // GREC_REFRESH_INTERVAL_MS / GREC_REFRESH_AFTER_EVENTS (1 h and 10,000 by default; 0 and 0: no schedule).
  if (config.loop.refreshIntervalMs > 0 || config.loop.refreshAfterEvents > 0) services.refresh.start();
  // GREC_REPLICA_SYNC_MS (1 s by default; 0: a single instance): cache invalidations shared with other replicas.
  services.replicas?.start();
  server.listen(config.http.port, config.http.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.http.port; // PORT=0: the chosen one
    const url = `http://${config.http.host}:${port}/graphql`;
    if (devTokens.length > 0) process.stdout.write(`\n${devTokensText(devTokens, DEV_TOKEN_HOURS)}\n`);
    process.stdout.write(`\nConsole (sign in with a token above): http://${config.http.host}:${port}/console/\nGraphQL API and GraphiQL: ${url}\nHealth: http://${config.http.host}:${port}/health  Readiness: /ready\nNeo4j (${graph.mode}): ${graph.boltUri}\n`);
  });
}

const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || host.startsWith('127.');

main().catch((err: unknown) => {
  process.stderr.write(`grec: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
