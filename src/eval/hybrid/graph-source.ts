// The product's GRAPH source on one split, as src/usecases/recommend/fit-graph-model.ts fits it and
// graph-scoring.ts scores it: the positive training edge weights damped by config.graph.weighting, GF-CF
// (alpha, rank clamped to the matrix, seed), wrapped with the friend term (beta socialBeta when withFriends,
// else 0); a known user's scores are scoreUser of the training row (scoreNewUser of the same vector and
// friends, as served), and only positive scores are candidates. The product's fit also reads FOLLOWS ties
// (at config.graph.followWeight); no evaluation data set has any (Last.fm's friendships are undirected, the
// demo generator makes none: src/eval/datasets/demo.ts), so the friend term here sees the same edges.
import { fitGfcf, mapValues, weightInteractions, withSocial, type CsrMatrix, type GfcfModel, type Recommender } from '../../algorithms/recs/index.ts';
import type { EvalContext } from '../context.ts';
import type { GraphConfig } from './graph-grid.ts';
import { productEdges } from './product-inputs.ts';

/** Fits of GF-CF shared by the configs that differ only in socialBeta (the friend term wraps the fit). */
export type GfcfFits = (g: GraphConfig) => { damped: CsrMatrix; base: GfcfModel };

export function gfcfFits(ctx: EvalContext): GfcfFits {
  const positive = mapValues(productEdges(ctx), (v) => (v > 0 ? v : 0));
  const cache = new Map<string, { damped: CsrMatrix; base: GfcfModel }>();
  const damped = new Map<string, CsrMatrix>();
  return (g) => {
    const rank = Math.max(1, Math.min(g.rank, ctx.dataset.nUsers, ctx.dataset.nItems));
    // alpha 0 never computes the SVD: rank and seed do not matter then.
    const key = JSON.stringify(g.alpha === 0 ? [g.weighting, 0] : [g.weighting, g.alpha, rank, g.seed]);
    let hit = cache.get(key);
    if (hit === undefined) {
      let d = damped.get(g.weighting);
      if (d === undefined) damped.set(g.weighting, (d = weightInteractions(positive, g.weighting)));
      hit = { damped: d, base: fitGfcf(d, { alpha: g.alpha, rank, seed: g.seed }) };
      cache.set(key, hit);
    }
    return hit;
  };
}

/** The GRAPH source's scorer for config g (scores of every item; candidates are the positive ones). */
export function graphSource(ctx: EvalContext, g: GraphConfig, fits: GfcfFits = gfcfFits(ctx)): Recommender {
  const { damped, base } = fits(g);
  return withSocial(base, ctx.friends, damped, { beta: g.withFriends ? g.socialBeta : 0, signal: 'interactions' });
}

/** The GRAPH source alone as an evaluated model: its ranking, items with a non-positive score never ranked. */
export function graphSourceModel(source: Recommender): Recommender {
  const positiveOnly = (s: Float32Array): Float32Array => {
    for (let i = 0; i < s.length; i++) if (!(s[i]! > 0)) s[i] = -Infinity;
    return s;
  };
  return {
    name: 'GRAPH',
    nUsers: source.nUsers,
    nItems: source.nItems,
    scoreUser: (u, out) => positiveOnly(source.scoreUser(u, out)),
    scoreVector: (v, out) => positiveOnly(source.scoreVector(v, out)),
  };
}
