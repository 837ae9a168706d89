// BG/NBD buy-till-you-die model (Fader, Hardie & Lee 2005, "Counting your customers the easy way: an
// alternative to the Pareto/NBD model", Marketing Science 24(2), 275-284): while alive a customer buys as a
// Poisson process with rate lambda ~ Gamma(r, alpha); after each purchase she drops out with probability
// p ~ Beta(a, b). Fitted by maximum likelihood on per-customer (x, t_x, T) summaries; all times are in the unit
// of those summaries (weeks in the paper), and so is alpha.
import { invalidInput } from '../../domain/errors.ts';
import type { CustomerSummary } from './customer-summary.ts';
import { bgNbdLogLikelihoodWithGradient, type BgNbdParams } from './bg-nbd-likelihood.ts';
import { minimiseOverLogParams } from './log-param-fit.ts';
import { hyp2f1 } from './special-functions.ts';

export { bgNbdLogLikelihood, bgNbdLogLikelihoodWithGradient, type BgNbdParams } from './bg-nbd-likelihood.ts';

export interface BgNbdFit extends BgNbdParams {
  /** Total log-likelihood sum_i ln L_i at the solution (the paper reports -9582.4 on CDNOW), without penalty. */
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface BgNbdFitOptions {
  /**
   * L2 penalty on the parameters, as lifetimes: minimise -mean(ln L) + penalizer * (r^2 + alpha^2 + a^2 + b^2).
   * Default 0 (plain maximum likelihood).
   */
  readonly penalizer?: number;
  /** Starting point; default r = 1, a = 1, b = 1 and alpha = mean(T) / mean(x) (so r / alpha is the mean rate). */
  readonly start?: BgNbdParams;
  /** Step tolerance of the minimiser in log-parameters; default 1e-10. */
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

type Rfm = Pick<CustomerSummary, 'x' | 'tx' | 'T'>;

function checkRfm({ x, tx, T }: Rfm): void {
  if (!Number.isInteger(x) || x < 0 || !(tx >= 0) || !(T >= tx) || !Number.isFinite(T)) {
    throw invalidInput('a BG/NBD summary needs an integer x >= 0 and 0 <= t_x <= T (finite)', { x, tx, T });
  }
}

function checkParams(p: BgNbdParams): void {
  if (![p.r, p.alpha, p.a, p.b].every((v) => v > 0 && Number.isFinite(v))) {
    throw invalidInput('BG/NBD parameters must be positive and finite', { ...p });
  }
}

/** Maximum-likelihood fit over all summaries (customers with x = 0 included: they carry the drop-out signal). */
export function fitBgNbd(summaries: readonly Rfm[], options: BgNbdFitOptions = {}): BgNbdFit {
  const penalizer = options.penalizer ?? 0;
  if (!(penalizer >= 0) || !Number.isFinite(penalizer)) throw invalidInput('penalizer must be >= 0', { penalizer });
  if (summaries.length === 0) throw invalidInput('fitBgNbd needs at least one customer', {});
  // Customers with the same (x, t_x, T) contribute the same term: evaluate each distinct one once, weighted.
  const groups = new Map<string, { rfm: Rfm; count: number }>();
  let sumX = 0;
  let sumT = 0;
  for (const s of summaries) {
    checkRfm(s);
    sumX += s.x;
    sumT += s.T;
    const key = `${s.x}|${s.tx}|${s.T}`;
    const g = groups.get(key);
    if (g) g.count += 1;
    else groups.set(key, { rfm: { x: s.x, tx: s.tx, T: s.T }, count: 1 });
  }
  const n = summaries.length;
  const start = options.start ?? { r: 1, alpha: sumX > 0 && sumT > 0 ? sumT / sumX : 1, a: 1, b: 1 };
  checkParams(start);
  const totalLogLikelihood = (p: BgNbdParams): { value: number; gradient: number[] } => {
    let value = 0;
    const gradient = [0, 0, 0, 0];
    for (const { rfm, count } of groups.values()) {
      const term = bgNbdLogLikelihoodWithGradient(p, rfm);
      value += count * term.value;
      for (let k = 0; k < 4; k++) gradient[k] = (gradient[k] ?? 0) + count * (term.gradient[k] ?? 0);
    }
    return { value, gradient };
  };
  const toParams = (theta: readonly number[]): BgNbdParams => ({ r: theta[0] ?? NaN, alpha: theta[1] ?? NaN, a: theta[2] ?? NaN, b: theta[3] ?? NaN });
  const fit = minimiseOverLogParams(
    (theta) => {
      const { value, gradient } = totalLogLikelihood(toParams(theta));
      return {
        value: -value / n + penalizer * theta.reduce((s, t) => s + t * t, 0),
        gradient: gradient.map((g, k) => -g / n + 2 * penalizer * (theta[k] ?? 0)),
      };
    },
    [start.r, start.alpha, start.a, start.b],
    { tolerance: options.tolerance ?? 1e-10, maxIterations: options.maxIterations ?? 1000 },
  );
  const params = toParams(fit.theta);
  return { ...params, logLikelihood: totalLogLikelihood(params).value, iterations: fit.iterations, converged: fit.converged };
}

/**
 * ln of the odds that a customer with x >= 1 has dropped out versus is alive (Fader, Hardie & Lee 2005, eq. 11
 * rewritten; Fader & Hardie 2008, "Computing P(alive) using the BG/NBD model"):
 *   ln[ a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x) ].  Kept in logs: the power overflows for large x.
 */
function logDeadOdds({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  return Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/** P(alive | x, t_x, T) = 1 / (1 + delta_{x>0} a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)); 1 when x = 0. */
export function pAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  checkParams(params);
  checkRfm({ x, tx, T });
  // The model assumes drop-out happens only right after a purchase, so nobody is lost before the first repeat.
  if (x === 0) return 1;
  return 1 / (1 + Math.exp(logDeadOdds(params, x, tx, T)));
}

/**
 * (c/(a-1)) * [1 - q^k 2F1(k, beta; c; z)]: the shape shared by eq. 9 and 10. Its pole at a = 1 is removable
 * (then c = beta and 2F1 = (1 - z)^-k = q^-k, the bracket is 0): there, the mean of a = 1 +- 1e-6, error O(1e-12).
 */
function expectationCore(a: number, c: number, k: number, beta: number, q: number, z: number): number {
  const at = (aa: number, cc: number): number => (cc / (aa - 1)) * (1 - Math.pow(q, k) * hyp2f1(k, beta, cc, z));
  if (Math.abs(a - 1) >= 1e-6) return at(a, c);
  const h = 1e-6;
  return 0.5 * (at(1 + h, c - a + 1 + h) + at(1 - h, c - a + 1 - h));
}

/**
 * Expected purchases in the next t time units of a customer with history (x, t_x, T) (Fader, Hardie & Lee 2005,
 * eq. 10):
 *   E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1) * [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))]
 *                         / [1 + delta_{x>0} a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)]
 * t, t_x, T in the model's time unit.
 */
export function expectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  checkParams(params);
  checkRfm({ x, tx, T });
  if (!(t >= 0) || !Number.isFinite(t)) throw invalidInput('t must be a finite time >= 0', { t });
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  const k = r + x;
  const core = expectationCore(a, a + b + x - 1, k, b + x, (alpha + T) / (alpha + T + t), t / (alpha + T + t));
  const denominator = x > 0 ? 1 + Math.exp(logDeadOdds(params, x, tx, T)) : 1;
  return core / denominator;
}

/**
 * Expected purchases in (0, t] of a customer just acquired at time 0, unconditional on any history (Fader,
 * Hardie & Lee 2005, eq. 9):
 *   E[X(t)] = (a+b-1)/(a-1) * [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))].
 * For small t it is r t / alpha (everyone is alive at 0, mean rate r / alpha).
 */
export function expectedPurchasesNew(params: BgNbdParams, t: number): number {
  checkParams(params);
  if (!(t >= 0) || !Number.isFinite(t)) throw invalidInput('t must be a finite time >= 0', { t });
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  return expectationCore(a, a + b - 1, r, b, alpha / (alpha + t), t / (alpha + t));
}
