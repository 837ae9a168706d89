// One cached value per key with single-flight loading: concurrent callers with the same key share one load.
// nextState keys the whole-shop chain by the graph's event count (a count-store lookup made in the same
// query as the user's state), so the chain is re-estimated exactly when an event has been recorded, and a
// burst of nextState calls costs one full count, not one per call.
export class KeyedCache<K, V> {
  private entry: { readonly key: K; readonly value: Promise<V> } | undefined;

  clear(): void {
    this.entry = undefined;
  }

  async get(key: K, load: () => Promise<V>): Promise<V> {
    if (this.entry !== undefined && this.entry.key === key) return this.entry.value;
    const value = load();
    const entry = { key, value };
    this.entry = entry;
    // A failed load is not cached: the next caller tries again.
    value.catch(() => {
      if (this.entry === entry) this.entry = undefined;
    });
    return value;
  }
}
