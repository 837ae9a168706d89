// Keeps the in-memory event logs (user-event-logs.ts) current, so analytics never rescan the graph:
//  - built on first use by one streamed read of every user's events (event-log.cypher), single-flight;
//  - this process's writes: the live use cases tell the WriteObserver (interactionRecorded), which marks the user
//    dirty; the next query re-reads only the dirty users' logs (event-log-of-users.cypher, one batched read), so a
//    late or out-of-order event re-sorts only its user's log. Other replicas' writes arrive the same way through
//    the replica change log (replica-sync.ts replays them into the observer);
//  - erasure (PrivacyObserver.userErased) drops the user's log at once; a consent change (PrivacyObserver) or an
//    upsertUser (WriteObserver.userUpserted, also replayed from other replicas) marks the user dirty like an event,
//    so their attributes (held next to the log for the in-memory population) are re-read before the next answer;
//  - writes nobody told us about (CLI loads, another process without the change log, deletions): before every
//    answer the logs' PERFORMED total is compared with the graph's (performed-count.cypher, count store, O(1));
//    on a difference the dirty users are re-read once more and, if it persists, the logs are read again in full.
//    Bound: such writes are seen by the next query, at the price of one full read (~the old per-query cost).
//  - attribute writes nobody told us about (a `grec load` of users changing gender, age, consent...) change no
//    count: every user's attributes are re-read (user-attributes.cypher, no events) once they are older than
//    `attributesMaxAgeMs`, in the background from half that age (queries keep answering), awaited beyond it.
//    Bound: a query never uses attributes read more than attributesMaxAgeMs before it started.
// The friend ties hasFriendWhoPurchased follows are held next to the logs (`friends`, live-friend-ties.ts), kept
// current the same way; so are saved segments' member ids (`segments`, segment-members-cache.ts, keyed by the
// segment's version); erasure and reset reach all three.
import type { AnalyticsStore, UserAttributes } from '../../storage/analytics-store.ts';
import { LiveFriendTies } from './live-friend-ties.ts';
import { SegmentMembersCache } from './segment-members-cache.ts';
import { UserEventLogs } from './user-event-logs.ts';

/** Default bound on the age of attributes written by someone this process was not told about. */
export const DEFAULT_ATTRIBUTES_MAX_AGE_MS = 60_000;

export interface LiveEventLogsOptions {
  /** Unobserved attribute writes are seen within this; default DEFAULT_ATTRIBUTES_MAX_AGE_MS. */
  readonly attributesMaxAgeMs?: number;
  /** Monotonic enough clock in ms (tests move it); default Date.now. */
  readonly clock?: () => number;
}

export class LiveEventLogs {
  private logs: UserEventLogs | null = null;
  private pending: Promise<UserEventLogs> | null = null;
  private readonly dirty = new Set<string>();
  /**
   * Graph PERFORMED count minus the logs' total right after a full read that no write overlapped: edges the
   * full read does not see (none when every PERFORMED edge goes from a User to an Event), so they do not
   * trigger a full read at every query.
   */
  private unseen = 0;
  /** Full reads so far (tests and the benchmark show that a query does not rescan). */
  fullReads = 0;
  /** Batched re-reads of dirty users so far. */
  userReads = 0;
  /** Attribute-only re-reads of every user so far (the staleness bound of unobserved attribute writes). */
  attributeReads = 0;
  /** When the held attributes were read (the start of that read). */
  private attributesAt = 0;
  private attributesPending: Promise<void> | null = null;
  /** Users marked dirty while an attribute re-read runs: its rows for them may predate the write, so are dropped. */
  private touchedDuringAttributes: Set<string> | null = null;
  private readonly attributesMaxAgeMs: number;
  private readonly clock: () => number;
  /** The friendships of hasFriendWhoPurchased (read on its first use only). */
  readonly friends: LiveFriendTies;
  /** Saved segments' member ids, re-sent only when the segment changed. */
  readonly segments: SegmentMembersCache;

  constructor(private readonly store: AnalyticsStore, options: LiveEventLogsOptions = {}) {
    this.friends = new LiveFriendTies(store);
    this.segments = new SegmentMembersCache(store);
    this.attributesMaxAgeMs = options.attributesMaxAgeMs ?? DEFAULT_ATTRIBUTES_MAX_AGE_MS;
    this.clock = options.clock ?? Date.now;
  }

  /** The user's events, attributes or consent changed: re-read their log before the next answer. */
  userChanged(userId: string): void {
    this.dirty.add(userId);
    this.touchedDuringAttributes?.add(userId);
  }

  /** The user was erased: their events must not be counted, even before the next sync. */
  userErased(userId: string): void {
    // Nothing about the user is kept, not even a mark to re-read them (erasure leaves the id nowhere in the
    // process). A read in flight may have fetched their events before the erasure committed: drop them when
    // it lands (the closure holds the id only until then).
    this.logs?.remove(userId);
    this.dirty.delete(userId);
    void this.pending?.then((logs) => logs.remove(userId), () => undefined);
    this.friends.userErased(userId);
    this.segments.clear();
  }

  /** Forget everything (the replica log could not be replayed): the next query reads the logs in full. */
  reset(): void {
    this.logs = null;
    this.dirty.clear();
    this.friends.reset();
    this.segments.clear();
  }

  /** The logs, current as of this call (single-flight: concurrent queries share one sync). */
  async current(): Promise<UserEventLogs> {
    this.pending ??= this.sync().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async sync(): Promise<UserEventLogs> {
    if (this.logs === null) return this.readAll();
    const logs = this.logs;
    await this.rereadDirty(logs);
    if ((await this.store.performedCount()) === logs.performed + this.unseen) return this.withFreshAttributes(logs);
    // A write committed between the two reads, or one we were not told about: one more try, then read all.
    await this.rereadDirty(logs);
    if ((await this.store.performedCount()) === logs.performed + this.unseen) return this.withFreshAttributes(logs);
    return this.readAll();
  }

  /** Awaits an attribute re-read beyond the bound; starts one in the background from half of it. */
  private async withFreshAttributes(logs: UserEventLogs): Promise<UserEventLogs> {
    const age = this.clock() - this.attributesAt;
    if (age > this.attributesMaxAgeMs) {
      await this.rereadAttributes(logs);
      // Users marked while it ran: their rows were dropped; re-read them now.
      await this.rereadDirty(logs);
    } else if (age > this.attributesMaxAgeMs / 2) {
      // Failure is harmless: the next query past the bound awaits a new attempt (and reports its error).
      this.rereadAttributes(logs).catch(() => {});
    }
    return logs;
  }

  /** Re-reads every held user's attributes now (the benchmark times it; tests use it to skip the wait). */
  async refreshAttributes(): Promise<void> {
    const logs = await this.current();
    await this.rereadAttributes(logs);
  }

  /** Every held user's attributes read again (single-flight), skipping users marked dirty meanwhile. */
  private rereadAttributes(logs: UserEventLogs): Promise<void> {
    this.attributesPending ??= (async () => {
      const started = this.clock();
      const touched = new Set<string>();
      this.touchedDuringAttributes = touched;
      const fresh: [string, UserAttributes][] = [];
      try {
        this.attributeReads++;
        await this.store.userAttributes((r) => fresh.push([r.userId, r.attributes]));
        // Only now, in one synchronous step: a query counting meanwhile sees the old or the new attributes, not a mix.
        if (this.logs === logs) {
          for (const [id, a] of fresh) if (!touched.has(id)) logs.setAttributes(id, a);
          this.attributesAt = started;
        }
      } finally {
        this.touchedDuringAttributes = null;
        this.attributesPending = null;
      }
    })();
    return this.attributesPending;
  }

  private async rereadDirty(logs: UserEventLogs): Promise<void> {
    if (this.dirty.size === 0) return;
    const users = [...this.dirty];
    this.dirty.clear();
    try {
      this.userReads++;
      const rows = await this.store.eventLogsOf(users);
      for (const u of users) logs.remove(u);
      for (const r of rows) logs.set(r);
    } catch (err) {
      for (const u of users) this.dirty.add(u);
      throw err;
    }
  }

  private async readAll(): Promise<UserEventLogs> {
    // Marks arriving during the read may or may not be in it: keep them, re-read those users next time.
    const logs = new UserEventLogs();
    this.fullReads++;
    const started = this.clock();
    const before = await this.store.performedCount();
    await this.store.eventLogs((rows) => logs.set(rows));
    const after = await this.store.performedCount();
    // A write during the read leaves the difference unknown: assume none unseen; the next query re-checks.
    this.unseen = before === after ? after - logs.performed : 0;
    this.logs = logs;
    this.attributesAt = started;
    return logs;
  }
}
