// Markdown table of the mean test metrics per strategy.
import type { StrategyResult } from './run.ts';

const COLUMNS: readonly (readonly [string, string, number])[] = [
  ['recall@10', 'R@10', 4],
  ['ndcg@10', 'N@10', 4],
  ['precision@10', 'P@10', 4],
  ['hit@10', 'Hit@10', 4],
  ['mrr@10', 'MRR@10', 4],
  ['recall@20', 'R@20', 4],
  ['ndcg@20', 'N@20', 4],
  ['precision@20', 'P@20', 4],
  ['hit@20', 'Hit@20', 4],
  ['mrr@20', 'MRR@20', 4],
  ['coverage@10', 'Cov@10', 3],
  ['novelty@10', 'Nov@10', 2],
  ['ild@10', 'ILD@10', 3],
  ['fitSeconds', 'fit s', 1],
  ['scoreSeconds', 'score s', 2],
];

export function resultsTable(results: readonly StrategyResult[]): string {
  const head = `| strategy | ${COLUMNS.map((c) => c[1]).join(' | ')} |`;
  const sep = `|---|${COLUMNS.map(() => '---:').join('|')}|`;
  const rows = results.map((r) => `| ${r.strategy} | ${COLUMNS.map(([k, , d]) => (r.mean[k] === undefined ? '-' : r.mean[k].toFixed(d))).join(' | ')} |`);
  return [head, sep, ...rows].join('\n');
}
