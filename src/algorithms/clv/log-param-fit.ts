// Maximum likelihood over strictly positive parameters: minimise f(exp(u)) over u = log(theta) with the BFGS
// quasi-Newton minimiser numeric.uncmin (numeric.js 1.2.6), as lifetimes 0.11.3 does with scipy. The log
// reparametrisation keeps every parameter positive without bounds; the chain rule gives
// d f / d u_k = theta_k * d f / d theta_k, so analytic gradients in theta carry over.
import numeric from 'numeric';

export interface ValueAndGradient {
  readonly value: number;
  /** d value / d theta, same order as theta. */
  readonly gradient: readonly number[];
}

export interface LogParamFitOptions {
  /** uncmin stops when the quasi-Newton step in u is shorter than this. */
  readonly tolerance: number;
  readonly maxIterations: number;
}

export interface LogParamFit {
  readonly theta: readonly number[];
  readonly value: number;
  readonly iterations: number;
  /** The minimiser's own stop (step below tolerance) or a gradient norm in u below 1e-6 at the end. */
  readonly converged: boolean;
  readonly message: string;
}

const GRADIENT_CONVERGED = 1e-6;

/** Minimise `objective` (a function of theta > 0) from `start` (theta > 0). */
export function minimiseOverLogParams(
  objective: (theta: readonly number[]) => ValueAndGradient,
  start: readonly number[],
  options: LogParamFitOptions,
): LogParamFit {
  // uncmin asks for f and its gradient at the same point in turn; evaluate once per point.
  let cachedAt: number[] | undefined;
  let cached: ValueAndGradient = { value: Number.NaN, gradient: [] };
  const evaluate = (u: number[]): ValueAndGradient => {
    if (cachedAt === undefined || cachedAt.some((v, i) => v !== u[i])) {
      cachedAt = u.slice();
      const theta = u.map(Math.exp);
      // Outside the representable range (exp over/underflow) report +Infinity so the line search backs off.
      cached = theta.every((t) => t > 0 && Number.isFinite(t)) ? objective(theta) : { value: Number.POSITIVE_INFINITY, gradient: u.map(() => Number.NaN) };
    }
    return cached;
  };
  const f = (u: number[]): number => {
    const { value } = evaluate(u);
    return Number.isFinite(value) ? value : Number.NaN;
  };
  const gradient = (u: number[]): number[] => {
    const { gradient: g } = evaluate(u);
    return u.map((uk, k) => Math.exp(uk) * (g[k] ?? Number.NaN));
  };
  const result = numeric.uncmin(f, start.map(Math.log), options.tolerance, gradient, options.maxIterations);
  const u = result.solution;
  const gradNorm = Math.hypot(...gradient(u));
  const converged = result.message === 'Newton step smaller than tol' || gradNorm < GRADIENT_CONVERGED;
  return { theta: u.map(Math.exp), value: result.f, iterations: result.iterations, converged, message: result.message };
}
