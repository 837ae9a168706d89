// Demand counts for hot items and forecasts (cypher/demand/*): aggregated in the database, so only
// per-item or per-day totals cross the wire.
import { ALL_GRANTED, type Consent } from '../domain/consent.ts';
import { cypher } from './cypher-files.ts';
import type { Executor } from './executor.ts';

export interface WindowCounts {
  readonly itemId: string;
  readonly recent: number;
  readonly baseline: number;
}

export class DemandStore {
  constructor(private readonly executor: Executor, private readonly consentDefaults: Consent = ALL_GRANTED) {}

  async windowCounts(args: { categoryId: string | null; eventType: string; baselineFrom: number; recentFrom: number; asOf: number }): Promise<WindowCounts[]> {
    const rows = await this.executor.read(cypher('demand/item-window-counts'), { ...args, consentDefaults: { ...this.consentDefaults } });
    return rows.map((r) => ({ itemId: String(r['itemId']), recent: Number(r['recent']), baseline: Number(r['baseline']) }));
  }

  /** Daily counts from `from` (a UTC midnight) through `to`, zero-filled: element d is day d. */
  async dailyCounts(args: { itemId: string | null; categoryId: string | null; eventType: string; from: number; to: number }): Promise<number[]> {
    const rows = await this.executor.read(cypher('demand/daily-counts'), { ...args, consentDefaults: { ...this.consentDefaults } });
    const days = Math.floor((args.to - args.from) / 86_400_000) + 1;
    const out = new Array<number>(days).fill(0);
    for (const r of rows) {
      const d = Number(r['day']);
      if (d >= 0 && d < days) out[d] = Number(r['count']);
    }
    return out;
  }

  /** The latest event time (null without events) and whether the item / category asked about exists. */
  async reference(itemId: string | null, categoryId: string | null): Promise<{ lastTs: number | null; itemFound: boolean; categoryFound: boolean }> {
    const [r] = await this.executor.read(cypher('demand/reference'), { itemId, categoryId });
    const v = r?.['lastTs'];
    return { lastTs: v === null || v === undefined ? null : Number(v), itemFound: r?.['itemFound'] === true, categoryFound: r?.['categoryFound'] === true };
  }
}
