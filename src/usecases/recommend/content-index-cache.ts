// Keeps the CONTENT index (content-index.ts) in memory, one per process. The first request reads it
// (concurrent requests share that read). Freshness: `markStale` (an item written through this process, a
// model refresh) makes the next request read it again and wait for it; an index older than maxAgeMs is
// re-read in the background while requests keep using the old one, which bounds writes from elsewhere
// (CLI loads, other instances) and the drift of the n_i counts. A failed read is not cached.
import type { ContentIndex, ItemFeatureRow } from './content-index.ts';
import { buildContentIndex } from './content-index.ts';

export class ContentIndexCache {
  private current: Promise<ContentIndex> | undefined;
  private stale = false;
  private reloading = false;
  /** Bumped by every foreground read and markStale: a background read started before is then dropped. */
  private generation = 0;

  constructor(
    private readonly load: () => Promise<readonly ItemFeatureRow[]>,
    private readonly maxAgeMs: number,
    private readonly now: () => number,
  ) {}

  async get(): Promise<ContentIndex> {
    if (this.current === undefined || this.stale) {
      this.stale = false;
      this.generation++;
      this.current = this.read();
      return this.current;
    }
    const index = await this.current;
    if (this.now() - index.loadedAt >= this.maxAgeMs && !this.reloading) this.reloadInBackground();
    return index;
  }

  markStale(): void {
    this.stale = true;
    this.generation++;
  }

  private read(): Promise<ContentIndex> {
    const started = this.now();
    const p = this.load().then((rows) => buildContentIndex(rows, started));
    p.catch(() => {
      if (this.current === p) this.current = undefined;
    });
    return p;
  }

  private reloadInBackground(): void {
    this.reloading = true;
    const generation = this.generation;
    const next = this.read();
    next.then(
      () => {
        if (this.generation === generation) this.current = next;
      },
      () => undefined, // keep serving the old index; the next request past maxAge tries again
    ).finally(() => (this.reloading = false));
  }
}
