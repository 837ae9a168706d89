import type { IngestRecord } from '../../domain/ingest.ts';
import { type BatchedDataSource, batchedSource } from '../shared/batched-source.ts';
import { buildCatalog, categoryRecords, itemRecord, tagRecords } from './catalog.ts';
import { DEMO_PRESETS, type DemoOptions, type DemoPreset, type ResolvedDemoOptions, resolveDemoOptions } from './demo-options.ts';
import { expectedFriendships, friendBatches } from './friend-graph.ts';
import { buildPopulation, userRecord } from './population.ts';
import { SessionGenerator } from './sessions.ts';

const BATCH = 2048;

/**
 * A deterministic demo shop: categories, tags, items, users, a community-structured FRIEND graph, then
 * every user's sessions (user by user, timestamps increasing per user) over `weeks` weeks from startTs. Users
 * have planted customer types (loyal, bargain, churner, casual: customer-types.ts) that shape their sessions,
 * spend, timing and churn; activity has weekly seasonality and categories have trends (calendar.ts); purchases
 * carry their order value. demoTruth(options) tells what was planted. Nothing is materialised beyond
 * typed arrays sized by users/items; events stream in batches, so millions cost no memory.
 * Options are validated here, once; rows() can be called repeatedly and yields the same rows each time.
 */
export function createDemoSource(options: DemoOptions): BatchedDataSource {
  const o = resolveDemoOptions(options);
  const estimatedRows = o.categories + o.tags + o.items + o.users + expectedFriendships(o) + o.eventsTarget;
  return batchedSource('demo', estimatedRows, () => demoBatches(o));
}

/** A preset's options, with optional overrides (e.g. another seed). */
export function demoPreset(name: DemoPreset, overrides: Partial<DemoOptions> = {}): DemoOptions {
  return { ...DEMO_PRESETS[name], ...overrides };
}

function* demoBatches(o: ResolvedDemoOptions): Generator<IngestRecord[]> {
  const catalog = buildCatalog(o);
  const population = buildPopulation(o);
  yield [...categoryRecords(catalog)];
  yield [...tagRecords(catalog)];
  yield* chunked(o.items, (i) => itemRecord(o, catalog, i));
  yield* chunked(o.users, (u) => userRecord(o, population, u));
  yield* friendBatches(o, population);
  const sessions = new SessionGenerator(o, catalog, population);
  let batch: IngestRecord[] = [];
  for (let u = 0; u < o.users; u++) {
    sessions.appendUserEvents(u, batch);
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function* chunked(n: number, make: (i: number) => IngestRecord): Generator<IngestRecord[]> {
  for (let start = 0; start < n; start += BATCH) {
    const end = Math.min(n, start + BATCH);
    const batch: IngestRecord[] = [];
    for (let i = start; i < end; i++) batch.push(make(i));
    yield batch;
  }
}
