// Quantile by linear interpolation between order statistics (Hyndman & Fan 1996, definition 7):
//   h = (n - 1) q,  Q(q) = x_(floor h) + (h - floor h) (x_(floor h + 1) - x_(floor h))   (0-based, sorted x)
// The same rule as numpy's default, Excel PERCENTILE.INC and Cypher's percentileCont, so an analyst running
// the Cypher version gets the same figure. O(n log n) for the sort.
import { invalidInput } from '../../domain/errors.ts';

/** null for an empty sample; q outside [0, 1] or a non-finite value is INVALID_INPUT. */
export function quantile(values: readonly number[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw invalidInput('quantile q must be in [0, 1]', { q });
  if (values.some((v) => !Number.isFinite(v))) throw invalidInput('quantile needs finite values');
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

export interface SummaryStats {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly median: number;
  readonly p90: number;
}

/** Count, min, max, mean, median and p90 (definition 7); null for an empty sample. */
export function summarize(values: readonly number[]): SummaryStats | null {
  const median = quantile(values, 0.5);
  const p90 = quantile(values, 0.9);
  if (median === null || p90 === null) return null;
  const sum = values.reduce((s, v) => s + v, 0);
  return {
    count: values.length,
    // reduce, not Math.min(...values): spreading a large array overflows the call stack.
    min: values.reduce((m, v) => Math.min(m, v), Infinity),
    max: values.reduce((m, v) => Math.max(m, v), -Infinity),
    mean: sum / values.length,
    median,
    p90,
  };
}
