// absorption: absorbing-chain analysis with PURCHASE, CANCEL and EXIT absorbing (N = (I - Q)^-1 by LU
// solve, B = N R, t = N 1; see algorithms/markov/absorbing-analysis.ts). Per transient state: the
// probability that each outcome is reached first, and the expected number of steps until one is.
// Non-absorbing states without data become extra outcomes (listed in noDataStates), never guessed.
// A singular I - Q (a transient class that never reaches an outcome) is INVALID_INPUT.
import { DEFAULT_ABSORBING, absorbingAnalysis, type AbsorbingAnalysis, type MarkovChain } from '../../algorithms/markov/index.ts';

export interface StateProbabilityView {
  readonly state: string;
  readonly probability: number;
}

export interface AbsorptionView {
  readonly absorbingStates: readonly string[];
  readonly noDataStates: readonly string[];
  readonly rows: readonly { readonly from: string; readonly absorbing: readonly StateProbabilityView[]; readonly expectedSteps: number }[];
}

export function analyseAbsorption(chain: MarkovChain): AbsorbingAnalysis {
  return absorbingAnalysis(chain, DEFAULT_ABSORBING);
}

export function toAbsorptionView(a: AbsorbingAnalysis): AbsorptionView {
  const o = a.outcomes.length;
  return {
    absorbingStates: a.absorbing,
    noDataStates: a.noDataStates,
    rows: a.transient.map((from, t) => ({
      from,
      absorbing: a.outcomes.map((state, j) => ({ state, probability: a.absorption[t * o + j] as number })),
      expectedSteps: a.expectedSteps[t] as number,
    })),
  };
}
