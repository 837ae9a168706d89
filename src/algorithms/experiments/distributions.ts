// The distribution functions the experiment statistics need, in one place so only this file imports jstat.
// Two-sided p-values are computed as 2 F(-|x|) rather than 2 (1 - F(|x|)): the lower tail keeps its relative
// precision far out (1 - F underflows to exactly 0 near p ~ 1e-16). The chi-square upper tail has no such
// lower-tail form in jstat, so it is 1 - F and is only accurate to ~1e-15 absolute, far below any threshold used.
import jStat from 'jstat';
import { invalidInput } from '../../domain/errors.ts';

/** Two-sided critical value z_{1 - (1 - confidence)/2} of the standard normal. */
export function normalCriticalValue(confidence: number): number {
  assertConfidence(confidence);
  return jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1);
}

/** Two-sided critical value of Student's t with `df` degrees of freedom (df may be fractional: Welch). */
export function studentCriticalValue(confidence: number, df: number): number {
  assertConfidence(confidence);
  return jStat.studentt.inv(1 - (1 - confidence) / 2, df);
}

/** P(|Z| >= |z|) for a standard normal Z. */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, 2 * jStat.normal.cdf(-Math.abs(z), 0, 1));
}

/** P(|T| >= |t|) for Student's t with `df` degrees of freedom. */
export function twoSidedStudentP(t: number, df: number): number {
  return Math.min(1, 2 * jStat.studentt.cdf(-Math.abs(t), df));
}

/** P(X >= x) for a chi-square X with `df` degrees of freedom. */
export function chiSquareUpperTail(x: number, df: number): number {
  return Math.max(0, 1 - jStat.chisquare.cdf(x, df));
}

export function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw invalidInput('confidence must be in (0, 1)', { confidence });
}
