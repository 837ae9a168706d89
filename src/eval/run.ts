// Runs strategies over seeds: per seed, split, pick each strategy's grid point on valid NDCG@10, then fit
// that point again (timed) and score it on test with the beyond-accuracy metrics.
import type { Dataset } from './datasets/dataset.ts';
import { buildContext } from './context.ts';
import { evaluateModel, type MetricRecord } from './evaluate.ts';
import { splitPairs, type Protocol } from './split.ts';
import type { Params, Strategy } from './strategies.ts';

export interface SeedResult {
  readonly seed: number;
  readonly params: Params;
  readonly valid: MetricRecord;
  readonly test: MetricRecord;
  /** Valid NDCG@10 of every grid point (empty for a single-point grid, which is not scored on valid). */
  readonly grid: readonly { readonly params: Params; readonly score: number }[];
}

export interface StrategyResult {
  readonly strategy: string;
  readonly social: boolean;
  /** Test metrics averaged over seeds, plus fitSeconds / scoreSeconds. */
  readonly mean: MetricRecord;
  readonly std: MetricRecord;
  readonly seeds: SeedResult[];
}

export type Log = (line: string) => void;

export function runEvaluation(ds: Dataset, strategies: readonly Strategy[], protocol: Protocol, seeds: readonly number[], log: Log): StrategyResult[] {
  const per = new Map<string, SeedResult[]>(strategies.map((s) => [s.name, []]));
  for (const seed of seeds) {
    const ctx = buildContext(ds, splitPairs(ds, protocol, seed));
    const chosen = new Map<string, Params>();
    for (const s of strategies) {
      let best: { params: Params; valid: MetricRecord } | undefined;
      const grid = s.grid(ctx, chosen);
      const scored: { params: Params; score: number }[] = [];
      for (const point of grid) {
        const valid = grid.length === 1 ? {} : evaluateModel(point.fit(), ctx, 'valid');
        if (grid.length > 1) scored.push({ params: point.params, score: valid['ndcg@10'] ?? 0 });
        if (best === undefined || (valid['ndcg@10'] ?? 0) > (best.valid['ndcg@10'] ?? 0)) best = { params: point.params, valid };
        if (grid.length > 1) log(`  seed ${seed} ${s.name} ${JSON.stringify(point.params)} valid ndcg@10=${(valid['ndcg@10'] ?? 0).toFixed(4)}`);
      }
      if (best === undefined) continue;
      chosen.set(s.name, best.params);
      const point = grid.find((g) => g.params === best.params)!;
      const t0 = performance.now();
      const model = s.grid(ctx, chosen).find((g) => JSON.stringify(g.params) === JSON.stringify(point.params))!.fit();
      const fitSeconds = (performance.now() - t0) / 1000;
      const test: MetricRecord = { ...evaluateModel(model, ctx, 'test', { beyondAccuracy: true }), fitSeconds };
      per.get(s.name)!.push({ seed, params: best.params, valid: best.valid, test, grid: scored });
      log(`seed ${seed} ${s.name.padEnd(16)} ${JSON.stringify(best.params)} test recall@10=${test['recall@10']!.toFixed(4)} ndcg@10=${test['ndcg@10']!.toFixed(4)} fit ${fitSeconds.toFixed(1)}s score ${test['scoreSeconds']!.toFixed(1)}s`);
    }
  }
  return strategies.map((s) => {
    const rs = per.get(s.name)!;
    const keys = Object.keys(rs[0]?.test ?? {});
    const mean: MetricRecord = {};
    const std: MetricRecord = {};
    for (const k of keys) {
      const xs = rs.map((r) => r.test[k] ?? 0);
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      mean[k] = m;
      std[k] = Math.sqrt(xs.reduce((a, b) => a + (b - m) * (b - m), 0) / Math.max(xs.length - 1, 1));
    }
    return { strategy: s.name, social: s.social, mean, std, seeds: rs };
  });
}
