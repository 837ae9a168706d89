// The state space of the behaviour chain: the funnel event types plus two session markers.
// START opens every session and is never a transition target; EXIT closes every session and is absorbing by
// default (a session ends for good; the next session of the same user starts again at START).

/** Event types that are states of the chain. `rating` is deliberately absent: it is not a funnel step. */
export const BEHAVIOUR_STATES = ['view', 'favourite', 'cart', 'purchase', 'cancel'] as const;
export type BehaviourState = (typeof BEHAVIOUR_STATES)[number];

export const START = 'START';
export const EXIT = 'EXIT';
export type SessionMarker = typeof START | typeof EXIT;
export type MarkovState = BehaviourState | SessionMarker;

/** Canonical order of the states, used for dense matrices built from event data. */
export const MARKOV_STATES: readonly MarkovState[] = [START, ...BEHAVIOUR_STATES, EXIT];

/** Outcomes that end a user's journey in the absorbing analysis (first one reached wins). */
export const DEFAULT_ABSORBING: readonly MarkovState[] = ['purchase', 'cancel', EXIT];

export const isBehaviourState = (s: string): s is BehaviourState =>
  (BEHAVIOUR_STATES as readonly string[]).includes(s);
