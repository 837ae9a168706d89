// nextState: the user's current state (see current-state.ts), the distributions pi_k = e_current P^k for
// k = 1..steps over the whole shop's chain (all users, all time, default options), and the churn risk:
// With `asOf`, everything is as of that instant: the user's state from their events up to it (idle longer than
// the gap at asOf: EXIT), and the shop's chain from the events up to it, sessions judged open or closed at
// asOf. On a historical log every user is EXIT as of today; as of the log's last event they are not.
// the probability that EXIT is reached before PURCHASE (or CANCEL) from the current state. From an outcome
// state the answer is already decided (EXIT: 1, PURCHASE/CANCEL: 0). churnRisk is null when the current
// state's row has no data or the absorbing analysis is undefined (singular I - Q) for this data.
import {
  churnRisk, estimateChain, nStepDistribution, type AbsorbingAnalysis, type MarkovChain, type MarkovState,
} from '../../algorithms/markov/index.ts';
import { isAppError, notFound } from '../../domain/errors.ts';
import { invalidInput } from '../../domain/errors.ts';
import { ALL_TIME, EMPTY_SEGMENT } from '../../storage/analytics-scope.ts';
import type { AnalyticsStore } from '../../storage/analytics-store.ts';
import { DEFAULT_CHAIN_OPTIONS } from './analytics-input.ts';
import { analyseAbsorption, type StateProbabilityView } from './absorption.ts';
import { KeyedCache } from './chain-cache.ts';
import { transitionCountsFor, type CountingPath } from './counting-paths.ts';
import { currentState } from './current-state.ts';
import type { LiveEventLogs } from './live-event-logs.ts';

export const MAX_FORECAST_STEPS = 100;

export interface ShopChain {
  readonly chain: MarkovChain;
  /** null when the analysis is undefined for this data (singular I - Q). */
  readonly analysis: AbsorbingAnalysis | null;
}

export interface NextStateView {
  readonly userId: string;
  readonly currentState: MarkovState;
  readonly steps: readonly { readonly step: number; readonly distribution: readonly StateProbabilityView[]; readonly unresolvedMass: number }[];
  readonly churnRisk: number | null;
}

export class NextStateForecaster {
  /** Keyed by the graph's event count and the asOf asked (one entry: the latest asked). */
  private readonly cache = new KeyedCache<string, ShopChain>();

  constructor(
    private readonly store: AnalyticsStore,
    private readonly now: () => number,
    private readonly path: () => CountingPath,
    private readonly live?: LiveEventLogs,
  ) {}

  /** Drops the cached shop chain (a user's data must stop counting before the next event arrives). */
  forget(): void {
    this.cache.clear();
  }

  /** asOf null: now (the user's every event, the shop's chain over all time, as cached until the next event). */
  async forecast(userId: string, steps: number, asOf: number | null = null): Promise<NextStateView> {
    if (!Number.isInteger(steps) || steps < 1 || steps > MAX_FORECAST_STEPS) {
      throw invalidInput(`steps must be an integer in 1..${MAX_FORECAST_STEPS}`, { field: 'steps', steps });
    }
    const state = await this.store.userState(userId, asOf);
    if (state === null) throw notFound('user', userId);
    const at = asOf ?? this.now();
    const current = currentState(state.last, at, DEFAULT_CHAIN_OPTIONS.gapMs);
    const shop = await this.cache.get(`${state.totalEvents}@${asOf ?? 'now'}`, () => this.loadShopChain(at, asOf !== null));
    return { userId, currentState: current, ...forecastFrom(shop, current, steps) };
  }

  private async loadShopChain(at: number, upToAt: boolean): Promise<ShopChain> {
    const { gapMs, alpha, minSupport } = DEFAULT_CHAIN_OPTIONS;
    const window = upToAt ? { from: null, to: at } : ALL_TIME;
    const counts = await transitionCountsFor(this.store, { segment: EMPTY_SEGMENT, window }, gapMs, at, this.path(), this.live);
    const chain = estimateChain(counts.counts, { alpha, minSupport });
    let analysis: AbsorbingAnalysis | null = null;
    try {
      analysis = analyseAbsorption(chain);
    } catch (err) {
      if (!(isAppError(err) && err.code === 'INVALID_INPUT')) throw err;
    }
    return { chain, analysis };
  }
}

/** Pure part of the forecast: n-step distributions and churn from a state. O(steps^2 K^2), K = 7. */
export function forecastFrom(shop: ShopChain, current: MarkovState, steps: number): Pick<NextStateView, 'steps' | 'churnRisk'> {
  const out: NextStateView['steps'][number][] = [];
  for (let k = 1; k <= steps; k++) {
    const d = nStepDistribution(shop.chain, current, k);
    out.push({
      step: k,
      distribution: d.states.map((state, j) => ({ state, probability: d.probabilities[j] as number })),
      unresolvedMass: d.unresolvedMass,
    });
  }
  const a = shop.analysis;
  const churn = a === null || a.noDataStates.includes(current) ? null : churnRisk(a, current).exit;
  return { steps: out, churnRisk: churn };
}
