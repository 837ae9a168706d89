// transitionMatrix: counts over the scope -> estimateChain (additive smoothing, minSupport). Rows without
// data (or below minSupport) are reported with hasData false and probabilities null, never zeros.
import { estimateChain, type MarkovChain } from '../../algorithms/markov/index.ts';
import type { AnalyticsStore } from '../../storage/analytics-store.ts';
import type { AnalyticsScope } from '../../storage/analytics-scope.ts';
import { sessionAsOf, type ChainOptions } from './analytics-input.ts';
import type { LiveEventLogs } from './live-event-logs.ts';
import { emptyPopulation, transitionCountsFor, type CountingPath, type ScopeCounts } from './counting-paths.ts';

export interface TransitionRowView {
  readonly from: string;
  readonly support: number;
  readonly hasData: boolean;
  /** EXIT: a session ends for good, so its row is a self-loop by definition, not by data. */
  readonly absorbing: boolean;
  readonly counts: readonly number[];
  readonly probabilities: readonly number[] | null;
}

export interface TransitionMatrixView {
  readonly states: readonly string[];
  readonly rows: readonly TransitionRowView[];
  readonly users: number;
  readonly transitions: number;
}

export interface EstimatedScope {
  readonly counts: ScopeCounts;
  readonly chain: MarkovChain;
}

/** Counts and the estimated chain of a scope; an empty population is NOT_FOUND. */
export async function estimateScope(
  store: AnalyticsStore,
  scope: AnalyticsScope,
  options: ChainOptions,
  now: number,
  path: CountingPath,
  live?: LiveEventLogs,
): Promise<EstimatedScope> {
  const counts = await transitionCountsFor(store, scope, options.gapMs, sessionAsOf(options.sessionEnd, scope.window, now), path, live);
  if (counts.users === 0) throw emptyPopulation();
  return { counts, chain: estimateChain(counts.counts, { alpha: options.alpha, minSupport: options.minSupport }) };
}

export function toMatrixView({ counts, chain }: EstimatedScope): TransitionMatrixView {
  const k = chain.states.length;
  const c = counts.counts;
  return {
    states: chain.states,
    rows: chain.rows.map((row, i) => ({
      from: row.state,
      support: row.support,
      hasData: !row.noData,
      absorbing: row.kind === 'absorbing',
      counts: Array.from(c.counts.subarray(i * k, (i + 1) * k)),
      probabilities: row.probabilities === null ? null : Array.from(row.probabilities),
    })),
    users: counts.users,
    transitions: c.rowTotals.reduce((s, v) => s + v, 0),
  };
}
