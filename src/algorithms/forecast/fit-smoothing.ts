// Least-squares fit of smoothing parameters that must stay inside an interval (lo, hi): each parameter is
// p = lo + (hi - lo) / (1 + exp(-u)) and the unconstrained u is found by numeric.uncmin (BFGS with a
// backtracking line search, numerical gradient). The logistic map keeps every trial point admissible, so the
// objective never sees alpha = 1.3 or phi = 1.2. A coarse grid picks the starting point: uncmin is a local
// method, and the one-step SSE of exponential smoothing is often flat or bimodal in alpha.
import numeric from 'numeric';

export interface Bounded {
  readonly lo: number;
  readonly hi: number;
  /** Starting values tried before the quasi-Newton run; the best one starts it. */
  readonly grid: readonly number[];
}

export interface FitResult {
  readonly values: number[];
  readonly objective: number;
}

// |u| beyond this saturates the logistic in double precision; clamping keeps the map invertible near bounds.
const U_MAX = 30;

const toBounded = (u: number, b: Bounded): number => b.lo + (b.hi - b.lo) / (1 + Math.exp(-Math.max(-U_MAX, Math.min(U_MAX, u))));
const toFree = (p: number, b: Bounded): number => {
  const q = (p - b.lo) / (b.hi - b.lo);
  return Math.log(q / (1 - q));
};

/**
 * Minimises `objective(values)` over the box given by `bounds`. The objective must be finite inside the box.
 * O(grid size + uncmin iterations) objective calls.
 */
export function fitBounded(objective: (values: readonly number[]) => number, bounds: readonly Bounded[]): FitResult {
  const map = (u: readonly number[]): number[] => bounds.map((b, i) => toBounded(u[i] ?? 0, b));
  let best: number[] = bounds.map((b) => b.grid[0] ?? (b.lo + b.hi) / 2);
  let bestF = objective(best);
  for (const start of cartesian(bounds.map((b) => b.grid))) {
    const f = objective(start);
    if (f < bestF) {
      best = start;
      bestF = f;
    }
  }
  const u0 = best.map((p, i) => toFree(p, bounds[i] as Bounded));
  const run = numeric.uncmin((u: number[]) => objective(map(u)), u0, 1e-9, undefined, 500);
  const values = map(run.solution);
  const f = objective(values);
  // uncmin never returns a worse point than its start in exact arithmetic; guard against rounding anyway.
  return f <= bestF ? { values, objective: f } : { values: best, objective: bestF };
}

function cartesian(lists: readonly (readonly number[])[]): number[][] {
  let out: number[][] = [[]];
  for (const list of lists) out = out.flatMap((prefix) => list.map((v) => [...prefix, v]));
  return out;
}
