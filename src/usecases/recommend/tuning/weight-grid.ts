// The hybrid's blend-weight candidates, shared by the evaluation (src/eval/hybrid/) and the refresh's tuner.
// GRAPH stays at 1 in the grid: the blend divides each source by its maximum, so only the ratios to GRAPH
// matter. The tuner's candidates add each source alone (one-hot weights): whatever wins validation is then
// at least as good as the best single source on that validation data, by construction.

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

/** The tuner's blends on top of GRAPH (12 points, so a refresh can score them all): the values that won before. */
export const TUNER_AXES: WeightAxes = {
  SOCIAL: [0, 0.1, 0.25],
  CONTENT: [0, 0.1],
  POPULAR: [0, 0.1],
};

/** Every combination, GRAPH = 1; SOCIAL varies slowest, POPULAR fastest. */
export function weightGrid(axes: WeightAxes = HYBRID_AXES): HybridWeights[] {
  return axes.SOCIAL.flatMap((SOCIAL) => axes.CONTENT.flatMap((CONTENT) => axes.POPULAR.map((POPULAR) => ({ GRAPH: 1, SOCIAL, CONTENT, POPULAR }))));
}

/** Each source alone, in blend order. */
export const SINGLE_SOURCES: readonly HybridWeights[] = [
  { GRAPH: 1, SOCIAL: 0, CONTENT: 0, POPULAR: 0 },
  { GRAPH: 0, SOCIAL: 1, CONTENT: 0, POPULAR: 0 },
  { GRAPH: 0, SOCIAL: 0, CONTENT: 1, POPULAR: 0 },
  { GRAPH: 0, SOCIAL: 0, CONTENT: 0, POPULAR: 1 },
];

/** The tuner's candidates: the single sources first (ties go to them, the simpler choice), then the grid without its GRAPH-alone point. */
export function tunerCandidates(axes: WeightAxes = TUNER_AXES): HybridWeights[] {
  const key = (w: HybridWeights) => JSON.stringify(w);
  const singles = new Set(SINGLE_SOURCES.map(key));
  return [...SINGLE_SOURCES, ...weightGrid(axes).filter((w) => !singles.has(key(w)))];
}
