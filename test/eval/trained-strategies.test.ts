import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/eval/context.ts';
import type { Dataset } from '../../src/eval/datasets/dataset.ts';
import { strategyByName } from '../../src/eval/strategies.ts';

// 3 users x 4 items, every pair in train: u0 {0, 1}, u1 {0, 1, 2}, u2 {2, 3}.
const users = [0, 0, 1, 1, 1, 2, 2];
const items = [0, 1, 0, 1, 2, 2, 3];
const ds: Dataset = {
  name: 'toy',
  nUsers: 3,
  nItems: 4,
  userIds: ['a', 'b', 'c'],
  itemIds: ['w', 'x', 'y', 'z'],
  pairs: { users: Int32Array.from(users), items: Int32Array.from(items), weights: new Float32Array(7).fill(1) },
};
const ctx = buildContext(ds, { train: Int32Array.from(users.keys()), valid: new Int32Array(0), test: new Int32Array(0) });

describe('the trained rows of the evaluation', () => {
  it('MF-BPR: two grid points (SGD step 0.05, 0.1), fitting the biased MF', () => {
    const grid = strategyByName('MF-BPR')!.grid(ctx, new Map());
    expect(grid.map((p) => p.params)).toEqual([
      { dim: 64, epochs: 50, learningRate: 0.05, reg: 0.02, seed: 1 },
      { dim: 64, epochs: 50, learningRate: 0.1, reg: 0.02, seed: 1 },
    ]);
    const m = grid[0]!.fit();
    expect([m.name, m.nUsers, m.nItems]).toEqual(['MF-BPR', 3, 4]);
  });
  it('LIGHTGCN-BPR: two grid points (L2 1e-4, 1e-3), batch at least 1024 pairs, fitting LightGCN-BPR', () => {
    const grid = strategyByName('LIGHTGCN-BPR')!.grid(ctx, new Map());
    expect(grid.map((p) => [p.params['reg'], p.params['batchSize'], p.params['epochs'], p.params['init']])).toEqual([
      [1e-4, 1024, 20, 'random'],
      [1e-3, 1024, 20, 'random'],
    ]);
    const m = grid[1]!.fit();
    expect([m.name, m.nUsers, m.nItems]).toEqual(['LIGHTGCN-BPR', 3, 4]);
  });
  it('LIGHTGCN-BPR+SOCIAL: one point, LIGHTGCN-BPR\'s chosen step and L2 with the friend edges', () => {
    const chosen = new Map([['LIGHTGCN-BPR', { learningRate: 0.05, reg: 1e-4 }]]);
    const grid = strategyByName('LIGHTGCN-BPR+SOCIAL')!.grid(ctx, chosen);
    expect(grid.map((p) => [p.params['learningRate'], p.params['reg'], p.params['socialWeight']])).toEqual([[0.05, 1e-4, 1]]);
    expect(grid[0]!.fit().name).toBe('LIGHTGCN-BPR+SOCIAL');
  });
});
