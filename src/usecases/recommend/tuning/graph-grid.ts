// The grid over the product's GRAPH source config (src/usecases/recommend/config.ts `graph`: the fields
// fit-graph-model.ts and graph-base.ts read): the base model (EASE with its lambda and rho, or GF-CF with its
// alpha and rank), the edge weighting and the friend term's socialBeta. Per seed the evaluation picks the point
// with the best validation NDCG@10 of the GRAPH source alone (the GRAPH row, strategies.ts), then the
// hybrid's blend weights on top of that point; the default for config.ts is the point with the best
// validation NDCG@10 averaged over seeds (src/eval/hybrid/weight-grid.ts bestMeanPoint). The refresh's
// per-store tuner (./tune-graph.ts) searches the points that fit its store's size and its time budget.
// Grid order: weighting, then model (EASE first), then its settings (GF-CF: alpha, rank, item exponent b),
// then socialBeta, 0 first on the numeric axes, so ties go to the simpler model. rank only matters when
// alpha > 0 (the ideal low-pass term's SVD). b (GF-CF's D_i^-b) is named in a point only when it is not the
// paper's 0.5, so the points and settings reported before it joined the grid keep their identity.
import type { EdgeWeighting, RecsConfig } from '../config.ts';
import { chooseGraphBase } from '../graph-base.ts';

export type GraphConfig = RecsConfig['graph'];

/** The tuned fields, as the evaluation's params (JSON-comparable; the key order is part of the identity). */
export type GraphParams =
  | Readonly<{ model: 'EASE'; weighting: EdgeWeighting; lambda: number; rho: number; socialBeta: number }>
  | Readonly<{ model: 'GF-CF'; weighting: EdgeWeighting; alpha: number; rank: number; socialBeta: number; itemExponent?: number }>;

/** GF-CF's symmetric item normalization (the paper's); a GF-CF point without `itemExponent` has this one. */
export const SYMMETRIC_ITEM_EXPONENT = 0.5;

export interface GraphAxes {
  readonly weighting: readonly EdgeWeighting[];
  readonly socialBeta: readonly number[];
  /** EASE (lambda, rho) pairs; empty: no EASE point. */
  readonly ease: readonly (readonly [number, number])[];
  /** GF-CF alpha and rank; an empty alpha list: no GF-CF point. */
  readonly alpha: readonly number[];
  readonly rank: readonly number[];
  /** GF-CF item normalization exponents b (gfcf.ts); absent: [0.5] only. A point names b only when it is not 0.5. */
  readonly itemExponent?: readonly number[];
}

// The evaluation's grid. Kept small for run time (an EASE fit on Last.fm's 1,892 users takes 40-120 s on the
// loaded 2-core machine): user-exp-0.25 (the offline EASE row's (count / user max)^0.25 recovered from the
// stored log count: Last.fm seed 1 EASE valid NDCG@10 0.1982 against 0.1904 binary and 0.1858 raw), 'raw'
// (GF-CF's earlier winner on Last.fm) and 'binary' (the demo shop's, whose edge weights are event-type
// weights, not log counts); EASE's two best (lambda, rho) of the offline row; GF-CF's linear filter and a
// small ideal term (alpha 0.1, which the demo shop's GF-CF row picks); small friend terms.
export const GRAPH_AXES: GraphAxes = {
  weighting: ['user-exp-0.25', 'raw', 'binary'],
  socialBeta: [0, 0.05, 0.1, 0.3],
  ease: [[10, 2], [30, 1]],
  alpha: [0, 0.1],
  rank: [32],
  itemExponent: [0.5, 0.25, 0],
};

/** The earlier grid (GF-CF only, weighting x alpha x socialBeta), which held the hand-set (log1p, 0.3, 64, 0.3). */
export const GFCF_AXES: GraphAxes = { weighting: ['binary', 'log1p', 'raw'], socialBeta: [0, 0.1, 0.3], ease: [], alpha: [0, 0.3], rank: [64] };

/** Every combination; weighting varies slowest, socialBeta fastest. With alpha 0 rank is unused: one point, the first rank. */
export function graphGrid(axes: GraphAxes = GRAPH_AXES): GraphParams[] {
  const out: GraphParams[] = [];
  for (const weighting of axes.weighting) {
    for (const [lambda, rho] of axes.ease) {
      for (const socialBeta of axes.socialBeta) out.push({ model: 'EASE', weighting, lambda, rho, socialBeta });
    }
    for (const alpha of axes.alpha) {
      for (const rank of alpha === 0 ? axes.rank.slice(0, 1) : axes.rank) {
        for (const b of axes.itemExponent ?? [SYMMETRIC_ITEM_EXPONENT]) {
          const itemExponent = b === SYMMETRIC_ITEM_EXPONENT ? {} : { itemExponent: b };
          for (const socialBeta of axes.socialBeta) out.push({ model: 'GF-CF', weighting, alpha, rank, socialBeta, ...itemExponent });
        }
      }
    }
  }
  return out;
}

/**
 * The tuned fields of a config, in grid-param form (for matching it against the grid). A config whose model
 * is 'auto' reads as the model it would fit for a users x items store (graph-base.ts chooseGraphBase).
 */
export function graphParams(g: GraphConfig, dims: { users: number; items: number } = { users: 0, items: 0 }): GraphParams {
  const socialBeta = g.withFriends ? g.socialBeta : 0;
  const model = chooseGraphBase(dims.users, dims.items, g);
  return model === 'EASE'
    ? { model, weighting: g.weighting, lambda: g.lambda, rho: g.rho, socialBeta }
    : { model, weighting: g.weighting, alpha: g.alpha, rank: g.rank, socialBeta, ...(g.itemExponent === SYMMETRIC_ITEM_EXPONENT ? {} : { itemExponent: g.itemExponent }) };
}

/** `base` with the point's fields (the model forced to the point's); the friend term is on exactly when socialBeta > 0. */
export function withGraphParams(base: GraphConfig, p: GraphParams): GraphConfig {
  const common = { ...base, model: p.model, weighting: p.weighting, socialBeta: p.socialBeta, withFriends: p.socialBeta > 0 };
  return p.model === 'EASE' ? { ...common, lambda: p.lambda, rho: p.rho } : { ...common, alpha: p.alpha, rank: p.rank, itemExponent: p.itemExponent ?? SYMMETRIC_ITEM_EXPONENT };
}

const WEIGHTINGS: readonly string[] = ['binary', 'log1p', 'raw', 'user-exp-0.25', 'user-exp-0.5'];

/** Reads GraphParams back from a chosen point's params; undefined when it is not one. */
export function asGraphParams(p: Readonly<Record<string, number | string>> | undefined): GraphParams | undefined {
  if (p === undefined) return undefined;
  const { model, weighting, socialBeta } = p;
  if (typeof weighting !== 'string' || !WEIGHTINGS.includes(weighting) || typeof socialBeta !== 'number') return undefined;
  const w = weighting as EdgeWeighting;
  if (model === 'EASE') {
    const { lambda, rho } = p;
    return typeof lambda === 'number' && typeof rho === 'number' ? { model, weighting: w, lambda, rho, socialBeta } : undefined;
  }
  if (model === 'GF-CF') {
    const { alpha, rank, itemExponent } = p;
    if (itemExponent !== undefined && typeof itemExponent !== 'number') return undefined;
    const b = itemExponent === undefined || itemExponent === SYMMETRIC_ITEM_EXPONENT ? {} : { itemExponent };
    return typeof alpha === 'number' && typeof rank === 'number' ? { model, weighting: w, alpha, rank, socialBeta, ...b } : undefined;
  }
  return undefined;
}
