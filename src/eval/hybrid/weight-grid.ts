// The hybrid's weight grid and how the evaluation picks the product default from it. GRAPH stays at 1: the
// blend divides each source by its maximum, so only the ratios to GRAPH matter. Per seed the evaluation picks
// the point with the best validation NDCG@10 (run.ts); the default for config.ts is the point with the best
// validation NDCG@10 averaged over seeds (one setting for every seed), ties -> the earlier grid point (0
// comes first on every axis, so a source that adds nothing stays off).

type Params = Readonly<Record<string, number | string>>;

// The grid itself is the served tuner's (src/usecases/recommend/tuning/weight-grid.ts).
export { HYBRID_AXES, TUNER_AXES, SINGLE_SOURCES, tunerCandidates, weightGrid, type HybridWeights, type WeightAxes } from '../../usecases/recommend/tuning/weight-grid.ts';

export interface ScoredPoint {
  readonly params: Params;
  readonly score: number;
}

/**
 * The point with the highest mean score over seeds. Points are matched by their params; a point some seed
 * did not score is left out. Ties: the earlier point of the first seed's order. Undefined for no seeds.
 */
export function bestMeanPoint(perSeed: readonly (readonly ScoredPoint[])[]): { params: Params; mean: number } | undefined {
  const first = perSeed[0];
  if (first === undefined) return undefined;
  const bySeed = perSeed.map((pts) => new Map(pts.map((p) => [JSON.stringify(p.params), p.score])));
  let best: { params: Params; mean: number } | undefined;
  for (const p of first) {
    const key = JSON.stringify(p.params);
    const xs = bySeed.map((m) => m.get(key));
    if (xs.some((x) => x === undefined)) continue;
    const mean = (xs as number[]).reduce((a, b) => a + b, 0) / xs.length;
    if (best === undefined || mean > best.mean) best = { params: p.params, mean };
  }
  return best;
}

/** The mean score of one point over seeds (e.g. the hand-set defaults), undefined if a seed lacks it. */
export function meanOf(perSeed: readonly (readonly ScoredPoint[])[], params: Params): number | undefined {
  const key = JSON.stringify(params);
  const xs = perSeed.map((pts) => pts.find((p) => JSON.stringify(p.params) === key)?.score);
  if (xs.length === 0 || xs.some((x) => x === undefined)) return undefined;
  return (xs as number[]).reduce((a, b) => a + b, 0) / xs.length;
}
