// The product's Prometheus metrics on a registry of their own (created by the composition root, so tests
// build several servers side by side), plus the Node process defaults. Values that live elsewhere (the page
// cache's hit/miss counters, the models' fit stamps, the refresh counts) are read at scrape time through small structural
// interfaces, so storage and use cases need no metrics library. Label values are bounded: operation names
// through OperationNames, error codes by the closed set of codes, query names by the files in cypher/.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { QueryTiming } from '../storage/executor.ts';

/** Anything with monotonic hit/miss counters (ResultCache). */
export interface HitCounter {
  readonly hits: number;
  readonly misses: number;
}

/** A model (the GRAPH model cache; profiles and segments): its newest fit, undefined before the first. */
export interface FitSource {
  lastFit(): { readonly fittedAt: number; readonly fitMs: number } | undefined;
}

/** The refresh scheduler's monotonic counts of finished jobs. */
export interface RefreshCounter {
  refreshCounts(): readonly { readonly model: string; readonly outcome: string; readonly count: number }[];
}

/** What a finished ingest reports (the shape of IngestReport, reduced to what is counted). */
export interface IngestCounts {
  readonly source: string;
  readonly kinds: Partial<Record<string, { readonly written: number; readonly duplicates: number }>>;
  readonly rejectedByReason: Partial<Record<string, number>>;
}

/** One GraphQL request as the telemetry plugin saw it. */
export interface RequestOutcome {
  readonly operationName: string;
  readonly operationType: string;
  readonly status: number;
  readonly seconds: number;
  readonly errorCodes: readonly string[];
}

export interface MetricsSources {
  readonly pageCache?: HitCounter;
  readonly graphModel?: FitSource;
  /** Profiles and segments: the last refresh. */
  readonly customers?: FitSource;
  readonly refreshes?: RefreshCounter;
  readonly now?: () => number;
}

// Latency buckets: API requests from a cached page (~1 ms) to analytics over 1M events (~10 s).
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const QUERY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation_name' | 'operation_type' | 'status'>;
  private readonly requestSeconds: Histogram<'operation_name' | 'operation_type'>;
  private readonly errors: Counter<'operation_name' | 'code'>;
  private readonly querySeconds: Histogram<'query' | 'mode' | 'outcome'>;
  private readonly ingestRows: Counter<'source' | 'kind' | 'outcome'>;
  private readonly ingestRejected: Counter<'source' | 'reason'>;

  constructor(sources: MetricsSources = {}) {
    const registers = [this.registry];
    const now = sources.now ?? Date.now;
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'grec_graphql_requests_total',
      help: 'GraphQL HTTP requests by operation name, operation type and HTTP status.',
      labelNames: ['operation_name', 'operation_type', 'status'],
      registers,
    });
    this.requestSeconds = new Histogram({
      name: 'grec_graphql_request_duration_seconds',
      help: 'GraphQL request latency (request received to response ready) by operation name and type.',
      labelNames: ['operation_name', 'operation_type'],
      buckets: REQUEST_BUCKETS,
      registers,
    });
    this.errors = new Counter({
      name: 'grec_graphql_errors_total',
      help: 'GraphQL errors returned to clients by extensions.code (NONE: an error without a code).',
      labelNames: ['operation_name', 'code'],
      registers,
    });
    this.querySeconds = new Histogram({
      name: 'grec_neo4j_query_duration_seconds',
      help: 'Neo4j round trips by cypher/ file (inline: built elsewhere), access mode and outcome.',
      labelNames: ['query', 'mode', 'outcome'],
      buckets: QUERY_BUCKETS,
      registers,
    });
    this.ingestRows = new Counter({
      name: 'grec_ingest_rows_total',
      help: 'Records of finished loads by source, record kind and outcome (written, duplicate).',
      labelNames: ['source', 'kind', 'outcome'],
      registers,
    });
    this.ingestRejected = new Counter({
      name: 'grec_ingest_rows_rejected_total',
      help: 'Rows of finished loads rejected by the parsers, by source and reason.',
      labelNames: ['source', 'reason'],
      registers,
    });
    const pageCache = sources.pageCache;
    if (pageCache !== undefined) {
      new Counter({
        name: 'grec_recs_page_cache_lookups_total',
        help: 'Recommendation page cache lookups by result (hit, miss).',
        labelNames: ['result'],
        registers,
        // Mirrors the cache's own monotonic counters at scrape time.
        collect() {
          this.reset();
          this.inc({ result: 'hit' }, pageCache.hits);
          this.inc({ result: 'miss' }, pageCache.misses);
        },
      });
    }
    const models = ([['graph', sources.graphModel], ['customers', sources.customers]] as const)
      .flatMap(([model, source]) => (source === undefined ? [] : [{ model, source }]));
    if (models.length > 0) {
      // Labelled by model so that nothing is exported before the first fit (an unlabelled gauge would say 0).
      const gauge = (name: string, help: string, value: (fit: { fittedAt: number; fitMs: number }) => number) =>
        new Gauge({
          name,
          help,
          labelNames: ['model'],
          registers,
          collect() {
            this.reset();
            for (const { model, source } of models) {
              const fit = source.lastFit();
              if (fit !== undefined) this.set({ model }, value(fit));
            }
          },
        });
      gauge('grec_model_age_seconds', 'Seconds since the served model was fitted.', (f) => (now() - f.fittedAt) / 1000);
      gauge('grec_model_last_fit_timestamp_seconds', 'Unix time of the newest model fit.', (f) => f.fittedAt / 1000);
      gauge('grec_model_last_fit_duration_seconds', 'Duration of the newest model fit.', (f) => f.fitMs / 1000);
    }
    const refreshes = sources.refreshes;
    if (refreshes !== undefined) {
      new Counter({
        name: 'grec_model_refreshes_total',
        help: 'Scheduled model refreshes by model (graph, customers) and outcome (ok, error).',
        labelNames: ['model', 'outcome'],
        registers,
        collect() {
          this.reset();
          for (const r of refreshes.refreshCounts()) this.inc({ model: r.model, outcome: r.outcome }, r.count);
        },
      });
    }
  }

  request(o: RequestOutcome): void {
    const op = { operation_name: o.operationName, operation_type: o.operationType };
    this.requests.inc({ ...op, status: String(o.status) });
    this.requestSeconds.observe(op, o.seconds);
    for (const code of o.errorCodes) this.errors.inc({ operation_name: o.operationName, code });
  }

  /** The executor's `onQueryTimed` observer. */
  readonly query = (t: QueryTiming): void => {
    this.querySeconds.observe({ query: t.query, mode: t.mode, outcome: t.ok ? 'ok' : 'error' }, t.seconds);
  };

  ingest(report: IngestCounts): void {
    for (const [kind, k] of Object.entries(report.kinds)) {
      if (k === undefined) continue;
      this.ingestRows.inc({ source: report.source, kind, outcome: 'written' }, k.written);
      this.ingestRows.inc({ source: report.source, kind, outcome: 'duplicate' }, k.duplicates);
    }
    for (const [reason, n] of Object.entries(report.rejectedByReason)) {
      if (n !== undefined) this.ingestRejected.inc({ source: report.source, reason }, n);
    }
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
