import { END_INDEX, START_INDEX, sampleRow } from './planted-chain.ts';
import type { Rng } from './prng.ts';

/** Inside a session: 3 s plus an exponential with mean 40 s, capped at 15 min (< the 30 min session gap). */
const MIN_STEP_MS = 3_000;
const MEAN_EXTRA_STEP_MS = 40_000;
const MAX_STEP_MS = 15 * 60_000;

/**
 * The first pass of a user's sessions: walks a compiled chain (compileChain) session after session while
 * the run's event count is below the user's budget mark, so the run's total overshoots eventsTarget by less
 * than one session and no session is cut. Keeps states and in-session offsets in reusable buffers:
 * session k holds events firstEvent[k] .. firstEvent[k + 1] - 1. demoTruth replays this pass (it draws
 * first from the user's stream) to know how many sessions of each customer type the run holds.
 */
export class ChainWalker {
  states = new Uint8Array(1024);
  offsets = new Float64Array(1024);
  firstEvent = new Uint32Array(256);

  /** Walks sessions until `emitted` reaches `budgetEnd`; returns the number of sessions. */
  walk(chain: readonly Float64Array[], emitted: number, budgetEnd: number, rng: Rng): number {
    const startRow = chain[START_INDEX];
    let sessions = 0;
    let events = 0;
    while (emitted + events < budgetEnd && startRow !== undefined) {
      this.ensureCapacity(events + 1, sessions + 2);
      this.firstEvent[sessions] = events;
      let state = sampleRow(startRow, rng.next());
      let offset = 0;
      for (;;) {
        this.ensureCapacity(events + 1, sessions + 2);
        this.states[events] = state;
        this.offsets[events] = offset;
        events++;
        const row = chain[state];
        state = row === undefined ? END_INDEX : sampleRow(row, rng.next());
        if (state === END_INDEX) break;
        offset += Math.min(MAX_STEP_MS, MIN_STEP_MS + Math.floor(rng.exponential(MEAN_EXTRA_STEP_MS)));
      }
      sessions++;
    }
    this.firstEvent[sessions] = events;
    return sessions;
  }

  /** Duration of session k: the offset of its last event. */
  duration(k: number): number {
    return this.offsets[(this.firstEvent[k + 1] ?? 1) - 1] ?? 0;
  }

  private ensureCapacity(events: number, sessions: number): void {
    if (events > this.states.length) {
      const states = new Uint8Array(this.states.length * 2);
      states.set(this.states);
      this.states = states;
      const offsets = new Float64Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
    if (sessions > this.firstEvent.length) {
      const first = new Uint32Array(this.firstEvent.length * 2);
      first.set(this.firstEvent);
      this.firstEvent = first;
    }
  }
}
