// Estimates P(s_t = j | s_{t-1} = i) from counts with additive (Laplace/Lidstone) smoothing:
//   p_ij = (c_ij + alpha) / (c_i + alpha * K)      (Manning & Schuetze, "Foundations of Statistical NLP", 6.2.2)
// where K is the number of target states. alpha = 0 gives the maximum-likelihood estimate c_ij / c_i.
// Rows with c_i < minSupport are not estimated: smoothing an empty row would invent a uniform row out of
// nothing, so they are reported as { noData: true, probabilities: null }. O(K^2).
import { invalidInput } from '../../domain/errors.ts';
import type { ChainRow, MarkovChain } from './chain.ts';
import { EXIT, START } from './states.ts';
import type { TransitionCounts } from './transition-counts.ts';

export interface EstimateOptions {
  /** Additive smoothing pseudo-count per target, >= 0. Default 0 (maximum likelihood). */
  readonly alpha?: number;
  /** Rows with fewer observed transitions are `noData`. Must be >= 1 (need not be an integer). Default 1. */
  readonly minSupport?: number;
  /** States that can never be entered. Default: START when present. They get probability 0 and no smoothing. */
  readonly nonTargets?: readonly string[];
  /**
   * States whose row is a self-loop regardless of counts. Default: EXIT when present (a session ends for
   * good). purchase and cancel are estimated from data by default (users go on browsing after buying); make
   * them absorbing here, or in `absorbingAnalysis`, to ask "which outcome comes first".
   */
  readonly absorbing?: readonly string[];
}

export function estimateChain(counts: TransitionCounts, options: EstimateOptions = {}): MarkovChain {
  const { states } = counts;
  const alpha = options.alpha ?? 0;
  const minSupport = options.minSupport ?? 1;
  const nonTargets = new Set(options.nonTargets ?? states.filter((s) => s === START));
  const absorbing = new Set(options.absorbing ?? states.filter((s) => s === EXIT));
  if (!Number.isFinite(alpha) || alpha < 0) throw invalidInput('alpha must be a finite number >= 0', { alpha });
  if (!Number.isFinite(minSupport) || minSupport < 1) {
    throw invalidInput('minSupport must be a finite number >= 1 (an empty row is never estimated)', { minSupport });
  }
  for (const s of [...nonTargets, ...absorbing]) {
    if (!states.includes(s)) throw invalidInput(`unknown state '${s}'`, { state: s, states });
    if (nonTargets.has(s) && absorbing.has(s)) throw invalidInput(`'${s}' cannot be absorbing and a non-target`);
  }

  const k = states.length;
  const isTarget = states.map((s) => !nonTargets.has(s));
  const kTargets = isTarget.filter(Boolean).length;
  const rows: ChainRow[] = states.map((state, i) => {
    let support = 0;
    for (let j = 0; j < k; j++) {
      const c = counts.counts[i * k + j] as number;
      if (c > 0 && !isTarget[j]) {
        throw invalidInput(`counts contain ${c} transitions '${state}' -> '${states[j]}', a non-target state`);
      }
      support += c;
    }
    if (absorbing.has(state)) {
      const probabilities = new Float64Array(k);
      probabilities[i] = 1;
      return { kind: 'absorbing', state, noData: false, support, probabilities };
    }
    if (support < minSupport) {
      const reason = support === 0 ? 'no_outgoing' : 'below_min_support';
      return { kind: 'noData', state, noData: true, support, reason, probabilities: null };
    }
    const denom = support + alpha * kTargets;
    const probabilities = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      if (isTarget[j]) probabilities[j] = ((counts.counts[i * k + j] as number) + alpha) / denom;
    }
    return { kind: 'estimated', state, noData: false, support, probabilities };
  });
  return { states: [...states], targets: states.filter((_, j) => isTarget[j]), rows };
}
