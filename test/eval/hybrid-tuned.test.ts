// The HYBRID row picks among the served tuner's candidates (each source alone first, then blends on GRAPH),
// so its validation NDCG@10 is never below the best single source's. On a store where popularity wins, the
// chosen weights must then weight POPULAR.
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/eval/context.ts';
import type { Dataset } from '../../src/eval/datasets/dataset.ts';
import { evaluateModel } from '../../src/eval/evaluate.ts';
import { hybridModel } from '../../src/eval/hybrid/hybrid-model.ts';
import { createHybridSources } from '../../src/eval/hybrid/sources.ts';
import { SINGLE_SOURCES, tunerCandidates } from '../../src/eval/hybrid/weight-grid.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';

// 40 users, 81 items. Users 0-19 all have item 0 and a personal item; users 20-39 have two personal items
// nobody else has (so GRAPH has nothing to propagate) and hold out item 0 for validation: POPULAR ranks it first.
const pairs: [number, number][] = [];
for (let u = 0; u < 20; u++) pairs.push([u, 0], [u, 1 + u]);
for (let u = 20; u < 40; u++) pairs.push([u, 21 + u], [u, 41 + u]);
const validStart = pairs.length;
for (let u = 20; u < 40; u++) pairs.push([u, 0]);
const ds: Dataset = {
  name: 'popularity-wins',
  nUsers: 40,
  nItems: 81,
  userIds: Array.from({ length: 40 }, (_, u) => `u${u}`),
  itemIds: Array.from({ length: 81 }, (_, i) => `i${String(i).padStart(2, '0')}`),
  pairs: { users: Int32Array.from(pairs, (p) => p[0]), items: Int32Array.from(pairs, (p) => p[1]), weights: new Float32Array(pairs.length).fill(1) },
};
const ctx = buildContext(ds, {
  train: Int32Array.from({ length: validStart }, (_, k) => k),
  valid: Int32Array.from({ length: 20 }, (_, k) => validStart + k),
  test: new Int32Array(0),
});

describe('HYBRID over the tuner candidates', () => {
  const sources = createHybridSources(ctx, RECS_CONFIG);
  const score = (w: (typeof SINGLE_SOURCES)[number]) => evaluateModel(hybridModel(sources, ctx.train, 40, w), ctx, 'valid', { ks: [10] })['ndcg@10']!;
  const scored = tunerCandidates().map((w) => ({ w, ndcg: score(w) }));
  // run.ts's rule: the best validation NDCG@10, ties to the earlier candidate
  const chosen = scored.reduce((a, b) => (b.ndcg > a.ndcg ? b : a));

  it('lists each source alone first, then 11 blends on GRAPH', () => {
    expect(tunerCandidates().slice(0, 4)).toEqual(SINGLE_SOURCES);
    expect(tunerCandidates()).toHaveLength(4 + 11);
  });
  it('scores POPULAR alone 1 and GRAPH alone 0 on this store', () => {
    expect(scored[3]).toEqual({ w: { GRAPH: 0, SOCIAL: 0, CONTENT: 0, POPULAR: 1 }, ndcg: 1 });
    expect(scored[0]!.ndcg).toBe(0);
  });
  it('chooses a blend that weights POPULAR and is not below the best single source', () => {
    expect(chosen.w).toEqual({ GRAPH: 0, SOCIAL: 0, CONTENT: 0, POPULAR: 1 });
    expect(chosen.ndcg).toBeGreaterThanOrEqual(Math.max(...scored.slice(0, 4).map((s) => s.ndcg)));
  });
});
