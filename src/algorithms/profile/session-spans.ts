// Session lengths from sorted event times, with the boundary rule of `markov/sessionize.ts`: a gap strictly
// greater than `gapMs` between consecutive events starts a new session (a gap of exactly `gapMs` does not).
// Only the times matter here, so this works on timestamps without the event ids and states sessionize needs.
// O(E).
import { invalidInput } from '../../domain/errors.ts';

/** Duration in ms (last - first event time) of each session; a one-event session lasts 0. */
export function sessionSpans(sortedTs: readonly number[], gapMs: number): number[] {
  if (!(gapMs > 0)) throw invalidInput('the session gap must be a positive number', { gapMs });
  const spans: number[] = [];
  let start = 0;
  let last = 0;
  sortedTs.forEach((ts, i) => {
    if (i > 0 && ts < last) throw invalidInput('sessionSpans: timestamps must be sorted ascending', { index: i });
    if (i > 0 && ts - last > gapMs) {
      spans.push(last - start);
      start = ts;
    } else if (i === 0) start = ts;
    last = ts;
  });
  if (sortedTs.length > 0) spans.push(last - start);
  return spans;
}
