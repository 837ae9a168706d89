// The evaluation's ties weigh social edges as the served GRAPH fit does (fit-graph-model.ts): a friendship 1
// both ways, a follow followWeight from follower to followee only, the larger when both; and the served
// inputs give the SOCIAL scorer the follows as `following`.
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/eval/context.ts';
import type { Dataset } from '../../src/eval/datasets/dataset.ts';
import { servedInputs } from '../../src/eval/hybrid/served-inputs.ts';
import { asUserId } from '../../src/domain/ids.ts';
import { ALL_GRANTED } from '../../src/domain/consent.ts';

const ds: Dataset = {
  name: 'hand', nUsers: 3, nItems: 2, userIds: ['a', 'b', 'c'], itemIds: ['i1', 'i2'],
  pairs: { users: Int32Array.from([0, 1, 2]), items: Int32Array.from([0, 1, 1]), weights: Float32Array.from([1, 1, 1]) },
  friendships: { a: Int32Array.from([0]), b: Int32Array.from([1]) },
  follows: { from: Int32Array.from([0, 2]), to: Int32Array.from([1, 0]) },
};
const split = { train: Int32Array.from([0, 1, 2]), valid: new Int32Array(0), test: new Int32Array(0) };

describe('evaluation ties', () => {
  it('friendship 1 both ways, follow 0.5 follower -> followee, the larger when both', () => {
    const t = buildContext(ds, split, 0.5).ties;
    const dense = [0, 1, 2].map((u) => [0, 1, 2].map((v) => {
      for (let p = t.indptr[u]!; p < t.indptr[u + 1]!; p++) if (t.indices[p] === v) return t.values[p];
      return 0;
    }));
    expect(dense).toEqual([[0, 1, 0], [1, 0, 0], [0.5, 0, 0]]);
    // friends stays the friendships alone (the EASE+SOCIAL / LIGHTGCN+SOCIAL rows)
    expect(Array.from(buildContext(ds, split, 0.5).friends.values)).toEqual([1, 1]);
  });

  it('is the friendships alone without follows', () => {
    const { follows: _f, ...noFollows } = ds;
    const ctx = buildContext(noFollows, split, 0.5);
    expect(ctx.ties).toBe(ctx.friends);
  });

  it('gives the serving state the follows as following', () => {
    const { state } = servedInputs(buildContext(ds, split, 0.5));
    expect(state.userContext(asUserId('c'), ALL_GRANTED)?.following).toEqual(['a']);
    expect(state.userContext(asUserId('a'), ALL_GRANTED)?.following).toEqual(['b']);
    expect(state.userContext(asUserId('b'), ALL_GRANTED)?.following).toEqual([]);
  });
});
