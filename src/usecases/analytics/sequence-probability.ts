// sequenceProbability: P(s_1..s_t) = P(s_1) * prod P(s_i | s_(i-1)), where P(s_1) is the START row (the
// distribution of a session's first state). A path that begins with START is taken as given (P(START) = 1).
import { START, sequenceProbability, type MarkovChain } from '../../algorithms/markov/index.ts';
import { invalidInput } from '../../domain/errors.ts';
import { externalName } from './state-names.ts';

export interface SequenceProbabilityView {
  readonly states: readonly string[];
  readonly probability: number | null;
  /** null when the probability is unknown, or exactly 0 (log 0 = -Infinity is not a GraphQL Float). */
  readonly logProbability: number | null;
  readonly undefinedReason: string | null;
}

export function pathProbability(chain: MarkovChain, states: readonly string[]): SequenceProbabilityView {
  if (states.length === 0) throw invalidInput('states must contain at least one state', { field: 'states' });
  const path = states[0] === START ? states : [START, ...states];
  const r = sequenceProbability(chain, START, path);
  if (r.kind === 'unknown') {
    return {
      states,
      probability: null,
      logProbability: null,
      undefinedReason: `no data for transitions out of ${externalName(r.state)} (step ${r.step} of the path from START)`,
    };
  }
  return {
    states,
    probability: r.probability,
    logProbability: Number.isFinite(r.logProbability) ? r.logProbability : null,
    undefinedReason: null,
  };
}
