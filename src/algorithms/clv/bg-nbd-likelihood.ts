// BG/NBD log-likelihood of one customer (Fader, Hardie & Lee 2005, "Counting your customers the easy way:
// an alternative to the Pareto/NBD model", Marketing Science 24(2), eq. 6), and its gradient:
//   L(r, alpha, a, b | x, t_x, T) = B(a, b+x)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))
//                                 + delta_{x>0} B(a+1, b+x-1)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+t_x)^(r+x))
// In logs, as lifetimes 0.11.3 (BetaGeoFitter._negative_log_likelihood) writes it:
//   A1 = lnG(r+x) - lnG(r) + r ln alpha
//   A2 = lnG(a+b) + lnG(b+x) - lnG(b) - lnG(a+b+x)
//   A3 = -(r+x) ln(alpha+T)
//   A4 = ln a - ln(b+x-1) - (r+x) ln(alpha+t_x)            (x > 0 only)
//   ln L = A1 + A2 + ln(e^A3 + delta_{x>0} e^A4), the last by log-sum-exp around max(A3, A4): both terms are
//   tiny (e^-50 and below) for frequent, long-lived customers, and would underflow if exponentiated directly.
import { digamma, lgamma } from './special-functions.ts';
import type { CustomerSummary } from './customer-summary.ts';

export interface BgNbdParams {
  /** Shape of the gamma heterogeneity of the purchase rate lambda. */
  readonly r: number;
  /** Scale of that gamma (rate parameter), in the time unit of the summaries. */
  readonly alpha: number;
  /** Beta parameters of the drop-out probability p after each purchase. */
  readonly a: number;
  readonly b: number;
}

type Rfm = Pick<CustomerSummary, 'x' | 'tx' | 'T'>;

interface Terms {
  readonly a1: number;
  readonly a2: number;
  readonly a3: number;
  readonly a4: number; // -Infinity when x = 0: the second term is absent
}

function terms({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: Rfm): Terms {
  return {
    a1: lgamma(r + x) - lgamma(r) + r * Math.log(alpha),
    a2: lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x),
    a3: -(r + x) * Math.log(alpha + T),
    a4: x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : Number.NEGATIVE_INFINITY,
  };
}

/** ln L of one customer (eq. 6). */
export function bgNbdLogLikelihood(params: BgNbdParams, customer: Rfm): number {
  const { a1, a2, a3, a4 } = terms(params, customer);
  const m = Math.max(a3, a4);
  return a1 + a2 + m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
}

/**
 * ln L of one customer and its gradient in (r, alpha, a, b). With w3, w4 the shares of the two terms in the
 * log-sum-exp (w3 + w4 = 1), d ln L = dA1 + dA2 + w3 dA3 + w4 dA4, where
 *   dA1/dr = psi(r+x) - psi(r) + ln alpha          dA1/dalpha = r / alpha
 *   dA2/da = psi(a+b) - psi(a+b+x)                 dA2/db = psi(a+b) + psi(b+x) - psi(b) - psi(a+b+x)
 *   dA3/dr = -ln(alpha+T)                           dA3/dalpha = -(r+x)/(alpha+T)
 *   dA4/dr = -ln(alpha+t_x)   dA4/dalpha = -(r+x)/(alpha+t_x)   dA4/da = 1/a   dA4/db = -1/(b+x-1)
 */
export function bgNbdLogLikelihoodWithGradient(
  params: BgNbdParams,
  customer: Rfm,
): { readonly value: number; readonly gradient: readonly [number, number, number, number] } {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  const { a1, a2, a3, a4 } = terms(params, customer);
  const m = Math.max(a3, a4);
  const e3 = Math.exp(a3 - m);
  const e4 = Math.exp(a4 - m);
  const w3 = e3 / (e3 + e4);
  const w4 = e4 / (e3 + e4);
  const psiAb = digamma(a + b);
  const psiAbx = digamma(a + b + x);
  let dr = digamma(r + x) - digamma(r) + Math.log(alpha) - w3 * Math.log(alpha + T);
  let dAlpha = r / alpha - (w3 * (r + x)) / (alpha + T);
  let da = psiAb - psiAbx;
  let db = psiAb + digamma(b + x) - digamma(b) - psiAbx;
  if (x > 0) {
    dr -= w4 * Math.log(alpha + tx);
    dAlpha -= (w4 * (r + x)) / (alpha + tx);
    da += w4 / a;
    db -= w4 / (b + x - 1);
  }
  return { value: a1 + a2 + m + Math.log(e3 + e4), gradient: [dr, dAlpha, da, db] };
}
