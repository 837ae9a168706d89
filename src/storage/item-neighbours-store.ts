import type { ItemId, UserId } from '../domain/ids.ts';
import type { Candidate, RecsFilter } from '../usecases/recommend/types.ts';
import { cypher } from './cypher-files.ts';
import type { Executor } from './executor.ts';
import { filterParams, type StrategyParams } from './recs-store.ts';

/** One item's neighbour list as written: its K most similar items, best first. */
export interface NeighbourListRow {
  readonly id: ItemId;
  readonly neighbours: readonly { readonly id: ItemId; readonly score: number; readonly dot: number; readonly coUsers: number }[];
}

/** The marker of the last completed rebuild (cypher/recs/item-neighbours-mark.cypher). */
export interface NeighbourStatus {
  readonly builtAt: number;
  readonly k: number;
  readonly items: number;
  readonly edges: number;
  readonly ms: number;
}

/**
 * The precomputed (:Item)-[:SIMILAR]->(:Item) lists: written in batches by a rebuild, read by ITEM_CF and
 * similarItems (cypher/recs/item-neighbours-*.cypher, item-cf-neighbours, similar-items-neighbours).
 */
export class ItemNeighboursStore {
  constructor(private readonly executor: Executor) {}

  /** Null before the first completed rebuild. */
  async status(): Promise<NeighbourStatus | null> {
    const [r] = await this.executor.read(cypher('recs/item-neighbours-status'));
    if (r === undefined || r['builtAt'] == null) return null;
    return { builtAt: Number(r['builtAt']), k: Number(r['k']), items: Number(r['items']), edges: Number(r['edges']), ms: Number(r['ms']) };
  }

  /**
   * Replaces the lists of `rows`' items, one write transaction per batch of about `batchEdges` edges (a batch
   * is safe to run twice: it deletes the items' lists before writing them). Returns the edges written.
   */
  async writeLists(builtAt: number, rows: readonly NeighbourListRow[], batchEdges: number): Promise<number> {
    let written = 0;
    let start = 0;
    while (start < rows.length) {
      let end = start;
      let edges = 0;
      while (end < rows.length && (end === start || edges + rows[end]!.neighbours.length <= batchEdges)) edges += rows[end++]!.neighbours.length;
      const batch = rows.slice(start, end).map((r) => ({ id: r.id, neighbours: r.neighbours.map((n) => ({ ...n })) }));
      const [res] = await this.executor.writeTx((tx) => tx.run(cypher('recs/item-neighbours-write'), { builtAt, rows: batch }), 'recs:item-neighbours');
      written += Number(res?.['written'] ?? 0);
      start = end;
    }
    return written;
  }

  /** Deletes the edges of earlier rebuilds, `batch` per transaction. Returns how many. */
  async dropStale(builtAt: number, batch: number): Promise<number> {
    let total = 0;
    for (;;) {
      const [r] = await this.executor.write(cypher('recs/item-neighbours-drop-stale'), { builtAt, batch });
      const n = Number(r?.['deleted'] ?? 0);
      total += n;
      if (n < batch) return total;
    }
  }

  async mark(s: NeighbourStatus): Promise<void> {
    await this.executor.write(cypher('recs/item-neighbours-mark'), { ...s });
  }

  /** ITEM_CF over the lists (cypher/recs/item-cf-neighbours.cypher); rows mapped as RecsStore.itemCf. */
  async itemCf(userId: UserId, filter: RecsFilter, p: StrategyParams, limit: number): Promise<Candidate[]> {
    const rows = await this.executor.read(cypher('recs/item-cf-neighbours'), { ...p, ...filterParams(filter), userId, limit });
    return rows.map((r) => ({ itemId: String(r['id']) as ItemId, score: Number(r['score']), reason: { kind: 'SIMILAR_TO_ITEMS', itemIds: ((r['via'] ?? []) as unknown[]).map((x) => String(x) as ItemId) } }));
  }

  /** similarItems over the lists (cypher/recs/similar-items-neighbours.cypher); rows mapped as RecsStore.similarItems. */
  async similarItems(itemId: ItemId, limit: number): Promise<Candidate[]> {
    const rows = await this.executor.read(cypher('recs/similar-items-neighbours'), { itemId, limit });
    return rows.map((r) => ({ itemId: String(r['id']) as ItemId, score: Number(r['score']), reason: { kind: 'CO_INTERACTED', itemIds: [itemId], count: Number(r['coUsers']) } }));
  }
}
