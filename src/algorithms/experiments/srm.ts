// Sample-ratio mismatch (SRM): do the assigned counts match the configured split? Pearson's chi-square
// goodness of fit (Fabijan et al. 2019, "Diagnosing Sample Ratio Mismatch in Online Controlled Experiments"):
//   E_i = N w_i / sum(w),  X^2 = sum_i (O_i - E_i)^2 / E_i,  df = k - 1,  p = P(chi2_df >= X^2)
// Flagged when p < threshold; 0.001 is the usual choice because the check runs on every experiment at
// every look, and a false alarm stops a healthy experiment. O(k).
// A variant with weight 0 should receive nobody: it is left out of the chi-square (its E_i = 0 would make
// X^2 infinite) and any user assigned to it flags the experiment on its own (`unexpectedAssignments`).
import { invalidInput } from '../../domain/errors.ts';
import { chiSquareUpperTail } from './distributions.ts';

export const SRM_THRESHOLD = 0.001;

export interface SrmCheck {
  /** Expected count of each variant, in input order: renormalised weight times the users in positive-weight variants. */
  readonly expected: readonly number[];
  readonly statistic: number;
  /** Number of positive-weight variants minus 1. */
  readonly df: number;
  readonly pValue: number;
  /** Users assigned to a zero-weight variant. */
  readonly unexpectedAssignments: number;
  readonly flagged: boolean;
}

/**
 * null when nobody is assigned or fewer than two variants have positive weight (no ratio to check).
 * Mismatched lengths, non-integer or negative counts, negative or non-finite weights, or a threshold
 * outside (0, 1) are INVALID_INPUT.
 */
export function sampleRatioMismatch(counts: readonly number[], weights: readonly number[], threshold = SRM_THRESHOLD): SrmCheck | null {
  if (counts.length !== weights.length) throw invalidInput('srm: counts and weights differ in length', { counts: counts.length, weights: weights.length });
  if (counts.some((c) => !Number.isSafeInteger(c) || c < 0)) throw invalidInput('srm: counts must be non-negative integers', { counts });
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) throw invalidInput('srm: weights must be finite and >= 0', { weights });
  if (!(threshold > 0 && threshold < 1)) throw invalidInput('srm: threshold must be in (0, 1)', { threshold });
  const total = counts.reduce((s, c) => s + c, 0);
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const positive = weights.filter((w) => w > 0).length;
  if (total === 0 || positive < 2) return null;

  // Expected counts share out only the users in positive-weight variants; the others are counted apart.
  const inSplit = counts.reduce((s, c, i) => ((weights[i] as number) > 0 ? s + c : s), 0);
  const expected = weights.map((w) => (inSplit * w) / weightSum);
  let statistic = 0;
  let unexpectedAssignments = 0;
  counts.forEach((observed, i) => {
    const e = expected[i] as number;
    if ((weights[i] as number) === 0) unexpectedAssignments += observed;
    else if (e > 0) statistic += ((observed - e) * (observed - e)) / e;
  });
  const df = positive - 1;
  const pValue = chiSquareUpperTail(statistic, df);
  return { expected, statistic, df, pValue, unexpectedAssignments, flagged: pValue < threshold || unexpectedAssignments > 0 };
}
