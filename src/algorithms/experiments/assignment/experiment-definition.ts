import { invalidInput } from '../../../domain/errors.ts';

/**
 * GrowthBook's hashing algorithms (growthbook/packages/sdk-js/src/util.ts, `hash`):
 * 1 = (fnv1a32(value + seed) % 1000) / 1000, the original one, biased across experiments;
 * 2 = (fnv1a32(String(fnv1a32(seed + value))) % 10000) / 10000, the default for experiments created in
 * GrowthBook since it was introduced. The SDK itself falls back to 1 when an experiment omits it, so we
 * always pass it explicitly.
 */
export type HashVersion = 1 | 2;

export const DEFAULT_HASH_VERSION: HashVersion = 2;

/** One experiment as GrowthBook defines it, restricted to what assignment needs. */
export interface ExperimentDefinition {
  readonly key: string;
  readonly variants: readonly string[];
  /** One weight per variant, non-negative, summing to 1; equal weights when omitted. */
  readonly weights?: readonly number[];
  /** Share of users enrolled, in [0, 1]; 1 when omitted. */
  readonly coverage?: number;
  /** The only attribute we hash is the user id, which the frontend must send to GrowthBook as `id`. */
  readonly hashAttribute?: 'id';
  /** Hash seed; GrowthBook uses the key when it is omitted (or empty: the SDK tests `seed || key`). */
  readonly seed?: string;
  readonly hashVersion?: HashVersion;
}

// GrowthBook itself tolerates sums in [0.99, 1.01] and silently falls back to equal weights outside; we
// refuse instead, so a typo cannot quietly change a split.
const WEIGHT_SUM_TOLERANCE = 1e-6;

/** Throws INVALID_INPUT naming the first bad field; returns nothing because nothing is normalized. */
export function validateExperiment(experiment: ExperimentDefinition): void {
  const { key, variants, weights, coverage, hashAttribute, hashVersion } = experiment;
  if (key.trim() === '') throw invalidInput('key must be non-empty', { field: 'key' });
  if (variants.length < 2) {
    throw invalidInput(`variants must have at least 2 entries, got ${variants.length}`, { field: 'variants', count: variants.length });
  }
  if (weights !== undefined) {
    if (weights.length !== variants.length) {
      throw invalidInput(`weights must have one entry per variant (${variants.length}), got ${weights.length}`, {
        field: 'weights',
        expected: variants.length,
        got: weights.length,
      });
    }
    weights.forEach((w, index) => {
      if (!Number.isFinite(w) || w < 0) throw invalidInput(`weights must be non-negative, got ${w} at ${index}`, { field: 'weights', index, value: w });
    });
    const sum = weights.reduce((a, w) => a + w, 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) throw invalidInput(`weights must sum to 1, got ${sum}`, { field: 'weights', sum });
  }
  if (coverage !== undefined && !(Number.isFinite(coverage) && coverage >= 0 && coverage <= 1)) {
    throw invalidInput(`coverage must be in [0, 1], got ${coverage}`, { field: 'coverage', value: coverage });
  }
  // Runtime guards for callers that bypass the types (parsed JSON).
  if (hashAttribute !== undefined && hashAttribute !== 'id') {
    throw invalidInput(`hashAttribute must be 'id', got ${String(hashAttribute)}`, { field: 'hashAttribute', value: hashAttribute });
  }
  if (hashVersion !== undefined && hashVersion !== 1 && hashVersion !== 2) {
    throw invalidInput(`hashVersion must be 1 or 2, got ${String(hashVersion)}`, { field: 'hashVersion', value: hashVersion });
  }
}
