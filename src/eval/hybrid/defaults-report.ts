// What the evaluation says about the hybrid's default weights: the per-seed choices (the HYBRID row scores
// those on test), the single setting with the best validation NDCG@10 averaged over seeds (the candidate
// default for src/usecases/recommend/config.ts) and the same figure for the weights config.ts has now.
import { RECS_CONFIG } from '../../usecases/recommend/config.ts';
import type { StrategyResult } from '../run.ts';
import { bestMeanPoint, meanOf } from './weight-grid.ts';

export function hybridDefaults(r: StrategyResult): { text: string; json: Record<string, unknown> } | undefined {
  const perSeed = r.seeds.map((s) => s.grid);
  const best = bestMeanPoint(perSeed);
  if (best === undefined) return undefined;
  const w = RECS_CONFIG.hybridWeights;
  const current = { GRAPH: w.GRAPH, SOCIAL: w.SOCIAL, CONTENT: w.CONTENT, POPULAR: w.POPULAR };
  const currentMean = meanOf(perSeed, current);
  const fmt = (x: number | undefined) => (x === undefined ? 'not in the grid' : x.toFixed(4));
  const text = [
    `HYBRID weights chosen per seed on valid NDCG@10: ${r.seeds.map((s) => `seed ${s.seed} ${JSON.stringify(s.params)}`).join('; ')}`,
    `HYBRID best mean valid NDCG@10 over seeds: ${JSON.stringify(best.params)} ${fmt(best.mean)}; config.ts weights now ${JSON.stringify(current)} ${fmt(currentMean)}`,
  ].join('\n');
  return { text, json: { chosen: best.params, chosenMeanValidNdcg10: best.mean, current, currentMeanValidNdcg10: currentMean ?? null } };
}
