// Ordered conversion funnel with a time window, per user:
// a user reaches step k when events of types steps[0], steps[1], .., steps[k] occur in that order
// (strictly later positions in (ts, id) order) and each one is at most `windowMs` after the steps[0] event
// that started the attempt (inclusive bound: ts - ts0 <= windowMs).
//
// Rule for choosing the attempt: every steps[0] event starts a candidate attempt; within an attempt each
// next step is matched greedily to its earliest occurrence (earliest matching never reaches fewer steps
// than any other matching with the same start, by an exchange argument). The user's attempt is the one
// reaching the most steps; ties go to the earliest start. Times to reach each step are measured within that
// attempt from its steps[0] event. O(S * E) per user for S steps[0] events among E events (stops at the
// first attempt that completes the funnel).
import { invalidInput } from '../../domain/errors.ts';
import { summarize, type SummaryStats } from '../stats/quantile.ts';
import type { StateEvent } from './sessionize.ts';
import { funnelProgress } from './event-columns.ts';

export interface FunnelStep {
  readonly step: string;
  /** 0-based position in the funnel. */
  readonly index: number;
  /** Users who reached this step (and all before it) within the window. */
  readonly users: number;
  /** users / users of the previous step; for the first step the previous population is all users given. null when that is 0. */
  readonly conversionFromPrevious: number | null;
  /** users / users of the first step; null when no user reached the first step. */
  readonly conversionFromStart: number | null;
  /** Previous population minus users (all users given, for the first step). */
  readonly dropOff: number;
  /** dropOff / previous population; null when that is 0. */
  readonly dropOffRate: number | null;
  /** Milliseconds from the steps[0] event to this step, over users who reached it; null for the first step or when none did. */
  readonly timeToReach: SummaryStats | null;
}

export interface FunnelResult {
  readonly totalUsers: number;
  readonly steps: readonly FunnelStep[];
  /** Users who reached the last step. */
  readonly converted: number;
  /** Time from the steps[0] event to the last step (median and p90 by linear interpolation, see `quantile`). */
  readonly timeToConvert: SummaryStats | null;
}

/** One user's best attempt: how many steps were reached and the time to each (times[0] = 0). */
export interface FunnelProgress {
  readonly reached: number;
  readonly times: readonly number[];
}

export function funnel(
  users: Iterable<readonly StateEvent[]>,
  steps: readonly string[],
  windowMs: number,
): FunnelResult {
  if (steps.length === 0) throw invalidInput('funnel needs at least one step');
  if (!(windowMs >= 0)) throw invalidInput('windowMs must be >= 0', { windowMs });
  return funnelOfProgress((function* progresses() {
    for (const events of users) yield userFunnelProgress(events, steps, windowMs);
  })(), steps);
}

/** Sums users' best attempts (one per user in the population, reached 0 included) into the funnel. */
export function funnelOfProgress(progresses: Iterable<FunnelProgress>, steps: readonly string[]): FunnelResult {
  const reachedBy = new Array<number>(steps.length).fill(0);
  const times: number[][] = steps.map(() => []);
  let totalUsers = 0;
  for (const progress of progresses) {
    totalUsers++;
    for (let k = 0; k < progress.reached; k++) {
      reachedBy[k] = (reachedBy[k] as number) + 1;
      times[k]?.push(progress.times[k] as number);
    }
  }
  const first = reachedBy[0] as number;
  const stepStats = steps.map((step, index): FunnelStep => {
    const u = reachedBy[index] as number;
    const prev = index === 0 ? totalUsers : (reachedBy[index - 1] as number);
    return {
      step,
      index,
      users: u,
      conversionFromPrevious: prev === 0 ? null : u / prev,
      conversionFromStart: first === 0 ? null : u / first,
      dropOff: prev - u,
      dropOffRate: prev === 0 ? null : (prev - u) / prev,
      timeToReach: index === 0 ? null : summarize(times[index] ?? []),
    };
  });
  return {
    totalUsers,
    steps: stepStats,
    converted: reachedBy[steps.length - 1] as number,
    timeToConvert: summarize(times[steps.length - 1] ?? []),
  };
}

/** The attempt chosen for one user by the rule above. */
export function userFunnelProgress(
  events: readonly StateEvent[],
  steps: readonly string[],
  windowMs: number,
): FunnelProgress {
  for (const e of events) {
    if (!Number.isFinite(e.ts)) throw invalidInput(`event '${e.id}' has a non-finite timestamp`, { eventId: e.id });
  }
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Types and steps as small integer codes, so the columnar rule (event-columns.ts) shared with the in-memory
  // event logs decides the attempt: one implementation of the rule, whatever the input shape.
  const code = new Map<string, number>();
  const codeOf = (t: string): number => code.get(t) ?? (code.set(t, code.size), code.size - 1);
  const stepCodes = steps.map(codeOf);
  const codes = sorted.map((e) => codeOf(e.type));
  const ts = Float64Array.from(sorted, (e) => e.ts);
  return funnelProgress(ts, codes, { lo: 0, hi: sorted.length, itemOf: null, itemMask: null }, stepCodes, windowMs);
}
