import { describe, expect, it } from 'vitest';
import type { Recommender } from '../../src/algorithms/recs/index.ts';
import { buildContext } from '../../src/eval/context.ts';
import type { Dataset } from '../../src/eval/datasets/dataset.ts';
import { evaluateModel } from '../../src/eval/evaluate.ts';

// One user, 4 items: item 0 in train, item 1 in valid, item 2 in test. The model prefers 0 > 1 > 3 > 2.
const ds: Dataset = {
  name: 'toy',
  nUsers: 1,
  nItems: 4,
  userIds: ['u'],
  itemIds: ['a', 'b', 'c', 'd'],
  pairs: { users: Int32Array.from([0, 0, 0]), items: Int32Array.from([0, 1, 2]), weights: Float32Array.from([1, 1, 1]) },
};
const ctx = buildContext(ds, { train: Int32Array.from([0]), valid: Int32Array.from([1]), test: Int32Array.from([2]) });
const model: Recommender = {
  name: 'FIXED',
  nUsers: 1,
  nItems: 4,
  scoreUser: (_u, out) => {
    const o = out ?? new Float32Array(4);
    o.set([4, 3, 1, 2]);
    return o;
  },
  scoreVector: (_v, out) => out ?? new Float32Array(4),
};

describe('evaluateModel', () => {
  it('excludes train items when scoring valid: item 1 at rank 1', () => {
    const m = evaluateModel(model, ctx, 'valid', { ks: [2] });
    expect([m['recall@2'], m['mrr@2'], m['users']]).toEqual([1, 1, 1]);
  });
  it('excludes train and valid items when scoring test: ranking [3, 2], hit at rank 2', () => {
    const m = evaluateModel(model, ctx, 'test', { ks: [1, 2], beyondAccuracy: true });
    expect(m['recall@1']).toBe(0);
    expect(m['mrr@2']).toBe(0.5);
    expect(m['ndcg@2']).toBeCloseTo(1 / Math.log2(3), 12);
    expect(m['coverage@10']).toBeCloseTo(0.5, 12);
  });
});
