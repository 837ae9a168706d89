// Conversion-rate statistics of an A/B experiment: B (treatment) against A (control). O(1).
//
// Interval for one rate: Wilson score (default; see ../stats/wilson-interval.ts for why) or Wald
// p +- z sqrt(p(1-p)/n) ('normal', kept because analysts compare against it).
//
// Two-proportion z-test (e.g. Agresti, "Categorical Data Analysis", 3rd ed.; Newcombe 1998 for the intervals):
//   d = pB - pA
//   test  (H0: pA = pB, so both arms share one rate): p = (xA + xB)/(nA + nB),
//         SE0 = sqrt(p(1-p)(1/nA + 1/nB)),  z = d / SE0,  p-value = 2 Phi(-|z|)
//   CI of d (no H0 to lean on, each arm keeps its own rate): SE = sqrt(pA(1-pA)/nA + pB(1-pB)/nB),
//         d +- z_{1-a/2} SE
// Relative lift pB/pA - 1 with the delta method on the log of the risk ratio (Katz, Baptista, Azen & Pike
// 1978): Var(ln(pB/pA)) ~ (1-pA)/(nA pA) + (1-pB)/(nB pB), CI = exp(ln(pB/pA) +- z SE_log) - 1. Chosen over
// Fieller's interval because it is closed-form and always bounded (Fieller's is unbounded when pA is not
// significantly above 0), and it is never below -100%.
//
// Degenerate inputs give nulls, never NaN: n = 0 in either arm (no rate), pA = 0 or pB = 0 (no lift interval), a zero
// standard error (0% or 100% in both arms: the z statistic is 0/0 and a Wald interval would be a point).
import { invalidInput } from '../../domain/errors.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import { normalCriticalValue, twoSidedNormalP } from './distributions.ts';

export interface ArmCounts {
  /** Users who converted. */
  readonly conversions: number;
  /** Users assigned (exposed). */
  readonly n: number;
}

export interface Interval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

export type ProportionMethod = 'wilson' | 'normal';

export interface ProportionOptions {
  /** Two-sided confidence level, default 0.95. */
  readonly confidence?: number;
  readonly method?: ProportionMethod;
}

/** Interval for one conversion rate; null when n = 0. */
export function proportionInterval(arm: ArmCounts, options: ProportionOptions = {}): Interval | null {
  assertCounts(arm, 'arm');
  const z = normalCriticalValue(options.confidence ?? 0.95);
  const { conversions: x, n } = arm;
  if (n === 0) return null;
  if ((options.method ?? 'wilson') === 'wilson') {
    const w = wilsonInterval(x, n, z);
    return w === null ? null : { estimate: w.estimate, lower: w.lower, upper: w.upper };
  }
  const p = x / n;
  const half = z * Math.sqrt((p * (1 - p)) / n);
  return { estimate: p, lower: Math.max(0, p - half), upper: Math.min(1, p + half) };
}

export interface DifferenceEstimate extends Interval {
  /** Unpooled standard error of pB - pA (the one the interval uses). */
  readonly standardError: number;
}

export interface TwoProportionTest {
  readonly rateA: number | null;
  readonly rateB: number | null;
  /** pB - pA with its unpooled Wald interval; null when an arm is empty or the unpooled SE is 0. */
  readonly difference: DifferenceEstimate | null;
  /** pB/pA - 1 with its delta-method (log ratio) interval; null when an arm is empty, pA = 0 (no ratio)
   *  or pB = 0 (the log ratio is -infinity, so the delta-method interval does not exist). */
  readonly lift: Interval | null;
  /** (pB - pA) / pooled SE; null when an arm is empty or the pooled SE is 0. */
  readonly z: number | null;
  readonly pValue: number | null;
}

/** Two-proportion z-test of B (treatment) against A (control); see the file comment for the formulas. */
export function twoProportionTest(a: ArmCounts, b: ArmCounts, confidence = 0.95): TwoProportionTest {
  assertCounts(a, 'a');
  assertCounts(b, 'b');
  const zc = normalCriticalValue(confidence);
  if (a.n === 0 || b.n === 0) {
    return { rateA: a.n === 0 ? null : a.conversions / a.n, rateB: b.n === 0 ? null : b.conversions / b.n, difference: null, lift: null, z: null, pValue: null };
  }
  const pA = a.conversions / a.n;
  const pB = b.conversions / b.n;
  const d = pB - pA;

  const se = Math.sqrt((pA * (1 - pA)) / a.n + (pB * (1 - pB)) / b.n);
  const difference = se > 0 ? { estimate: d, standardError: se, lower: d - zc * se, upper: d + zc * se } : null;

  const pooled = (a.conversions + b.conversions) / (a.n + b.n);
  const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  const z = se0 > 0 ? d / se0 : null;

  return { rateA: pA, rateB: pB, difference, lift: relativeLift(pA, pB, a.n, b.n, zc), z, pValue: z === null ? null : twoSidedNormalP(z) };
}

function relativeLift(pA: number, pB: number, nA: number, nB: number, zc: number): Interval | null {
  if (pA === 0) return null;
  if (pB === 0) return null;
  const estimate = pB / pA - 1;
  const seLog = Math.sqrt((1 - pA) / (nA * pA) + (1 - pB) / (nB * pB));
  const logRatio = Math.log(pB / pA);
  return { estimate, lower: Math.exp(logRatio - zc * seLog) - 1, upper: Math.exp(logRatio + zc * seLog) - 1 };
}

function assertCounts(arm: ArmCounts, name: string): void {
  const { conversions, n } = arm;
  if (!Number.isSafeInteger(n) || n < 0 || !Number.isSafeInteger(conversions) || conversions < 0 || conversions > n) {
    throw invalidInput(`${name} needs integers 0 <= conversions <= n`, { arm: name, conversions, n });
  }
}
