import { describe, expect, it } from 'vitest';
import {
  bgNbdLogLikelihood,
  bgNbdLogLikelihoodWithGradient,
  expectedPurchases,
  expectedPurchasesNew,
  fitBgNbd,
  lgamma,
  pAlive,
  type BgNbdParams,
} from '../../../src/algorithms/clv/index.ts';
import { createRng } from '../../../src/algorithms/recs/rng.ts';
import { expectAppError } from '../markov/expect-app-error.ts';
import { simulateCustomer } from './simulate.ts';

const P: BgNbdParams = { r: 0.5, alpha: 2, a: 1.5, b: 3 };

describe('BG/NBD log-likelihood (FHL 2005 eq. 6)', () => {
  it('equals the closed form computed by hand for x = 2, t_x = 3, T = 5', () => {
    // Gamma(r+x)/Gamma(r) = Gamma(2.5)/Gamma(0.5) = 1.5 * 0.5; B(a, b+x)/B(a, b) = [Gamma(5)/Gamma(3)] [Gamma(4.5)/Gamma(6.5)]
    // = 12 / (5.5 * 4.5); B(a+1, b+x-1)/B(a, b) = a [Gamma(4)/Gamma(3)] [Gamma(4.5)/Gamma(6.5)] = 1.5 * 3 / 24.75.
    const common = 0.75 * Math.SQRT2; // Gamma(r+x)/Gamma(r) * alpha^r
    const L = common * ((12 / 24.75) / Math.pow(7, 2.5) + (4.5 / 24.75) / Math.pow(5, 2.5));
    expect(bgNbdLogLikelihood(P, { x: 2, tx: 3, T: 5 })).toBeCloseTo(Math.log(L), 12);
  });

  it('for x = 0 is (alpha / (alpha + T))^r: alive, no purchase', () => {
    expect(bgNbdLogLikelihood(P, { x: 0, tx: 0, T: 5 })).toBeCloseTo(0.5 * Math.log(2 / 7), 13);
  });

  it('stays finite where the two terms underflow (log-sum-exp)', () => {
    // A3 = -(r+x) ln(alpha+T) = -400.5 ln 402 < -2400 and A4 likewise: e^A3 + e^A4 is 0 in doubles.
    expect(-(P.r + 400) * Math.log(P.alpha + 400)).toBeLessThan(-745);
    const ll = bgNbdLogLikelihood(P, { x: 400, tx: 300, T: 400 });
    expect(Number.isFinite(ll)).toBe(true);
    // ln of eq. 6 with the common factor taken out by hand: ln[Gamma(r+x) alpha^r / Gamma(r)] + ln[B(a, b+x)/B(a, b)]
    // + ln[(alpha+T)^-(r+x) + a/(b+x-1) (alpha+t_x)^-(r+x)], the last written as a4 + ln(1 + e^(a3 - a4)).
    const a3 = -(P.r + 400) * Math.log(P.alpha + 400);
    const a4 = Math.log(P.a) - Math.log(P.b + 399) - (P.r + 400) * Math.log(P.alpha + 300);
    const a12 = lgamma(400.5) - lgamma(0.5) + 0.5 * Math.LN2 + lgamma(4.5) + lgamma(403) - lgamma(3) - lgamma(404.5);
    expect(ll).toBeCloseTo(a12 + a4 + Math.log1p(Math.exp(a3 - a4)), 9);
  });

  it('has the gradient of its central finite differences', () => {
    const customer = { x: 3, tx: 4.5, T: 9 };
    const { value, gradient } = bgNbdLogLikelihoodWithGradient(P, customer);
    expect(value).toBeCloseTo(bgNbdLogLikelihood(P, customer), 14);
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    keys.forEach((key, k) => {
      const h = 1e-6;
      const up = bgNbdLogLikelihood({ ...P, [key]: P[key] + h }, customer);
      const down = bgNbdLogLikelihood({ ...P, [key]: P[key] - h }, customer);
      expect(gradient[k]).toBeCloseTo((up - down) / (2 * h), 6);
    });
  });
});

describe('P(alive)', () => {
  it('is 1 for x = 0 whatever T', () => {
    expect(pAlive(P, 0, 0, 0)).toBe(1);
    expect(pAlive(P, 0, 0, 100)).toBe(1);
  });

  it('equals 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)) by hand', () => {
    expect(pAlive(P, 2, 3, 5)).toBeCloseTo(1 / (1 + (1.5 / 4) * Math.pow(7 / 5, 2.5)), 14);
  });

  it('falls as silence since the last purchase grows, and is 1/(1 + a/(b+x-1)) right after a purchase', () => {
    expect(pAlive(P, 2, 5, 5)).toBeCloseTo(1 / (1 + 1.5 / 4), 14);
    const series = [5, 6, 10, 20].map((T) => pAlive(P, 2, 5, T));
    for (let i = 1; i < series.length; i++) expect(series[i]).toBeLessThan(series[i - 1] ?? 0);
  });
});

// With r = 1, a = 2, b = 1 the 2F1 in eq. 9 is 2F1(1, 1; 2; z) = -ln(1-z)/z, so by hand
// E[X(t)] = 2 [1 - (alpha/t) ln((alpha+t)/alpha)].
const SIMPLE: BgNbdParams = { r: 1, alpha: 1, a: 2, b: 1 };

describe('expectedPurchasesNew (eq. 9)', () => {
  it('matches the hand value for the elementary case', () => {
    expect(expectedPurchasesNew(SIMPLE, 1)).toBeCloseTo(2 * (1 - Math.LN2), 13);
    expect(expectedPurchasesNew({ ...SIMPLE, alpha: 3 }, 2)).toBeCloseTo(2 * (1 - 1.5 * Math.log(5 / 3)), 13);
  });

  it('is 0 at t = 0 and r t / alpha for small t (all alive at the start, mean rate r/alpha)', () => {
    const params: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(expectedPurchasesNew(params, 0)).toBe(0);
    const t = 1e-4;
    expect(expectedPurchasesNew(params, t) / ((params.r * t) / params.alpha)).toBeCloseTo(1, 4);
  });

  it('increases with t and is continuous through the removable pole at a = 1', () => {
    const values = [1, 5, 20, 80].map((t) => expectedPurchasesNew(P, t));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1] ?? 0);
    // At a = 1 the formula is 0/0; the value must be the limit: the mean of a = 1 +- h, up to O(h^2).
    const at1 = expectedPurchasesNew({ ...P, a: 1 }, 10);
    const h = 1e-3;
    expect(at1).toBeCloseTo((expectedPurchasesNew({ ...P, a: 1 + h }, 10) + expectedPurchasesNew({ ...P, a: 1 - h }, 10)) / 2, 6);
    expect(Math.abs(at1 - expectedPurchasesNew({ ...P, a: 1 + h }, 10))).toBeLessThan(1e-3);
  });
});

describe('expectedPurchases (eq. 10)', () => {
  it('for a customer with no history at age 0 equals eq. 9', () => {
    expect(expectedPurchases(P, 7, 0, 0, 0)).toBeCloseTo(expectedPurchasesNew(P, 7), 13);
  });

  it('matches hand values for the elementary case', () => {
    // x = 0, T = 1, t = 1: 2 [1 - (2/3) 2F1(1,1;2;1/3)] = 2 [1 - 2 ln(3/2)].
    expect(expectedPurchases(SIMPLE, 1, 0, 0, 1)).toBeCloseTo(2 * (1 - 2 * Math.log(1.5)), 13);
    // x = 1, t_x = 0.5, T = 1, t = 1: (a+b+x-1)/(a-1) = 3, z = 1/3, 2F1(2,2;3;z) = 2 d/dz[-ln(1-z)/z]
    // = 2 [1/(z(1-z)) + ln(1-z)/z^2] = 9 + 18 ln(2/3); denominator 1 + (2/1) (2/1.5)^2.
    const f = 9 + 18 * Math.log(2 / 3);
    expect(expectedPurchases(SIMPLE, 1, 1, 0.5, 1)).toBeCloseTo((3 * (1 - (4 / 9) * f)) / (1 + 2 * (16 / 9)), 13);
  });

  it('is 0 for t = 0, and lower for a customer silent for longer (same x)', () => {
    expect(expectedPurchases(P, 0, 3, 4, 9)).toBe(0);
    expect(expectedPurchases(P, 10, 3, 4, 30)).toBeLessThan(expectedPurchases(P, 10, 3, 8.5, 30));
  });

  it('rejects an impossible history', () => {
    expectAppError(() => expectedPurchases(P, 1, 2, 6, 5)); // t_x > T
    expectAppError(() => expectedPurchases(P, 1, 1.5, 1, 5)); // non-integer x
    expectAppError(() => pAlive({ ...P, r: 0 }, 1, 1, 2));
  });
});

describe('fitBgNbd', () => {
  // 3,000 customers simulated from the model itself (seeded), observed for 26 to 52 weeks.
  const TRUE: BgNbdParams = { r: 0.5, alpha: 4, a: 0.8, b: 2.5 };
  const rng = createRng(1);
  const data = Array.from({ length: 3000 }, () => simulateCustomer(rng, TRUE, { p: 6, q: 4, gamma: 15 }, 26 + rng.next() * 26));
  const fit = fitBgNbd(data);

  it('recovers the parameters it simulated from (within 10 %)', () => {
    expect(fit.converged).toBe(true);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit[key] / TRUE[key] - 1)).toBeLessThan(0.1);
  });

  it('ends at a maximum: every 1 % move of one parameter lowers the log-likelihood', () => {
    const ll = (p: BgNbdParams): number => data.reduce((s, c) => s + bgNbdLogLikelihood(p, c), 0);
    expect(fit.logLikelihood).toBeCloseTo(ll(fit), 8);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      for (const factor of [0.99, 1.01]) expect(ll({ ...fit, [key]: fit[key] * factor })).toBeLessThan(fit.logLikelihood);
    }
  });

  it('reaches the same maximum from another start', () => {
    const other = fitBgNbd(data, { start: { r: 2, alpha: 1, a: 3, b: 0.5 } });
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(other[key]).toBeCloseTo(fit[key], 4);
  });

  it('with a penalizer shrinks the squared parameter norm', () => {
    const norm = (p: BgNbdParams): number => p.r ** 2 + p.alpha ** 2 + p.a ** 2 + p.b ** 2;
    expect(norm(fitBgNbd(data, { penalizer: 0.01 }))).toBeLessThan(norm(fit));
  });

  it('rejects an empty set, a negative penalizer and an impossible summary', () => {
    expectAppError(() => fitBgNbd([]));
    expectAppError(() => fitBgNbd(data, { penalizer: -1 }));
    expectAppError(() => fitBgNbd([{ x: 1, tx: 3, T: 2 }]));
  });
});
