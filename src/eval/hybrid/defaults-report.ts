// What the evaluation says about the hybrid's defaults: the GRAPH source config (the GRAPH row) and the
// blend weights (the HYBRID row). For each: the per-seed choices (the rows score those on test), the single
// setting with the best validation NDCG@10 averaged over seeds (the candidate default for
// src/usecases/recommend/config.ts) and the same figure for what config.ts has now. The HYBRID weights of a
// seed are scored on top of that seed's chosen GRAPH config.
import { RECS_CONFIG } from '../../usecases/recommend/config.ts';
import type { StrategyResult } from '../run.ts';
import { graphParams } from './graph-grid.ts';
import { bestMeanPoint, meanOf } from './weight-grid.ts';

type Report = { text: string; json: Record<string, unknown> };

const fmt = (x: number | undefined) => (x === undefined ? 'not in the grid' : x.toFixed(4));

function section(label: string, r: StrategyResult, current: Readonly<Record<string, number | string>>): Report | undefined {
  const perSeed = r.seeds.map((s) => s.grid);
  const best = bestMeanPoint(perSeed);
  if (best === undefined) return undefined;
  const currentMean = meanOf(perSeed, current);
  const text = [
    `${label} chosen per seed on valid NDCG@10: ${r.seeds.map((s) => `seed ${s.seed} ${JSON.stringify(s.params)}`).join('; ')}`,
    `${label} best mean valid NDCG@10 over seeds: ${JSON.stringify(best.params)} ${fmt(best.mean)}; config.ts now ${JSON.stringify(current)} ${fmt(currentMean)}`,
  ].join('\n');
  return {
    text,
    json: {
      chosenPerSeed: r.seeds.map((s) => ({ seed: s.seed, params: s.params })),
      chosen: best.params,
      chosenMeanValidNdcg10: best.mean,
      current,
      currentMeanValidNdcg10: currentMean ?? null,
    },
  };
}

export function hybridDefaults(hybrid: StrategyResult, graph?: StrategyResult, dims?: { users: number; items: number }): Report | undefined {
  const w = RECS_CONFIG.hybridWeights;
  const weights = section('HYBRID weights', hybrid, { GRAPH: w.GRAPH, SOCIAL: w.SOCIAL, CONTENT: w.CONTENT, POPULAR: w.POPULAR });
  if (weights === undefined) return undefined;
  const g = graph === undefined ? undefined : section('GRAPH config', graph, graphParams(RECS_CONFIG.graph, dims));
  return {
    text: g === undefined ? weights.text : `${g.text}\n${weights.text}`,
    json: { ...weights.json, ...(g === undefined ? {} : { graph: g.json }) },
  };
}
