// Wilson score interval for a binomial proportion (Wilson 1927; Agresti & Coull 1998):
//   centre = (p + z^2/(2n)) / (1 + z^2/n)
//   half   = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/(4n^2))
// Preferred over the Wald interval p +- z sqrt(p(1-p)/n), which collapses to a point at p = 0 or 1 and
// under-covers for small n, exactly the regime of per-segment conversion rates. O(1).
import { invalidInput } from '../../domain/errors.ts';

/** z for a two-sided 95% interval: the 0.975 quantile of the standard normal. */
export const Z_95 = 1.959964;

export interface WilsonInterval {
  readonly successes: number;
  readonly n: number;
  /** Point estimate successes / n. */
  readonly estimate: number;
  readonly centre: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * n = 0 returns null (no observations: nothing to estimate; a value, like no-data rows elsewhere).
 * Non-integer or negative counts, successes > n, or z <= 0 are INVALID_INPUT.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): WilsonInterval | null {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(successes) || successes < 0 || successes > n) {
    throw invalidInput('wilsonInterval needs integers 0 <= successes <= n', { successes, n });
  }
  if (!(z > 0) || !Number.isFinite(z)) throw invalidInput('z must be a positive finite number', { z });
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p = 0 (p = 1) the half-width equals the centre's distance to 0 (to 1), so that bound is exactly 0 (1);
  // set it exactly rather than leave rounding noise such as 0.9999999999999999. Otherwise clamp to [0, 1].
  const lower = successes === 0 ? 0 : Math.max(0, centre - half);
  const upper = successes === n ? 1 : Math.min(1, centre + half);
  return { successes, n, estimate: p, centre, lower, upper };
}
