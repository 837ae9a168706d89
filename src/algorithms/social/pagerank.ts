// PageRank (Page, Brin, Motwani & Winograd 1999, "The PageRank Citation Ranking") by power iteration:
//   r'(v) = (1 - d) / n  +  d * ( sum_{u -> v} r(u) / out(u)  +  D / n ),   D = sum_{out(u) = 0} r(u)
// A dangling node (no out-edges) spreads its rank uniformly over all nodes, so the rank stays a probability
// distribution (sums to 1) and every node keeps at least (1 - d) / n. Parallel edges count with multiplicity
// (build the graph with duplicates merged if they should not). Starts from the uniform vector; stops when the
// L1 change sum |r' - r| < tol (converged) or after maxIterations (not converged).
// The error shrinks at least by a factor d per step; on a bipartite graph (a friend star) by exactly d with
// alternating sign, so the default 100 steps reach ~1e-7 rather than 1e-10: read `converged`.
// O(iterations * (n + edges)) time, O(n) extra memory.
import { invalidInput } from '../../domain/errors.ts';

/** A directed graph in CSR form: node u's out-neighbours are targets[offsets[u] .. offsets[u + 1]). */
export interface DirectedCsr {
  /** Length n + 1, non-decreasing, offsets[0] = 0, offsets[n] = targets.length. */
  readonly offsets: Uint32Array;
  /** Node indices in [0, n). */
  readonly targets: Uint32Array;
}

export interface PageRankOptions {
  /** Probability of following an edge rather than jumping to a uniform random node. [0, 1); default 0.85. */
  readonly damping?: number;
  /** L1 change below which the iteration stops. > 0; default 1e-10. */
  readonly tol?: number;
  /** Integer >= 1; default 100. */
  readonly maxIterations?: number;
}

export interface PageRankResult {
  /** rank[v] for node v; sums to 1 (empty for n = 0). */
  readonly rank: Float64Array;
  /** Power-iteration steps run. */
  readonly iterations: number;
  /** Whether the last step changed the vector by less than tol (L1). */
  readonly converged: boolean;
}

export function pageRank(graph: DirectedCsr, opts: PageRankOptions = {}): PageRankResult {
  const { damping = 0.85, tol = 1e-10, maxIterations = 100 } = opts;
  if (!(damping >= 0 && damping < 1)) throw invalidInput('damping must be in [0, 1)', { damping });
  if (!(tol > 0)) throw invalidInput('tol must be a positive number', { tol });
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) throw invalidInput('maxIterations must be an integer >= 1', { maxIterations });
  const n = checkCsr(graph);
  if (n === 0) return { rank: new Float64Array(0), iterations: 0, converged: true };

  const { offsets, targets } = graph;
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let it = 1; it <= maxIterations; it++) {
    let dangling = 0;
    next.fill(0);
    for (let u = 0; u < n; u++) {
      const a = offsets[u]!;
      const b = offsets[u + 1]!;
      if (a === b) {
        dangling += rank[u]!;
        continue;
      }
      const share = rank[u]! / (b - a);
      for (let p = a; p < b; p++) next[targets[p]!]! += share;
    }
    const base = (1 - damping) / n + (damping * dangling) / n;
    let change = 0;
    for (let v = 0; v < n; v++) {
      const r = base + damping * next[v]!;
      change += Math.abs(r - rank[v]!);
      next[v] = r;
    }
    [rank, next] = [next, rank];
    if (change < tol) return { rank, iterations: it, converged: true };
  }
  return { rank, iterations: maxIterations, converged: false };
}

/** Validates the CSR arrays in O(n + edges); returns n. */
function checkCsr({ offsets, targets }: DirectedCsr): number {
  if (offsets.length === 0 || offsets[0] !== 0 || offsets[offsets.length - 1] !== targets.length) {
    throw invalidInput('pageRank: offsets must have length n + 1, start at 0 and end at targets.length', {
      offsetsLength: offsets.length,
      targetsLength: targets.length,
    });
  }
  const n = offsets.length - 1;
  for (let u = 0; u < n; u++) {
    if (offsets[u + 1]! < offsets[u]!) throw invalidInput('pageRank: offsets must be non-decreasing', { node: u });
  }
  for (let p = 0; p < targets.length; p++) {
    if (targets[p]! >= n) throw invalidInput('pageRank: edge target outside [0, n)', { position: p, target: targets[p] });
  }
  return n;
}
