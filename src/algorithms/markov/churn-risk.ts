// Churn risk from the absorption matrix B of `absorbingAnalysis`: from the current state, the probability
// that the first outcome reached is EXIT (the session ends) rather than purchase.
// cancel is also absorbing in the default analysis, so a path that cancels first is stopped there and counts
// for neither EXIT nor purchase: exit + purchase + other = 1, where `other` is cancel plus any no-data
// outcomes. So churn is "leaves before buying or cancelling", not "never buys".
import { invalidInput } from '../../domain/errors.ts';
import { absorptionProbabilities, type AbsorbingAnalysis } from './absorbing-analysis.ts';
import { EXIT } from './states.ts';

export interface ChurnRisk {
  readonly state: string;
  /** P(first outcome = exitState) — the churn risk. */
  readonly exit: number;
  /** P(first outcome = purchaseState). */
  readonly purchase: number;
  /** 1 - exit - purchase: other absorbing outcomes (cancel) and no-data states. */
  readonly other: number;
}

export interface ChurnOptions {
  readonly exitState?: string;
  readonly purchaseState?: string;
}

export function churnRisk(analysis: AbsorbingAnalysis, from: string, options: ChurnOptions = {}): ChurnRisk {
  const exitState = options.exitState ?? EXIT;
  const purchaseState = options.purchaseState ?? 'purchase';
  for (const s of [exitState, purchaseState]) {
    if (!analysis.absorbing.includes(s)) {
      throw invalidInput(`'${s}' is not an absorbing state of this analysis`, { state: s, absorbing: analysis.absorbing });
    }
  }
  const probs = absorptionProbabilities(analysis, from);
  const exit = probs[exitState] ?? 0;
  const purchase = probs[purchaseState] ?? 0;
  return { state: from, exit, purchase, other: Math.max(0, 1 - exit - purchase) };
}
