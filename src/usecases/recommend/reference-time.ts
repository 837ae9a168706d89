// The "now" the time-decayed strategies (POPULAR, TRENDING, SOCIAL) count back from: the wall clock for a
// live shop, the store's latest event for a historical log. Decaying a 2019 log from today multiplies every
// weight by about 2^(-age/halfLife) ~ 1e-223 (14-day half-life, 6 years): the scores underflow towards 0,
// the ranking degenerates into ties, and TRENDING's window is empty. Counting back from the data's last day
// ranks the log as it would have ranked on that day.
//
//   reference = min(now, latestEventTs + liveMarginMs)        (now when the store has no event)
//
// The margin keeps a live shop exactly on the wall clock although the latest event time is read only once
// per ttlMs (with ttlMs < liveMarginMs, any shop with an event in the last liveMarginMs - ttlMs is "now"), so
// TRENDING never drops events newer than a stale cached maximum. A shop idle for longer is ranked as of
// liveMarginMs after its last event: a shift of minutes to an hour, negligible against half-lives of days.
// Reading the maximum costs one index-backed lookup (demand/last-event.cypher: NodeIndexScan on event_ts,
// Limit 1, 2 db hits whatever the number of events), shared by concurrent requests.

export interface ReferenceTimeOptions {
  /** How long a read of the latest event time is reused. */
  readonly ttlMs: number;
  /** A store whose latest event is this recent counts as live: its reference is the wall clock. */
  readonly liveMarginMs: number;
}

/** The reference time for a latest event time (null: no events) at wall-clock `now`. Pure. */
export function referenceTime(latestEventTs: number | null, now: number, liveMarginMs: number): number {
  return latestEventTs === null ? now : Math.min(now, latestEventTs + liveMarginMs);
}

export class ReferenceClock {
  private cached: { at: number; latest: Promise<number | null> } | undefined;

  constructor(
    private readonly readLatest: () => Promise<number | null>,
    private readonly opts: ReferenceTimeOptions,
    private readonly now: () => number,
  ) {}

  /** The reference time now; reads the latest event time at most once per ttlMs (a failed read is not kept). */
  async get(): Promise<number> {
    const now = this.now();
    if (this.cached === undefined || this.cached.at + this.opts.ttlMs <= now) {
      const latest = this.readLatest();
      const entry = { at: now, latest };
      this.cached = entry;
      latest.catch(() => {
        if (this.cached === entry) this.cached = undefined;
      });
    }
    return referenceTime(await this.cached.latest, now, this.opts.liveMarginMs);
  }

  /** Forget the cached read (a load of historical events, an erasure): the next call reads again. */
  invalidate(): void {
    this.cached = undefined;
  }
}
