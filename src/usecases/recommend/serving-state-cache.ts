// Keeps the serving state (serving-state.ts) fresh, one per process. The first request reads it whole
// (users with interactions and ties, items, category and tag names: three queries, shared by concurrent
// requests). Freshness:
//   - a write through this process (WriteObserver -> markUsers / markItems) marks the rows it changed; the
//     next request re-reads exactly those rows (one batched round trip, shared) before it is answered, so the
//     page after a write reflects it at once. A mark made while that re-read runs stays for the next one
//     (the re-read may have missed the write), as in result-cache.ts;
//   - other replicas' writes arrive as the same marks through the replica sync (replica-sync.ts);
//   - an erasure or a reset drops the whole state (`markStale`: the next request reads it again and waits);
//   - writes from elsewhere (CLI loads) are bounded by maxAgeMs: an older state is re-read in the background
//     while requests keep using it. Ids a page needs that the state lacks are read from the database.
import type { ItemId, UserId } from '../../domain/ids.ts';
import type { Category, Tag } from '../../domain/entities.ts';
import { ServingState, type ServedItem, type ServedUser } from './serving-state.ts';

/** The reads the cache needs (RecsStore's serving* methods); `ids` null reads every row. */
export interface ServingRows {
  users(ids: readonly UserId[] | null): Promise<ServedUser[]>;
  items(ids: readonly ItemId[] | null): Promise<ServedItem[]>;
  vocabulary(): Promise<{ categories: Category[]; tags: Tag[] }>;
}

export class ServingStateCache {
  private current: Promise<ServingState> | undefined;
  private stale = false;
  private reloading = false;
  private generation = 0;
  /** Rows marked by writes, with the mark's sequence number. */
  private readonly dirtyUsers = new Map<UserId, number>();
  private readonly dirtyItems = new Map<ItemId, number>();
  private seq = 0;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly rows: ServingRows,
    private readonly maxAgeMs: number,
    private readonly now: () => number,
  ) {}

  async get(): Promise<ServingState> {
    if (this.current === undefined || this.stale) {
      this.stale = false;
      this.generation++;
      this.dirtyUsers.clear();
      this.dirtyItems.clear();
      this.current = this.read();
      return this.current;
    }
    const state = await this.current;
    if (this.dirtyUsers.size > 0 || this.dirtyItems.size > 0) await this.refreshMarked(state);
    if (this.now() - state.loadedAt >= this.maxAgeMs && !this.reloading) this.reloadInBackground();
    return (await this.current) ?? state;
  }

  markUsers(ids: readonly UserId[]): void {
    this.seq++;
    for (const id of ids) this.dirtyUsers.set(id, this.seq);
  }

  markItems(ids: readonly ItemId[]): void {
    this.seq++;
    for (const id of ids) this.dirtyItems.set(id, this.seq);
  }

  markStale(): void {
    this.stale = true;
    this.generation++;
    // Dropped now, not at the next request: after an erasure nothing in the process may still hold the user.
    this.current = undefined;
    this.dirtyUsers.clear();
    this.dirtyItems.clear();
  }

  /** Re-reads the marked rows into the state (one round trip per kind, in parallel; concurrent callers share it). */
  private refreshMarked(state: ServingState): Promise<void> {
    if (this.refreshing !== undefined) return this.refreshing.then(() => (this.dirtyUsers.size > 0 || this.dirtyItems.size > 0 ? this.refreshMarked(state) : undefined));
    const upTo = this.seq;
    const users = [...this.dirtyUsers.keys()];
    const items = [...this.dirtyItems.keys()];
    const run = (async () => {
      const [userRows, itemRows] = await Promise.all([
        users.length > 0 ? this.rows.users(users) : Promise.resolve([]),
        items.length > 0 ? this.rows.items(items) : Promise.resolve([]),
      ]);
      const gotUsers = new Set(userRows.map((u) => u.user.id));
      for (const id of users) if (!gotUsers.has(id)) state.removeUser(id);
      userRows.forEach((u) => state.putUser(u));
      const gotItems = new Set(itemRows.map((i) => i.id));
      for (const id of items) if (!gotItems.has(id)) state.removeItem(id);
      itemRows.forEach((i) => state.putItem(i));
      // An item read may name categories or tags the state never saw; entities() reads their names then.
      for (const [id, s] of this.dirtyUsers) if (s <= upTo) this.dirtyUsers.delete(id);
      for (const [id, s] of this.dirtyItems) if (s <= upTo) this.dirtyItems.delete(id);
    })();
    this.refreshing = run;
    const done = () => {
      if (this.refreshing === run) this.refreshing = undefined;
    };
    run.then(done, done);
    return run;
  }

  private read(): Promise<ServingState> {
    const started = this.now();
    const p = Promise.all([this.rows.users(null), this.rows.items(null), this.rows.vocabulary()]).then(([users, items, vocab]) => {
      const s = new ServingState(started);
      users.forEach((u) => s.putUser(u));
      items.forEach((i) => s.putItem(i));
      vocab.categories.forEach((c) => s.categories.set(c.id, c));
      vocab.tags.forEach((t) => s.tags.set(t.id, t));
      return s;
    });
    p.catch(() => {
      if (this.current === p) this.current = undefined;
    });
    return p;
  }

  private reloadInBackground(): void {
    this.reloading = true;
    const generation = this.generation;
    const seqAtStart = this.seq;
    const next = this.read();
    next.then(
      () => {
        // A write marked during the read may be missing from it: keep the old state and its marks then.
        if (this.generation === generation && this.seq === seqAtStart) this.current = next;
      },
      () => undefined,
    ).finally(() => (this.reloading = false));
  }
}
