import type { AnalyticsService } from '../usecases/analytics/analytics-service.ts';
import type { CatalogStore } from '../storage/catalog-store.ts';
import type { RecsService } from '../usecases/recommend/recs-service.ts';
import type { EventStore } from '../storage/event-store.ts';
import type { ImpressionWriter } from '../usecases/loop/impression-group-commit.ts';
import type { GraphWriter } from '../storage/graph-writer.ts';
import type { SocialStore } from '../storage/social-store.ts';
import type { WriteObserver } from '../usecases/live/write-observer.ts';
import type { PrivacyService } from '../usecases/privacy/privacy-service.ts';
import type { UserIdCodec } from '../usecases/privacy/user-id-codec.ts';
import type { Principal } from '../domain/principal.ts';
import type { CustomerService } from '../usecases/customers/customer-service.ts';
import type { SegmentService } from '../usecases/customers/segment-service.ts';
import type { DemandService } from '../usecases/customers/demand-service.ts';
import type { RecommendationIds } from '../usecases/loop/recommendation-id.ts';
import type { VariantChooser } from '../usecases/loop/serve-page.ts';
import type { ExperimentService } from '../usecases/loop/experiment-service.ts';
import type { ExperimentResultsService } from '../usecases/loop/experiment-results.ts';
import type { AssignmentLog } from '../usecases/loop/assignment-log.ts';
import type { CampaignService } from '../usecases/loop/campaign-service.ts';
import type { NextBestOffer } from '../usecases/loop/next-best-offer.ts';
import type { CampaignAudience } from '../usecases/loop/campaign-audience.ts';
import type { OnlineMetrics } from '../usecases/loop/online-metrics.ts';
import type { RefreshScheduler } from '../usecases/loop/refresh-scheduler.ts';
import type { ReplicaSync } from '../usecases/live/replica-sync.ts';
import type { CypherRunner } from '../usecases/console/cypher-runner.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface LoopServices {
  readonly recIds: RecommendationIds;
  readonly chooser: VariantChooser;
  /** GREC_ATTRIBUTION_WINDOW_HOURS in milliseconds. */
  readonly attributionWindowMs: number;
  /** Creating, stopping and listing experiments. */
  readonly experiments: ExperimentService;
  readonly experimentResults: ExperimentResultsService;
  /** ASSIGNED edges waiting to be written (flushed every ~200 ms; close() on shutdown). */
  readonly assignments: AssignmentLog;
}

export interface CampaignServices {
  readonly service: CampaignService;
  readonly offers: NextBestOffer;
  readonly audience: CampaignAudience;
}

/** Long-lived dependencies, built once by the composition root (src/app.ts). */
export interface Services {
  readonly catalog: CatalogStore;
  readonly social: SocialStore;
  readonly events: EventStore;
  /** Items reported rendered per recommendation id (the loop's impressions). */
  readonly impressions: ImpressionWriter;
  readonly writer: GraphWriter;
  readonly recs: RecsService;
  readonly analytics: AnalyticsService;
  /** Told about every write of the live use cases (keeps the recommendation caches fresh). */
  readonly observer: WriteObserver;
  /** Consent, erasure, export. */
  readonly privacy: PrivacyService;
  /** Profiles and customers ranked by churn risk or value. */
  readonly customers: CustomerService;
  /** Rule, RFM and cluster segments. */
  readonly segments: SegmentService;
  /** Hot items and demand forecasts. */
  readonly demand: DemandService;
  /** Client user ids -> stored ids (pseudonyms when GREC_PSEUDONYM_KEY is set); every user-id argument goes through it. */
  readonly userIds: UserIdCodec;
  /** The loop: recommendation ids, the experiment serving a user. */
  readonly loop: LoopServices;
  /** Campaigns, the next-best offer, campaign audiences. */
  readonly campaigns: CampaignServices;
  /** Impressions, clicks, conversion and revenue of attributed traffic per day and group. */
  readonly onlineMetrics: OnlineMetrics;
  /** The scheduled refresh of the GRAPH model, profiles and segments, and the models' freshness. */
  readonly refresh: RefreshScheduler;
  /** Cache invalidation shared with the other API replicas (undefined: a single instance, GREC_REPLICA_SYNC_MS=0). */
  readonly replicas: ReplicaSync | undefined;
  /** The console's read-only Cypher runner (README "Console"). */
  readonly cypher: CypherRunner;
  readonly neo4jMode: string;
  ping(): Promise<boolean>;
  now(): number;
}

/** What each resolver gets: who is asking, the services, and loaders created for this request only. */
export interface GraphContext {
  readonly principal: Principal;
  readonly services: Services;
  readonly loaders: Loaders;
}

export function createContext(services: Services, principal: Principal): GraphContext {
  return { principal, services, loaders: createLoaders(services.catalog, services.social) };
}
