// Daily series per category from the demo shop generator, read only through its public surface (a
// DataSource's record stream: item rows carry their category, event rows a type and a timestamp), so it keeps
// working when the generator's internals change. Counts one event type (default purchase) per item category per
// UTC day, zero-filled from the first to the last such event's day (or the first `maxDays` days), and keeps
// the N busiest categories.
import { dailyCounts } from '../../algorithms/forecast/daily-series.ts';
import type { EventType } from '../../domain/events.ts';
import type { DataSource } from '../../domain/ingest.ts';
import type { NamedSeries } from './backtest.ts';

const DAY_MS = 86_400_000;

export interface DemoSeries {
  readonly series: NamedSeries[];
  readonly events: number;
  readonly startDay: string;
  readonly days: number;
}

/** `maxDays` keeps only the first days of the period (the whole period when undefined). */
export async function demoSeries(source: DataSource, behaviour: EventType, top: number, maxDays?: number): Promise<DemoSeries> {
  const categoryOf = new Map<string, string>();
  const picked: { itemId: string; ts: number }[] = [];
  for await (const row of source.rows()) {
    if (row.kind === 'item') {
      const c = row.item.categoryIds?.[0];
      if (c !== undefined) categoryOf.set(row.item.id, c);
    } else if (row.kind === 'event' && row.event.type === behaviour) {
      // resolved after the stream: a source may emit an event before its item row
      picked.push({ itemId: row.event.itemId, ts: row.event.ts });
    }
  }
  if (picked.length === 0) return { series: [], events: 0, startDay: '', days: 0 };
  let from = Infinity;
  let to = -Infinity;
  for (const e of picked) {
    from = Math.min(from, e.ts);
    to = Math.max(to, e.ts);
  }
  if (maxDays !== undefined) to = Math.min(to, Math.floor(from / DAY_MS) * DAY_MS + maxDays * DAY_MS - 1);
  const byCategory = new Map<string, number[]>();
  for (const e of picked) {
    if (e.ts > to) continue;
    const c = categoryOf.get(e.itemId) ?? '(none)';
    const list = byCategory.get(c) ?? [];
    list.push(e.ts);
    byCategory.set(c, list);
  }
  const ranked = [...byCategory.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const series = ranked.slice(0, top).map(([name, ts]) => ({ name, values: dailyCounts(ts, from, to).counts }));
  const { startDay, counts } = dailyCounts([], from, to);
  const events = series.reduce((a, s) => a + s.values.reduce((x, y) => x + y, 0), 0);
  return { series, events, startDay, days: counts.length };
}
