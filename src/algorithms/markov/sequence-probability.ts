// Probability of a state sequence under a first-order chain:
//   P(s_1 .. s_t) = P(s_1) * prod_{i=2..t} P(s_i | s_{i-1}),   log P = log P(s_1) + sum log P(s_i | s_{i-1})
// The log is summed separately so long sequences do not underflow to 0 before the log is taken. O(t).
import { invalidInput } from '../../domain/errors.ts';
import { rowAt, stateIndex, type MarkovChain } from './chain.ts';
import { toDistribution, type InitialDistribution } from './distribution.ts';

export type SequenceProbability =
  | {
      readonly kind: 'ok';
      /** May be 0: exactly (logProbability -Infinity) or by underflow (logProbability stays finite). */
      readonly probability: number;
      readonly logProbability: number;
    }
  | {
      /** A step leaves a state whose row has no data: the probability is unknown, not 0. */
      readonly kind: 'unknown';
      readonly probability: null;
      readonly logProbability: null;
      readonly reason: 'no_data_row';
      readonly state: string;
      /** 1-based index of the step s_{step} -> s_{step+1} that could not be evaluated. */
      readonly step: number;
    };

/**
 * Rule for rows without data: the result is `kind: 'unknown'` (a value, not an error; it is a property of the
 * data, not a bad request) — unless the prefix before that step already has probability 0, in which case the
 * answer is exactly 0, since P(s_1..s_t) <= P(s_1..s_k). Unknown states and empty sequences are INVALID_INPUT.
 */
export function sequenceProbability(
  chain: MarkovChain,
  initial: InitialDistribution,
  sequence: readonly string[],
): SequenceProbability {
  const first = sequence[0];
  if (first === undefined) throw invalidInput('sequence must contain at least one state');
  const indices = sequence.map((s) => stateIndex(chain, s));
  const p0 = toDistribution(chain, initial)[indices[0] as number] as number;
  let probability = p0;
  let logProbability = Math.log(p0);
  for (let t = 1; t < indices.length && logProbability > -Infinity; t++) {
    const row = rowAt(chain, indices[t - 1] as number);
    if (row.probabilities === null) {
      return { kind: 'unknown', probability: null, logProbability: null, reason: 'no_data_row', state: row.state, step: t };
    }
    const p = row.probabilities[indices[t] as number] as number;
    probability *= p;
    logProbability += Math.log(p);
  }
  return { kind: 'ok', probability, logProbability };
}
