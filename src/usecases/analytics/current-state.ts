// A user's current state: START when they have no event; EXIT when their last event is older than the
// session gap (asOf - ts > gap: the session has ended); otherwise the state of their last event.
import { EXIT, START, type MarkovState } from '../../algorithms/markov/index.ts';
import { invalidInput } from '../../domain/errors.ts';
import { isBehaviourState } from '../../algorithms/markov/index.ts';

export function currentState(last: { readonly type: string; readonly ts: number } | null, asOf: number, gapMs: number): MarkovState {
  if (last === null) return START;
  if (asOf - last.ts > gapMs) return EXIT;
  if (!isBehaviourState(last.type)) {
    throw invalidInput(`event type '${last.type}' is not a state of the behaviour chain`, { type: last.type });
  }
  return last.type;
}
