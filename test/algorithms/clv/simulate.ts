// Seeded simulation of the BG/NBD and Gamma-Gamma generative stories, for parameter-recovery tests.
import type { Rng } from '../../../src/algorithms/recs/rng.ts';
import type { BgNbdParams, CustomerSummary, GammaGammaParams } from '../../../src/algorithms/clv/index.ts';

/** Gamma(shape, rate) by Marsaglia & Tsang (2000); shape < 1 boosted by U^(1/shape). */
export function sampleGamma(rng: Rng, shape: number, rate: number): number {
  if (shape < 1) return sampleGamma(rng, shape + 1, rate) * Math.pow(rng.next() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.normal();
    const v = Math.pow(1 + c * z, 3);
    if (v <= 0) continue;
    const u = rng.next();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/**
 * One customer observed for T after a trial purchase at 0: purchases at rate lambda ~ Gamma(r, alpha) while
 * alive; after each repeat purchase she drops out with probability p ~ Beta(a, b). Spend per repeat purchase
 * z ~ Gamma(p_s, nu), nu ~ Gamma(q, gamma).
 */
export function simulateCustomer(rng: Rng, bg: BgNbdParams, gg: GammaGammaParams, T: number): CustomerSummary {
  const lambda = sampleGamma(rng, bg.r, bg.alpha);
  const g1 = sampleGamma(rng, bg.a, 1);
  const dropout = g1 / (g1 + sampleGamma(rng, bg.b, 1));
  const nu = sampleGamma(rng, gg.q, gg.gamma);
  let t = 0;
  let x = 0;
  let tx = 0;
  let spend = 0;
  for (;;) {
    t += -Math.log(1 - rng.next()) / lambda;
    if (t > T) break;
    x += 1;
    tx = t;
    spend += sampleGamma(rng, gg.p, nu);
    if (rng.next() < dropout) break;
  }
  return { x, tx, T, monetary: x === 0 ? 0 : spend / x };
}
