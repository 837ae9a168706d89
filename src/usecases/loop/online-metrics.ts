// Online metrics of served recommendations (an online evaluator, as in established recommender engines):
// impressions, clicks, CTR, conversion and revenue of attributed traffic per UTC day and strategy, experiment
// variant or campaign. Counted in the database by cypher/loop/online-metrics.cypher, which analysts run too.
import { invalidInput } from '../../domain/errors.ts';
import type { Principal } from '../../domain/principal.ts';
import type { MetricsGroupBy, OnlineMetricsRow, OnlineMetricsStore } from '../../storage/online-metrics-store.ts';
import { authorize } from '../access/permissions.ts';
import { parseWindow, type WindowArgs } from '../analytics/analytics-input.ts';

const DAY_MS = 86_400_000;
/** Days in the default window, ending on the day of the store's latest event (or today, without events). */
export const DEFAULT_WINDOW_DAYS = 30;
/** The longest window: a year of daily rows per group. */
export const MAX_WINDOW_DAYS = 366;

export interface OnlineMetricsArgs {
  readonly window?: WindowArgs | null;
  readonly groupBy?: MetricsGroupBy | null;
}

export class OnlineMetrics {
  constructor(private readonly store: OnlineMetricsStore, private readonly now: () => number) {}

  /**
   * Rows per UTC day and group, sorted by day then group. The window covers the UTC days it touches; without
   * `to` it ends on the day of the latest event (historic data sets read as if today were their last day),
   * without `from` it starts DEFAULT_WINDOW_DAYS - 1 days before that.
   */
  async rows(p: Principal, args: OnlineMetricsArgs): Promise<OnlineMetricsRow[]> {
    authorize(p, 'experiments:read');
    const given = parseWindow(args.window);
    const to = given.to ?? endOfUtcDay((await this.store.latestEventTs()) ?? this.now());
    const from = given.from ?? startOfUtcDay(to) - (DEFAULT_WINDOW_DAYS - 1) * DAY_MS;
    if (from > to) {
      throw invalidInput(`window is inverted: from (${iso(from)}) is after to (${iso(to)})`, { field: 'window' });
    }
    const days = dayIndex(to) - dayIndex(from) + 1;
    if (days > MAX_WINDOW_DAYS) {
      throw invalidInput(`window covers ${days} days; at most ${MAX_WINDOW_DAYS}`, { field: 'window' });
    }
    return this.store.rows(from, to, args.groupBy ?? 'STRATEGY');
  }
}

const dayIndex = (ms: number): number => Math.floor(ms / DAY_MS);
const startOfUtcDay = (ms: number): number => dayIndex(ms) * DAY_MS;
const endOfUtcDay = (ms: number): number => startOfUtcDay(ms) + DAY_MS - 1;
const iso = (ms: number): string => new Date(ms).toISOString();
