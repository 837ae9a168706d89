// Turns the behaviour chain (the API's transitionMatrix) into pictures: a heatmap's cells and a Sankey of how
// sessions flow from START to their first PURCHASE, CANCEL or EXIT.

export interface MatrixRow {
  readonly from: string;
  readonly support: number;
  readonly hasData: boolean;
  readonly probabilities: readonly number[] | null;
}
export interface Matrix {
  readonly states: readonly string[];
  readonly rows: readonly MatrixRow[];
}

/** Where a flow ends, as in the absorption analysis (README "Behaviour analytics"). */
export const ENDS: readonly string[] = ['PURCHASE', 'CANCEL', 'EXIT'];

/**
 * Heatmap cells [to index, from index, probability]; rows without data (below minSupport) give no cells, so
 * they show blank rather than as zeros. Rows are in the order of `states`.
 */
export function heatmapCells(m: Matrix): [number, number, number][] {
  const cells: [number, number, number][] = [];
  m.rows.forEach((row) => {
    const y = m.states.indexOf(row.from);
    if (!row.hasData || row.probabilities === null || y < 0) return;
    row.probabilities.forEach((p, x) => cells.push([x, y, p]));
  });
  return cells;
}

export interface Flow {
  /** Node names are `STATE·step` (step 0 is START); the ends are one node each, `PURCHASE`, `CANCEL`, `EXIT`. */
  readonly nodes: readonly string[];
  readonly links: readonly { readonly source: string; readonly target: string; readonly value: number }[];
  /** Sessions the flow starts with: the START row's support. */
  readonly sessions: number;
}

/** Mass still travelling after the last step, and mass that reached a state without data. */
export const LATER = 'later';
export const NO_DATA = 'no data';

/**
 * Unrolls the chain `steps` transitions deep from START with `sessions` = the START row's support: the flow
 * into each state at step k is the expected number of sessions there (mass x transition probability), stopped
 * at the first PURCHASE, CANCEL or EXIT. What is still browsing after the last step goes to `later`; mass in a
 * state whose row has no data goes to `no data`. Unrolling keeps the Sankey acyclic (the chain itself has loops,
 * VIEW -> VIEW) and conserves every session. Links below `minValue` sessions are dropped (their mass is not
 * redistributed). O(steps x states^2).
 */
export function sessionFlow(m: Matrix, steps = 4, minValue = 0): Flow {
  const rowOf = new Map(m.rows.map((r) => [r.from, r]));
  const sessions = rowOf.get('START')?.support ?? 0;
  const links = new Map<string, { source: string; target: string; value: number }>();
  const add = (source: string, target: string, value: number) => {
    const key = `${source}>${target}`;
    const l = links.get(key) ?? { source, target, value: 0 };
    l.value += value;
    links.set(key, l);
  };
  let mass = new Map<string, number>([['START', sessions]]);
  for (let k = 1; k <= steps && sessions > 0; k++) {
    const next = new Map<string, number>();
    for (const [state, m0] of mass) {
      const row = rowOf.get(state);
      const source = `${state}·${k - 1}`;
      if (row === undefined || !row.hasData || row.probabilities === null) {
        add(source, NO_DATA, m0);
        continue;
      }
      row.probabilities.forEach((p, i) => {
        const to = m.states[i];
        if (to === undefined || p <= 0) return;
        const v = m0 * p;
        if (ENDS.includes(to)) add(source, to, v);
        else {
          add(source, `${to}·${k}`, v);
          next.set(to, (next.get(to) ?? 0) + v);
        }
      });
    }
    mass = next;
  }
  for (const [state, m0] of mass) if (m0 > 0 && sessions > 0) add(`${state}·${steps}`, LATER, m0);
  const kept = [...links.values()].filter((l) => l.value >= minValue && l.value > 0);
  const nodes = new Set<string>();
  for (const l of kept) {
    nodes.add(l.source);
    nodes.add(l.target);
  }
  return { nodes: [...nodes], links: kept, sessions };
}

/** `VIEW·2` -> `VIEW` (the step is the Sankey column). */
export const stateOfNode = (node: string): string => node.split('·')[0] ?? node;
