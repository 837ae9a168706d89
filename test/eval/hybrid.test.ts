import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/eval/context.ts';
import type { Dataset } from '../../src/eval/datasets/dataset.ts';
import { evaluateModel } from '../../src/eval/evaluate.ts';
import { graphFits, graphSource, graphSourceModel } from '../../src/eval/hybrid/graph-source.ts';
import { hybridModel } from '../../src/eval/hybrid/hybrid-model.ts';
import { createHybridSources } from '../../src/eval/hybrid/sources.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';

// Items a b c d e. Plays: u0 a 9 (train), b 3 (valid), e 1 (test); u1 a 1, c 3, d 1; u2 c 7, d 1, e 1.
// Edge weight log(1 + plays), as the product stores play counts. u0 and u1 are friends.
// Tags: u0 tagged its held-out b with t0 (must be dropped); u1 tagged a and c with t0, d with t1; u2 e with t1.
const plays = [[0, 0, 9], [0, 1, 3], [0, 4, 1], [1, 0, 1], [1, 2, 3], [1, 3, 1], [2, 2, 7], [2, 3, 1], [2, 4, 1]] as const;
const ds: Dataset = {
  name: 'toy',
  nUsers: 3,
  nItems: 5,
  userIds: ['0', '1', '2'],
  itemIds: ['a', 'b', 'c', 'd', 'e'],
  pairs: {
    users: Int32Array.from(plays, (p) => p[0]),
    items: Int32Array.from(plays, (p) => p[1]),
    weights: Float32Array.from(plays, (p) => p[2]),
    edgeWeights: Float32Array.from(plays, (p) => Math.log1p(p[2])),
  },
  friendships: { a: Int32Array.from([0]), b: Int32Array.from([1]) },
  attributes: { taggings: { users: Int32Array.from([0, 1, 1, 1, 2]), items: Int32Array.from([1, 0, 2, 3, 4]), tags: Int32Array.from([0, 0, 0, 1, 1]), nTags: 2 } },
};
const ctx = buildContext(ds, { train: Int32Array.from([0, 3, 4, 5, 6, 7, 8]), valid: Int32Array.from([1]), test: Int32Array.from([2]) });
const cfg = { ...RECS_CONFIG, graph: { ...RECS_CONFIG.graph, rank: 2 }, candidatePool: 2 };
const sources = createHybridSources(ctx, cfg);
const list = (name: string, excluded: number[]) => {
  const l = sources.lists(0, new Set(excluded)).find((s) => s.source === name)!;
  return l.candidates.map((c) => [c.itemId, c.score]);
};

describe('createHybridSources (the product sources on a split)', () => {
  it('SOCIAL: the friend u1 items by log(1 + plays), seen a excluded', () => {
    expect(list('SOCIAL', [0])).toEqual([['c', Math.fround(Math.log(4))], ['d', Math.fround(Math.log(2))]]);
  });
  it('POPULAR: summed edge weights of training pairs, top candidatePool (2) after exclusions', () => {
    // c = ln 4 + ln 8, d = ln 2 + ln 2, e = ln 2 (the held-out u0 pairs are not in training)
    expect(list('POPULAR', [0]).map((x) => x[0])).toEqual(['c', 'd']);
    expect(list('POPULAR', [0])[0]![1]).toBeCloseTo(Math.log(32), 5);
  });
  it('CONTENT: the profile tag t0 of a reaches c; the tag u0 put on its held-out b is dropped', () => {
    // p_t0 = tagWeight 0.5 * ln10 / ln10; c gets 0.5 + itemBias 0.1 * ln(1 + 2 users)
    const got = list('CONTENT', [0]);
    expect(got.map((x) => x[0])).toEqual(['c']);
    expect(got[0]![1]).toBeCloseTo(0.5 + 0.1 * Math.log(3), 6);
  });
  it('GRAPH: positive scores only, never an excluded item', () => {
    const got = list('GRAPH', [0, 2]);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every(([id, s]) => id !== 'a' && id !== 'c' && (s as number) > 0)).toBe(true);
  });
});

describe('hybridModel', () => {
  it('ranks in the order of the product blend: c (1 + 0.5), d (0.5 + 0.5 * 2/5), nothing else', () => {
    const m = hybridModel(sources, ctx.train, 3, { GRAPH: 0, SOCIAL: 1, CONTENT: 0, POPULAR: 0.5 });
    const s = m.scoreUserExcluding(0, new Set([0]));
    expect(Array.from(s)).toEqual([-Infinity, -Infinity, 2, 1, -Infinity]);
    expect(Array.from(m.scoreUser(0))).toEqual(Array.from(s)); // scoreUser excludes the training items
  });
  it('is evaluated with the exclusions of the target: for test the valid item b is excluded too', () => {
    const m = hybridModel(sources, ctx.train, 3, { GRAPH: 1, SOCIAL: 0, CONTENT: 0, POPULAR: 1 });
    const r = evaluateModel(m, ctx, 'test', { ks: [2] });
    expect(r['users']).toBe(1);
    expect(sources.lists(0, new Set([0, 1])).every((l) => l.candidates.every((c) => c.itemId !== 'b' && c.itemId !== 'a'))).toBe(true);
  });
});

describe('graphSource (the GRAPH source alone)', () => {
  it('is the GRAPH list of createHybridSources: same order, candidates are the positive scores', () => {
    const model = graphSourceModel(graphSource(ctx, cfg.graph));
    const s = Array.from(model.scoreUser(0));
    const ranked = s.map((x, i) => [i, x] as const).filter(([i, x]) => x > 0 && i !== 0 && i !== 2).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    expect(ranked.slice(0, 2).map(([i]) => ds.itemIds[i])).toEqual(list('GRAPH', [0, 2]).map((x) => x[0]));
    expect(s.every((x) => x > 0 || x === -Infinity)).toBe(true);
  });
  it('shares one GF-CF fit between configs differing only in socialBeta, not across weightings', () => {
    const fits = graphFits(ctx);
    const a = fits({ ...cfg.graph, socialBeta: 0 });
    expect(fits({ ...cfg.graph, socialBeta: 0.3 })).toBe(a);
    expect(fits({ ...cfg.graph, weighting: 'binary' })).not.toBe(a);
  });
});
