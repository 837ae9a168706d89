// The hybrid's weight grid and how the evaluation picks the product default from it. GRAPH stays at 1: the
// blend divides each source by its maximum, so only the ratios to GRAPH matter. Per seed the evaluation picks
// the point with the best validation NDCG@10 (run.ts); the default for config.ts is the point with the best
// validation NDCG@10 averaged over seeds (one setting for every seed), ties -> the earlier grid point (0
// comes first on every axis, so a source that adds nothing stays off).

type Params = Readonly<Record<string, number | string>>;

export type HybridWeights = Readonly<{ GRAPH: number; SOCIAL: number; CONTENT: number; POPULAR: number }>;

export interface WeightAxes {
  readonly SOCIAL: readonly number[];
  readonly CONTENT: readonly number[];
  readonly POPULAR: readonly number[];
}

// Includes the hand-set defaults (0.5, 0.3, 0.1), so the evaluation reports them too.
export const HYBRID_AXES: WeightAxes = {
  SOCIAL: [0, 0.1, 0.25, 0.5],
  CONTENT: [0, 0.1, 0.3],
  POPULAR: [0, 0.05, 0.1, 0.3],
};

/** Every combination, GRAPH = 1; SOCIAL varies slowest, POPULAR fastest. */
export function weightGrid(axes: WeightAxes = HYBRID_AXES): HybridWeights[] {
  return axes.SOCIAL.flatMap((SOCIAL) => axes.CONTENT.flatMap((CONTENT) => axes.POPULAR.map((POPULAR) => ({ GRAPH: 1, SOCIAL, CONTENT, POPULAR }))));
}

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
