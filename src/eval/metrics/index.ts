export { rankingMetrics, type RankingMetrics } from './ranking.ts';
export { catalogueCoverage } from './coverage.ts';
export { novelty } from './novelty.ts';
export { intraListDiversity } from './diversity.ts';
