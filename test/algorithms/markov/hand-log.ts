// The small event log shared by several tests, with its hand-derived transition counts (see the test files).
import { countTransitions, toStatePath, type StateEvent, type TransitionCounts } from '../../../src/algorithms/markov/index.ts';

export const GAP_MS = 30 * 60_000;
const S = 1000;

/**
 * u1: view, cart, purchase, then a view 10_000 s later (new session)
 *     -> START view cart purchase EXIT START view EXIT
 * u2: view, view                 -> START view view EXIT
 * u3: view, cart, cancel         -> START view cart cancel EXIT
 *
 * Counts: START->view 4; view->view 1, view->cart 2, view->EXIT 2 (c_view = 5);
 *         cart->purchase 1, cart->cancel 1 (c_cart = 2); purchase->EXIT 1; cancel->EXIT 1.
 */
export const HAND_LOG: readonly (readonly StateEvent[])[] = [
  [
    { id: 'e1', type: 'view', ts: 0 },
    { id: 'e2', type: 'cart', ts: 60 * S },
    { id: 'e3', type: 'purchase', ts: 120 * S },
    { id: 'e4', type: 'view', ts: 10_000 * S },
  ],
  [
    { id: 'e5', type: 'view', ts: 0 },
    { id: 'e6', type: 'view', ts: 30 * S },
  ],
  [
    { id: 'e8', type: 'view', ts: 0 },
    { id: 'e9', type: 'cart', ts: 10 * S },
    { id: 'e10', type: 'cancel', ts: 20 * S },
  ],
];

/** Transition counts of HAND_LOG over MARKOV_STATES. */
export function handCounts(): TransitionCounts {
  return countTransitions(HAND_LOG.map((events) => toStatePath(events, { gapMs: GAP_MS })));
}
