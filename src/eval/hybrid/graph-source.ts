// The product's GRAPH source on one split, fitted and scored by the served modules: the positive training
// edge weights damped by config.graph.weighting (src/algorithms/recs/weighting.ts, as fit-graph-model.ts
// does), the base model of src/usecases/recommend/graph-base.ts (EASE or GF-CF, by config.graph.model and the
// store's size) and its friend term (graphSocial, beta socialBeta when withFriends, else 0); a known user's
// scores are scoreUser of the training row (scoreNewUser of the same vector and friends, as served), and only
// positive scores are candidates. The friend term reads the context's ties as the product's fit weighs them:
// friendships both ways at 1, FOLLOWS from follower to followee at config.graph.followWeight (the social shop's
// trust edges; Last.fm and the demo shop have friendships only).
import { mapValues, weightInteractions, type CsrMatrix, type Recommender } from '../../algorithms/recs/index.ts';
import { baseFromParts, chooseGraphBase, fitBaseParts, graphSocial } from '../../usecases/recommend/graph-base.ts';
import type { EvalContext } from '../context.ts';
import type { GraphConfig } from './graph-grid.ts';
import { productEdges } from './product-inputs.ts';

/** Base fits shared by the configs that differ only in socialBeta (the friend term wraps the fit). */
export type GraphFits = (g: GraphConfig) => { damped: CsrMatrix; base: Recommender };

export function graphFits(ctx: EvalContext): GraphFits {
  const positive = mapValues(productEdges(ctx), (v) => (v > 0 ? v : 0));
  const cache = new Map<string, { damped: CsrMatrix; base: Recommender }>();
  const damped = new Map<string, CsrMatrix>();
  return (g) => {
    const kind = chooseGraphBase(ctx.dataset.nUsers, ctx.dataset.nItems, g);
    const rank = Math.max(1, Math.min(g.rank, ctx.dataset.nUsers, ctx.dataset.nItems));
    // GF-CF with alpha 0 never computes the SVD: rank and seed do not matter then.
    const key = JSON.stringify(kind === 'EASE' ? [g.weighting, kind, g.lambda, g.rho] : g.alpha === 0 ? [g.weighting, kind, 0, g.itemExponent] : [g.weighting, kind, g.alpha, rank, g.seed, g.itemExponent]);
    let hit = cache.get(key);
    if (hit === undefined) {
      let d = damped.get(g.weighting);
      if (d === undefined) damped.set(g.weighting, (d = weightInteractions(positive, g.weighting)));
      hit = { damped: d, base: baseFromParts(d, fitBaseParts(d, { ...g, model: kind })) };
      cache.set(key, hit);
    }
    return hit;
  };
}

/** The GRAPH source's scorer for config g (scores of every item; candidates are the positive ones). */
export function graphSource(ctx: EvalContext, g: GraphConfig, fits: GraphFits = graphFits(ctx)): Recommender {
  const { damped, base } = fits(g);
  return graphSocial(base, ctx.ties, damped, { socialBeta: g.withFriends ? g.socialBeta : 0 });
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
