// Turns one user's event log into sessions and the START ... EXIT state path of the behaviour chain.
// A gap strictly greater than `gapMs` between consecutive events ends a session (EXIT) and opens a new
// one (START). Events are sorted by (ts, id) so equal timestamps have a deterministic order.
// O(E log E) for the sort, O(E) afterwards.
import { invalidInput } from '../../domain/errors.ts';
import { EXIT, START, isBehaviourState, type BehaviourState, type MarkovState } from './states.ts';

/** The minimal event shape needed here; `InteractionEvent` from the domain satisfies it. */
export interface StateEvent {
  readonly type: string;
  /** Epoch milliseconds. */
  readonly ts: number;
  readonly id: string;
}

export interface SessionizeOptions {
  /** Inactivity longer than this (strictly greater) ends a session. Must be > 0; Infinity = one session. */
  readonly gapMs: number;
  /**
   * Whether the last session ends with EXIT (default true). Pass false when the user may still be active
   * (e.g. now - lastTs <= gapMs): the last session then contributes no transition into EXIT.
   */
  readonly closeLastSession?: boolean;
  /**
   * Maps raw event types onto states, checked before the built-in names. `null` drops that type on purpose
   * (e.g. `{ rating: null }`). A type that is neither mapped nor a behaviour state is an INVALID_INPUT error:
   * events are never dropped silently.
   */
  readonly typeMap?: Readonly<Record<string, BehaviourState | null>>;
}

export interface Session {
  readonly startTs: number;
  readonly endTs: number;
  /** Behaviour states in time order, without the START/EXIT markers. Never empty. */
  readonly states: readonly BehaviourState[];
  readonly eventIds: readonly string[];
  /** False only for the last session when `closeLastSession` is false. */
  readonly closed: boolean;
}

export function sessionize(events: readonly StateEvent[], options: SessionizeOptions): Session[] {
  const { gapMs, closeLastSession = true, typeMap = {} } = options;
  if (!(gapMs > 0)) throw invalidInput('sessionize: gapMs must be a positive number', { gapMs });

  const mapped: { state: BehaviourState; ts: number; id: string }[] = [];
  for (const e of events) {
    if (!Number.isFinite(e.ts)) throw invalidInput(`event '${e.id}' has a non-finite timestamp`, { eventId: e.id });
    const state = toState(e, typeMap);
    if (state !== null) mapped.push({ state, ts: e.ts, id: e.id });
  }
  // Code-unit comparison of ids (not localeCompare): the same order on every machine and locale.
  mapped.sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const sessions: Session[] = [];
  let states: BehaviourState[] = [];
  let ids: string[] = [];
  let startTs = 0;
  let lastTs = 0;
  for (const e of mapped) {
    if (states.length > 0 && e.ts - lastTs > gapMs) {
      sessions.push({ startTs, endTs: lastTs, states, eventIds: ids, closed: true });
      states = [];
      ids = [];
    }
    if (states.length === 0) startTs = e.ts;
    states.push(e.state);
    ids.push(e.id);
    lastTs = e.ts;
  }
  if (states.length > 0) sessions.push({ startTs, endTs: lastTs, states, eventIds: ids, closed: closeLastSession });
  return sessions;
}

/**
 * The state path `START s1 .. sk EXIT START ... EXIT` over all sessions of one user (empty for no events).
 * The EXIT -> START step between sessions is a boundary, not a transition: `countTransitions` skips it.
 */
export function toStatePath(events: readonly StateEvent[], options: SessionizeOptions): MarkovState[] {
  const path: MarkovState[] = [];
  for (const s of sessionize(events, options)) {
    path.push(START, ...s.states);
    if (s.closed) path.push(EXIT);
  }
  return path;
}

function toState(e: StateEvent, typeMap: Readonly<Record<string, BehaviourState | null>>): BehaviourState | null {
  if (Object.hasOwn(typeMap, e.type)) {
    const m = typeMap[e.type];
    if (m === undefined || m === null) return null;
    if (!isBehaviourState(m)) throw invalidInput(`typeMap maps '${e.type}' to unknown state '${String(m)}'`);
    return m;
  }
  if (isBehaviourState(e.type)) return e.type;
  throw invalidInput(`event '${e.id}' has type '${e.type}', which is not a state of the behaviour chain`, {
    eventId: e.id,
    type: e.type,
  });
}
