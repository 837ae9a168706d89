// Welch's unequal-variance t-test for a per-user metric such as revenue, B (treatment) against A (control)
// (Welch 1947; Satterthwaite 1946). Inputs are sufficient statistics { n, sum, sumSq } so the storage layer
// can aggregate them in Cypher (count(*), sum(x), sum(x*x)) without shipping per-user rows. O(1).
//   mean  m = sum / n
//   var   s^2 = (sumSq - sum^2 / n) / (n - 1)        (sample variance, Bessel-corrected)
//   SE    = sqrt(sA^2/nA + sB^2/nB)
//   df    = SE^4 / ((sA^2/nA)^2/(nA-1) + (sB^2/nB)^2/(nB-1))     (Welch-Satterthwaite)
//   t     = (mB - mA) / SE,  p = 2 F_t(-|t|; df),  CI = (mB - mA) +- t_{1-a/2; df} SE
// The one-pass variance formula cancels catastrophically when the mean is large relative to the spread
// (revenue in cents with tiny variance); a slightly negative result is rounding, so it is clamped to 0.
import { invalidInput } from '../../domain/errors.ts';
import { studentCriticalValue, twoSidedStudentP } from './distributions.ts';

export interface MetricSums {
  readonly n: number;
  readonly sum: number;
  readonly sumSq: number;
}

export interface ArmMoments {
  readonly n: number;
  /** null when n = 0. */
  readonly mean: number | null;
  /** Sample variance (n - 1 denominator); null when n < 2. */
  readonly variance: number | null;
}

export interface WelchTest {
  readonly a: ArmMoments;
  readonly b: ArmMoments;
  /** mB - mA; null when either arm is empty. */
  readonly difference: number | null;
  /** null when either arm has n < 2 (no variance) or both variances are 0 (t would be 0/0). */
  readonly standardError: number | null;
  readonly df: number | null;
  readonly t: number | null;
  readonly pValue: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Mean and sample variance from sufficient statistics. */
export function armMoments(sums: MetricSums, name = 'arm'): ArmMoments {
  const { n, sum, sumSq } = sums;
  if (!Number.isSafeInteger(n) || n < 0) throw invalidInput(`${name}: n must be a non-negative integer`, { arm: name, n });
  if (!Number.isFinite(sum) || !Number.isFinite(sumSq) || sumSq < 0) {
    throw invalidInput(`${name}: sum and sumSq must be finite, sumSq >= 0`, { arm: name, sum, sumSq });
  }
  if (n === 0) return { n, mean: null, variance: null };
  const mean = sum / n;
  const variance = n < 2 ? null : Math.max(0, (sumSq - (sum * sum) / n) / (n - 1));
  return { n, mean, variance };
}

/** Welch's t-test of B against A; see the file comment for the formulas. */
export function welchTest(a: MetricSums, b: MetricSums, confidence = 0.95): WelchTest {
  const ma = armMoments(a, 'a');
  const mb = armMoments(b, 'b');
  studentCriticalValue(confidence, 1); // validates confidence up front, whatever the data
  const empty = { standardError: null, df: null, t: null, pValue: null, lower: null, upper: null };
  if (ma.mean === null || mb.mean === null) return { a: ma, b: mb, difference: null, ...empty };
  const difference = mb.mean - ma.mean;
  if (ma.variance === null || mb.variance === null) return { a: ma, b: mb, difference, ...empty };
  const qa = ma.variance / ma.n;
  const qb = mb.variance / mb.n;
  const se2 = qa + qb;
  if (!(se2 > 0)) return { a: ma, b: mb, difference, ...empty };
  const standardError = Math.sqrt(se2);
  const df = (se2 * se2) / ((qa * qa) / (ma.n - 1) + (qb * qb) / (mb.n - 1));
  const t = difference / standardError;
  const half = studentCriticalValue(confidence, df) * standardError;
  return { a: ma, b: mb, difference, standardError, df, t, pValue: twoSidedStudentP(t, df), lower: difference - half, upper: difference + half };
}
