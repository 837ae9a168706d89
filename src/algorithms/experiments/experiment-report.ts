// The read-out of one experiment from per-variant aggregates (cypher/loop/experiment-results.cypher): the
// figures of each arm with intervals, and each treatment against the control (the first variant). O(variants).
//   CTR              clicks / impressions, Wilson interval (proportions.ts); null when clicks > impressions
//                    (clicks are attributed views, which a client may send for items it never reported)
//   conversion rate  conversions / exposed, Wilson interval
//   revenue per user mean of the per-exposed-user revenue, t interval m +- t_{1-a/2; n-1} s / sqrt(n)
//   conversion lift  two-proportion z-test (proportions.ts): unpooled difference CI, log-ratio relative CI,
//                    pooled z and p
//   revenue lift     Welch's t-test (welch.ts); relative lift mB/mA - 1 with the delta-method interval on the
//                    log of the ratio of means: Var(ln(mB/mA)) ~ sA^2/(nA mA^2) + sB^2/(nB mB^2)
//   sequential       mSPRT always-valid interval and p-value (sequential.ts) of the same difference and SE,
//                    tau^2 = mixingVariance(plannedSE, alpha): see plannedStandardErrors for the planned SE
//   sample ratio     chi-square of the assigned counts against the weights (srm.ts); flagged at p < 0.001
// Everything undefined (an empty arm, no variance, a zero control) is null, never NaN.
import { invalidInput } from '../../domain/errors.ts';
import { normalCriticalValue, studentCriticalValue } from './distributions.ts';
import { proportionInterval, twoProportionTest } from './proportions.ts';
import { mixingVariance, sequentialInterval } from './sequential.ts';
import { sampleRatioMismatch } from './srm.ts';
import { armMoments, welchTest, type MetricSums } from './welch.ts';

/**
 * What an experiment is planned for, fixed when it is created (before any of its data), so the tuning of
 * the always-valid intervals cannot follow the data.
 */
export interface ExperimentPlan {
  /** Exposed users per variant the experiment is expected to reach. */
  readonly usersPerVariant: number;
  /** Guess of the control's conversion rate, in (0, 1). */
  readonly baselineConversionRate: number;
  /** Mean and mean square of an order's value (the catalogue's prices when the experiment was created). */
  readonly orderValueMean: number;
  readonly orderValueMeanSq: number;
}

export const DEFAULT_PLANNED_USERS_PER_VARIANT = 10_000;
export const DEFAULT_BASELINE_CONVERSION_RATE = 0.05;

/**
 * The standard errors of the two differences expected at the planned size, with two equal arms of N users:
 *   conversion  sqrt(2 p0 (1 - p0) / N)
 *   revenue     sqrt(2 Var(X) / N), X = a user's revenue = converted x order value V, so
 *               Var(X) = p0 E[V^2] - (p0 E[V])^2 (one order per converted user)
 */
export function plannedStandardErrors(plan: ExperimentPlan): { readonly conversion: number; readonly revenue: number } {
  const { usersPerVariant: n, baselineConversionRate: p0, orderValueMean: m, orderValueMeanSq: m2 } = plan;
  if (!(Number.isFinite(n) && n >= 1)) throw invalidInput('plannedUsersPerVariant must be at least 1', { field: 'plannedUsersPerVariant', value: n });
  if (!(p0 > 0 && p0 < 1)) throw invalidInput('baselineConversionRate must be in (0, 1)', { field: 'baselineConversionRate', value: p0 });
  if (!(m > 0 && m2 >= m * m && Number.isFinite(m2))) throw invalidInput('order value moments must be positive, E[V^2] >= E[V]^2', { mean: m, meanSq: m2 });
  const variance = p0 * m2 - (p0 * m) ** 2;
  return { conversion: Math.sqrt((2 * p0 * (1 - p0)) / n), revenue: Math.sqrt((2 * variance) / n) };
}

/** What the results query returns for one variant. `revenue.n` is the exposed users. */
export interface ArmFigures {
  readonly assigned: number;
  readonly exposed: number;
  readonly impressions: number;
  readonly clicks: number;
  readonly conversions: number;
  readonly revenue: MetricSums;
}

export interface ReportArm {
  readonly variant: string;
  readonly strategy: string;
  readonly weight: number;
  readonly figures: ArmFigures;
}

export interface Estimate {
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

export interface Lift {
  readonly difference: number;
  readonly lower: number;
  readonly upper: number;
  readonly relative: number | null;
  readonly relativeLower: number | null;
  readonly relativeUpper: number | null;
  readonly pValue: number;
  readonly significant: boolean;
  readonly sequentialLower: number;
  readonly sequentialUpper: number;
  readonly sequentialPValue: number;
  readonly sequentialSignificant: boolean;
}

export interface VariantReport {
  readonly variant: string;
  readonly isControl: boolean;
  readonly strategy: string;
  readonly assigned: number;
  readonly exposed: number;
  readonly impressions: number;
  readonly clicks: number;
  readonly ctr: Estimate | null;
  readonly conversions: number;
  readonly conversionRate: Estimate | null;
  readonly revenue: number;
  readonly revenuePerUser: Estimate | null;
  readonly conversionLift: Lift | null;
  readonly revenueLift: Lift | null;
}

export interface SampleRatioReport {
  readonly observed: readonly number[];
  readonly expected: readonly number[];
  readonly chiSquare: number;
  readonly pValue: number;
  readonly mismatch: boolean;
}

export interface ExperimentReport {
  readonly variants: readonly VariantReport[];
  /** null when nobody is assigned yet. */
  readonly sampleRatio: SampleRatioReport | null;
}

/** The report of `arms` (control first) at two-sided `confidence` in (0, 1). */
export function experimentReport(arms: readonly ReportArm[], plan: ExperimentPlan, confidence: number): ExperimentReport {
  if (!(confidence > 0 && confidence < 1)) throw invalidInput('confidence must be in (0, 1)', { field: 'confidence', value: confidence });
  const control = arms[0];
  if (control === undefined) throw invalidInput('an experiment has at least one variant', { field: 'variants' });
  const planned = plannedStandardErrors(plan);
  const alpha = 1 - confidence;
  const variants = arms.map((arm, k): VariantReport => {
    const f = arm.figures;
    const isControl = k === 0;
    return {
      variant: arm.variant, isControl, strategy: arm.strategy,
      assigned: f.assigned, exposed: f.exposed, impressions: f.impressions, clicks: f.clicks,
      ctr: f.clicks > f.impressions ? null : estimate(proportionInterval({ conversions: f.clicks, n: f.impressions }, { confidence })),
      conversions: f.conversions,
      conversionRate: estimate(proportionInterval({ conversions: f.conversions, n: f.exposed }, { confidence })),
      revenue: f.revenue.sum,
      revenuePerUser: meanInterval(f.revenue, confidence),
      conversionLift: isControl ? null : conversionLift(control.figures, f, confidence, mixingVariance(planned.conversion, alpha)),
      revenueLift: isControl ? null : revenueLift(control.figures.revenue, f.revenue, confidence, mixingVariance(planned.revenue, alpha)),
    };
  });
  const srm = sampleRatioMismatch(arms.map((a) => a.figures.assigned), arms.map((a) => a.weight));
  const sampleRatio = srm === null ? null : {
    observed: arms.map((a) => a.figures.assigned), expected: srm.expected, chiSquare: srm.statistic, pValue: srm.pValue, mismatch: srm.flagged,
  };
  return { variants, sampleRatio };
}

function estimate(i: { estimate: number; lower: number; upper: number } | null): Estimate | null {
  return i === null ? null : { value: i.estimate, lower: i.lower, upper: i.upper };
}

/** m +- t_{1-a/2; n-1} s / sqrt(n); null below two users (no variance). */
function meanInterval(sums: MetricSums, confidence: number): Estimate | null {
  const m = armMoments(sums);
  if (m.mean === null || m.variance === null) return null;
  const half = studentCriticalValue(confidence, m.n - 1) * Math.sqrt(m.variance / m.n);
  return { value: m.mean, lower: m.mean - half, upper: m.mean + half };
}

function conversionLift(a: ArmFigures, b: ArmFigures, confidence: number, tau2: number): Lift | null {
  const t = twoProportionTest({ conversions: a.conversions, n: a.exposed }, { conversions: b.conversions, n: b.exposed }, confidence);
  if (t.difference === null || t.pValue === null) return null;
  const relative = t.rateA !== null && t.rateA > 0 && t.rateB !== null ? t.rateB / t.rateA - 1 : null;
  return lift(t.difference.estimate, t.difference.lower, t.difference.upper, t.difference.standardError, t.pValue,
    { relative, lower: t.lift?.lower ?? null, upper: t.lift?.upper ?? null }, confidence, tau2);
}

function revenueLift(a: MetricSums, b: MetricSums, confidence: number, tau2: number): Lift | null {
  const w = welchTest(a, b, confidence);
  if (w.difference === null || w.standardError === null || w.pValue === null || w.lower === null || w.upper === null) return null;
  const { mean: mA, variance: vA, n: nA } = w.a;
  const { mean: mB, variance: vB, n: nB } = w.b;
  let relative: { relative: number | null; lower: number | null; upper: number | null } = { relative: null, lower: null, upper: null };
  if (mA !== null && mA > 0 && mB !== null) {
    relative = { relative: mB / mA - 1, lower: null, upper: null };
    if (mB > 0 && vA !== null && vB !== null) {
      const seLog = Math.sqrt(vA / (nA * mA * mA) + vB / (nB * mB * mB));
      const z = normalCriticalValue(confidence);
      const log = Math.log(mB / mA);
      relative = { relative: mB / mA - 1, lower: Math.exp(log - z * seLog) - 1, upper: Math.exp(log + z * seLog) - 1 };
    }
  }
  return lift(w.difference, w.lower, w.upper, w.standardError, w.pValue, relative, confidence, tau2);
}

function lift(
  difference: number, lower: number, upper: number, se: number, pValue: number,
  relative: { relative: number | null; lower: number | null; upper: number | null }, confidence: number, tau2: number,
): Lift {
  const alpha = 1 - confidence;
  const s = sequentialInterval(difference, se, { tau2, alpha });
  return {
    difference, lower, upper,
    relative: relative.relative, relativeLower: relative.lower, relativeUpper: relative.upper,
    pValue, significant: pValue < alpha,
    sequentialLower: s.lower, sequentialUpper: s.upper, sequentialPValue: s.pValue, sequentialSignificant: s.pValue < alpha,
  };
}
