import type { Services } from './graphql/context.ts';
import type { ResolverSet } from './graphql/schema.ts';
import { CatalogStore } from './storage/catalog-store.ts';
import type { GraphConnection } from './storage/connect.ts';
import { EventStore } from './storage/event-store.ts';
import { GraphWriter } from './storage/graph-writer.ts';
import { SocialStore } from './storage/social-store.ts';
import { RecsGraphStore } from './storage/recs-graph-store.ts';
import { RecsStore } from './storage/recs-store.ts';
import { RECS_CONFIG } from './usecases/recommend/config.ts';
import { GraphModelCache } from './usecases/recommend/graph-model-cache.ts';
import { RecsService } from './usecases/recommend/recs-service.ts';
import { recommendationResolvers } from './graphql/resolvers/recommendations.ts';
import { AnalyticsStore } from './storage/analytics-store.ts';
import { AnalyticsService } from './usecases/analytics/analytics-service.ts';
import { analyticsResolvers } from './graphql/resolvers/analytics.ts';
import { privacyResolvers } from './graphql/resolvers/privacy.ts';
import { DEFAULT_PRIVACY, type PrivacyConfig } from './config.ts';
import { PrivacyStore } from './storage/privacy-store.ts';
import { PrivacyService } from './usecases/privacy/privacy-service.ts';
import { userIdCodec } from './usecases/privacy/user-id-codec.ts';

/** The composition root's wiring: stores over one connection, and the resolver sets of each capability. */
export function createServices(graph: GraphConnection, privacy: PrivacyConfig = DEFAULT_PRIVACY): Services {
  const ex = graph.executor;
  const consent = privacy.consentDefaults;
  const recsConfig = { ...RECS_CONFIG, consentDefaults: consent };
  const recs = new RecsService(new RecsStore(ex), new GraphModelCache(new RecsGraphStore(ex), recsConfig.graph, () => Date.now(), consent), () => Date.now(), recsConfig);
  const userIds = userIdCodec(privacy);
  const analytics = new AnalyticsService(new AnalyticsStore(ex, consent), { now: () => Date.now(), userIds });
  const privacyService = new PrivacyService(new PrivacyStore(ex), {
    consentDefaults: consent, erasureSalt: privacy.erasureSalt, userIds, now: () => Date.now(), observers: [recs, analytics],
  });
  return {
    catalog: new CatalogStore(ex),
    social: new SocialStore(ex),
    events: new EventStore(ex),
    writer: new GraphWriter(ex),
    recs,
    analytics,
    observer: recs,
    privacy: privacyService,
    userIds,
    neo4jMode: graph.mode,
    ping: () => graph.ping(),
    now: () => Date.now(),
  };
}

export function capabilityResolvers(): ResolverSet[] {
  return [analyticsResolvers, recommendationResolvers, privacyResolvers];
}
