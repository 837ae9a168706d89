// First-order transition counts c_ij = #{t : s_{t-1} = i, s_t = j}, the sufficient statistic of a Markov
// chain's maximum-likelihood estimate (Anderson & Goodman 1957). Dense K x K, row-major; K is small (7).
import { invalidInput } from '../../domain/errors.ts';
import { EXIT, MARKOV_STATES, START } from './states.ts';

export interface TransitionCounts {
  /** Row/column order of `counts`. */
  readonly states: readonly string[];
  /** K x K row-major; counts[i * K + j] = transitions i -> j. */
  readonly counts: Float64Array;
  /** rowTotals[i] = sum_j counts[i * K + j] = c_i, the support of row i. */
  readonly rowTotals: Float64Array;
}

/** One aggregated row as returned by a Cypher `count(*)` over consecutive events. */
export interface TransitionCountRow {
  readonly from: string;
  readonly to: string;
  readonly count: number;
}

/**
 * Counts transitions along state paths (e.g. from `toStatePath`). O(total path length).
 * Session boundaries: a step into START is not counted; it is only legal right after EXIT (EXIT -> START),
 * and EXIT may only be followed by START. Any other step into START or out of EXIT is INVALID_INPUT,
 * as is a state not in `states`.
 */
export function countTransitions(
  paths: Iterable<readonly string[]>,
  states: readonly string[] = MARKOV_STATES,
): TransitionCounts {
  const acc = emptyCounts(states);
  const index = indexOf(states);
  for (const path of paths) {
    for (let t = 1; t < path.length; t++) {
      const from = path[t - 1] as string;
      const to = path[t] as string;
      if (from === EXIT || to === START) {
        if (from === EXIT && to === START) continue;
        throw invalidInput(`invalid step '${from}' -> '${to}': only EXIT -> START may cross a session boundary`);
      }
      add(acc, index, from, to, 1);
    }
  }
  return acc;
}

/**
 * Builds counts from already-aggregated rows (e.g. Cypher). Repeated (from, to) pairs are summed.
 * Counts must be finite and >= 0; a row into START is INVALID_INPUT (START is never a target).
 */
export function countsFromRows(
  rows: Iterable<TransitionCountRow>,
  states: readonly string[] = MARKOV_STATES,
): TransitionCounts {
  const acc = emptyCounts(states);
  const index = indexOf(states);
  for (const r of rows) {
    if (!Number.isFinite(r.count) || r.count < 0) {
      throw invalidInput(`transition count for '${r.from}' -> '${r.to}' must be a finite number >= 0`, { ...r });
    }
    if (r.to === START) throw invalidInput(`'${START}' is never a transition target (row from '${r.from}')`);
    add(acc, index, r.from, r.to, r.count);
  }
  return acc;
}

export function emptyCounts(states: readonly string[]): TransitionCounts {
  if (new Set(states).size !== states.length) throw invalidInput('state names must be unique', { states });
  const k = states.length;
  return { states: [...states], counts: new Float64Array(k * k), rowTotals: new Float64Array(k) };
}

/** Map state name -> row index; shared by the builders here. */
export function indexOf(states: readonly string[]): ReadonlyMap<string, number> {
  return new Map(states.map((s, i) => [s, i]));
}

function add(acc: TransitionCounts, index: ReadonlyMap<string, number>, from: string, to: string, n: number): void {
  const i = index.get(from);
  const j = index.get(to);
  if (i === undefined || j === undefined) {
    const unknown = i === undefined ? from : to;
    throw invalidInput(`unknown state '${unknown}'`, { state: unknown, states: acc.states });
  }
  const k = acc.states.length;
  acc.counts[i * k + j] = (acc.counts[i * k + j] as number) + n;
  acc.rowTotals[i] = (acc.rowTotals[i] as number) + n;
}
