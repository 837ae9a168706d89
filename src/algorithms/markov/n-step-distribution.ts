// Distribution after n steps, pi_n = pi_0 P^n, by n vector-matrix products: O(n K^2) time, O(K) memory.
// Repeated products avoid forming P^n (O(K^3 log n) and no cheaper for the small n used in analytics).
import { invalidInput } from '../../domain/errors.ts';
import { rowAt, type MarkovChain } from './chain.ts';
import { toDistribution, type InitialDistribution } from './distribution.ts';

export interface NStepDistribution {
  readonly states: readonly string[];
  /** pi_n, aligned with `states`. */
  readonly probabilities: Float64Array;
  /**
   * Mass that reached a state without data at some step before n: it cannot be propagated, so it is removed
   * from `probabilities` and reported here. sum(probabilities) + unresolvedMass = 1 (up to rounding).
   */
  readonly unresolvedMass: number;
}

export function nStepDistribution(chain: MarkovChain, from: InitialDistribution, n: number): NStepDistribution {
  if (!Number.isInteger(n) || n < 0) throw invalidInput('n must be an integer >= 0', { n });
  const k = chain.states.length;
  let pi = toDistribution(chain, from);
  let unresolvedMass = 0;
  for (let step = 0; step < n; step++) {
    const next = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      const mass = pi[i] as number;
      if (mass === 0) continue;
      const p = rowAt(chain, i).probabilities;
      if (p === null) {
        unresolvedMass += mass;
        continue;
      }
      for (let j = 0; j < k; j++) next[j] = (next[j] as number) + mass * (p[j] as number);
    }
    pi = next;
  }
  return { states: chain.states, probabilities: pi, unresolvedMass };
}
