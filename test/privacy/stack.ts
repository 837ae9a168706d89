// The recommendation, analytics and privacy use cases over one test graph, wired as src/app.ts does (the
// privacy service tells the other two about consent changes and erasures), with the fixture's clock.
import { ALL_GRANTED, type Consent } from '../../src/domain/consent.ts';
import { AnalyticsStore } from '../../src/storage/analytics-store.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { PrivacyStore } from '../../src/storage/privacy-store.ts';
import { RecsGraphStore } from '../../src/storage/recs-graph-store.ts';
import { RecsStore } from '../../src/storage/recs-store.ts';
import { AnalyticsService } from '../../src/usecases/analytics/analytics-service.ts';
import { PrivacyService } from '../../src/usecases/privacy/privacy-service.ts';
import { PLAIN_USER_IDS } from '../../src/usecases/privacy/user-id-codec.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';
import { GraphModelCache } from '../../src/usecases/recommend/graph-model-cache.ts';
import { RecsService } from '../../src/usecases/recommend/recs-service.ts';
import { NOW } from '../recs/fixture.ts';

export const TEST_SALT = 'test-erasure-salt-0123';

export interface Stack {
  recs: RecsService;
  analytics: AnalyticsService;
  privacy: PrivacyService;
}

export function privacyStack(graph: GraphConnection, defaults: Consent = ALL_GRANTED, eraseBatch = 10_000): Stack {
  const ex = graph.executor;
  const cfg = { ...RECS_CONFIG, consentDefaults: defaults };
  const recs = new RecsService(new RecsStore(ex), new GraphModelCache(new RecsGraphStore(ex), cfg.graph, () => NOW, defaults), () => NOW, cfg);
  const analytics = new AnalyticsService(new AnalyticsStore(ex, defaults), { now: () => NOW });
  const privacy = new PrivacyService(new PrivacyStore(ex, eraseBatch), {
    consentDefaults: defaults, erasureSalt: TEST_SALT, userIds: PLAIN_USER_IDS, now: () => NOW, observers: [recs, analytics],
  });
  return { recs, analytics, privacy };
}
