// Runs the served evaluation once per seed and averages it into the offline table's rows
// ("HYBRID (served)", ...), so both modes print the same columns.
import type { Dataset } from '../datasets/dataset.ts';
import type { MetricRecord } from '../evaluate.ts';
import type { StrategyResult } from '../run.ts';
import { runServedEvaluation, type ServedOptions, type ServedRun } from './served-eval.ts';

export interface ServedTable {
  readonly results: StrategyResult[];
  /** Per seed: the run's metrics, load and refresh times, and the fitted model's summary. */
  readonly json: readonly (ServedRun & { readonly seed: number })[];
}

export async function servedEvaluation(ds: Dataset, o: Omit<ServedOptions, 'seed'>, seeds: readonly number[]): Promise<ServedTable> {
  const runs: (ServedRun & { seed: number })[] = [];
  for (const seed of seeds) runs.push({ ...(await runServedEvaluation(ds, { ...o, seed })), seed });
  const results = o.strategies.map((strategy): StrategyResult => {
    const per = runs.map((r) => r.results.find((x) => x.strategy === strategy)!.metrics);
    const mean: MetricRecord = {};
    const std: MetricRecord = {};
    for (const k of Object.keys(per[0] ?? {})) {
      const xs = per.map((m) => m[k] ?? 0);
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      mean[k] = m;
      std[k] = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(xs.length - 1, 1));
    }
    return { strategy: `${strategy} (served)`, social: false, mean, std, seeds: [] };
  });
  return { results, json: runs };
}
