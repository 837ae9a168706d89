// sequenceProbability: P(s_1..s_t) = P(s_1) * prod P(s_i | s_(i-1)), where P(s_1) is the START row (the
// distribution of a session's first state). A path that begins with START is taken as given (P(START) = 1).
// A path is one session. The chain has no EXIT -> START transition: EXIT is absorbing (the counting paths
// treat the step between two sessions as a boundary, not a transition), so a path crossing sessions
// (... EXIT, START ...) would score 0 for no reason in the data. It is refused (INVALID_INPUT naming the
// state): START may only come first, EXIT only last. The probability of several sessions, taken as
// independent, is the product of each one's. Paths are capped at MAX_PATH_STATES.
import { EXIT, START, sequenceProbability, type MarkovChain } from '../../algorithms/markov/index.ts';
import { invalidInput } from '../../domain/errors.ts';
import { externalName } from './state-names.ts';

export interface SequenceProbabilityView {
  readonly states: readonly string[];
  readonly probability: number | null;
  /** null when the probability is unknown, or exactly 0 (log 0 = -Infinity is not a GraphQL Float). */
  readonly logProbability: number | null;
  readonly undefinedReason: string | null;
}

/**
 * Longest path accepted: far beyond any session's length (a longer path's probability underflows), and the
 * same bound as the API's list cap on `states` (src/graphql/list-caps.ts), which refuses it before coercion.
 */
export const MAX_PATH_STATES = 100;

/** The path rules above, checked before any counting: INVALID_INPUT naming `states` or `states[k]`. */
export function checkPath(states: readonly string[]): void {
  if (states.length === 0) throw invalidInput('states must contain at least one state', { field: 'states' });
  if (states.length > MAX_PATH_STATES) {
    throw invalidInput(`states has ${states.length} states, at most ${MAX_PATH_STATES} are accepted`, { field: 'states' });
  }
  states.forEach((s, k) => {
    if (s === START && k > 0) {
      throw invalidInput(`states[${k}] is START inside the path: a path is one session (START only first; EXIT is absorbing and the chain has no EXIT -> START transition), so ask for each session separately`, { field: `states[${k}]` });
    }
    if (s === EXIT && k < states.length - 1) {
      throw invalidInput(`states[${k}] is EXIT before the end of the path: EXIT ends the session and is absorbing (the chain has no EXIT -> START transition), so ask for each session separately`, { field: `states[${k}]` });
    }
  });
}

export function pathProbability(chain: MarkovChain, states: readonly string[]): SequenceProbabilityView {
  checkPath(states);
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
