// One user's events as typed-array columns sorted by (ts, id), and the two counts every analytics query
// needs from them: first-order transitions of the sessionized state path, and the best funnel attempt.
// These are THE counting functions: the recount path (sequences read from Neo4j, counting-paths.ts) and the
// in-memory event logs kept current as events arrive (usecases/analytics/user-event-logs.ts) both call them,
// so the two can only differ in which events they select, and a test compares exactly that.
// A selection is a run [lo, hi) of the columns plus an optional item filter (itemOf[i] indexes itemMask):
// sessions, gaps and funnel steps are judged on the selected events only, as the Cypher files do after
// their WHERE. O(selected events) for transitions; O(S * E) for the funnel (see funnel.ts).
import { invalidInput } from '../../domain/errors.ts';
import { MARKOV_STATES } from './states.ts';

/** Code of a type that is not a state of the chain (ratings, unknown types): counting it is INVALID_INPUT. */
export const NOT_A_STATE = 255;
export const START_CODE = 0;
export const EXIT_CODE = MARKOV_STATES.length - 1;
const K = MARKOV_STATES.length;
const CODES: ReadonlyMap<string, number> = new Map(MARKOV_STATES.map((s, i) => [s, i]));

/** The MARKOV_STATES index of a behaviour event type, NOT_A_STATE otherwise (START/EXIT are not event types). */
export function stateCode(type: string): number {
  const c = CODES.get(type);
  return c === undefined || c === START_CODE || c === EXIT_CODE ? NOT_A_STATE : c;
}

/** Which of a user's sorted events a query counts. */
export interface EventSelection {
  /** First selected position (inclusive). */
  readonly lo: number;
  /** End position (exclusive). */
  readonly hi: number;
  /** Per event, an index into itemMask; with itemMask, only events whose item has a non-zero mask count. */
  readonly itemOf: Int32Array | null;
  readonly itemMask: Uint8Array | null;
}

const selected = (s: EventSelection, i: number): boolean =>
  s.itemMask === null || s.itemOf === null || s.itemMask[s.itemOf[i] as number] === 1;

/**
 * Adds the transitions of one user's selected events to `counts` (K x K row-major over MARKOV_STATES) and
 * `rowTotals`: START -> s1, s_(t-1) -> s_t within a session, s -> EXIT when the gap to the next event is
 * strictly greater than gapMs (then START -> next), and the last session's s -> EXIT when asOf is null or
 * asOf - lastTs > gapMs. Returns the number of selected events (0: the user is not in the population).
 */
export function addTransitions(
  counts: Float64Array,
  rowTotals: Float64Array,
  ts: Float64Array,
  codes: Uint8Array,
  sel: EventSelection,
  gapMs: number,
  asOf: number | null,
): number {
  let prev = -1;
  let prevTs = 0;
  let n = 0;
  for (let i = sel.lo; i < sel.hi; i++) {
    if (!selected(sel, i)) continue;
    const c = codes[i] as number;
    if (c === NOT_A_STATE) throw notAState();
    const t = ts[i] as number;
    if (prev < 0) {
      bump(counts, rowTotals, START_CODE, c);
    } else if (t - prevTs > gapMs) {
      bump(counts, rowTotals, prev, EXIT_CODE);
      bump(counts, rowTotals, START_CODE, c);
    } else {
      bump(counts, rowTotals, prev, c);
    }
    prev = c;
    prevTs = t;
    n++;
  }
  if (prev >= 0 && (asOf === null || asOf - prevTs > gapMs)) bump(counts, rowTotals, prev, EXIT_CODE);
  return n;
}

/** Whether any selected event has code `action` (and how many events are selected at all). */
export function hasAction(codes: Uint8Array, sel: EventSelection, action: number): { readonly events: number; readonly converted: boolean } {
  let events = 0;
  let converted = false;
  for (let i = sel.lo; i < sel.hi; i++) {
    if (!selected(sel, i)) continue;
    events++;
    if (codes[i] === action) converted = true;
  }
  return { events, converted };
}

/** One user's best funnel attempt: steps reached and the ms from the steps[0] event to each (times[0] = 0). */
export interface ColumnFunnelProgress {
  readonly reached: number;
  readonly times: readonly number[];
}

/**
 * The attempt rule of funnel.ts on columns: every steps[0] event starts an attempt, each next step is matched
 * to its earliest occurrence within windowMs (inclusive) of the start; the attempt reaching most steps wins,
 * ties to the earliest start; stops at the first complete attempt. `steps` are codes comparable with `codes`.
 */
export function funnelProgress(
  ts: Float64Array,
  codes: ArrayLike<number>,
  sel: EventSelection,
  steps: readonly number[],
  windowMs: number,
): ColumnFunnelProgress {
  let best: ColumnFunnelProgress = { reached: 0, times: [] };
  const first = steps[0];
  for (let s = sel.lo; s < sel.hi && best.reached < steps.length; s++) {
    if (codes[s] !== first || !selected(sel, s)) continue;
    const t0 = ts[s] as number;
    const t: number[] = [0];
    for (let i = s + 1; i < sel.hi && t.length < steps.length; i++) {
      if (!selected(sel, i)) continue;
      const dt = (ts[i] as number) - t0;
      if (dt > windowMs) break;
      if (codes[i] === steps[t.length]) t.push(dt);
    }
    if (t.length > best.reached) best = { reached: t.length, times: t };
  }
  return best;
}

/** First position with ts >= t in a sorted column (binary search, O(log n)). */
export function lowerBound(ts: Float64Array, t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ts[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position with ts > t in a sorted column. */
export function upperBound(ts: Float64Array, t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ts[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The run of a sorted ts column inside the inclusive window [from, to] (null: unbounded). */
export function windowRun(ts: Float64Array, from: number | null, to: number | null): { readonly lo: number; readonly hi: number } {
  return { lo: from === null ? 0 : lowerBound(ts, from), hi: to === null ? ts.length : upperBound(ts, to) };
}

function bump(counts: Float64Array, rowTotals: Float64Array, i: number, j: number): void {
  counts[i * K + j] = (counts[i * K + j] as number) + 1;
  rowTotals[i] = (rowTotals[i] as number) + 1;
}

function notAState(): Error {
  return invalidInput('an event in the scope has a type that is not a state of the behaviour chain');
}
