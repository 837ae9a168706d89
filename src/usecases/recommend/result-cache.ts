// A bounded, short-lived cache of finished result pages, served without any database round trip.
// Freshness has two bounds:
//   - writes made through this process's use cases drop the pages they affect at once (`invalidate`, by
//     tag: the page's owner, the users and items it shows or depends on);
//   - other API replicas' writes drop them at the next replica sync (replica-sync.ts, GREC_REPLICA_SYNC_MS);
//   - anything else (CLI loads) shows within the TTL.
// A page computed while a write to one of its tags landed is not stored (it may have read the old state):
// `begin()` before reading, `set(..., since)` after; the tags invalidated since then are remembered for one
// TTL, which is also the longest a computation may take and still be stored.
// Eviction: oldest insertion first once `maxEntries` is reached (Map keeps insertion order). TTL 0 disables.
export interface CacheToken {
  readonly seq: number;
  readonly at: number;
}

interface Entry<V> {
  readonly expiresAt: number;
  readonly value: V;
  readonly tags: readonly string[];
}

export class ResultCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly keysByTag = new Map<string, Set<string>>();
  /** Tags invalidated within the last TTL, oldest first, with the sequence number of the invalidation. */
  private readonly recent = new Map<string, CacheToken>();
  private seq = 0;
  private clearedSeq = 0;
  hits = 0;
  misses = 0;

  constructor(
    readonly ttl: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (e !== undefined && e.expiresAt > this.now()) {
      this.hits++;
      return e.value;
    }
    if (e !== undefined) this.delete(key);
    this.misses++;
    return undefined;
  }

  /** Taken before reading what a page is computed from. */
  begin(): CacheToken {
    return { seq: this.seq, at: this.now() };
  }

  /** Stores the page unless one of its tags (or the whole cache) was invalidated after `since`. */
  set(key: string, tags: readonly string[], value: V, since: CacheToken): void {
    const now = this.now();
    if (this.ttl <= 0 || since.seq < this.clearedSeq || now - since.at >= this.ttl) return;
    this.prune(now);
    if (tags.some((t) => (this.recent.get(t)?.seq ?? -1) >= since.seq)) return;
    this.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.delete(oldest.value);
    }
    const unique = [...new Set(tags)];
    this.entries.set(key, { expiresAt: now + this.ttl, value, tags: unique });
    for (const t of unique) {
      let keys = this.keysByTag.get(t);
      if (keys === undefined) this.keysByTag.set(t, (keys = new Set()));
      keys.add(key);
    }
  }

  /** Drops every entry carrying one of the tags; returns how many were dropped. */
  invalidate(tags: readonly string[]): number {
    const now = this.now();
    this.prune(now);
    let dropped = 0;
    for (const t of tags) {
      const mark = { seq: this.seq, at: now };
      this.recent.delete(t);
      this.recent.set(t, mark);
      for (const key of [...(this.keysByTag.get(t) ?? [])]) dropped += this.delete(key) ? 1 : 0;
    }
    this.seq++;
    return dropped;
  }

  clear(): void {
    this.entries.clear();
    this.keysByTag.clear();
    this.recent.clear();
    this.clearedSeq = ++this.seq;
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(key: string): boolean {
    const e = this.entries.get(key);
    if (e === undefined) return false;
    this.entries.delete(key);
    for (const t of e.tags) {
      const keys = this.keysByTag.get(t);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(t);
    }
    return true;
  }

  /** Forgets invalidations older than one TTL: no computation that old is stored anyway. */
  private prune(now: number): void {
    for (const [t, mark] of this.recent) {
      if (now - mark.at < this.ttl) break;
      this.recent.delete(t);
    }
  }
}
