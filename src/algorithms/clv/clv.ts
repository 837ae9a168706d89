// Customer lifetime value over a finite horizon, discounted per period, as lifetimes 0.11.3
// (utils._customer_lifetime_value) computes it from a BG/NBD and a Gamma-Gamma fit:
//   CLV = sum_{i=1..n} (E[Y(t_i)] - E[Y(t_{i-1})]) * E[Z] / (1 + d)^i,
// with E[Y(t)] the BG/NBD conditional expectation (Fader, Hardie & Lee 2005, eq. 10), E[Z] the Gamma-Gamma
// expected spend per transaction, t_i the end of period i and d the discount rate per period. The period
// boundaries are in days so a caller cannot mix a weekly model unit with a monthly discount period silently.
import { invalidInput } from '../../domain/errors.ts';
import { expectedPurchases, type BgNbdParams } from './bg-nbd.ts';
import type { CustomerSummary } from './customer-summary.ts';
import { expectedAverageValue, type GammaGammaParams } from './gamma-gamma.ts';

export interface ClvOptions {
  /** Length in days of the time unit the BG/NBD was fitted in and `summary.tx`, `summary.T` are in (7: weeks, 1: days). */
  readonly unitDays: number;
  /** Horizon in days from the end of the summary's observation period. */
  readonly horizonDays: number;
  /** Discounting period in days; default 30 (lifetimes' "month" for daily data). A last partial period ends at the horizon. */
  readonly periodDays?: number;
  /** Discount rate per period (0.01 = 1 % per period); cash flows of period i are divided by (1 + d)^i. */
  readonly discountRatePerPeriod: number;
}

export interface ClvPeriod {
  /** 1-based period index i (the discount exponent). */
  readonly period: number;
  /** End of the period, in days after the end of observation. */
  readonly endDay: number;
  /** Expected purchases in the period (BG/NBD). */
  readonly expectedPurchases: number;
  /** Discounted expected value of the period. */
  readonly discountedValue: number;
}

export interface ClvBreakdown {
  readonly value: number;
  /** Expected spend per transaction (Gamma-Gamma), the same for every period. */
  readonly expectedAverageValue: number;
  readonly periods: readonly ClvPeriod[];
}

/** The CLV with its per-period terms. */
export function clvBreakdown(bg: BgNbdParams, gg: GammaGammaParams, summary: CustomerSummary, options: ClvOptions): ClvBreakdown {
  const { unitDays, horizonDays, discountRatePerPeriod: d } = options;
  const periodDays = options.periodDays ?? 30;
  if (!(unitDays > 0) || !Number.isFinite(unitDays)) throw invalidInput('unitDays must be a positive number of days', { unitDays });
  if (!(horizonDays >= 0) || !Number.isFinite(horizonDays)) throw invalidInput('horizonDays must be a finite number of days >= 0', { horizonDays });
  if (!(periodDays > 0) || !Number.isFinite(periodDays)) throw invalidInput('periodDays must be a positive number of days', { periodDays });
  if (!(d > -1) || !Number.isFinite(d)) throw invalidInput('discountRatePerPeriod must be > -1', { discountRatePerPeriod: d });
  const { x, tx, T, monetary } = summary;
  const spend = expectedAverageValue(gg, x, monetary);
  const cumulative = (days: number): number => expectedPurchases(bg, days / unitDays, x, tx, T);
  const periods: ClvPeriod[] = [];
  const n = Math.ceil(horizonDays / periodDays);
  let previous = 0;
  let value = 0;
  for (let i = 1; i <= n; i++) {
    const endDay = Math.min(i * periodDays, horizonDays);
    const current = cumulative(endDay);
    const purchases = current - previous;
    const discountedValue = (purchases * spend) / Math.pow(1 + d, i);
    periods.push({ period: i, endDay, expectedPurchases: purchases, discountedValue });
    value += discountedValue;
    previous = current;
  }
  return { value, expectedAverageValue: spend, periods };
}

/** Discounted expected value of a customer's purchases over the next `horizonDays`. */
export function customerLifetimeValue(bg: BgNbdParams, gg: GammaGammaParams, summary: CustomerSummary, options: ClvOptions): number {
  return clvBreakdown(bg, gg, summary, options).value;
}
