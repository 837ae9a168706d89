// docs/loop-simulation.md: the figures of repeated simulated experiments, with the binomial interval of each
// share over the runs (a 95 % coverage measured on 40 runs is only known to within about +-7 points).
import { wilsonInterval } from '../algorithms/stats/wilson-interval.ts';
import type { RunOutcome } from './run-experiment.ts';
import type { Scenario, ScenarioSummary } from './scenarios.ts';
import type { ClickModel } from './shopper-model.ts';

export interface SimulationReportInput {
  readonly command: string;
  readonly machine: string;
  readonly shoppers: number;
  readonly counted: number;
  readonly model: ClickModel;
  readonly pageSize: number;
  readonly minutes: number;
  readonly results: readonly { readonly scenario: Scenario; readonly summary: ScenarioSummary; readonly outcomes: readonly RunOutcome[] }[];
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** "93.8 % (84.5-97.6)": a share of n runs with its 95 % Wilson interval. */
function shareWithInterval(share: number, n: number): string {
  const w = wilsonInterval(Math.round(share * n), n, 1.959963984540054);
  return w === null ? 'n/a' : `${pct(share)} (${(100 * w.lower).toFixed(1)}-${(100 * w.upper).toFixed(1)})`;
}

export function simulationReport(r: SimulationReportInput): string {
  const rows = r.results.map(({ scenario: s, summary: m }) => [
    s.name, m.runs, m.meanPlayed.toFixed(0), m.meanTruth.toFixed(4), m.meanEstimate.toFixed(4),
    shareWithInterval(m.coverage, m.runs), shareWithInterval(m.sequentialCoverage, m.runs),
    shareWithInterval(m.significant, m.runs), shareWithInterval(m.sequentialSignificant, m.runs),
    s.control === s.treatment ? '-' : pct(m.rightSign), shareWithInterval(m.srmFlagged, m.runs),
    `${m.exactCountRuns}/${m.runs}`, m.variantMismatches, m.pageMismatches, m.meanSeconds.toFixed(1),
  ].join(' | '));
  const runRows = r.results.flatMap(({ scenario, outcomes }) => outcomes.map((o, k) => {
    const l = o.lift;
    return [scenario.name, k + 1, o.played, o.dropped, o.simulated.control.assigned, o.simulated.treatment.assigned,
      o.truth.control.toFixed(4), o.truth.treatment.toFixed(4), o.truth.difference.toFixed(4),
      l === null ? 'n/a' : `${l.difference.toFixed(4)} [${l.lower.toFixed(4)}, ${l.upper.toFixed(4)}]`,
      l === null ? 'n/a' : `[${l.sequentialLower.toFixed(4)}, ${l.sequentialUpper.toFixed(4)}]`,
      l === null ? 'n/a' : l.pValue.toPrecision(3), o.srm === null ? 'n/a' : o.srm.pValue.toPrecision(3)].join(' | ');
  }));
  return [
    '# Simulated experiments against the running API',
    '',
    `Command: \`${r.command}\` (${r.minutes.toFixed(1)} minutes). Machine: ${r.machine}.`,
    '',
    'What is simulated (src/simulate/): the demo shop is loaded into a throwaway embedded Neo4j and the real API',
    'serves it over HTTP. For each run an experiment is created through `createExperiment` (50/50, a new key, so a',
    'new GrowthBook split); every shopper of the store asks for `recommendations` without a strategy (the experiment',
    'picks it), reports the page with `recordImpressions`, then clicks and buys with the planted probabilities and',
    'reports those with `recordInteraction(recommendationId)`. `experimentResults` is read at the end. Shoppers who',
    'refused analytics consent play too but are not counted (the results must leave them out).',
    '',
    `Planted behaviour (src/simulate/shopper-model.ts): P(click at position k) = (${r.model.relevantClick} if the item is in one of`,
    `the shopper's community's preferred categories, else ${r.model.otherClick}) / log2(k + 1); P(buy | click) = ${r.model.buyGivenClick};`,
    `${r.pageSize} items per page. So P(convert | page) = 1 - prod_k (1 - P(click_k) P(buy | click)) is known for any page, and the`,
    'true conversion rate of each arm is its mean over the counted shoppers of the pages that arm\'s strategy serves them',
    '(each shopper\'s pages under both strategies are requested explicitly). The truth is the difference of those rates.',
    '',
    `Shoppers: ${r.shoppers}, of whom ${r.counted} consented to analytics.`,
    '',
    '## Summary',
    '',
    'Shares are over runs, with their 95 % Wilson interval. "Coverage": the run\'s 95 % interval of the conversion',
    'difference contains the true difference. "Significant": p < 0.05 (fixed-horizon z-test) or the always-valid',
    'interval excludes 0 (sequential). "Exact counts": the simulator\'s own count of assigned, exposed, impressions,',
    'clicks and conversions equals experimentResults\' in both arms. "Variant mismatches": shoppers whose served variant',
    'differs from GrowthBook\'s evaluation on the client side. "Page mismatches": a served page differing from the explicit',
    'page of its strategy.',
    '',
    '| Scenario | Runs | Shoppers played | True difference | Mean estimate | Coverage (95 % CI) | Coverage (always-valid) | Significant (z-test) | Significant (always-valid) | Right sign | SRM flagged | Exact counts | Variant mismatches | Page mismatches | Seconds per run |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((x) => `| ${x} |`),
    '',
    '## Every run',
    '',
    '| Scenario | Run | Played | Lost before the API | Assigned control | Assigned treatment | True rate control | True rate treatment | True difference | Estimate [95 % CI] | Always-valid interval | p | SRM p |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...runRows.map((x) => `| ${x} |`),
    '',
  ].join('\n');
}
