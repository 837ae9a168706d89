import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../../src/algorithms/recs/csr.ts';
import { asItemId, asUserId } from '../../../src/domain/ids.ts';
import type { GraphEdges } from '../../../src/storage/recs-graph-store.ts';
import { RECS_CONFIG } from '../../../src/usecases/recommend/config.ts';
import { fitGraphModel } from '../../../src/usecases/recommend/fit-graph-model.ts';
import { tuneGraph, tuningCandidates } from '../../../src/usecases/recommend/tuning/tune-graph.ts';
import { holdOutPerUser, ndcgAt10, ndcgAt10Of } from '../../../src/usecases/recommend/tuning/validation-split.ts';

// 60 users in three taste groups of 20 over items 0-4, 5-9, 10-14; user u likes 4 of its group's 5 items.
function store() {
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  for (let u = 0; u < 60; u++) {
    const g = Math.floor(u / 20) * 5;
    for (let k = 0; k < 5; k++) {
      if (k === u % 5) continue;
      rows.push(u);
      cols.push(g + k);
      values.push(1 + ((u + k) % 3));
    }
  }
  return buildCsr(60, 15, { rows, cols, values });
}
const noFriends = buildCsr(60, 60, { rows: [], cols: [] });
const opts = { ...RECS_CONFIG.graph.tuning, minUsers: 10, maxUsers: 30, budgetMs: 60_000 };

describe('holdOutPerUser', () => {
  it('holds out one positive item of each sampled user, seeded, and removes exactly those entries', () => {
    const x = store();
    const a = holdOutPerUser(x, { maxUsers: 5, minItems: 3, seed: 7 });
    const b = holdOutPerUser(x, { maxUsers: 5, minItems: 3, seed: 7 });
    expect(Array.from(a.users)).toEqual(Array.from(b.users));
    expect(Array.from(a.heldOut)).toEqual(Array.from(b.heldOut));
    expect(a.users.length).toBe(5);
    expect(a.train.indices.length).toBe(x.indices.length - 5);
    a.users.forEach((u, k) => {
      const g = Math.floor(u / 20) * 5;
      expect(a.heldOut[k]! >= g && a.heldOut[k]! < g + 5).toBe(true);
      expect(Array.from(a.train.indices.subarray(a.train.indptr[u]!, a.train.indptr[u + 1]!))).not.toContain(a.heldOut[k]);
    });
  });
  it('holds out floor(fraction x positives) items of each sampled user (at least one, at least minItems - 1 kept), seeded, ascending per user', () => {
    // user u has 2 + u positives (items 0 .. 1 + u) and one negative (item 19)
    const rows: number[] = [];
    const cols: number[] = [];
    const values: number[] = [];
    for (let u = 0; u < 12; u++) {
      for (let i = 0; i < 2 + u; i++) { rows.push(u); cols.push(i); values.push(1); }
      rows.push(u); cols.push(19); values.push(-1);
    }
    const x = buildCsr(12, 20, { rows, cols, values });
    const a = holdOutPerUser(x, { maxUsers: 12, minItems: 3, fraction: 0.5, seed: 3 });
    expect(Array.from(a.users)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]); // user 0 has 2 positives < minItems
    expect(Array.from(a.heldOut)).toEqual(Array.from(holdOutPerUser(x, { maxUsers: 12, minItems: 3, fraction: 0.5, seed: 3 }).heldOut));
    a.users.forEach((u, k) => {
      const held = Array.from(a.heldOut.subarray(a.heldOutOffsets[k]!, a.heldOutOffsets[k + 1]!));
      const positives = 2 + u;
      // 3 positives: floor(1.5) = 1 and at most 3 - 2; 12 positives: 6
      expect(held.length).toBe(Math.max(1, Math.min(Math.floor(positives / 2), positives - 2)));
      expect(held).toEqual([...held].sort((p, q) => p - q));
      expect(new Set(held).size).toBe(held.length);
      expect(held.every((i) => i < positives)).toBe(true); // never the negative item
      const kept = Array.from(a.train.indices.subarray(a.train.indptr[u]!, a.train.indptr[u + 1]!));
      expect(kept.filter((i) => held.includes(i))).toEqual([]);
      expect(kept.length).toBe(positives + 1 - held.length);
    });
    expect(a.train.indices.length).toBe(x.indices.length - a.heldOut.length);
  });
  it('ndcgAt10Of: binary gains over the held-out set, the ideal puts them first', () => {
    const idcg2 = 1 + 1 / Math.log2(3);
    expect(ndcgAt10Of([5, 7, 9], new Set([5, 7]))).toBe(1);
    expect(ndcgAt10Of([1, 5, 9, 7], new Set([5, 7]))).toBeCloseTo((1 / Math.log2(3) + 1 / Math.log2(5)) / idcg2, 12);
    expect(ndcgAt10Of([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 5], new Set([5]))).toBeCloseTo(1 / Math.log2(6), 12);
    expect(ndcgAt10Of([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 5], new Set([5]))).toBe(0);
    expect(ndcgAt10Of([1], new Set())).toBe(0);
  });
  it('samples only users with at least minItems positives', () => {
    const x = buildCsr(3, 4, { rows: [0, 0, 0, 1, 2, 2], cols: [0, 1, 2, 0, 1, 3], values: [1, 1, 1, 1, 1, -1] });
    expect(Array.from(holdOutPerUser(x, { maxUsers: 10, minItems: 2, seed: 1 }).users)).toEqual([0]);
  });
  it('ndcgAt10: 1 at rank 0, 1/log2(3) at rank 1, 0 from rank 10 or when absent', () => {
    expect([ndcgAt10(0), ndcgAt10(1), ndcgAt10(9), ndcgAt10(10), ndcgAt10(-1)]).toEqual([1, 1 / Math.log2(3), 1 / Math.log2(11), 0, 0]);
  });
});

describe('tuneGraph', () => {
  it('tries the configured setting first, then the grid points the store size allows (EASE only while small enough)', () => {
    const c = tuningCandidates(RECS_CONFIG.graph, { users: 60, items: 15 }, opts.axes);
    expect(c[0]).toEqual({ model: 'EASE', weighting: 'user-exp-0.25', lambda: 10, rho: 2, socialBeta: 0.05 });
    expect(new Set(c.map((p) => p.model))).toEqual(new Set(['EASE', 'GF-CF']));
    expect(new Set(c.map((p) => JSON.stringify(p))).size).toBe(c.length);
    const big = tuningCandidates(RECS_CONFIG.graph, { users: 7000, items: 90000 }, opts.axes);
    expect(big.every((p) => p.model === 'GF-CF')).toBe(true);
  });
  it('scores every candidate and keeps the configured setting unless the best mean held-out NDCG@10 beats it clearly', () => {
    const t = tuneGraph(store(), noFriends, RECS_CONFIG.graph, opts)!;
    expect(t.users).toBe(30);
    expect(t.complete).toBe(true);
    expect(t.candidates).toHaveLength(tuningCandidates(RECS_CONFIG.graph, { users: 60, items: 15 }, opts.axes).length);
    // Since the GF-CF item exponent joined the grid (issue 10, the social shop), a GF-CF point with b < 0.5
    // has the best mean on this store (0.7786 against the configured 0.7540), but not by one standard error
    // of the paired difference over 30 users: the configured setting stays (before: the best mean was chosen).
    const best = t.candidates.reduce((a, c) => (c.ndcg10 > a.ndcg10 ? c : a));
    expect(best.ndcg10).toBe(0.7785578521428747);
    expect(best.params).toMatchObject({ model: 'GF-CF' });
    expect(best.params).toHaveProperty('itemExponent');
    expect(t.chosen).toEqual(t.candidates[0]!.params);
    expect(t.chosenNdcg10).toBe(0.7539531690476385);
    // the held-out item is one of the 1-2 unseen items of the user's group: always in the top 10
    expect(t.chosenNdcg10).toBeGreaterThan(0.6);
  });
  it('stops at the budget but always scores the configured setting', () => {
    let clock = 0;
    const t = tuneGraph(store(), noFriends, RECS_CONFIG.graph, { ...opts, budgetMs: 0 }, () => (clock += 1))!;
    expect(t.complete).toBe(false);
    expect(t.candidates.map((c) => c.params)).toEqual([tuningCandidates(RECS_CONFIG.graph, { users: 60, items: 15 }, opts.axes)[0]]);
  });
  it('leaves a store with too few eligible users untuned', () => {
    expect(tuneGraph(store(), noFriends, RECS_CONFIG.graph, { ...opts, minUsers: 61 })).toBeUndefined();
  });
});

describe('fitGraphModel with tuning', () => {
  const x = store();
  const edges: GraphEdges = { interactions: [], friendships: [] };
  for (let u = 0; u < 60; u++) {
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) {
      (edges.interactions as GraphEdges['interactions'][number][]).push({ userId: asUserId(`u${String(u).padStart(2, '0')}`), itemId: asItemId(`i${String(x.indices[p]).padStart(2, '0')}`), weight: x.values[p]! });
    }
  }
  it('fits the setting the tuner chose on the store and reports it', () => {
    const m = fitGraphModel(edges, { ...RECS_CONFIG.graph, tuning: opts }, 0);
    expect(m.tuning).toBeDefined();
    expect(m.settings).toEqual(m.tuning!.chosen);
    expect(m.kind).toBe('EASE');
    expect(m.weighting).toBe(m.tuning!.chosen.weighting);
  });
  it('keeps the configured setting when tuning is off', () => {
    const m = fitGraphModel(edges, { ...RECS_CONFIG.graph, tuning: { ...opts, enabled: false } }, 0);
    expect(m.tuning).toBeUndefined();
    expect(m.settings).toEqual({ model: 'EASE', weighting: 'user-exp-0.25', lambda: 10, rho: 2, socialBeta: 0.05 });
  });
});
