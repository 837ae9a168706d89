import { describe, expect, it } from 'vitest';
import { ratioCounts, splitPairs } from '../../src/eval/split.ts';
import type { Dataset } from '../../src/eval/datasets/dataset.ts';

describe('ratioCounts (RecBole split_by_ratio sizes)', () => {
  it.each([
    [50, [40, 5, 5]],
    [10, [8, 1, 1]],
    [5, [3, 1, 1]],
    [2, [1, 0, 1]],
    [1, [1, 0, 0]],
  ])('n = %d -> %j', (n, want) => {
    expect(ratioCounts(n)).toEqual(want);
  });
});

const ds = (n: number): Dataset => ({
  name: 'toy',
  nUsers: 2,
  nItems: n,
  userIds: ['a', 'b'],
  itemIds: Array.from({ length: n }, (_, i) => String(i)),
  pairs: {
    users: Int32Array.from({ length: 2 * n }, (_, e) => (e < n ? 0 : 1)),
    items: Int32Array.from({ length: 2 * n }, (_, e) => e % n),
    weights: new Float32Array(2 * n).fill(1),
    times: Float64Array.from({ length: 2 * n }, (_, e) => e % n),
  },
});

describe('splitPairs', () => {
  it('partitions every pair exactly once with per-user 8:1:1 counts', () => {
    const s = splitPairs(ds(20), 'random811', 1);
    expect([s.train.length, s.valid.length, s.test.length]).toEqual([32, 4, 4]);
    expect(new Set([...s.train, ...s.valid, ...s.test]).size).toBe(40);
  });
  it('is deterministic for a seed and differs across seeds', () => {
    const a = splitPairs(ds(20), 'random811', 1);
    expect(Array.from(splitPairs(ds(20), 'random811', 1).test)).toEqual(Array.from(a.test));
    expect(Array.from(splitPairs(ds(20), 'random811', 2).test)).not.toEqual(Array.from(a.test));
  });
  it('temporal puts each user newest pairs in test', () => {
    const s = splitPairs(ds(10), 'temporal', 1);
    expect(Array.from(s.test).map((e) => e % 10)).toEqual([9, 9]);
    expect(Array.from(s.valid).map((e) => e % 10)).toEqual([8, 8]);
  });
});
