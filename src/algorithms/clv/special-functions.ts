// Special functions the buy-till-you-die likelihoods need: log-gamma, digamma (for analytic gradients) and the
// Gauss hypergeometric function 2F1 (BG/NBD expectations, Fader, Hardie & Lee 2005 eq. 9 and 10).
import { invalidInput } from '../../domain/errors.ts';

// Lanczos approximation (Lanczos 1964, "A precision approximation of the gamma function", SIAM J. Numer.
// Anal. B 1(1)), g = 7, n = 9 coefficients (the set given by Press et al., Numerical Recipes, and Godfrey):
//   Gamma(z + 1) = sqrt(2 pi) (z + g + 1/2)^(z + 1/2) e^-(z + g + 1/2) A_g(z),
//   A_g(z) = c0 + sum_k c_k / (z + k).
// Worked in logs so large arguments do not overflow; relative error about 1e-15 for z > 0.
const LANCZOS_G = 7;
const LANCZOS_C = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln |Gamma(x)| for finite x that is not a non-positive integer (a pole). */
export function lgamma(x: number): number {
  if (!Number.isFinite(x)) throw invalidInput('lgamma needs a finite argument', { x });
  if (x <= 0 && Number.isInteger(x)) throw invalidInput('lgamma has a pole at non-positive integers', { x });
  // Reflection Gamma(x) Gamma(1 - x) = pi / sin(pi x) for the left half-plane, where Lanczos loses accuracy.
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS_C[0];
  for (let k = 1; k < LANCZOS_C.length; k++) sum += (LANCZOS_C[k] ?? 0) / (z + k);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Digamma psi(x) = d/dx ln Gamma(x) for x > 0: the recurrence psi(x) = psi(x + 1) - 1/x lifts x to >= 10, then
 * the asymptotic series psi(x) ~ ln x - 1/(2x) - sum B_2k / (2k x^2k) (Abramowitz & Stegun 6.3.18), truncated
 * after x^-12 (the next term, 1/(12 x^14), is below 1e-15 there).
 */
export function digamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw invalidInput('digamma needs a positive finite argument', { x });
  let acc = 0;
  let y = x;
  while (y < 10) {
    acc -= 1 / y;
    y += 1;
  }
  const inv2 = 1 / (y * y);
  // B2/2 = 1/12, B4/4 = -1/120, B6/6 = 1/252, B8/8 = -1/240, B10/10 = 1/132, B12/12 = -691/32760
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760))))));
  return acc + Math.log(y) - 0.5 / y - series;
}

export interface Hyp2f1Options {
  /** Relative accuracy: stop when the bound on the remaining tail is below tolerance * |sum|. Default 1e-15. */
  readonly tolerance?: number;
  /** Convergence guard: give up (INVALID_INPUT) after this many terms rather than loop for ever. */
  readonly maxTerms?: number;
}

/**
 * Gauss hypergeometric function by its defining series (Abramowitz & Stegun 15.1.1):
 *   2F1(a, b; c; z) = sum_n (a)_n (b)_n / ((c)_n n!) z^n,   term_{n+1} = term_n (a+n)(b+n) / ((c+n)(n+1)) z.
 * Converges for |z| < 1. The term ratio is z (1 + (a + b - c - 1)/n + O(n^-2)): eventually monotone, tending to
 * z from above or below. Once monotone, the tail after a term is at most term * m / (1 - m) with m the larger of
 * |z| and the next ratio, and the loop stops when that bound is below tolerance * |sum|. The BG/NBD calls it with
 * z = t / (alpha + T + t) in [0, 1) and positive a, b, c (all terms positive). Slow when z is near 1 (a long
 * horizon against a short alpha), hence the guard on the number of terms.
 */
export function hyp2f1(a: number, b: number, c: number, z: number, options: Hyp2f1Options = {}): number {
  const tolerance = options.tolerance ?? 1e-15;
  const maxTerms = options.maxTerms ?? 1_000_000;
  if (![a, b, c, z].every(Number.isFinite)) throw invalidInput('hyp2f1 needs finite arguments', { a, b, c, z });
  if (!(Math.abs(z) < 1)) throw invalidInput('hyp2f1 series needs |z| < 1', { a, b, c, z });
  if (c <= 0 && Number.isInteger(c)) throw invalidInput('hyp2f1 is undefined for c a non-positive integer', { c });
  const absZ = Math.abs(z);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < maxTerms; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    // A zero term means a or b is a non-positive integer: the series is a polynomial and has ended.
    if (term === 0) return sum;
    const nextRatio = Math.abs(((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2))) * absZ;
    const m = Math.max(absZ, nextRatio);
    if (m < 1 && (Math.abs(term) * m) / (1 - m) <= tolerance * Math.abs(sum)) return sum;
  }
  throw invalidInput('hyp2f1 series did not converge', { a, b, c, z, maxTerms });
}
