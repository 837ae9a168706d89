import type { LiveConfig } from './config.ts';
import type { Services } from './graphql/context.ts';
import type { ResolverSet } from './graphql/schema.ts';
import { CatalogStore } from './storage/catalog-store.ts';
import type { GraphConnection } from './storage/connect.ts';
import { EventStore } from './storage/event-store.ts';
import { ImpressionStore } from './storage/impression-store.ts';
import { GraphWriter } from './storage/graph-writer.ts';
import { SocialStore } from './storage/social-store.ts';
import { RecsGraphStore } from './storage/recs-graph-store.ts';
import { RecsStore } from './storage/recs-store.ts';
import { RECS_CONFIG } from './usecases/recommend/config.ts';
import { SERVING_CONFIG } from './usecases/recommend/serving-config.ts';
import { GraphModelCache } from './usecases/recommend/graph-model-cache.ts';
import { RecsService } from './usecases/recommend/recs-service.ts';
import { ItemNeighbours } from './usecases/recommend/item-neighbours.ts';
import { ItemNeighboursStore } from './storage/item-neighbours-store.ts';
import { recommendationResolvers } from './graphql/resolvers/recommendations.ts';
import { AnalyticsStore } from './storage/analytics-store.ts';
import { AnalyticsService } from './usecases/analytics/analytics-service.ts';
import { analyticsResolvers } from './graphql/resolvers/analytics.ts';
import type { AuthConfig } from './config.ts';
import { createAuthentication, type Authentication } from './graphql/authentication.ts';
import { ApiKeyStore } from './storage/api-key-store.ts';
import { ApiKeyAuthenticator } from './usecases/access/api-keys.ts';
import { privacyResolvers } from './graphql/resolvers/privacy.ts';
import { DEFAULT_LOOP, DEFAULT_PRIVACY, type LoopConfig, type PrivacyConfig } from './config.ts';
import { RecommendationIds } from './usecases/loop/recommendation-id.ts';
import { ExperimentStore } from './storage/experiment-store.ts';
import { AssignmentLog } from './usecases/loop/assignment-log.ts';
import { ExperimentChooser } from './usecases/loop/experiment-chooser.ts';
import { ExperimentService } from './usecases/loop/experiment-service.ts';
import { ExperimentResultsService } from './usecases/loop/experiment-results.ts';
import { experimentResolvers } from './graphql/resolvers/loop-experiments.ts';
import { PrivacyStore } from './storage/privacy-store.ts';
import { PrivacyService } from './usecases/privacy/privacy-service.ts';
import { userIdCodec } from './usecases/privacy/user-id-codec.ts';
import { ProfileStore } from './storage/profile-store.ts';
import { SegmentStore } from './storage/segment-store.ts';
import { DemandStore } from './storage/demand-store.ts';
import { CustomerService } from './usecases/customers/customer-service.ts';
import { SegmentService } from './usecases/customers/segment-service.ts';
import { DemandService } from './usecases/customers/demand-service.ts';
import { profileHooks } from './usecases/customers/profile-privacy.ts';
import { customerResolvers } from './graphql/resolvers/customers.ts';
import { loopImpressionResolvers } from './graphql/resolvers/loop-impressions.ts';
import { ImpressionGroupCommit } from './usecases/loop/impression-group-commit.ts';
import { CampaignStore } from './storage/campaign-store.ts';
import { CampaignService } from './usecases/loop/campaign-service.ts';
import { NextBestOffer } from './usecases/loop/next-best-offer.ts';
import { CampaignAudience } from './usecases/loop/campaign-audience.ts';
import { campaignResolvers } from './graphql/resolvers/loop-campaigns.ts';
import { OnlineMetricsStore } from './storage/online-metrics-store.ts';
import { OnlineMetrics } from './usecases/loop/online-metrics.ts';
import { loopMetricsResolvers } from './graphql/resolvers/loop-metrics.ts';
import { consoleResolvers } from './graphql/resolvers/console.ts';
import { ConsoleCypherStore } from './storage/console-cypher-store.ts';
import { CypherRunner } from './usecases/console/cypher-runner.ts';
import { SILENT_LOG, type JobLog } from './usecases/job-log.ts';
import { EventCounter } from './usecases/loop/event-counter.ts';
import { RefreshScheduler, type RefreshLease } from './usecases/loop/refresh-scheduler.ts';
import type { Executor } from './storage/executor.ts';
import { fanOutWrites } from './usecases/live/write-observer.ts';
import { ReplicaSync, type ReplicaTargets } from './usecases/live/replica-sync.ts';
import { ReplicaStore } from './storage/replica-store.ts';
import { randomBytes } from 'node:crypto';
import { WORKER_MIN_INTERACTIONS, workerFitter } from './usecases/recommend/graph-fitter.ts';
import { SYSTEM } from './domain/principal.ts';
import { DEFAULT_PROFILES_OPTIONS } from './usecases/customers/profiles-job.ts';
import { refreshCustomers } from './usecases/customers/refresh-customers.ts';

/**
 * The composition root's wiring: stores over one connection, and the resolver sets of each capability.
 * `live.autoCreate` (GREC_AUTO_CREATE) lets mutations create the users/items they name; off by default.
 * `log` receives what background work reports (the scheduled refresh, the GRAPH fit's worker).
 */
export function createServices(graph: GraphConnection, live: LiveConfig = { autoCreate: false }, privacy: PrivacyConfig = DEFAULT_PRIVACY, loop: LoopConfig = DEFAULT_LOOP, log: JobLog = SILENT_LOG): Services {
  const ex = graph.executor;
  const consent = privacy.consentDefaults;
  const recsConfig = {
    ...RECS_CONFIG, consentDefaults: consent,
    graph: { ...RECS_CONFIG.graph, easeMaxDim: loop.graphEaseMaxDim ?? RECS_CONFIG.graph.easeMaxDim },
  };
  const events = new EventCounter();
  const graphCache = new GraphModelCache(new RecsGraphStore(ex), recsConfig.graph, () => Date.now(), consent, {
    fitter: workerFitter({ minInteractions: loop.fitWorkerMinInteractions ?? WORKER_MIN_INTERACTIONS, log }), eventCount: () => events.total, log,
  });
  const recs = new RecsService(new RecsStore(ex), graphCache, () => Date.now(), recsConfig, { ...SERVING_CONFIG, inMemory: loop.servingInMemory ?? SERVING_CONFIG.inMemory });
  recs.useItemNeighbours(new ItemNeighbours(new ItemNeighboursStore(ex), new RecsGraphStore(ex), recsConfig.itemNeighbours, () => Date.now()));
  const userIds = userIdCodec(privacy);
  const segmentStore = new SegmentStore(ex);
  const analytics = new AnalyticsService(new AnalyticsStore(ex, consent), {
    now: () => Date.now(), userIds, segmentExists: async (id) => (await segmentStore.get(id)) !== null,
  });
  const profiles = new ProfileStore(ex, consent);
  const catalog = new CatalogStore(ex);
  const hooks = profileHooks(profiles);
  const segments = new SegmentService(segmentStore, profiles, () => Date.now(), (ids) => catalog.categoryNames(ids));
  const replicas = replicaSync(ex, loop, log, {
    writes: fanOutWrites(recs, events, analytics),
    privacy: [recs, analytics],
    modelRefreshed: () => {
      recs.refreshGraphModel(SYSTEM, false).catch((err: unknown) => log.error({ err }, 'GRAPH refit after another replica\'s refresh failed; refitted on next use'));
    },
    resetAll: () => {
      recs.dropDerived();
      analytics.dropDerived();
    },
  });
  // The scheduled refresh runs as the operator; start() is main.ts's (tests trigger it when they mean to).
  const refresh = new RefreshScheduler({
    // The item-item neighbour lists are rebuilt in the GRAPH step, under its lease: as fresh as the GRAPH model.
    // Their failure is logged and leaves the older lists served; it does not count as a failed GRAPH refit.
    graph: async () => {
      const summary = await recs.refreshGraphModel(SYSTEM, false);
      await recs.rebuildItemNeighbours(SYSTEM).then(
        (s) => log.info({ itemNeighbours: s }, 'item-item neighbour lists rebuilt'),
        (err: unknown) => log.error({ err }, 'item-item neighbour lists not rebuilt; the previous lists stay served'),
      );
      return summary;
    },
    customers: () => refreshCustomers(profiles, segments, { ...DEFAULT_PROFILES_OPTIONS, now: () => Date.now(), cluster: null }),
    lastGraphFit: () => graphCache.lastFit(),
  }, events, { intervalMs: loop.refreshIntervalMs, afterEvents: loop.refreshAfterEvents }, {
    now: () => Date.now(), log,
    ...(replicas !== undefined ? { lease: refreshLease(new ReplicaStore(ex), replicas.replicaId, loop), onGraphRefreshed: () => replicas.modelRefreshed() } : {}),
  });
  const privacyService = new PrivacyService(new PrivacyStore(ex), {
    consentDefaults: consent, erasureSalt: privacy.erasureSalt, userIds, now: () => Date.now(), observers: [recs, analytics, ...(replicas !== undefined ? [replicas] : [])],
    erasureHooks: [hooks.erasure], consentHooks: [hooks.consent],
  });
  const experimentStore = new ExperimentStore(ex, consent);
  const assignments = new AssignmentLog(experimentStore);
  const chooser = new ExperimentChooser(experimentStore, segmentStore, assignments, () => Date.now());
  void chooser.warm(); // the first recommendation request does not wait for the experiments to be read
  const attributionWindowMs = loop.attributionWindowHours * 3_600_000;
  const recIds = new RecommendationIds(loop.recIdKey);
  const campaignStore = new CampaignStore(ex, consent);
  return {
    catalog,
    social: new SocialStore(ex),
    events: new EventStore(ex),
    // Reports arriving during a write share the next transaction (impression-group-commit.ts).
    impressions: new ImpressionGroupCommit(new ImpressionStore(ex)),
    writer: new GraphWriter(ex, { missingRefs: live.autoCreate ? 'create' : 'reject' }),
    recs,
    analytics,
    observer: replicas !== undefined ? fanOutWrites(recs, events, analytics, replicas) : fanOutWrites(recs, events, analytics),
    replicas,
    privacy: privacyService,
    customers: new CustomerService(profiles, segmentStore, () => Date.now(), userIds),
    segments,
    demand: new DemandService(new DemandStore(ex, consent), () => Date.now()),
    userIds,
    loop: {
      recIds, chooser, attributionWindowMs,
      experiments: new ExperimentService({ store: experimentStore, segments: segmentStore, now: () => Date.now(), changed: () => chooser.invalidate() }),
      experimentResults: new ExperimentResultsService({ store: experimentStore, now: () => Date.now(), attributionWindowMs }),
      assignments,
    },
    campaigns: {
      service: new CampaignService(campaignStore, {
        segmentExists: async (id) => (await segmentStore.get(id)) !== null,
        items: async (ids) => new Map((await catalog.itemsByIds(ids)).flatMap((i) => (i === null ? [] : [[i.id, i]]))),
        now: () => Date.now(),
      }),
      offers: new NextBestOffer(campaignStore, recIds, () => Date.now(), userIds),
      audience: new CampaignAudience(campaignStore),
    },
    onlineMetrics: new OnlineMetrics(new OnlineMetricsStore(ex, consent), () => Date.now()),
    refresh,
    cypher: new CypherRunner(new ConsoleCypherStore(ex)),
    neo4jMode: graph.mode,
    ping: () => graph.ping(),
    now: () => Date.now(),
  };
}

/** Change records older than this are pruned: a replica paused longer clears its caches (replica-sync.ts). */
const MIN_CHANGE_RETENTION_MS = 60_000;

/** The cross-replica cache sync when GREC_REPLICA_SYNC_MS > 0 (start() is main.ts's; tests call sync()). */
function replicaSync(ex: Executor, loop: LoopConfig, log: JobLog, targets: ReplicaTargets): ReplicaSync | undefined {
  const intervalMs = loop.replicaSyncMs ?? 0;
  if (intervalMs <= 0) return undefined;
  return new ReplicaSync(new ReplicaStore(ex), targets, {
    replicaId: `r-${randomBytes(6).toString('hex')}`,
    intervalMs,
    retentionMs: Math.max(MIN_CHANGE_RETENTION_MS, 30 * intervalMs),
    now: () => Date.now(),
    log,
  });
}

/**
 * The `refresh` lease: its TTL outlives two intervals, so the holder renews it at each of its runs and keeps
 * the job; a holder that died is replaced once the TTL has passed (at least 10 minutes: a refresh must finish
 * within it, or a second replica could start one meanwhile).
 */
function refreshLease(store: ReplicaStore, holder: string, loop: LoopConfig): RefreshLease {
  const ttlMs = Math.max(10 * 60_000, 2 * loop.refreshIntervalMs);
  return {
    take: () => store.takeLease('refresh', holder, Date.now(), ttlMs),
    release: () => store.releaseLease('refresh', holder),
  };
}

export function capabilityResolvers(): ResolverSet[] {
  return [
    analyticsResolvers, recommendationResolvers, privacyResolvers, customerResolvers,
    experimentResolvers, loopImpressionResolvers, campaignResolvers, loopMetricsResolvers, consoleResolvers,
  ];
}

/**
 * Request authentication over the store's API keys. `jwtSecret` is the configured secret or, in development
 * without one, the random secret of this run (main.ts), so the checks are the same in both modes.
 */
export function createAuth(graph: GraphConnection, auth: AuthConfig, jwtSecret: string | undefined): Authentication {
  return createAuthentication({
    jwtSecret,
    jwksUrl: auth.jwksUrl,
    issuer: auth.issuer,
    audience: auth.audience,
    roleClaim: auth.roleClaim,
    apiKeys: new ApiKeyAuthenticator(new ApiKeyStore(graph.executor), auth.apiKeyCacheMs, () => Date.now()),
  });
}
