// How the refresh's GRAPH tuner chooses on Last.fm, scored on test: for each split seed, each validation scheme
// (users sampled x share of each one's items held out) and each tuner seed, run the served tuner
// (src/usecases/recommend/tuning/tune-graph.ts, its budget and grid from the recs config) on the split's
// training pairs, as the served evaluation's store holds them, and score the setting it chose and the configured
// one on the split's test items (all items ranked, training and valid items excluded, as `npm run eval` does).
// Run: npm run bench:tuner [-- --splits 1,2,3 --tuner-seeds 1,2 --schemes 200:0,200:0.2,400:0.2 --data-dir ../shared/data]
import { resolve } from 'node:path';
import { Command } from 'commander';
import { mapValues } from '../src/algorithms/recs/index.ts';
import { topK } from '../src/algorithms/recs/top-k.ts';
import { weightInteractions } from '../src/algorithms/recs/weighting.ts';
import { buildContext } from '../src/eval/context.ts';
import { loadLastfm } from '../src/eval/datasets/lastfm.ts';
import { productEdges } from '../src/eval/hybrid/product-inputs.ts';
import { rankingMetrics } from '../src/eval/metrics/ranking.ts';
import { splitPairs } from '../src/eval/split.ts';
import { RECS_CONFIG } from '../src/usecases/recommend/config.ts';
import { baseFromParts, fitBaseParts, graphSocial } from '../src/usecases/recommend/graph-base.ts';
import { withGraphParams, type GraphParams } from '../src/usecases/recommend/tuning/graph-grid.ts';
import { tuneGraph } from '../src/usecases/recommend/tuning/tune-graph.ts';

const list = (v: string) => v.split(',').map((s) => s.trim()).filter((s) => s !== '');
const o = new Command('bench:tuner')
  .option('--splits <list>', 'split seeds', '1,2,3')
  .option('--tuner-seeds <list>', 'tuner sampling seeds', '1,2')
  .option('--schemes <list>', 'users:fraction pairs (fraction 0: one item per user)', '200:0,200:0.2,400:0.2')
  .option('--data-dir <dir>', 'data directory', process.env['GREC_DATA_DIR'] ?? '../shared/data')
  .parse(process.argv)
  .opts<{ splits: string; tunerSeeds: string; schemes: string; dataDir: string }>();

const ds = loadLastfm(resolve(o.dataDir));
const schemes = list(o.schemes).map((s) => s.split(':').map(Number) as [number, number]);
const rows: string[] = [];
const sums = new Map<string, { r: number; n: number; runs: number }>();
for (const split of list(o.splits).map(Number)) {
  const ctx = buildContext(ds, splitPairs(ds, 'random811', split));
  const raw = mapValues(productEdges(ctx), (v) => (v > 0 ? v : 0));
  const tested = new Map<string, { r: number; n: number }>();
  const onTest = (p: GraphParams): { r: number; n: number } => {
    const key = JSON.stringify(p);
    let t = tested.get(key);
    if (t === undefined) tested.set(key, (t = testScore(p)));
    return t;
  };
  const testScore = (p: GraphParams): { r: number; n: number } => {
    const g = withGraphParams(RECS_CONFIG.graph, p);
    const damped = weightInteractions(raw, g.weighting);
    const model = graphSocial(baseFromParts(damped, fitBaseParts(damped, g)), ctx.ties, damped, g);
    const buf = new Float32Array(raw.cols);
    const mask = new Uint8Array(raw.cols);
    let r = 0;
    let n = 0;
    let users = 0;
    for (let u = 0; u < raw.rows; u++) {
      if (ctx.test[u]!.size === 0) continue;
      model.scoreUser(u, buf);
      mask.fill(0);
      for (let q = raw.indptr[u]!; q < raw.indptr[u + 1]!; q++) mask[raw.indices[q]!] = 1;
      for (const i of ctx.valid[u]!) mask[i] = 1;
      for (let i = 0; i < buf.length; i++) if (!(buf[i]! > 0)) mask[i] = 1;
      const m = rankingMetrics(topK(buf, 10, mask).items, ctx.test[u]!, 10);
      r += m.recall;
      n += m.ndcg;
      users++;
    }
    return { r: r / users, n: n / users };
  };
  for (const [users, fraction] of schemes) {
    for (const seed of list(o.tunerSeeds).map(Number)) {
      const t0 = performance.now();
      const t = tuneGraph(raw, ctx.ties, RECS_CONFIG.graph, { ...RECS_CONFIG.graph.tuning, maxUsers: users, holdOutFraction: fraction, seed, pool: 0 })!;
      const chosen = onTest(t.chosen);
      const configured = onTest(t.candidates[0]!.params);
      const scheme = `${users} users x ${fraction === 0 ? 'one item' : `${fraction} of items`}`;
      rows.push(`| ${split} | ${scheme} | ${seed} | ${t.candidates.length} | ${((performance.now() - t0) / 1000).toFixed(0)} | ${JSON.stringify(t.chosen)} | ${chosen.r.toFixed(4)} / ${chosen.n.toFixed(4)} | ${configured.r.toFixed(4)} / ${configured.n.toFixed(4)} |`);
      process.stderr.write(`${rows.at(-1)}\n`);
      const s = sums.get(scheme) ?? { r: 0, n: 0, runs: 0 };
      sums.set(scheme, { r: s.r + chosen.r, n: s.n + chosen.n, runs: s.runs + 1 });
    }
  }
}
console.log([
  '| split | scheme | tuner seed | candidates scored | s | chosen | chosen on test R@10 / N@10 | configured on test |',
  '|---|---|---:|---:|---:|---|---|---|',
  ...rows,
  '',
  '| scheme | runs | mean chosen on test R@10 / N@10 |',
  '|---|---:|---|',
  ...[...sums].map(([k, s]) => `| ${k} | ${s.runs} | ${(s.r / s.runs).toFixed(4)} / ${(s.n / s.runs).toFixed(4)} |`),
].join('\n'));
