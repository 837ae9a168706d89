// Hourly series per category from the Taobao UserBehavior file (Zhu et al., KDD 2018), streamed line by line.
// The data set covers 2017-11-25 .. 2017-12-03 in China Standard Time (UTC+8), i.e. 2017-11-24T16:00Z to
// 2017-12-03T16:00Z: 9 days, too short for a weekly season (Holt-Winters needs two), so the series are hourly
// with a daily season (m = 24): 216 hourly counts per category. Events outside the 9 days (35 in the prefix
// file) are dropped. The N categories with most events of the chosen behaviour are kept.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dailyCounts } from '../../algorithms/forecast/daily-series.ts';
import type { EventType } from '../../domain/events.ts';
import { readLineBatches } from '../../sources/shared/read-lines.ts';
import { isTaobaoRow, parseTaobaoLine } from '../../sources/taobao/taobao-row.ts';
import { DatasetMissingError } from '../datasets/files.ts';
import type { NamedSeries } from './backtest.ts';

export const TAOBAO_FILE = join('taobao-userbehavior', 'UserBehavior_prefix_814users.csv');
export const TAOBAO_FROM_TS = Date.UTC(2017, 10, 24, 16);
export const TAOBAO_TO_TS = Date.UTC(2017, 11, 3, 16) - 1;

export interface TaobaoSeriesOptions {
  readonly dataDir: string;
  /** purchase (Taobao `buy`) or cart, or any event type. */
  readonly behaviour: EventType;
  readonly top: number;
  /** Stop after this many lines (the full data set has 100 million). */
  readonly maxRows: number;
}

export interface TaobaoSeries {
  readonly series: NamedSeries[];
  readonly linesRead: number;
  readonly eventsInWindow: number;
  readonly startDay: string;
}

export async function taobaoSeries(o: TaobaoSeriesOptions): Promise<TaobaoSeries> {
  const file = join(o.dataDir, TAOBAO_FILE);
  if (!existsSync(file)) throw new DatasetMissingError(file);
  const byCategory = new Map<number, number[]>();
  let linesRead = 0;
  let eventsInWindow = 0;
  outer: for await (const lines of readLineBatches(file, 'utf8')) {
    for (const { text } of lines) {
      if (linesRead >= o.maxRows) break outer;
      linesRead++;
      const row = parseTaobaoLine(text);
      if (!isTaobaoRow(row) || row.type !== o.behaviour) continue;
      const ts = row.seconds * 1000;
      if (ts < TAOBAO_FROM_TS || ts > TAOBAO_TO_TS) continue;
      eventsInWindow++;
      const list = byCategory.get(row.category) ?? [];
      list.push(ts);
      byCategory.set(row.category, list);
    }
  }
  // most events first; ties by category id so the selection is reproducible
  const top = [...byCategory.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]).slice(0, o.top);
  const series = top.map(([category, ts]) => ({
    name: `tb-c${category}`,
    values: dailyCounts(ts, TAOBAO_FROM_TS, TAOBAO_TO_TS, { bucketHours: 1 }).counts,
  }));
  return { series, linesRead, eventsInWindow, startDay: new Date(TAOBAO_FROM_TS).toISOString() };
}
