// Conversion rate p = (1/N) sum_i I(y_i = 1), with its Wilson interval. O(N).
import { wilsonInterval, Z_95, type WilsonInterval } from './wilson-interval.ts';

export interface ConversionRate {
  readonly successes: number;
  readonly n: number;
  /** null when n = 0 (no users: the rate is undefined, not 0). */
  readonly rate: number | null;
  readonly interval: WilsonInterval | null;
}

/** `outcomes[i]` is true (or 1) when user i converted; anything else (false, 0) counts as not converted. */
export function conversionRate(outcomes: readonly (boolean | 0 | 1)[], z: number = Z_95): ConversionRate {
  const n = outcomes.length;
  const successes = outcomes.filter((y) => y === true || y === 1).length;
  return { successes, n, rate: n === 0 ? null : successes / n, interval: wilsonInterval(successes, n, z) };
}
