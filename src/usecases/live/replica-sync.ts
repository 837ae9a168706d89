// Keeps the caches of several API replicas over one database fresh (README "Deployment"). Each replica's
// live writes (WriteObserver) and privacy changes (PrivacyObserver) are queued and, every GREC_REPLICA_SYNC_MS,
// appended to a change log in the database in one write (replica-store.ts); in the same tick the replica reads
// the records the others appended since its last tick and replays them on its own observers, so their page
// cache drops exactly what a local write of the same kind would have dropped. A write through replica A is
// therefore seen by a page cached on replica B within about two sync intervals (A's flush, B's poll).
// Causal bound: records are pruned after `retentionMs`; a replica that fell further behind (a gap before the
// first record it reads), or a store that was wiped (the head went back), clears everything it caches.
// Replayed erasures carry no user id: the log never holds the id of a user who asked to be forgotten; other
// changes hold user and item ids only until pruned. A refit published by the replica holding the refresh
// lease ('m') makes the others refit the GRAPH model from the graph (in their worker, serving the old model
// meanwhile) and drop their pages.
import type { Purpose } from '../../domain/consent.ts';
import type { ItemId, UserId } from '../../domain/ids.ts';
import type { ChangesSince } from '../../storage/replica-store.ts';
import type { JobLog } from '../job-log.ts';
import type { PrivacyObserver } from '../privacy/privacy-observer.ts';
import type { WriteObserver } from './write-observer.ts';

/** The part of ReplicaStore the sync uses (the change log). */
export interface ChangeLog {
  append(replica: string, changes: readonly string[], now: number, before: number): Promise<number>;
  since(after: number, limit: number): Promise<ChangesSince>;
}

/** What a replayed change is applied to on this replica. */
export interface ReplicaTargets {
  readonly writes: WriteObserver;
  readonly privacy: readonly PrivacyObserver[];
  /** Another replica refitted the models: refit ours from the graph. */
  modelRefreshed(): void;
  /** Changes may have been missed (pruned before read, store wiped): drop everything cached. */
  resetAll(): void;
}

export interface ReplicaSyncOptions {
  readonly replicaId: string;
  readonly intervalMs: number;
  readonly retentionMs: number;
  readonly now: () => number;
  readonly log: JobLog;
}

export interface SyncOutcome {
  /** Changes of this replica written to the log. */
  readonly published: number;
  /** Changes of other replicas replayed here. */
  readonly applied: number;
}

/** Records read per round trip; a replica that is further behind reads again in the same tick. */
const PAGE = 500;
const SEP = '\t';

export class ReplicaSync implements WriteObserver, PrivacyObserver {
  private pending: string[] = [];
  /** The last sequence number read (undefined until the first tick reads the head). */
  private last: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<SyncOutcome> | undefined;
  private failing = false;

  constructor(
    private readonly log: ChangeLog,
    private readonly targets: ReplicaTargets,
    private readonly opts: ReplicaSyncOptions,
  ) {}

  get replicaId(): string {
    return this.opts.replicaId;
  }

  // WriteObserver and PrivacyObserver: this replica's changes, queued for the next tick.
  interactionRecorded(userId: UserId, itemId: ItemId): void {
    this.pending.push(['i', userId, itemId].join(SEP));
  }

  usersLinked(a: UserId, b: UserId): void {
    this.pending.push(['l', a, b].join(SEP));
  }

  userUpserted(userId: UserId, consent: readonly Purpose[] = []): void {
    this.pending.push(['u', userId, consent.join(',')].join(SEP));
  }

  itemUpserted(itemId: ItemId): void {
    this.pending.push(['t', itemId].join(SEP));
  }

  consentChanged(userId: UserId, purposes: readonly Purpose[]): void {
    this.pending.push(['c', userId, purposes.join(',')].join(SEP));
  }

  userErased(_userId: UserId): void {
    this.pending.push('e');
  }

  /** This replica refitted the models (it holds the refresh lease): the others refit theirs. */
  modelRefreshed(): void {
    this.pending.push('m');
  }

  /** Starts ticking every intervalMs (a tick never overlaps the previous one). */
  start(): void {
    if (this.timer !== undefined || this.opts.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.tickLogged(), this.opts.intervalMs).unref();
  }

  /** Stops ticking and publishes what is still queued (best effort: the process is stopping). */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.tickLogged();
  }

  /** One tick: publish this replica's queued changes, then replay the others'. */
  sync(): Promise<SyncOutcome> {
    this.ticking ??= this.tick().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async tickLogged(): Promise<void> {
    try {
      await this.sync();
      if (this.failing) this.opts.log.info({}, 'replica sync works again');
      this.failing = false;
    } catch (err) {
      if (!this.failing) this.opts.log.warn({ err }, 'replica sync failed; retried at the next tick');
      this.failing = true;
    }
  }

  private async tick(): Promise<SyncOutcome> {
    if (this.last === undefined) this.last = (await this.log.since(Number.MAX_SAFE_INTEGER, 1)).head;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) {
      const now = this.opts.now();
      try {
        await this.log.append(this.opts.replicaId, batch, now, now - this.opts.retentionMs);
      } catch (err) {
        this.pending = [...batch, ...this.pending];
        throw err;
      }
    }
    let applied = 0;
    for (;;) {
      const after: number = this.last;
      const page = await this.log.since(after, PAGE);
      const first = page.records[0];
      const pruned = page.head > after && (first === undefined || first.seq > after + 1);
      if (page.head < after || pruned) {
        // The store was wiped, or records were pruned before this replica read them.
        this.targets.resetAll();
        this.last = page.records.at(-1)?.seq ?? page.head;
        if (page.head < after) return { published: batch.length, applied };
      }
      for (const r of page.records) {
        if (r.replica !== this.opts.replicaId) {
          for (const c of r.changes) applied += this.apply(c) ? 1 : 0;
        }
        this.last = r.seq;
      }
      if (page.records.length < PAGE) return { published: batch.length, applied };
    }
  }

  /** Replays one change on this replica's observers; false for a change it does not know (a newer version's). */
  private apply(change: string): boolean {
    const [kind, a = '', b = ''] = change.split(SEP);
    const purposes = b === '' ? [] : (b.split(',') as Purpose[]);
    const t = this.targets;
    switch (kind) {
      case 'i':
        t.writes.interactionRecorded(a as UserId, b as ItemId);
        return true;
      case 'l':
        t.writes.usersLinked(a as UserId, b as UserId);
        return true;
      case 'u':
        t.writes.userUpserted(a as UserId, purposes);
        return true;
      case 't':
        t.writes.itemUpserted(a as ItemId);
        return true;
      case 'c':
        for (const o of t.privacy) o.consentChanged(a as UserId, purposes);
        return true;
      case 'e':
        for (const o of t.privacy) o.userErased('' as UserId);
        return true;
      case 'm':
        t.modelRefreshed();
        return true;
      default:
        return false;
    }
  }
}
