// Reads of the loop's online metrics (cypher/loop/online-metrics.cypher): aggregated per day and group in
// the database, so only the rows cross the wire. Analysts run the same file with the same parameters.
import { ALL_GRANTED, type Consent } from '../domain/consent.ts';
import { cypher } from './cypher-files.ts';
import type { Executor, Row } from './executor.ts';

export type MetricsGroupBy = 'STRATEGY' | 'VARIANT' | 'CAMPAIGN';

export interface OnlineMetricsRow {
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  /** The strategy, experimentKey/variant, or campaign id. */
  readonly group: string;
  readonly impressions: number;
  readonly clicks: number;
  readonly ctr: number | null;
  readonly users: number;
  readonly purchases: number;
  readonly conversion: number | null;
  readonly revenue: number;
}

export class OnlineMetricsStore {
  /** @param consentDefaults consent for users who never decided (those who refused analytics are not counted). */
  constructor(private readonly executor: Executor, private readonly consentDefaults: Consent = ALL_GRANTED) {}

  /** Rows for the UTC days that [from, to] touches, sorted by day then group. */
  async rows(from: number, to: number, groupBy: MetricsGroupBy): Promise<OnlineMetricsRow[]> {
    const rows = await this.executor.read(cypher('loop/online-metrics'), { from, to, groupBy, consentDefaults: { ...this.consentDefaults } });
    return rows.map(toRow);
  }

  /** The latest event time, null in an empty store (the default window ends on its day). */
  async latestEventTs(): Promise<number | null> {
    const [r] = await this.executor.read(cypher('demand/last-event'), {});
    const v = r?.['lastTs'];
    return v === null || v === undefined ? null : Number(v);
  }
}

function toRow(r: Row): OnlineMetricsRow {
  const opt = (k: string): number | null => (r[k] === null || r[k] === undefined ? null : Number(r[k]));
  return {
    day: String(r['day']),
    group: String(r['group']),
    impressions: Number(r['impressions']),
    clicks: Number(r['clicks']),
    ctr: opt('ctr'),
    users: Number(r['users']),
    purchases: Number(r['purchases']),
    conversion: opt('conversion'),
    revenue: Number(r['revenue']),
  };
}
