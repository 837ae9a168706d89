// The served evaluation against the real Neo4j: a hand-made data set and split, loaded through the
// product's ingest with the held-out pairs left out, ranked by the recommendation use case (POPULAR here,
// whose ranking is known by hand), scored with the offline metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/eval/datasets/dataset.ts';
import { withoutHeldOut } from '../../src/eval/served/held-out-source.ts';
import { runServedEvaluation, sampleUsers } from '../../src/eval/served/served-eval.ts';
import { asItemId, asUserId } from '../../src/domain/ids.ts';
import type { DataSource, SourceRow } from '../../src/domain/ingest.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { openTestGraph } from '../support/graph.ts';

// pairs: 0 u1-i1, 1 u2-i1, 2 u2-i2, 3 u3-i1, 4 u3-i2, 5 u3-i3, 6 u4-i3 (train); 7 u1-i3 (test); 8 u4-i1 (test); 9 u4-i2 (valid)
const users = [0, 1, 1, 2, 2, 2, 3, 0, 3, 3];
const items = [0, 0, 1, 0, 1, 2, 2, 2, 0, 1];
const ds: Dataset = {
  name: 'hand', nUsers: 4, nItems: 4, userIds: ['u1', 'u2', 'u3', 'u4'], itemIds: ['i1', 'i2', 'i3', 'i4'],
  pairs: { users: Int32Array.from(users), items: Int32Array.from(items), weights: new Float32Array(users.length).fill(1) },
};
const split = { train: Int32Array.from([0, 1, 2, 3, 4, 5, 6]), valid: Int32Array.from([9]), test: Int32Array.from([7, 8]) };

function source(): DataSource {
  const rows: SourceRow[] = [
    ...ds.userIds.map((id): SourceRow => ({ kind: 'user', user: { id: asUserId(id) } })),
    ...ds.itemIds.map((id): SourceRow => ({ kind: 'item', item: { id: asItemId(id), title: id } })),
    ...users.map((u, k): SourceRow => ({ kind: 'aggregate', interaction: { userId: asUserId(ds.userIds[u]!), itemId: asItemId(ds.itemIds[items[k]!]!), count: 1 } })),
  ];
  return { name: 'hand', async *rows() { yield* rows; } };
}

describe('served evaluation', () => {
  let graph: GraphConnection;
  beforeAll(async () => { graph = await openTestGraph(); });
  afterAll(async () => { await graph.close(); });

  it('loads only the training pairs and scores the use case\'s pages', async () => {
    let held: ReturnType<typeof withoutHeldOut> | undefined;
    const run = await runServedEvaluation(ds, {
      name: 'demo', dataDir: '', protocol: 'random811', seed: 1, strategies: ['POPULAR'], log: () => {}, graph, split,
      source: (keys) => (held = withoutHeldOut(source(), keys)),
    });
    expect(held?.dropped()).toBe(3);
    const stored = await graph.executor.read('MATCH (:User)-[r:INTERACTED]->(:Item) RETURN count(r) AS n', {});
    expect(Number(stored[0]?.n)).toBe(7);
    // POPULAR over the store: i1 (3 users), i2 (2), i3 (2; ties by id), i4 never interacted with.
    // u1 (seen i1): [i2, i3] -> test i3 at rank 2. u4 (seen i3; valid i2 removed from the page): [i1] -> rank 1.
    // Had u1-i3 leaked into the store, u1 would have "seen" i3 and score 0.
    const m = run.results[0]!.metrics;
    expect(m['users']).toBe(2);
    expect(m['recall@10']).toBeCloseTo(1, 12);
    expect(m['ndcg@10']).toBeCloseTo((1 / Math.log2(3) + 1) / 2, 12);
    expect(m['mrr@10']).toBeCloseTo((0.5 + 1) / 2, 12);
  });

  it('samples users reproducibly', () => {
    const has = [true, false, true, true, true, false, true];
    expect(sampleUsers(has, undefined, 1)).toEqual([0, 2, 3, 4, 6]);
    const a = sampleUsers(has, 3, 7);
    expect(a).toEqual(sampleUsers(has, 3, 7));
    expect(a).toHaveLength(3);
    expect(a.every((u) => has[u])).toBe(true);
  });
});
