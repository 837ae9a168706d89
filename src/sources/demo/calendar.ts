import type { ResolvedDemoOptions } from './demo-options.ts';
import { STREAM, rngFor } from './prng.ts';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/**
 * Shop-wide weekly seasonality: multiplicative activity factors, Monday first (index 0 = Monday,
 * 6 = Sunday), mean 1. A weekend peak with a quiet start of the week, as in most retail traffic.
 * Customer types multiply it further (see CUSTOMER_PROFILES.weekendBoost).
 */
export const DAY_OF_WEEK_FACTOR: readonly number[] = [0.85, 0.8, 0.85, 0.9, 1.05, 1.35, 1.2];

/** Largest |growth| of a category over the period: its trend runs from 1 - g/2 to 1 + g/2. */
const MAX_GROWTH = 1.2;

/** Monday-first weekday of day d of the period (day d starts at startTs + d days; weekday in UTC). */
export function weekdayOf(startTs: number, day: number): number {
  return (new Date(startTs + day * DAY_MS).getUTCDay() + 6) % 7;
}

/**
 * Per-category multiplicative linear trends: category c's popularity on day d is
 * start[c] + (end[c] - start[c]) * (d + 0.5) / days, so some categories grow and some decline over the
 * period while their mean stays 1. Drawn from their own stream, so they do not move anything else.
 */
export interface CategoryTrends {
  readonly days: number;
  readonly start: Float64Array;
  readonly end: Float64Array;
}

export function buildTrends(o: ResolvedDemoOptions): CategoryTrends {
  const rng = rngFor(o.seed, STREAM.trends);
  const start = new Float64Array(o.categories);
  const end = new Float64Array(o.categories);
  for (let c = 0; c < o.categories; c++) {
    const g = (2 * rng.next() - 1) * MAX_GROWTH;
    start[c] = 1 - g / 2;
    end[c] = 1 + g / 2;
  }
  return { days: o.weeks * 7, start, end };
}

export function trendAt(trends: CategoryTrends, c: number, day: number): number {
  const s = trends.start[c] ?? 1;
  return s + ((trends.end[c] ?? 1) - s) * ((day + 0.5) / trends.days);
}

/**
 * Relative session intensity of each day of the period for a customer profile: the shop-wide weekday factor,
 * times the profile's weekend boost on Saturdays and Sundays.
 */
export function dayWeights(o: ResolvedDemoOptions, weekendBoost: number): Float64Array {
  return Float64Array.from({ length: o.weeks * 7 }, (_, d) => {
    const w = weekdayOf(o.startTs, d);
    return (DAY_OF_WEEK_FACTOR[w] ?? 1) * (w >= 5 ? weekendBoost : 1);
  });
}

/** Running sums: cumulative(xs)[i] = xs[0] + ... + xs[i]. */
export function cumulative(xs: ArrayLike<number>): Float64Array {
  const out = new Float64Array(xs.length);
  let sum = 0;
  for (let i = 0; i < xs.length; i++) out[i] = sum += xs[i] ?? 0;
  return out;
}

/** Index of the first cumulative entry above u (binary search), u in [0, cum[last]). */
export function searchCumulative(cum: Float64Array, u: number, lo = 0, hi = cum.length - 1): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cum[mid] ?? 0) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
