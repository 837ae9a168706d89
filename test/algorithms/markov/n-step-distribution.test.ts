import { describe, expect, it } from 'vitest';
import { chainFromMatrix, estimateChain, nStepDistribution, type MarkovChain } from '../../../src/algorithms/markov/index.ts';
import { expectAppError } from './expect-app-error.ts';
import { handCounts } from './hand-log.ts';

/** P^n by explicit matrix products (the reference the vector iteration must match). */
function matrixPower(chain: MarkovChain, n: number): number[][] {
  const k = chain.states.length;
  const p = chain.rows.map((r) => [...(r.probabilities ?? new Float64Array(k))]);
  let m: number[][] = p.map((_, i) => p.map((__, j) => (i === j ? 1 : 0)));
  for (let step = 0; step < n; step++) {
    m = m.map((mi) => p.map((_, j) => mi.reduce((s, v, l) => s + v * (p[l]?.[j] ?? 0), 0)));
  }
  return m;
}

describe('nStepDistribution', () => {
  const chain = estimateChain(handCounts(), { alpha: 0.5 });

  it('n = 0 is the initial distribution', () => {
    expect([...nStepDistribution(chain, 'view', 0).probabilities]).toEqual([0, 1, 0, 0, 0, 0, 0]);
  });

  it('hand values from START (alpha = 0): n = 2 -> view .2, cart .4, EXIT .4; n = 3 adds purchase/cancel .2', () => {
    const ml = estimateChain(handCounts());
    // order: START, view, favourite, cart, purchase, cancel, EXIT
    const two = [...nStepDistribution(ml, 'START', 2).probabilities];
    [0, 0.2, 0, 0.4, 0, 0, 0.4].forEach((p, i) => expect(two[i]).toBeCloseTo(p, 15));
    const three = [...nStepDistribution(ml, 'START', 3).probabilities];
    [0, 0.04, 0, 0.08, 0.2, 0.2, 0.48].forEach((p, i) => expect(three[i]).toBeCloseTo(p, 15));
  });

  it('equals the rows of P^n computed by matrix products, and each row sums to 1', () => {
    const fullData = chainFromMatrix(
      ['a', 'b', 'c'],
      [
        [0.1, 0.6, 0.3],
        [0.5, 0, 0.5],
        [0.2, 0.2, 0.6],
      ],
    );
    for (const n of [1, 2, 5, 12]) {
      const pn = matrixPower(fullData, n);
      fullData.states.forEach((s, i) => {
        const r = nStepDistribution(fullData, s, n);
        expect(r.unresolvedMass).toBe(0);
        r.probabilities.forEach((p, j) => expect(p).toBeCloseTo(pn[i]?.[j] ?? NaN, 12));
        expect(r.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      });
    }
  });

  it('mass reaching a no-data row is reported as unresolved, not propagated', () => {
    // S -> M or X with 1/2 each; M has no data; X absorbing.
    const c = chainFromMatrix(['S', 'M', 'X'], [[0, 0.5, 0.5], null, [0, 0, 1]]);
    const r = nStepDistribution(c, 'S', 2);
    expect([...r.probabilities]).toEqual([0, 0, 0.5]);
    expect(r.unresolvedMass).toBe(0.5);
  });

  it('the hand chain keeps total mass 1 (favourite is never reached from START)', () => {
    const r = nStepDistribution(chain, 'START', 6);
    expect(r.probabilities.reduce((a, b) => a + b, 0) + r.unresolvedMass).toBeCloseTo(1, 12);
  });

  it('rejects a negative or fractional n', () => {
    expectAppError(() => nStepDistribution(chain, 'START', -1));
    expectAppError(() => nStepDistribution(chain, 'START', 1.5));
  });
});
