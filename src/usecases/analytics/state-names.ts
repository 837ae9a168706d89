// The GraphQL `State` enum and the chain's internal state names (src/algorithms/markov/states.ts).
// The enum's values resolve to the internal names, so arguments arrive as 'view', 'cart', ... and results
// holding internal names serialize back to VIEW, CART, ...
import { invalidInput } from '../../domain/errors.ts';
import { EXIT, START, isBehaviourState, type BehaviourState, type MarkovState } from '../../algorithms/markov/index.ts';

/** GraphQL enum value -> internal state name. A bijection onto MARKOV_STATES (tested). */
export const STATE_ENUM: Readonly<Record<string, MarkovState>> = {
  START,
  VIEW: 'view',
  FAVOURITE: 'favourite',
  CART: 'cart',
  PURCHASE: 'purchase',
  CANCEL: 'cancel',
  EXIT,
};

/** An event state (not START/EXIT): funnel steps and conversion actions are events users perform. */
export function behaviourState(state: string, field: string): BehaviourState {
  if (isBehaviourState(state)) return state;
  throw invalidInput(`'${externalName(state)}' is not an event state here; use VIEW, FAVOURITE, CART, PURCHASE or CANCEL`, {
    field,
    state: externalName(state),
  });
}

/** The enum name of an internal state, for error messages ('view' -> 'VIEW'). */
export function externalName(state: string): string {
  return Object.entries(STATE_ENUM).find(([, v]) => v === state)?.[0] ?? state;
}
