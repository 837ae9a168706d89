// Absorbing-chain analysis (Grinstead & Snell, "Introduction to Probability", ch. 11.2). With the states
// in canonical form P = [[Q, R], [0, I]] (Q: transient -> transient, R: transient -> absorbing):
//   N = (I - Q)^-1     fundamental matrix; N_ij = expected visits to j starting from i (Thm 11.4)
//   t = N 1            expected steps before absorption (Thm 11.5)
//   B = N R            B_ij = probability of being absorbed in j starting from i (Thm 11.6)
// None of these forms an inverse explicitly: one LU factorisation of (I - Q) is solved against I, 1 and R.
// O(T^3 + T^2 (T + A)) for T transient and A absorbing states.
import { invalidInput } from '../../domain/errors.ts';
import { rowAt, stateIndex, type MarkovChain } from './chain.ts';
import { luDecompose, luSolve } from './lu-solve.ts';
import { DEFAULT_ABSORBING } from './states.ts';

export interface AbsorbingAnalysis {
  /** Rows of Q, R, N, B and t. */
  readonly transient: readonly string[];
  /** The requested absorbing states; the first columns of R and B. */
  readonly absorbing: readonly string[];
  /** Non-absorbing states whose row has no data; treated as extra absorbing outcomes (see below). */
  readonly noDataStates: readonly string[];
  /** Columns of R and B: `absorbing` then `noDataStates`. */
  readonly outcomes: readonly string[];
  /** T x T row-major. */
  readonly q: Float64Array;
  /** T x O row-major (O = outcomes.length). */
  readonly r: Float64Array;
  /** N = (I - Q)^-1, T x T row-major. */
  readonly fundamental: Float64Array;
  /** B = N R, T x O row-major; each row sums to 1. */
  readonly absorption: Float64Array;
  /** t = N 1: expected number of steps until an outcome is reached, per transient state. */
  readonly expectedSteps: Float64Array;
}

/**
 * Rules:
 * - The rows of the `absorbing` states are ignored: the chain is stopped the first time any of them is hit,
 *   so B answers "which outcome comes first" even if, in the data, users go on after a purchase.
 * - A non-absorbing state whose row has no data cannot be continued: it becomes an extra outcome column
 *   (listed in `noDataStates`), so the mass reaching it stays visible instead of being guessed.
 * - A transient state that cannot reach any outcome (a closed transient class: I - Q is singular) is an
 *   INVALID_INPUT error naming those states. A pivot that is numerically zero is the same error.
 */
export function absorbingAnalysis(
  chain: MarkovChain,
  absorbing: readonly string[] = DEFAULT_ABSORBING,
): AbsorbingAnalysis {
  if (absorbing.length === 0) throw invalidInput('absorbingAnalysis needs at least one absorbing state');
  if (new Set(absorbing).size !== absorbing.length) throw invalidInput('absorbing states must be unique', { absorbing });
  for (const s of absorbing) stateIndex(chain, s);

  const isAbsorbing = new Set(absorbing);
  const others = chain.states.map((_, i) => i).filter((i) => !isAbsorbing.has(chain.states[i] as string));
  const transientIdx = others.filter((i) => !rowAt(chain, i).noData);
  const noDataIdx = others.filter((i) => rowAt(chain, i).noData);
  const outcomeIdx = [...absorbing.map((s) => stateIndex(chain, s)), ...noDataIdx];
  const nameOf = (i: number): string => chain.states[i] as string;
  const tCount = transientIdx.length;
  const oCount = outcomeIdx.length;

  const q = new Float64Array(tCount * tCount);
  const r = new Float64Array(tCount * oCount);
  transientIdx.forEach((si, a) => {
    const p = rowAt(chain, si).probabilities as Float64Array;
    transientIdx.forEach((sj, b) => (q[a * tCount + b] = p[sj] as number));
    outcomeIdx.forEach((sj, b) => (r[a * oCount + b] = p[sj] as number));
  });

  const stuck = statesThatCannotLeave(q, r, tCount, oCount);
  if (stuck.length > 0) {
    const names = stuck.map((a) => nameOf(transientIdx[a] as number));
    throw invalidInput(
      `states ${names.join(', ')} can never reach an absorbing state (closed transient class, I - Q is singular); ` +
        'add them to the absorbing states or collect more data',
      { states: names, absorbing },
    );
  }

  const iMinusQ = new Float64Array(tCount * tCount);
  for (let a = 0; a < tCount; a++) {
    for (let b = 0; b < tCount; b++) iMinusQ[a * tCount + b] = (a === b ? 1 : 0) - (q[a * tCount + b] as number);
  }
  const lu = luDecompose(iMinusQ, tCount);
  if (lu.kind === 'singular') {
    const state = nameOf(transientIdx[lu.column] as number);
    throw invalidInput(`I - Q is singular or ill-conditioned at transient state '${state}'`, { state, absorbing });
  }
  const identity = new Float64Array(tCount * tCount);
  for (let a = 0; a < tCount; a++) identity[a * tCount + a] = 1;
  const fundamental = luSolve(lu.factors, identity, tCount);
  const absorption = luSolve(lu.factors, r, oCount);
  const expectedSteps = luSolve(lu.factors, new Float64Array(tCount).fill(1), 1);

  return {
    transient: transientIdx.map(nameOf),
    absorbing: [...absorbing],
    noDataStates: noDataIdx.map(nameOf),
    outcomes: outcomeIdx.map(nameOf),
    q,
    r,
    fundamental,
    absorption,
    expectedSteps,
  };
}

/**
 * Probability of each outcome being the first one reached from `from`, by outcome name.
 * From an outcome state itself the answer is 1 for that state (it is already absorbed).
 */
export function absorptionProbabilities(analysis: AbsorbingAnalysis, from: string): Record<string, number> {
  const result: Record<string, number> = Object.fromEntries(analysis.outcomes.map((o) => [o, 0]));
  if (analysis.outcomes.includes(from)) {
    result[from] = 1;
    return result;
  }
  const a = analysis.transient.indexOf(from);
  if (a < 0) throw invalidInput(`unknown state '${from}'`, { state: from });
  const o = analysis.outcomes.length;
  analysis.outcomes.forEach((name, b) => (result[name] = analysis.absorption[a * o + b] as number));
  return result;
}

/** Transient rows (indices into Q) with no path of positive probability to an outcome. Reverse BFS, O(T^2 + T O). */
function statesThatCannotLeave(q: Float64Array, r: Float64Array, t: number, o: number): number[] {
  const reaches = new Array<boolean>(t).fill(false);
  const queue: number[] = [];
  for (let a = 0; a < t; a++) {
    for (let b = 0; b < o; b++) {
      if ((r[a * o + b] as number) > 0) {
        reaches[a] = true;
        queue.push(a);
        break;
      }
    }
  }
  while (queue.length > 0) {
    const b = queue.pop() as number;
    for (let a = 0; a < t; a++) {
      if (!reaches[a] && (q[a * t + b] as number) > 0) {
        reaches[a] = true;
        queue.push(a);
      }
    }
  }
  return reaches.flatMap((ok, a) => (ok ? [] : [a]));
}
