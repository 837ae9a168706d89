// A probability vector over a chain's states, from either a single state (point mass) or a record.
import { invalidInput } from '../../domain/errors.ts';
import { stateIndex, type MarkovChain } from './chain.ts';

/** A state name (all mass on it) or probabilities by state name; missing states have probability 0. */
export type InitialDistribution = string | Readonly<Record<string, number>>;

/** Dense vector aligned with `chain.states`. Entries must be >= 0 and sum to 1 within 1e-9. */
export function toDistribution(chain: MarkovChain, initial: InitialDistribution): Float64Array {
  const v = new Float64Array(chain.states.length);
  if (typeof initial === 'string') {
    v[stateIndex(chain, initial)] = 1;
    return v;
  }
  let sum = 0;
  for (const [state, p] of Object.entries(initial)) {
    if (!Number.isFinite(p) || p < 0) throw invalidInput(`initial probability of '${state}' is invalid: ${p}`);
    v[stateIndex(chain, state)] = p;
    sum += p;
  }
  if (Math.abs(sum - 1) > 1e-9) throw invalidInput(`initial distribution sums to ${sum}, not 1`, { sum });
  return v;
}
