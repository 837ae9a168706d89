import { describe, expect, it } from 'vitest';
import {
  expectedAverageValue,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodWithGradient,
  type GammaGammaParams,
} from '../../../src/algorithms/clv/index.ts';
import { createRng } from '../../../src/algorithms/recs/rng.ts';
import { expectAppError } from '../markov/expect-app-error.ts';
import { simulateCustomer } from './simulate.ts';

const P: GammaGammaParams = { p: 2, q: 3, gamma: 4 };

describe('Gamma-Gamma likelihood', () => {
  it('equals the closed form by hand for x = 2, m = 5', () => {
    // p x = 4: Gamma(7)/(Gamma(4) Gamma(3)) = 720/12 = 60; gamma^q = 64; x^(p x) = 16; m^(p x - 1) = 125;
    // (gamma + m x)^(p x + q) = 14^7.
    expect(gammaGammaLogLikelihood(P, { x: 2, monetary: 5 })).toBeCloseTo(Math.log((60 * 64 * 16 * 125) / Math.pow(14, 7)), 12);
  });

  it('has the gradient of its central finite differences', () => {
    const row = { x: 3, monetary: 21.5 };
    const { gradient } = gammaGammaLogLikelihoodWithGradient(P, row);
    (['p', 'q', 'gamma'] as const).forEach((key, k) => {
      const h = 1e-6;
      const up = gammaGammaLogLikelihood({ ...P, [key]: P[key] + h }, row);
      const down = gammaGammaLogLikelihood({ ...P, [key]: P[key] - h }, row);
      expect(gradient[k]).toBeCloseTo((up - down) / (2 * h), 6);
    });
  });
});

describe('expectedAverageValue', () => {
  it('is the population mean p gamma / (q - 1) for x = 0, whatever monetary', () => {
    expect(expectedAverageValue(P, 0, 0)).toBe(4);
    expect(expectedAverageValue(P, 0, 99)).toBe(4);
  });

  it('is p (gamma + m x) / (p x + q - 1) by hand, between the population mean and the own mean', () => {
    expect(expectedAverageValue(P, 2, 5)).toBeCloseTo(28 / 6, 14);
    expect(expectedAverageValue(P, 2, 1)).toBeCloseTo(12 / 6, 14); // 4 > 2 > 1
    // More evidence pulls towards the customer's own mean.
    const own = 50;
    const series = [1, 5, 50, 5000].map((x) => expectedAverageValue(P, x, own));
    for (let i = 1; i < series.length; i++) expect(series[i]).toBeGreaterThan(series[i - 1] ?? 0);
    expect(series[3]).toBeCloseTo(own, 0);
  });

  it('rejects q <= 1 for a new customer (infinite mean) and bad inputs', () => {
    expectAppError(() => expectedAverageValue({ p: 2, q: 0.9, gamma: 4 }, 0, 0));
    expectAppError(() => expectedAverageValue(P, -1, 3));
    expectAppError(() => fitGammaGamma([{ x: 0, monetary: 3 }]));
    expectAppError(() => fitGammaGamma([{ x: 2, monetary: 0 }]));
  });
});

describe('fitGammaGamma', () => {
  const TRUE: GammaGammaParams = { p: 6, q: 4, gamma: 15 };
  const rng = createRng(1);
  const rows = Array.from({ length: 3000 }, () => simulateCustomer(rng, { r: 0.5, alpha: 4, a: 0.8, b: 2.5 }, TRUE, 26 + rng.next() * 26)).filter(
    (c) => c.x >= 1,
  );
  const fit = fitGammaGamma(rows);

  it('recovers the population mean spend p gamma / (q - 1) within 3 % and each parameter within 15 %', () => {
    expect(fit.converged).toBe(true);
    expect(Math.abs((fit.p * fit.gamma) / (fit.q - 1) / 30 - 1)).toBeLessThan(0.03);
    for (const key of ['p', 'q', 'gamma'] as const) expect(Math.abs(fit[key] / TRUE[key] - 1)).toBeLessThan(0.15);
  });

  it('ends at a maximum: every 1 % move of one parameter lowers the log-likelihood', () => {
    const ll = (p: GammaGammaParams): number => rows.reduce((s, r) => s + gammaGammaLogLikelihood(p, r), 0);
    expect(fit.logLikelihood).toBeCloseTo(ll(fit), 8);
    for (const key of ['p', 'q', 'gamma'] as const) {
      for (const factor of [0.99, 1.01]) expect(ll({ ...fit, [key]: fit[key] * factor })).toBeLessThan(fit.logLikelihood);
    }
  });
});
