// A bounded, short-lived cache of finished result pages. An entry is served only while it is younger than
// the TTL *and* the user's own state (their interactions and ties, read on every request anyway) is
// unchanged, so a user's new event is reflected at once; other users' activity shows up within the TTL.
// Eviction: oldest insertion first once `maxEntries` is reached (Map keeps insertion order). TTL 0 disables.
export class ResultCache<V> {
  private readonly entries = new Map<string, { fingerprint: string; expiresAt: number; value: V }>();
  hits = 0;
  misses = 0;

  constructor(
    readonly ttl: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  get(key: string, fingerprint: string): V | undefined {
    const e = this.entries.get(key);
    if (e !== undefined && e.fingerprint === fingerprint && e.expiresAt > this.now()) {
      this.hits++;
      return e.value;
    }
    if (e !== undefined) this.entries.delete(key);
    this.misses++;
    return undefined;
  }

  set(key: string, fingerprint: string, value: V): void {
    if (this.ttl <= 0) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { fingerprint, expiresAt: this.now() + this.ttl, value });
  }

  clear(): void {
    this.entries.clear();
  }
}
