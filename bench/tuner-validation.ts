// How the refresh's GRAPH tuner chooses on Last.fm, scored on test: for each split seed, each validation scheme
// (users sampled x share of each one's items held out) and each tuner seed, run the served tuner
// (src/usecases/recommend/tuning/tune-graph.ts, its budget and grid from the recs config) on the split's
// training pairs, as the served evaluation's store holds them, and score the setting it chose and the configured
// one on the split's test items by the evaluation's GRAPH row scorer (all items ranked, training and valid
// items excluded, as `npm run eval` does).
// Run: npm run bench:tuner [-- --splits 1,2,3 --tuner-seeds 1,2 --schemes 200:0,200:0.2,400:0.2 --data-dir ../shared/data]
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { mapValues } from '../src/algorithms/recs/index.ts';
import { buildContext } from '../src/eval/context.ts';
import { loadLastfm } from '../src/eval/datasets/lastfm.ts';
import { productEdges } from '../src/eval/hybrid/product-inputs.ts';
import { graphFits, graphSource, graphSourceModel } from '../src/eval/hybrid/graph-source.ts';
import { evaluateModel } from '../src/eval/evaluate.ts';
import { splitPairs } from '../src/eval/split.ts';
import { RECS_CONFIG } from '../src/usecases/recommend/config.ts';
import { withGraphParams, type GraphParams } from '../src/usecases/recommend/tuning/graph-grid.ts';
import { tuneGraph } from '../src/usecases/recommend/tuning/tune-graph.ts';

const list = (v: string) => v.split(',').map((s) => s.trim()).filter((s) => s !== '');
const seeds = (name: string) => (v: string): number[] => {
  const xs = list(v).map(Number);
  if (xs.length === 0 || !xs.every((x) => Number.isInteger(x) && x >= 1)) throw new InvalidArgumentError(`--${name} must be a comma-separated list of integers >= 1, got '${v}'`);
  return xs;
};
const schemeList = (v: string): [number, number][] => list(v).map((s) => {
  const [users, fraction] = s.split(':').map(Number);
  if (!Number.isInteger(users) || users! < 1 || !(fraction! >= 0 && fraction! < 1)) {
    throw new InvalidArgumentError(`--schemes: '${s}' is not users:fraction (an integer >= 1, a fraction in [0, 1))`);
  }
  return [users!, fraction!];
});
const o = new Command('bench:tuner')
  .option('--splits <list>', 'split seeds', seeds('splits'), [1, 2, 3])
  .option('--tuner-seeds <list>', 'tuner sampling seeds', seeds('tuner-seeds'), [1, 2])
  .option('--schemes <list>', 'users:fraction pairs (fraction 0: one item per user)', schemeList, [[200, 0], [200, 0.2], [400, 0.2]])
  .option('--data-dir <dir>', 'data directory', process.env['GREC_DATA_DIR'] ?? '../shared/data')
  .parse(process.argv)
  .opts<{ splits: number[]; tunerSeeds: number[]; schemes: [number, number][]; dataDir: string }>();

const ds = loadLastfm(resolve(o.dataDir));
const schemes = o.schemes;
const rows: string[] = [];
const sums = new Map<string, { r: number; n: number; runs: number }>();
for (const split of o.splits) {
  const ctx = buildContext(ds, splitPairs(ds, 'random811', split));
  const raw = mapValues(productEdges(ctx), (v) => (v > 0 ? v : 0));
  const tested = new Map<string, { r: number; n: number }>();
  const onTest = (p: GraphParams): { r: number; n: number } => {
    const key = JSON.stringify(p);
    let t = tested.get(key);
    if (t === undefined) tested.set(key, (t = testScore(p)));
    return t;
  };
  // The evaluation's own GRAPH row scorer: the served graph-base.ts fit and friend term, positive scores only,
  // training and valid items excluded (src/eval/hybrid/graph-source.ts, src/eval/evaluate.ts).
  const fits = graphFits(ctx);
  const testScore = (p: GraphParams): { r: number; n: number } => {
    const m = evaluateModel(graphSourceModel(graphSource(ctx, withGraphParams(RECS_CONFIG.graph, p), fits)), ctx, 'test', { ks: [10] });
    return { r: m['recall@10']!, n: m['ndcg@10']! };
  };
  for (const [users, fraction] of schemes) {
    for (const seed of o.tunerSeeds) {
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
