import { describe, expect, it } from 'vitest';
import {
  absorbingAnalysis,
  absorptionProbabilities,
  chainFromMatrix,
  churnRisk,
  estimateChain,
} from '../../../src/algorithms/markov/index.ts';
import { expectAppError } from './expect-app-error.ts';
import { handCounts } from './hand-log.ts';

const rounded = (a: Float64Array, digits = 12): number[] => [...a].map((v) => Number(v.toFixed(digits)));

describe('absorbingAnalysis: drunkard\'s walk (Grinstead & Snell, Example 11.13 / 11.15)', () => {
  // States 0..4 on a line, p = 1/2 left or right; 0 and 4 absorbing.
  const walk = chainFromMatrix(
    ['0', '1', '2', '3', '4'],
    [
      [1, 0, 0, 0, 0],
      [0.5, 0, 0.5, 0, 0],
      [0, 0.5, 0, 0.5, 0],
      [0, 0, 0.5, 0, 0.5],
      [0, 0, 0, 0, 1],
    ],
  );
  const a = absorbingAnalysis(walk, ['0', '4']);

  it('puts the chain in canonical form', () => {
    expect(a.transient).toEqual(['1', '2', '3']);
    expect(a.outcomes).toEqual(['0', '4']);
    expect(a.noDataStates).toEqual([]);
    expect([...a.q]).toEqual([0, 0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0]);
    expect([...a.r]).toEqual([0.5, 0, 0, 0, 0, 0.5]);
  });

  it('N = (I - Q)^-1 = [[1.5, 1, 0.5], [1, 2, 1], [0.5, 1, 1.5]]', () => {
    expect(rounded(a.fundamental)).toEqual([1.5, 1, 0.5, 1, 2, 1, 0.5, 1, 1.5]);
  });

  it('t = N 1 = [3, 4, 3]', () => {
    expect(rounded(a.expectedSteps)).toEqual([3, 4, 3]);
  });

  it('B = N R = [[.75, .25], [.5, .5], [.25, .75]]', () => {
    expect(rounded(a.absorption)).toEqual([0.75, 0.25, 0.5, 0.5, 0.25, 0.75]);
    expect(absorptionProbabilities(a, '1')['0']).toBeCloseTo(0.75, 12);
    expect(absorptionProbabilities(a, '4')).toEqual({ '0': 0, '4': 1 });
  });
});

describe('absorbingAnalysis on the hand log (purchase, cancel, EXIT absorbing)', () => {
  // Transient START, view, cart; favourite has no data -> extra outcome.
  // From view: h_purchase = 1/5 h + 2/5 * 1/2 -> 1/4; h_cancel = 1/4; h_EXIT = 1/5 h + 2/5 -> 1/2.
  // t_cart = 1, t_view = 1 + t_view / 5 + 2 t_cart / 5 -> 7/4, t_START = 1 + t_view = 11/4.
  const a = absorbingAnalysis(estimateChain(handCounts()));

  it('excludes no-data states from Q and lists them as outcomes', () => {
    expect(a.transient).toEqual(['START', 'view', 'cart']);
    expect(a.outcomes).toEqual(['purchase', 'cancel', 'EXIT', 'favourite']);
    expect(a.noDataStates).toEqual(['favourite']);
  });

  it('absorption probabilities and expected steps match the hand solution', () => {
    expect(rounded(a.absorption)).toEqual([0.25, 0.25, 0.5, 0, 0.25, 0.25, 0.5, 0, 0.5, 0.5, 0, 0]);
    expect(rounded(a.expectedSteps)).toEqual([2.75, 1.75, 1]);
    // N = (I - Q)^-1 with I - Q = [[1, -1, 0], [0, 4/5, -2/5], [0, 0, 1]]
    expect(rounded(a.fundamental)).toEqual([1, 1.25, 0.5, 0, 1.25, 0.5, 0, 0, 1]);
  });

  it('every row of B sums to 1', () => {
    const o = a.outcomes.length;
    for (let i = 0; i < a.transient.length; i++) {
      expect(a.absorption.subarray(i * o, (i + 1) * o).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    }
  });

  it('churnRisk: P(EXIT first) from view = 1/2, purchase 1/4, cancel 1/4 in other', () => {
    expect(churnRisk(a, 'view')).toEqual({ state: 'view', exit: 0.5, purchase: 0.25, other: 0.25 });
    const cart = churnRisk(a, 'cart');
    expect([cart.exit, cart.purchase, cart.other]).toEqual([0, 0.5, 0.5]);
    expect(churnRisk(a, 'EXIT')).toMatchObject({ exit: 1, purchase: 0, other: 0 });
    expect(churnRisk(a, 'purchase')).toMatchObject({ exit: 0, purchase: 1, other: 0 });
  });

  it('churnRisk rejects unknown states and a purchase state that is not absorbing', () => {
    expectAppError(() => churnRisk(a, 'nope'));
    expectAppError(() => churnRisk(a, 'view', { purchaseState: 'cart' }));
  });
});

describe('absorbingAnalysis errors and edge rules', () => {
  it('a closed transient class (A <-> B never reaching X) is INVALID_INPUT naming A and B', () => {
    const c = chainFromMatrix(['A', 'B', 'X'], [[0, 1, 0], [1, 0, 0], [0, 0, 1]]);
    const err = expectAppError(() => absorbingAnalysis(c, ['X']));
    expect(err.message).toContain('A, B');
    expect(err.details['states']).toEqual(['A', 'B']);
  });

  it('an absorbing row left out of the absorbing list is a closed class too', () => {
    const c = chainFromMatrix(['S', 'X', 'Y'], [[0, 0.5, 0.5], [0, 1, 0], [0, 0, 1]]);
    expect(expectAppError(() => absorbingAnalysis(c, ['X'])).details['states']).toEqual(['Y']);
    expect(rounded(absorbingAnalysis(c, ['X', 'Y']).absorption)).toEqual([0.5, 0.5]);
  });

  it('a nearly closed class (leak 1e-15) is reported as ill-conditioned, naming a state', () => {
    const leak = 1e-15;
    const c = chainFromMatrix(['A', 'B', 'X'], [[0, 1 - leak, leak], [1, 0, 0], [0, 0, 1]]);
    const err = expectAppError(() => absorbingAnalysis(c, ['X']));
    expect(err.message).toMatch(/ill-conditioned at transient state '(A|B)'/);
  });

  it('mass reaching a no-data state is kept as its own outcome', () => {
    const c = chainFromMatrix(['S', 'M', 'X'], [[0, 0.5, 0.5], null, [0, 0, 1]]);
    const a = absorbingAnalysis(c, ['X']);
    expect(a.outcomes).toEqual(['X', 'M']);
    expect([...a.absorption]).toEqual([0.5, 0.5]);
    expect([...a.expectedSteps]).toEqual([1]);
  });

  it('rejects an empty, duplicated or unknown absorbing list', () => {
    const c = chainFromMatrix(['S', 'X'], [[0, 1], [0, 1]]);
    expectAppError(() => absorbingAnalysis(c, []));
    expectAppError(() => absorbingAnalysis(c, ['X', 'X']));
    expectAppError(() => absorbingAnalysis(c, ['Z']));
  });
});
