// The served evaluation (`npm run eval -- --served`): one split's training pairs loaded into a real Neo4j by
// the product's own loader (held-out-source.ts), the services wired as the server wires them
// (src/app.ts createServices), the GRAPH model refreshed as the scheduled refresh does, and each sampled
// test user's page asked from the recommendation use case itself (RecsService.recommend, HYBRID unless
// told otherwise, served weights). The page's items are scored with the offline metrics
// (src/eval/metrics), so the figure is the product's, not an in-memory re-creation of it.
// Protocol differences from the offline rows, both deliberate: validation items are not in the store, so
// the page is asked for 10 + |valid| items and those are removed before the top 10 are scored (the offline
// ranking excludes them before taking each source's candidates); and users the store treats differently
// (e.g. a demo shopper who refused personalisation gets POPULAR) are served as the product serves them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pMap from 'p-map';
import { createServices } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { asUserId } from '../../domain/ids.ts';
import { SYSTEM } from '../../domain/principal.ts';
import { connectGraph, type GraphConnection } from '../../storage/connect.ts';
import { applySchema } from '../../storage/schema.ts';
import { GraphWriter } from '../../storage/graph-writer.ts';
import { ingestSource } from '../../usecases/ingest/ingest-source.ts';
import { MAX_FIRST } from '../../usecases/recommend/parse-args.ts';
import { NO_FILTER, type Strategy } from '../../usecases/recommend/types.ts';
import { rankingMetrics } from '../metrics/index.ts';
import type { Dataset } from '../datasets/dataset.ts';
import { buildContext } from '../context.ts';
import { splitPairs, type Protocol, type Split } from '../split.ts';
import type { MetricRecord } from '../evaluate.ts';
import { heldOutKeys, heldOutSource, productIds, type HeldOutSource, type ServedDataset } from './held-out-source.ts';
import { createRng, shuffleInPlace } from '../../algorithms/recs/rng.ts';

export interface ServedOptions {
  readonly name: ServedDataset;
  readonly dataDir: string;
  readonly protocol: Protocol;
  readonly seed: number;
  readonly strategies: readonly Strategy[];
  /** Users with a test item to rank (a seeded sample); default all of them. */
  readonly users?: number;
  readonly concurrency?: number;
  readonly log: (line: string) => void;
  /** A connection to an empty store to load into and keep open (tests); default NEO4J_URI or a throwaway embedded store. */
  readonly graph?: GraphConnection;
  /** The data set's rows (default: its product loader, held-out-source.ts), given the held-out pair keys. */
  readonly source?: (heldOut: ReadonlySet<string>) => HeldOutSource;
  /** The split to serve (tests); default splitPairs(ds, protocol, seed), as the offline rows use. */
  readonly split?: Split;
}

export interface ServedResult {
  readonly strategy: Strategy;
  readonly metrics: MetricRecord;
}

export interface ServedRun {
  readonly results: readonly ServedResult[];
  readonly loadSeconds: number;
  readonly refreshSeconds: number;
  /** What the refresh reported about the model it fitted (GraphModelSummary). */
  readonly model: Record<string, unknown>;
  readonly dropped: number;
}

const KS = [10, 20] as const;

export async function runServedEvaluation(ds: Dataset, o: ServedOptions): Promise<ServedRun> {
  const ctx = buildContext(ds, o.split ?? splitPairs(ds, o.protocol, o.seed));
  const ids = productIds(o.name, ds);
  const config = loadConfig();
  // A throwaway embedded store unless NEO4J_URI names one (which must then be empty: the load is the split's).
  const storeDir = o.graph === undefined && config.neo4j.uri === undefined ? mkdtempSync(join(tmpdir(), 'grec-served-eval-')) : undefined;
  const graph = o.graph ?? await connectGraph(config.neo4j, (m) => o.log(m), { ...(storeDir === undefined ? {} : { storeDir, port: 0 }), txTimeoutMs: config.neo4j.timeouts.batchTxMs });
  try {
    await applySchema(graph.executor);
    const keys = heldOutKeys(ctx, ids);
    const held = o.source?.(keys) ?? heldOutSource(o.name, o.dataDir, keys);
    let t0 = performance.now();
    const report = await ingestSource(held.source, new GraphWriter(graph.executor));
    const loadSeconds = (performance.now() - t0) / 1000;
    o.log(`loaded ${report.rowsRead} rows (${held.dropped()} held-out pair records left out) in ${loadSeconds.toFixed(1)} s`);
    const services = createServices(graph);
    t0 = performance.now();
    const model = await services.recs.graph.refresh(false);
    const refreshSeconds = (performance.now() - t0) / 1000;
    o.log(`model refreshed in ${refreshSeconds.toFixed(1)} s: ${model.users} users, ${model.items} items, ${model.interactions} interactions; `
      + `${model.model} ${JSON.stringify(model.settings)}, blend ${JSON.stringify(model.tuning?.blend?.chosen ?? null)}`);

    const users = sampleUsers(ctx.test.map((s) => s.size > 0), o.users, o.seed);
    const itemIndex = new Map(ds.itemIds.map((_, i) => [ids.item(i), i]));
    const results: ServedResult[] = [];
    for (const strategy of o.strategies) {
      const sums: MetricRecord = {};
      t0 = performance.now();
      await pMap(users, async (u) => {
        const valid = ctx.valid[u]!;
        const page = await services.recs.recommend(SYSTEM, {
          userId: asUserId(ids.user(u)), strategy, hybridWeights: null, first: Math.min(MAX_FIRST, Math.max(...KS) + valid.size), offset: 0,
          filter: NO_FILTER, diversity: null,
        });
        const ranked = page.items.map((r) => itemIndex.get(r.itemId) ?? -1).filter((i) => i >= 0 && !valid.has(i));
        for (const k of KS) {
          for (const [m, v] of Object.entries(rankingMetrics(ranked, ctx.test[u]!, k))) sums[`${m}@${k}`] = (sums[`${m}@${k}`] ?? 0) + v;
        }
      }, { concurrency: o.concurrency ?? 4 });
      const metrics: MetricRecord = {};
      for (const [m, v] of Object.entries(sums)) metrics[m] = v / users.length;
      metrics['users'] = users.length;
      metrics['secondsPerPage'] = (performance.now() - t0) / 1000 / users.length;
      o.log(`served ${strategy}: recall@10=${metrics['recall@10']!.toFixed(4)} ndcg@10=${metrics['ndcg@10']!.toFixed(4)} over ${users.length} users`);
      results.push({ strategy, metrics });
    }
    await services.loop.assignments.close().catch(() => undefined);
    return { results, loadSeconds, refreshSeconds, model: { ...model }, dropped: held.dropped() };
  } finally {
    if (o.graph === undefined) await graph.close();
    if (storeDir !== undefined) rmSync(storeDir, { recursive: true, force: true });
  }
}

/** The users with a target, all of them or a seeded sample of n (in index order). */
export function sampleUsers(hasTarget: readonly boolean[], n: number | undefined, seed: number): number[] {
  const all = hasTarget.flatMap((h, u) => (h ? [u] : []));
  if (n === undefined || n >= all.length) return all;
  return shuffleInPlace(all, createRng(seed)).slice(0, n).sort((a, b) => a - b);
}
