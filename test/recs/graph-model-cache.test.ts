import { describe, expect, it } from 'vitest';
import { asItemId, asUserId } from '../../src/domain/ids.ts';
import type { EmbeddingRow, GraphEdges, RecsGraphStore } from '../../src/storage/recs-graph-store.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';
import { GraphModelCache } from '../../src/usecases/recommend/graph-model-cache.ts';

const edges: GraphEdges = {
  interactions: [['u1', 'a'], ['u1', 'b'], ['u2', 'a'], ['u2', 'c'], ['u3', 'b'], ['u3', 'c']]
    .map(([u, i]) => ({ userId: asUserId(u!), itemId: asItemId(i!), weight: 5 })),
  friendships: [],
};

/** A store that counts fits (edge loads) and embedding writes; each load waits for `release`. */
function countingStore() {
  const calls = { loads: 0, writes: 0 };
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const store = {
    async loadEdges(): Promise<GraphEdges> {
      calls.loads++;
      await gate;
      return edges;
    },
    async writeEmbeddings(_kind: 'item' | 'user', rows: readonly EmbeddingRow[]): Promise<number> {
      calls.writes++;
      return rows.length;
    },
  } as unknown as RecsGraphStore;
  return { store, calls, release: () => release() };
}

describe('GraphModelCache.refresh is single-flight', () => {
  const cfg = { ...RECS_CONFIG.graph, rank: 2, embeddingDims: 2 };

  it('two concurrent refreshes share one fit and one embedding write', async () => {
    const { store, calls, release } = countingStore();
    const cache = new GraphModelCache(store, cfg, () => 0);
    const a = cache.refresh(true);
    const b = cache.refresh(true);
    const c = cache.refresh(false);
    release();
    const [ra, rb, rc] = await Promise.all([a, b, c]);
    expect(calls.loads).toBe(1);
    expect(calls.writes).toBe(2); // one write per vector kind (items, users), once
    expect(ra).toEqual(rb);
    expect(ra.embeddingsWritten).toBe(6);
    expect(rc.embeddingsWritten).toBe(0);
    expect(rc.fittedAt).toBe(ra.fittedAt);
  });

  it('a refresh after the previous one finished fits again', async () => {
    const { store, calls, release } = countingStore();
    release();
    const cache = new GraphModelCache(store, cfg, () => 0);
    await cache.refresh(false);
    await new Promise((r) => setTimeout(r, 0));
    await cache.refresh(false);
    expect(calls.loads).toBe(2);
  });

  it('a failed fit is shared by the concurrent callers and not kept', async () => {
    let loads = 0;
    const store = {
      async loadEdges(): Promise<GraphEdges> {
        loads++;
        if (loads === 1) throw new Error('database down');
        return edges;
      },
      writeEmbeddings: async () => 0,
    } as unknown as RecsGraphStore;
    const cache = new GraphModelCache(store, cfg, () => 0);
    const results = await Promise.allSettled([cache.refresh(false), cache.refresh(false)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(loads).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    await expect(cache.refresh(false)).resolves.toMatchObject({ users: 3, items: 3 });
    expect(loads).toBe(2);
  });
});
