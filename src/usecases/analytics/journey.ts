// journey: a user's state path session by session, from cypher/analytics/journey.cypher. Each session is
// START, the user's events in (ts, id) order, then EXIT when the session is closed: every session but the
// last is; the last one when asOf - lastTs > gap (see asOfFor). currentState follows the same rule as
// nextState: START without events, EXIT after a closed last session, else the last event's state.
import { EXIT, START, isBehaviourState, type MarkovState } from '../../algorithms/markov/index.ts';
import { invalidInput } from '../../domain/errors.ts';
import type { JourneyEvent } from '../../storage/analytics-store.ts';

export interface JourneyStepView {
  readonly state: MarkovState;
  /** Epoch ms of the event; null for the START/EXIT markers. */
  readonly at: number | null;
  readonly itemId: string | null;
}

export interface JourneyView {
  readonly userId: string;
  readonly sessions: readonly (readonly JourneyStepView[])[];
  readonly currentState: MarkovState;
}

export function buildJourney(userId: string, events: readonly JourneyEvent[], asOf: number, gapMs: number): JourneyView {
  const sessions: JourneyStepView[][] = [];
  let current: JourneyStepView[] | undefined;
  for (const e of events) {
    if (!isBehaviourState(e.type)) {
      throw invalidInput(`event '${e.id}' has type '${e.type}', which is not a state of the behaviour chain`, { eventId: e.id });
    }
    if (e.newSession || current === undefined) {
      current?.push(marker(EXIT));
      current = [marker(START)];
      sessions.push(current);
    }
    current.push({ state: e.type, at: e.ts, itemId: e.itemId });
  }
  const last = events[events.length - 1];
  let state: MarkovState = START;
  if (last !== undefined && current !== undefined) {
    if (asOf - last.ts > gapMs) {
      current.push(marker(EXIT));
      state = EXIT;
    } else {
      state = last.type as MarkovState;
    }
  }
  return { userId, sessions, currentState: state };
}

const marker = (state: MarkovState): JourneyStepView => ({ state, at: null, itemId: null });
