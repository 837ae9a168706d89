import { describe, expect, it } from 'vitest';
import { asGraphParams, GFCF_AXES, graphGrid, graphParams, withGraphParams } from '../../src/eval/hybrid/graph-grid.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';

describe('graphGrid', () => {
  it('crosses weighting x alpha x socialBeta, socialBeta fastest, one rank when alpha is 0', () => {
    const g = graphGrid({ weighting: ['binary', 'raw'], ease: [], alpha: [0, 0.3], socialBeta: [0, 0.1], rank: [32, 64] });
    expect(g.slice(0, 6)).toEqual([
      { model: 'GF-CF', weighting: 'binary', alpha: 0, rank: 32, socialBeta: 0 },
      { model: 'GF-CF', weighting: 'binary', alpha: 0, rank: 32, socialBeta: 0.1 },
      { model: 'GF-CF', weighting: 'binary', alpha: 0.3, rank: 32, socialBeta: 0 },
      { model: 'GF-CF', weighting: 'binary', alpha: 0.3, rank: 32, socialBeta: 0.1 },
      { model: 'GF-CF', weighting: 'binary', alpha: 0.3, rank: 64, socialBeta: 0 },
      { model: 'GF-CF', weighting: 'binary', alpha: 0.3, rank: 64, socialBeta: 0.1 },
    ]);
    expect(g).toHaveLength(12);
  });
  it('puts the EASE points of a weighting before its GF-CF points', () => {
    const g = graphGrid({ weighting: ['binary'], ease: [[20, 1.5]], alpha: [0], socialBeta: [0, 0.1], rank: [64] });
    expect(g).toEqual([
      { model: 'EASE', weighting: 'binary', lambda: 20, rho: 1.5, socialBeta: 0 },
      { model: 'EASE', weighting: 'binary', lambda: 20, rho: 1.5, socialBeta: 0.1 },
      { model: 'GF-CF', weighting: 'binary', alpha: 0, rank: 64, socialBeta: 0 },
      { model: 'GF-CF', weighting: 'binary', alpha: 0, rank: 64, socialBeta: 0.1 },
    ]);
  });
  it('the default grid holds the earlier hand-set config (log1p, alpha 0.3, rank 64, socialBeta 0.3)', () => {
    expect(graphGrid(GFCF_AXES)).toContainEqual({ model: 'GF-CF', weighting: 'log1p', alpha: 0.3, rank: 64, socialBeta: 0.3 });
    expect(graphGrid()).toContainEqual({ model: 'EASE', weighting: 'user-exp-0.25', lambda: 10, rho: 2, socialBeta: 0.05 });
  });
  it('graphParams of a config gives a grid point the same JSON (points are matched by JSON)', () => {
    for (const p of [...graphGrid(), ...graphGrid(GFCF_AXES)]) expect(JSON.stringify(graphParams(withGraphParams(RECS_CONFIG.graph, p)))).toBe(JSON.stringify(p));
  });
});

describe('graphParams / withGraphParams / asGraphParams', () => {
  const base = { ...RECS_CONFIG.graph, weighting: 'log1p' as const, alpha: 0.3, rank: 64, socialBeta: 0.3, withFriends: true };
  it('round-trips a point, keeping the untuned fields of the base', () => {
    const p = { model: 'GF-CF' as const, weighting: 'raw' as const, alpha: 0, rank: 64, socialBeta: 0.1 };
    const g = withGraphParams(base, p);
    expect(g).toEqual({ ...base, model: 'GF-CF', weighting: 'raw', alpha: 0, socialBeta: 0.1, withFriends: true });
    expect(graphParams(g)).toEqual(p);
    expect(asGraphParams(p)).toEqual(p);
    const e = { model: 'EASE' as const, weighting: 'binary' as const, lambda: 50, rho: 1, socialBeta: 0 };
    expect(withGraphParams(base, e)).toEqual({ ...base, model: 'EASE', weighting: 'binary', lambda: 50, rho: 1, socialBeta: 0, withFriends: false });
    expect(graphParams(withGraphParams(base, e))).toEqual(e);
    expect(asGraphParams(e)).toEqual(e);
  });
  it("reads an 'auto' config as the model it fits for the store's size", () => {
    const auto = { ...base, model: 'auto' as const, easeMaxDim: 3000 };
    expect(graphParams(auto, { users: 1892, items: 17632 }).model).toBe('EASE');
    expect(graphParams(auto, { users: 7000, items: 90000 }).model).toBe('GF-CF');
  });
  it('socialBeta 0 turns the friend term off (withFriends false); a config without friends reads as socialBeta 0', () => {
    expect(withGraphParams(base, { model: 'GF-CF', weighting: 'binary', alpha: 0, rank: 64, socialBeta: 0 }).withFriends).toBe(false);
    expect(graphParams({ ...base, withFriends: false }).socialBeta).toBe(0);
  });
  it('asGraphParams rejects other params (e.g. the weights of the HYBRID row) and undefined', () => {
    expect(asGraphParams({ GRAPH: 1, SOCIAL: 0.1 })).toBeUndefined();
    expect(asGraphParams({ model: 'GF-CF', weighting: 'user-pow-0.25', alpha: 0, rank: 64, socialBeta: 0 })).toBeUndefined();
    expect(asGraphParams({ weighting: 'raw', alpha: 0, rank: 64, socialBeta: 0 })).toBeUndefined();
    expect(asGraphParams(undefined)).toBeUndefined();
  });

  it('crosses GF-CF item exponents inside alpha, naming b only when it is not the symmetric 0.5; fits and reads it back', () => {
    const g = graphGrid({ weighting: ['binary'], ease: [], alpha: [0], socialBeta: [0, 0.1], rank: [32], itemExponent: [0.5, 0.25, 0] });
    expect(g).toEqual([
      { model: 'GF-CF', weighting: 'binary', alpha: 0, rank: 32, socialBeta: 0 },
      { model: 'GF-CF', weighting: 'binary', alpha: 0, rank: 32, socialBeta: 0.1 },
      { model: 'GF-CF', weighting: 'binary', alpha: 0, rank: 32, socialBeta: 0, itemExponent: 0.25 },
      { model: 'GF-CF', weighting: 'binary', alpha: 0, rank: 32, socialBeta: 0.1, itemExponent: 0.25 },
      { model: 'GF-CF', weighting: 'binary', alpha: 0, rank: 32, socialBeta: 0, itemExponent: 0 },
      { model: 'GF-CF', weighting: 'binary', alpha: 0, rank: 32, socialBeta: 0.1, itemExponent: 0 },
    ]);
    expect(withGraphParams(RECS_CONFIG.graph, g[4]!).itemExponent).toBe(0);
    expect(withGraphParams(RECS_CONFIG.graph, g[0]!).itemExponent).toBe(0.5);
    expect(graphParams(withGraphParams(RECS_CONFIG.graph, g[2]!), { users: 7000, items: 90000 })).toEqual(g[2]);
    expect(asGraphParams(g[4])).toEqual(g[4]);
    expect(asGraphParams({ ...g[0]!, itemExponent: 0.5 })).toEqual(g[0]);
  });
});
