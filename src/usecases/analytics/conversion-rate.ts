// conversionRate: p = (1/N) sum_i I(y_i = 1) over the users of the segment with events in the window,
// y_i = 1 when user i performed the action in the window (cypher/analytics/conversion-by-segment.cypher),
// with the Wilson 95% interval; optionally broken down by one segment dimension. An empty population is
// NOT_FOUND (the rate is undefined, not 0).
import { wilsonInterval } from '../../algorithms/markov/index.ts';
import type { AnalyticsScope } from '../../storage/analytics-scope.ts';
import type { AnalyticsStore, ConversionBreakdown, SegmentConversion } from '../../storage/analytics-store.ts';
import { emptyPopulation, type CountingPaths } from './counting-paths.ts';
import type { LiveEventLogs } from './live-event-logs.ts';
import { memoryConversion } from './memory-counts.ts';

export interface RateView {
  readonly rate: number;
  readonly numerator: number;
  readonly denominator: number;
  readonly interval: { readonly low: number; readonly high: number };
}

export interface ConversionRateView extends RateView {
  readonly action: string;
  readonly breakdown: readonly (RateView & { readonly segment: string })[] | null;
}

export async function conversionRateFor(
  store: AnalyticsStore,
  scope: AnalyticsScope,
  action: string,
  breakdown: ConversionBreakdown | null,
  path: CountingPaths['conversion'] = 'cypher',
  live?: LiveEventLogs,
): Promise<ConversionRateView> {
  const rows = (b: ConversionBreakdown | null): Promise<SegmentConversion[]> =>
    // CATEGORY groups are per event (a user counts in every category they had an event in): the Cypher file
    // computes them; every per-user grouping is counted in memory.
    path === 'memory' && live !== undefined && b !== 'CATEGORY' ? memoryConversion(live, store, scope, action, b) : store.conversion(scope, action, b);
  const [overall, groups] = await Promise.all([rows(null), breakdown === null ? Promise.resolve(null) : rows(breakdown)]);
  const all = overall[0];
  if (all === undefined || all.denominator === 0) throw emptyPopulation();
  return {
    action,
    ...rateOf(all),
    breakdown: groups === null ? null : groups.map((g) => ({ segment: g.segment, ...rateOf(g) })),
  };
}

export function rateOf(c: SegmentConversion): RateView {
  const w = wilsonInterval(c.numerator, c.denominator);
  if (w === null) throw emptyPopulation();
  return { rate: w.estimate, numerator: c.numerator, denominator: c.denominator, interval: { low: w.lower, high: w.upper } };
}
