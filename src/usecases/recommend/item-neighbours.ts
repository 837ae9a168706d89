// Precomputed item-item neighbours for ITEM_CF and similarItems (issue 10 section 2: a user with a long history
// on a dense catalogue). Expanding co-users at request time reads seeds x co-users x their items plus the norm
// of every candidate; reading a stored top-K list reads seeds x K edges. A rebuild:
//   1. reads every positive INTERACTED weight (cypher/recs/graph-edges.cypher without ties, streamed),
//   2. computes each item's K most similar items by the cosine the Cypher files use, in Float64
//      (src/algorithms/recs/item-cosine-top-k.ts, O(sum_u deg(u)^2), in this thread, yielding every 20 ms),
//   3. replaces the (:Item)-[:SIMILAR]->(:Item) lists in batches, drops the lists of items no longer
//      interacted with, and marks the rebuild complete (cypher/recs/item-neighbours-*.cypher).
// Freshness: the scheduled refresh rebuilds the lists after each GRAPH refit, under the same lease (app.ts),
// so they are as old as the GRAPH model at most: GREC_REFRESH_INTERVAL_MS, or GREC_REFRESH_AFTER_EVENTS live
// events, whichever comes first. A live event does not patch them (one event changes the norm of its item and so
// the score of that item in every list it is in); until the next rebuild the lists miss it. An item or a seed
// with no list yet still gets an answer: an empty precomputed result falls back to the bounded file.
// Before the first completed rebuild (a fresh store) ITEM_CF and similarItems run the bounded files only.
// Rebuilds are single-flight: calls during one share it.
import { ALL_GRANTED } from '../../domain/consent.ts';
import type { ItemId } from '../../domain/ids.ts';
import { itemCosineScanner } from '../../algorithms/recs/item-cosine-top-k.ts';
import type { ItemNeighboursStore, NeighbourListRow, NeighbourStatus } from '../../storage/item-neighbours-store.ts';
import type { RecsGraphStore } from '../../storage/recs-graph-store.ts';
import type { RecsConfig } from './config.ts';

const DROP_BATCH = 10_000;
/** The longest stretch of top-K computation between two yields to the event loop. */
const SLICE_MS = 20;

export class ItemNeighbours {
  private status: { at: number; value: Promise<NeighbourStatus | null> } | undefined;
  private flight: Promise<NeighbourStatus> | undefined;
  private lastBuiltAt = 0;

  constructor(
    readonly store: ItemNeighboursStore,
    private readonly edges: Pick<RecsGraphStore, 'loadEdges'>,
    private readonly cfg: RecsConfig['itemNeighbours'],
    private readonly now: () => number,
  ) {}

  /** True once some rebuild completed (re-read at most once per statusTtlMs; a failed read counts as false). */
  async ready(): Promise<boolean> {
    const now = this.now();
    if (this.status === undefined || this.status.at + this.cfg.statusTtlMs <= now) {
      const value = this.store.status();
      const entry = { at: now, value };
      this.status = entry;
      value.catch(() => {
        if (this.status === entry) this.status = undefined;
      });
    }
    return (await this.status.value.catch(() => null)) !== null;
  }

  /** Recomputes and rewrites every list; resolves with what was written. */
  rebuild(): Promise<NeighbourStatus> {
    this.flight ??= this.build().finally(() => {
      this.flight = undefined;
    });
    return this.flight;
  }

  private async build(): Promise<NeighbourStatus> {
    const t0 = this.now();
    // Distinct per rebuild even within one millisecond: step 3 of the next rebuild tells the lists apart by it.
    const builtAt = Math.max(t0, this.lastBuiltAt + 1);
    this.lastBuiltAt = builtAt;
    const { interactions } = await this.edges.loadEdges(false, ALL_GRANTED);
    const rows = await neighbourRows(interactions, this.cfg.k);
    const edges = await this.store.writeLists(builtAt, rows, this.cfg.writeBatchEdges);
    await this.store.dropStale(builtAt, DROP_BATCH);
    const status: NeighbourStatus = { builtAt, k: this.cfg.k, items: rows.length, edges, ms: this.now() - t0 };
    await this.store.mark(status);
    this.status = { at: this.now(), value: Promise.resolve(status) };
    return status;
  }
}

/**
 * Every interacted item's list: ids sorted ascending give the dense indices, so the algorithm's "lower index
 * first" tie-break is the Cypher files' "id ASC". Computed item by item, yielding to the event loop every
 * SLICE_MS, so requests keep being served during a rebuild (2.4 s of work for 126k interactions on a loaded
 * 2-vCPU machine, docs/benchmarks.md).
 */
export async function neighbourRows(interactions: readonly { readonly userId: string; readonly itemId: string; readonly weight: number }[], k: number): Promise<NeighbourListRow[]> {
  const userIds = [...new Set(interactions.map((e) => e.userId))].sort();
  const itemIds = [...new Set(interactions.map((e) => e.itemId))].sort();
  const userIndex = new Map(userIds.map((id, i) => [id, i]));
  const itemIndex = new Map(itemIds.map((id, i) => [id, i]));
  const scan = itemCosineScanner({
    nUsers: userIds.length,
    nItems: itemIds.length,
    users: interactions.map((e) => userIndex.get(e.userId)!),
    items: interactions.map((e) => itemIndex.get(e.itemId)!),
    weights: interactions.map((e) => e.weight),
  });
  const rows: NeighbourListRow[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < itemIds.length; i++) {
    const l = scan.list(i, k);
    const neighbours = Array.from(l.neighbours, (j, t) => ({ id: itemIds[j]! as ItemId, score: l.scores[t]!, dot: l.dots[t]!, coUsers: l.coUsers[t]! }));
    rows.push({ id: itemIds[i]! as ItemId, neighbours });
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return rows;
}
