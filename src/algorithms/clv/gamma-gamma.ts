// Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves
// for customer base analysis", Journal of Marketing Research 42(4), 415-430, appendix; Fader & Hardie 2013,
// "The Gamma-Gamma model of monetary value"). A customer's transaction values are z_j ~ Gamma(p, nu), her
// scale nu ~ Gamma(q, gamma) across customers, independent of the BG/NBD purchase process. For x repeat
// transactions with mean m, x m ~ Gamma(p x, nu); integrating nu out gives the likelihood (2013 note):
//   f(m | p, q, gamma; x) = Gamma(p x + q) / (Gamma(p x) Gamma(q)) * gamma^q x^(p x) m^(p x - 1) / (gamma + m x)^(p x + q)
// which lifetimes 0.11.3 (GammaGammaFitter) maximises in the same form. Only customers with x >= 1 enter.
import { invalidInput } from '../../domain/errors.ts';
import { minimiseOverLogParams } from './log-param-fit.ts';
import { digamma, lgamma } from './special-functions.ts';

export interface GammaGammaParams {
  /** Shape of the per-transaction spend distribution. */
  readonly p: number;
  /** Shape and scale of the gamma heterogeneity of the spend scale nu across customers. */
  readonly q: number;
  readonly gamma: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  /** Total log-likelihood over the customers fitted, without penalty. */
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface SpendRow {
  /** Number of repeat transactions (>= 1 to enter the fit). */
  readonly x: number;
  /** Their mean value, > 0. */
  readonly monetary: number;
}

export interface GammaGammaFitOptions {
  /** L2 penalty, as lifetimes: minimise -mean(ln f) + penalizer * (p^2 + q^2 + gamma^2). Default 0. */
  readonly penalizer?: number;
  /** Default p = 1, q = 2, gamma = mean of the monetary values (then the model's mean spend p gamma/(q-1) matches it). */
  readonly start?: GammaGammaParams;
  /** Step tolerance of the minimiser in log-parameters; default 1e-10. */
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

function checkRow({ x, monetary }: SpendRow): void {
  if (!Number.isInteger(x) || x < 1 || !(monetary > 0) || !Number.isFinite(monetary)) {
    throw invalidInput('a Gamma-Gamma row needs an integer x >= 1 and a positive finite monetary value', { x, monetary });
  }
}

/**
 * ln f(m | p, q, gamma; x) of one customer and its gradient in (p, q, gamma):
 *   d/dp     = x [psi(p x + q) - psi(p x) + ln m + ln x - ln(gamma + m x)]
 *   d/dq     = psi(p x + q) - psi(q) + ln gamma - ln(gamma + m x)
 *   d/dgamma = q / gamma - (p x + q) / (gamma + m x)
 */
export function gammaGammaLogLikelihoodWithGradient(
  { p, q, gamma }: GammaGammaParams,
  { x, monetary: m }: SpendRow,
): { readonly value: number; readonly gradient: readonly [number, number, number] } {
  const px = p * x;
  const logPool = Math.log(gamma + m * x);
  const value =
    lgamma(px + q) - lgamma(px) - lgamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * logPool;
  const psiPxq = digamma(px + q);
  return {
    value,
    gradient: [
      x * (psiPxq - digamma(px) + Math.log(m) + Math.log(x) - logPool),
      psiPxq - digamma(q) + Math.log(gamma) - logPool,
      q / gamma - (px + q) / (gamma + m * x),
    ],
  };
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, row: SpendRow): number {
  return gammaGammaLogLikelihoodWithGradient(params, row).value;
}

/** Maximum-likelihood fit; every row must have x >= 1 (filter the one-time buyers out before). */
export function fitGammaGamma(rows: readonly SpendRow[], options: GammaGammaFitOptions = {}): GammaGammaFit {
  const penalizer = options.penalizer ?? 0;
  if (!(penalizer >= 0) || !Number.isFinite(penalizer)) throw invalidInput('penalizer must be >= 0', { penalizer });
  if (rows.length === 0) throw invalidInput('fitGammaGamma needs at least one customer with x >= 1', {});
  rows.forEach(checkRow);
  const n = rows.length;
  const start = options.start ?? { p: 1, q: 2, gamma: rows.reduce((s, r) => s + r.monetary, 0) / n };
  if (![start.p, start.q, start.gamma].every((v) => v > 0 && Number.isFinite(v))) throw invalidInput('start must be positive', { ...start });
  const total = (params: GammaGammaParams): { value: number; gradient: number[] } => {
    let value = 0;
    const gradient = [0, 0, 0];
    for (const row of rows) {
      const term = gammaGammaLogLikelihoodWithGradient(params, row);
      value += term.value;
      for (let k = 0; k < 3; k++) gradient[k] = (gradient[k] ?? 0) + (term.gradient[k] ?? 0);
    }
    return { value, gradient };
  };
  const toParams = (theta: readonly number[]): GammaGammaParams => ({ p: theta[0] ?? NaN, q: theta[1] ?? NaN, gamma: theta[2] ?? NaN });
  const fit = minimiseOverLogParams(
    (theta) => {
      const { value, gradient } = total(toParams(theta));
      return {
        value: -value / n + penalizer * theta.reduce((s, t) => s + t * t, 0),
        gradient: gradient.map((g, k) => -g / n + 2 * penalizer * (theta[k] ?? 0)),
      };
    },
    [start.p, start.q, start.gamma],
    { tolerance: options.tolerance ?? 1e-10, maxIterations: options.maxIterations ?? 1000 },
  );
  const params = toParams(fit.theta);
  return { ...params, logLikelihood: total(params).value, iterations: fit.iterations, converged: fit.converged };
}

/**
 * Expected value of a future transaction of a customer with x repeat transactions of mean `monetary`
 * (Fader, Hardie & Lee 2005 JMR; the 2013 note):
 *   E[Z | p, q, gamma, m, x] = p (gamma + m x) / (p x + q - 1)
 *                            = (q-1)/(p x + q - 1) * p gamma/(q-1) + p x/(p x + q - 1) * m,
 * a weighted mean of the population mean p gamma / (q - 1) and the customer's own mean. x = 0 gives the population
 * mean (monetary ignored), which exists only for q > 1.
 */
export function expectedAverageValue(params: GammaGammaParams, x: number, monetary: number): number {
  const { p, q, gamma } = params;
  if (![p, q, gamma].every((v) => v > 0 && Number.isFinite(v))) throw invalidInput('Gamma-Gamma parameters must be positive and finite', { ...params });
  if (!Number.isInteger(x) || x < 0 || !(monetary >= 0) || !Number.isFinite(monetary)) {
    throw invalidInput('expectedAverageValue needs an integer x >= 0 and a finite monetary value >= 0', { x, monetary });
  }
  if (!(p * x + q > 1)) throw invalidInput('the expected spend is infinite unless p x + q > 1', { p, q, x });
  return x === 0 ? (p * gamma) / (q - 1) : (p * (gamma + monetary * x)) / (p * x + q - 1);
}
