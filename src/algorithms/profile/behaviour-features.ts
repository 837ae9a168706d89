// One user's behavioural features from their event history: RFM (Hughes 1994: recency, frequency, monetary),
// per-type counts, sessions, funnel rates and the time-of-week pattern. The counter fields and the rates come
// from `profile-counters.ts` (the same code the live path runs), so batch and live figures cannot drift apart.
// O(E log E) for the sort, O(E) afterwards.
import { invalidInput } from '../../domain/errors.ts';
import { countersFrom, derivedFromCounters, type DerivedFeatures, type ProfileCounters } from './profile-counters.ts';
import { MINUTE_MS, checkNow, utcHour, utcWeekday, type PriceOf, type ProfileEvent } from './profile-event.ts';
import { sessionSpans } from './session-spans.ts';

export interface BehaviourOptions {
  /** The reference time (epoch ms); for a historic data set, its last event time. */
  readonly now: number;
  /** Inactivity strictly longer than this (minutes) starts a new session. > 0; Infinity = one session. */
  readonly sessionGapMinutes: number;
}

export interface BehaviourFeatures extends ProfileCounters, DerivedFeatures {
  /** Number of sessions (0 when no events). */
  readonly sessions: number;
  /** Mean session length in minutes, first to last event of each session (a one-event session lasts 0); null when no events. */
  readonly meanSessionMinutes: number | null;
  /** Hour of day 0-23 (UTC) with the most events; ties go to the smallest hour; null when no events. */
  readonly favouriteHour: number | null;
  /** Weekday 0 = Monday .. 6 = Sunday (UTC) with the most events; ties go to the smallest; null when no events. */
  readonly favouriteWeekday: number | null;
  /** Share in [0, 1] of events on Saturday or Sunday (UTC); null when no events. */
  readonly weekendShare: number | null;
}

export function behaviourFeatures(events: readonly ProfileEvent[], price: PriceOf, opts: BehaviourOptions): BehaviourFeatures {
  checkNow(opts.now);
  if (!(opts.sessionGapMinutes > 0)) {
    throw invalidInput('sessionGapMinutes must be a positive number', { sessionGapMinutes: opts.sessionGapMinutes });
  }
  // Array.prototype.sort is stable (ES2019), so events with equal times keep their input order.
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  const counters = countersFrom(sorted, price); // validates every event before anything below reads it
  const spans = sessionSpans(sorted.map((e) => e.ts), opts.sessionGapMinutes * MINUTE_MS);

  const hours = new Array<number>(24).fill(0);
  const weekdays = new Array<number>(7).fill(0);
  for (const e of sorted) {
    hours[utcHour(e.ts)]!++;
    weekdays[utcWeekday(e.ts)]!++;
  }
  const n = sorted.length;
  return {
    ...counters,
    ...derivedFromCounters(counters, opts.now),
    sessions: spans.length,
    meanSessionMinutes: n === 0 ? null : spans.reduce((s, x) => s + x, 0) / spans.length / MINUTE_MS,
    favouriteHour: n === 0 ? null : firstMode(hours),
    favouriteWeekday: n === 0 ? null : firstMode(weekdays),
    weekendShare: n === 0 ? null : ((weekdays[5] ?? 0) + (weekdays[6] ?? 0)) / n,
  };
}

/** Index of the largest count; the smallest index among ties (scan ascending, replace only on strictly more). */
function firstMode(counts: readonly number[]): number {
  let best = 0;
  counts.forEach((c, i) => {
    if (c > (counts[best] ?? 0)) best = i;
  });
  return best;
}
