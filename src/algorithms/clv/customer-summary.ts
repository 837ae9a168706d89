// Per-customer recency-frequency-monetary summary, the input of the BG/NBD and Gamma-Gamma models, built by the
// protocol of Fader, Hardie & Lee (2005) on CDNOW: purchases on the same UTC day are one transaction (values
// summed); x = distinct purchase days - 1 (repeat purchases); t_x = last - first purchase day; T = calibration
// end day - first purchase day; both from whole day counts, then divided by the time unit (7: weeks, as in the
// paper; 1: days). monetary = mean value of the repeat purchase days (the first day excluded: it is the trial
// purchase the Gamma-Gamma model leaves out), 0 when x = 0. O(n log n) for n transactions (the sort).
import { invalidInput } from '../../domain/errors.ts';

export interface CustomerSummary {
  /** Repeat purchases (distinct purchase days after the first) in the calibration period. */
  readonly x: number;
  /** Recency: time from the first to the last purchase, in the time unit. */
  readonly tx: number;
  /** Age: time from the first purchase to the end of calibration, in the time unit. */
  readonly T: number;
  /** Mean value of the repeat purchases (same-day purchases summed); 0 when x = 0. */
  readonly monetary: number;
}

export interface Transaction {
  /** Epoch milliseconds; only its UTC day matters. */
  readonly ts: number;
  readonly value: number;
}

export const MS_PER_DAY = 86_400_000;

/** Whole UTC day number of an epoch-ms timestamp (day 0 = 1970-01-01). */
export const utcDay = (ts: number): number => Math.floor(ts / MS_PER_DAY);

/**
 * Summary of one customer at `calibrationEndTs`. The whole UTC day of `calibrationEndTs` belongs to the
 * calibration period (so 1997-09-30T00:00Z includes every purchase of 30 September); later transactions are
 * ignored. undefined when the customer has no transaction by then (not yet a customer). `unitDays` is the
 * length of the model's time unit in days: 7 for weeks (the paper), 1 for days.
 */
export function summarise(
  transactions: readonly Transaction[],
  calibrationEndTs: number,
  unitDays = 7,
): CustomerSummary | undefined {
  if (!Number.isFinite(calibrationEndTs)) throw invalidInput('calibrationEndTs must be a finite epoch-ms time', { calibrationEndTs });
  if (!(unitDays > 0) || !Number.isFinite(unitDays)) throw invalidInput('unitDays must be a positive number of days', { unitDays });
  const endDay = utcDay(calibrationEndTs);
  const valueByDay = new Map<number, number>();
  for (const { ts, value } of transactions) {
    if (!Number.isFinite(ts) || !Number.isFinite(value)) throw invalidInput('transaction ts and value must be finite', { ts, value });
    const day = utcDay(ts);
    if (day > endDay) continue;
    valueByDay.set(day, (valueByDay.get(day) ?? 0) + value);
  }
  const days = [...valueByDay.keys()].sort((p, q) => p - q);
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const x = days.length - 1;
  let repeatTotal = 0;
  for (const day of days.slice(1)) repeatTotal += valueByDay.get(day) ?? 0;
  return { x, tx: (last - first) / unitDays, T: (endDay - first) / unitDays, monetary: x === 0 ? 0 : repeatTotal / x };
}
