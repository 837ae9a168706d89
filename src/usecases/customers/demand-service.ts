// Demand signals for inventory: items whose demand rises fastest against their own baseline, and daily
// forecasts with prediction intervals (Holt-Winters with a weekly season; src/algorithms/forecast).
import { forecastDaily } from '../../algorithms/forecast/holt-winters.ts';
import { hotItems, type HotItem } from '../../algorithms/trending/hot-items.ts';
import { invalidInput, notFound } from '../../domain/errors.ts';
import { isEventType } from '../../domain/events.ts';
import type { Principal } from '../../domain/principal.ts';
import type { DemandStore } from '../../storage/demand-store.ts';
import { authorize } from '../access/permissions.ts';
import { requireId } from '../../domain/id-text.ts';

const DAY_MS = 86_400_000;
const MAX_WINDOW_DAYS = 365;
const MAX_HORIZON_DAYS = 90;
const MAX_HISTORY_DAYS = 730;
const MAX_HOT = 100;

export interface HotItemsArgs {
  readonly categoryId?: string | null;
  readonly eventType?: string | null;
  readonly recentDays?: number | null;
  readonly baselineDays?: number | null;
  readonly asOf?: number | null;
  readonly first?: number | null;
}

export interface ForecastArgs {
  readonly itemId?: string | null;
  readonly categoryId?: string | null;
  readonly eventType?: string | null;
  readonly horizonDays?: number | null;
  readonly historyDays?: number | null;
}

export interface DemandForecastView {
  readonly itemId: string | null;
  readonly categoryId: string | null;
  readonly eventType: string;
  readonly method: string;
  readonly history: readonly { date: string; count: number }[];
  readonly forecast: readonly { date: string; mean: number; lower: number; upper: number }[];
}

export class DemandService {
  constructor(private readonly store: DemandStore, private readonly now: () => number) {}

  async hotItems(p: Principal, args: HotItemsArgs): Promise<HotItem[]> {
    authorize(p, 'demand:read');
    const recentDays = intIn(args.recentDays ?? 7, 1, MAX_WINDOW_DAYS, 'window.recentDays');
    const baselineDays = intIn(args.baselineDays ?? 28, 1, MAX_WINDOW_DAYS, 'window.baselineDays');
    const first = intIn(args.first ?? 10, 1, MAX_HOT, 'first');
    const eventType = eventTypeOf(args.eventType);
    const categoryId = args.categoryId == null ? null : requireId('categoryId', args.categoryId);
    const ref = await this.checkedReference(null, categoryId);
    const asOf = args.asOf ?? ref.lastTs ?? this.now();
    const recentFrom = asOf - recentDays * DAY_MS;
    const counts = await this.store.windowCounts({ categoryId, eventType, baselineFrom: recentFrom - baselineDays * DAY_MS, recentFrom, asOf });
    return hotItems(counts, { windowDays: recentDays, baselineDays }, first);
  }

  async forecast(p: Principal, args: ForecastArgs): Promise<DemandForecastView> {
    authorize(p, 'demand:read');
    const itemId = args.itemId == null ? null : requireId('itemId', args.itemId);
    const categoryId = args.categoryId == null ? null : requireId('categoryId', args.categoryId);
    if ((itemId === null) === (categoryId === null)) throw invalidInput('give exactly one of itemId and categoryId', { field: itemId === null ? 'itemId' : 'categoryId' });
    const horizon = intIn(args.horizonDays ?? 14, 1, MAX_HORIZON_DAYS, 'horizonDays');
    const historyDays = intIn(args.historyDays ?? 112, 7, MAX_HISTORY_DAYS, 'historyDays');
    const eventType = eventTypeOf(args.eventType);
    // Whole UTC days ending with the day of the latest event (that day may be partial in a live shop).
    const last = (await this.checkedReference(itemId, categoryId)).lastTs ?? this.now();
    const lastDay = Math.floor(last / DAY_MS) * DAY_MS;
    const from = lastDay - (historyDays - 1) * DAY_MS;
    const series = await this.store.dailyCounts({ itemId, categoryId, eventType, from, to: lastDay + DAY_MS - 1 });
    const f = forecastDaily(series, horizon);
    return {
      itemId, categoryId, eventType, method: f.method,
      history: series.map((count, d) => ({ date: isoDay(from + d * DAY_MS), count })),
      forecast: f.mean.map((mean, h) => ({ date: isoDay(lastDay + (h + 1) * DAY_MS), mean, lower: f.lower[h] ?? 0, upper: f.upper[h] ?? 0 })),
    };
  }

  /** The latest event time, after checking the item or category exists (NOT_FOUND naming it otherwise). */
  private async checkedReference(itemId: string | null, categoryId: string | null): Promise<{ lastTs: number | null }> {
    const ref = await this.store.reference(itemId, categoryId);
    if (!ref.itemFound) throw notFound('Item', itemId ?? '');
    if (!ref.categoryFound) throw notFound('Category', categoryId ?? '');
    return ref;
  }
}

function intIn(v: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(v) || v < min || v > max) throw invalidInput(`${field} must be an integer in ${min}..${max}, got ${v}`, { field });
  return v;
}

function eventTypeOf(raw: string | null | undefined): string {
  const t = (raw ?? 'purchase').toLowerCase();
  if (!isEventType(t)) throw invalidInput(`unknown event type '${raw}'`, { field: 'eventType' });
  return t;
}

const isoDay = (ts: number): string => new Date(ts).toISOString().slice(0, 10);
