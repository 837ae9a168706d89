// The estimated chain: one row per state, each either estimated from data, absorbing, or without data.
// Rows without data carry `probabilities: null`, never zeros: "we saw nothing" must not read as
// "this never happens" (a zero row would also silently lose probability mass downstream).
import { invalidInput } from '../../domain/errors.ts';

export type ChainRow =
  | {
      readonly kind: 'estimated';
      readonly state: string;
      readonly noData: false;
      /** Observed outgoing transitions c_i. */
      readonly support: number;
      /** Length K, aligned with `MarkovChain.states`; sums to 1; 0 for non-target states. */
      readonly probabilities: Float64Array;
    }
  | {
      readonly kind: 'absorbing';
      readonly state: string;
      readonly noData: false;
      readonly support: number;
      /** Self-loop: 1 at the state itself, 0 elsewhere. */
      readonly probabilities: Float64Array;
    }
  | {
      readonly kind: 'noData';
      readonly state: string;
      readonly noData: true;
      readonly support: number;
      readonly reason: 'no_outgoing' | 'below_min_support';
      readonly probabilities: null;
    };

export interface MarkovChain {
  readonly states: readonly string[];
  /** States that may be entered (START is not one when it exists). */
  readonly targets: readonly string[];
  /** Aligned with `states`. */
  readonly rows: readonly ChainRow[];
}

/** Index of a state, or INVALID_INPUT naming the unknown state. */
export function stateIndex(chain: MarkovChain, state: string): number {
  const i = chain.states.indexOf(state);
  if (i < 0) throw invalidInput(`unknown state '${state}'`, { state, states: chain.states });
  return i;
}

/** Row i of the chain, typed; i must be in range. */
export function rowAt(chain: MarkovChain, i: number): ChainRow {
  const row = chain.rows[i];
  if (row === undefined) throw new Error(`Invariant violated: no row ${i}`);
  return row;
}

/**
 * A chain from an explicit row-stochastic matrix (textbook examples, or probabilities computed elsewhere).
 * `null` marks a row without data. A row with p_ii = 1 is absorbing. Each row must be >= 0 and sum to 1
 * within 1e-9. Targets are the states with a non-zero entry in some column, plus all states when none.
 */
export function chainFromMatrix(
  states: readonly string[],
  matrix: readonly (readonly number[] | null)[],
): MarkovChain {
  const k = states.length;
  if (new Set(states).size !== k) throw invalidInput('state names must be unique', { states });
  if (matrix.length !== k) throw invalidInput(`expected ${k} rows, got ${matrix.length}`);
  const rows: ChainRow[] = matrix.map((r, i) => {
    const state = states[i] as string;
    if (r === null) return { kind: 'noData', state, noData: true, support: 0, reason: 'no_outgoing', probabilities: null };
    if (r.length !== k) throw invalidInput(`row '${state}' has ${r.length} entries, expected ${k}`);
    let sum = 0;
    for (const p of r) {
      if (!Number.isFinite(p) || p < 0) throw invalidInput(`row '${state}' has an invalid probability ${p}`);
      sum += p;
    }
    if (Math.abs(sum - 1) > 1e-9) throw invalidInput(`row '${state}' sums to ${sum}, not 1`, { state, sum });
    const probabilities = Float64Array.from(r);
    const kind = r[i] === 1 ? 'absorbing' : 'estimated';
    return { kind, state, noData: false, support: 0, probabilities };
  });
  const targets = states.filter((_, j) => matrix.some((r) => r !== null && (r[j] ?? 0) > 0));
  return { states: [...states], targets, rows };
}
