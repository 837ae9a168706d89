// Full-ranking evaluation: for every user with at least one target item, score all items, exclude the
// user's training items (and validation items when the target is the test set, as in RecBole), take the
// top max(ks), and average the per-user metrics over those users. Beyond-accuracy metrics use the @10 lists.
import { topK, type Recommender } from '../algorithms/recs/index.ts';
import type { EvalContext } from './context.ts';
import { catalogueCoverage, intraListDiversity, novelty, rankingMetrics } from './metrics/index.ts';

export type Target = 'valid' | 'test';

/**
 * A model whose ranking depends on what is excluded (the product's hybrid takes each source's top N after
 * the user's seen items): evaluateModel hands it the excluded items instead of masking afterwards only.
 */
export interface ExcludingRecommender extends Recommender {
  scoreUserExcluding(u: number, excluded: ReadonlySet<number>, out?: Float32Array): Float32Array;
}

const isExcluding = (m: Recommender): m is ExcludingRecommender => typeof (m as Partial<ExcludingRecommender>).scoreUserExcluding === 'function';
export type MetricRecord = Record<string, number>;

export interface EvalOptions {
  readonly ks?: readonly number[];
  /** Compute coverage / novelty / ILD too (slower; off during hyper-parameter search). */
  readonly beyondAccuracy?: boolean;
}

export function evaluateModel(model: Recommender, ctx: EvalContext, target: Target, opts: EvalOptions = {}): MetricRecord {
  const ks = opts.ks ?? [10, 20];
  const kMax = Math.max(...ks);
  const nItems = ctx.dataset.nItems;
  const buf = new Float32Array(nItems);
  const sums: MetricRecord = {};
  const lists: Int32Array[] = [];
  let users = 0;
  const t0 = performance.now();
  for (let u = 0; u < ctx.dataset.nUsers; u++) {
    const rel = (target === 'test' ? ctx.test : ctx.valid)[u]!;
    if (rel.size === 0) continue;
    if (isExcluding(model)) {
      const excluded = new Set(ctx.train.indices.subarray(ctx.train.indptr[u]!, ctx.train.indptr[u + 1]!));
      if (target === 'test') for (const i of ctx.valid[u]!) excluded.add(i);
      model.scoreUserExcluding(u, excluded, buf);
    } else model.scoreUser(u, buf);
    for (let p = ctx.train.indptr[u]!; p < ctx.train.indptr[u + 1]!; p++) buf[ctx.train.indices[p]!] = -Infinity;
    if (target === 'test') for (const i of ctx.valid[u]!) buf[i] = -Infinity;
    const top = topK(buf, kMax).items;
    users++;
    for (const k of ks) {
      const m = rankingMetrics(top, rel, k);
      for (const [name, v] of Object.entries(m)) sums[`${name}@${k}`] = (sums[`${name}@${k}`] ?? 0) + v;
    }
    if (opts.beyondAccuracy === true) lists.push(top.slice(0, 10));
  }
  const out: MetricRecord = {};
  for (const [name, v] of Object.entries(sums)) out[name] = users === 0 ? 0 : v / users;
  out['scoreSeconds'] = (performance.now() - t0) / 1000;
  out['users'] = users;
  if (opts.beyondAccuracy === true) {
    out['coverage@10'] = catalogueCoverage(lists, nItems);
    out['novelty@10'] = novelty(lists, ctx.trainPopularity, ctx.dataset.nUsers);
    if (ctx.dataset.itemFeatures !== undefined) out['ild@10'] = intraListDiversity(lists, ctx.dataset.itemFeatures);
  }
  return out;
}
