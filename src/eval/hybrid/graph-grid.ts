// The grid over the product's GRAPH source config (src/usecases/recommend/config.ts `graph`: the fields
// fit-graph-model.ts reads). Per seed the evaluation picks the point with the best validation NDCG@10 of the
// GRAPH source alone (the GRAPH row, strategies.ts), then the hybrid's blend weights on top of that point;
// the default for config.ts is the point with the best validation NDCG@10 averaged over seeds
// (weight-grid.ts bestMeanPoint). Grid order: weighting, then alpha, then socialBeta, 0 first on the numeric
// axes, so ties go to the simpler model. rank only matters when alpha > 0 (the ideal low-pass term's SVD).
import type { EdgeWeighting, RecsConfig } from '../../usecases/recommend/config.ts';

export type GraphConfig = RecsConfig['graph'];

/** The tuned fields, as the evaluation's params (JSON-comparable). */
export type GraphParams = Readonly<{ weighting: EdgeWeighting; alpha: number; rank: number; socialBeta: number }>;

export interface GraphAxes {
  readonly weighting: readonly EdgeWeighting[];
  readonly alpha: readonly number[];
  readonly socialBeta: readonly number[];
  readonly rank: readonly number[];
}

// Includes the earlier hand-set config (log1p, alpha 0.3, rank 64, socialBeta 0.3), so the evaluation reports it.
export const GRAPH_AXES: GraphAxes = {
  weighting: ['binary', 'log1p', 'raw'],
  // 0.1 left out for run time: each alpha > 0 costs an SVD and dense scoring (~30 s per point on Last.fm on the
  // loaded 2-core machine), and on seed 1 alpha 0.1 lost to alpha 0 at every socialBeta with binary weights.
  alpha: [0, 0.3],
  socialBeta: [0, 0.1, 0.3],
  rank: [64],
};

/** Every combination; weighting varies slowest, socialBeta fastest. With alpha 0 rank is unused: one point, the first rank. */
export function graphGrid(axes: GraphAxes = GRAPH_AXES): GraphParams[] {
  const out: GraphParams[] = [];
  for (const weighting of axes.weighting) {
    for (const alpha of axes.alpha) {
      for (const rank of alpha === 0 ? axes.rank.slice(0, 1) : axes.rank) {
        for (const socialBeta of axes.socialBeta) out.push({ weighting, alpha, rank, socialBeta });
      }
    }
  }
  return out;
}

/** The tuned fields of a config, in grid-param form (for matching it against the grid). */
export function graphParams(g: GraphConfig): GraphParams {
  return { weighting: g.weighting, alpha: g.alpha, rank: g.rank, socialBeta: g.withFriends ? g.socialBeta : 0 };
}

/** `base` with the point's fields; the friend term is on exactly when socialBeta > 0. */
export function withGraphParams(base: GraphConfig, p: GraphParams): GraphConfig {
  return { ...base, weighting: p.weighting, alpha: p.alpha, rank: p.rank, socialBeta: p.socialBeta, withFriends: p.socialBeta > 0 };
}

const WEIGHTINGS: readonly string[] = ['binary', 'log1p', 'raw'];

/** Reads GraphParams back from a chosen point's params; undefined when it is not one. */
export function asGraphParams(p: Readonly<Record<string, number | string>> | undefined): GraphParams | undefined {
  if (p === undefined) return undefined;
  const { weighting, alpha, rank, socialBeta } = p;
  if (typeof weighting !== 'string' || !WEIGHTINGS.includes(weighting)) return undefined;
  if (typeof alpha !== 'number' || typeof rank !== 'number' || typeof socialBeta !== 'number') return undefined;
  return { weighting: weighting as EdgeWeighting, alpha, rank, socialBeta };
}
