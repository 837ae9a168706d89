// Keeps the in-memory friend ties (friend-ties.ts) current, the way live-event-logs.ts keeps the event logs:
//  - built on first use (the first hasFriendWhoPurchased query; others never pay for it) by one streamed read
//    of every FRIEND edge (friend-ties.cypher), single-flight;
//  - this process's writes: addFriend/removeFriend (and follow/unfollow, which the observer does not tell apart)
//    reach WriteObserver.usersLinked, which marks both users; the next such query re-reads only their friend
//    lists (friend-ties-of-users.cypher, one batched read). Other replicas' writes arrive the same way through
//    the replica change log (replica-sync.ts replays usersLinked);
//  - erasure (PrivacyObserver.userErased) drops the user's ties at both ends at once (the graph loses the
//    edges in the same erasure), so the id is held nowhere;
//  - writes nobody told us about (a CLI load of friendships, another process, a replayed erasure, which carries
//    no id): before every answer the held pair count is compared with the graph's FRIEND count
//    (friend-count.cypher, count store, O(1)); on a difference the marked users are re-read once more and, if it
//    persists, the ties are read again in full. Bound: seen by the next query, at the price of one full read.
//    Like the event logs' check, a removal and an addition nobody told us about that cancel out are not seen
//    until the next full read (dropDerived, a replica gap) or a write that marks the users.
import type { AnalyticsStore } from '../../storage/analytics-store.ts';
import { FriendTies } from './friend-ties.ts';

export class LiveFriendTies {
  private ties: FriendTies | null = null;
  private pending: Promise<FriendTies> | null = null;
  private readonly dirty = new Set<string>();
  /** Graph FRIEND count minus the pairs held right after a clean full read (duplicate edges between a pair). */
  private unseen = 0;
  /** Full reads so far (tests and the benchmark show that a query does not re-read). */
  fullReads = 0;
  /** Batched re-reads of marked users so far. */
  userReads = 0;

  constructor(private readonly store: AnalyticsStore) {}

  /** A friendship (or follow) between the two users was added or removed: re-read both before the next answer. */
  usersLinked(a: string, b: string): void {
    if (this.ties === null && this.pending === null) return; // nothing held yet: the first read sees it
    this.dirty.add(a);
    this.dirty.add(b);
  }

  /** The user was erased: their ties go now, at both ends; a read in flight drops them when it lands. */
  userErased(userId: string): void {
    this.ties?.remove(userId);
    this.dirty.delete(userId);
    void this.pending?.then((ties) => ties.remove(userId), () => undefined);
  }

  /** Forget everything (the replica log could not be replayed): the next query reads the ties in full. */
  reset(): void {
    this.ties = null;
    this.dirty.clear();
  }

  /** The ties, current as of this call (single-flight: concurrent queries share one sync). */
  async current(): Promise<FriendTies> {
    this.pending ??= this.sync().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async sync(): Promise<FriendTies> {
    if (this.ties === null) return this.readAll();
    const ties = this.ties;
    await this.rereadDirty(ties);
    if ((await this.store.friendCount()) === ties.pairs + this.unseen) return ties;
    // A write committed between the two reads, or one we were not told about: one more try, then read all.
    await this.rereadDirty(ties);
    if ((await this.store.friendCount()) === ties.pairs + this.unseen) return ties;
    return this.readAll();
  }

  private async rereadDirty(ties: FriendTies): Promise<void> {
    if (this.dirty.size === 0) return;
    const users = [...this.dirty];
    this.dirty.clear();
    try {
      this.userReads++;
      const rows = await this.store.friendTiesOf(users);
      const found = new Map(rows.map((r) => [r.userId, r.friends]));
      for (const u of users) ties.replace(u, found.get(u) ?? []);
    } catch (err) {
      for (const u of users) this.dirty.add(u);
      throw err;
    }
  }

  private async readAll(): Promise<FriendTies> {
    // Marks arriving during the read may or may not be in it: keep them, re-read those users next time.
    const ties = new FriendTies();
    this.fullReads++;
    const before = await this.store.friendCount();
    await this.store.friendTies((a, b) => ties.add(a, b));
    const after = await this.store.friendCount();
    // A write during the read leaves the difference unknown: assume none unseen; the next query re-checks.
    this.unseen = before === after ? after - ties.pairs : 0;
    this.ties = ties;
    return ties;
  }
}
