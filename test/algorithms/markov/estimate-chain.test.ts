import { describe, expect, it } from 'vitest';
import { estimateChain, type ChainRow, type MarkovChain } from '../../../src/algorithms/markov/index.ts';
import { expectAppError } from './expect-app-error.ts';
import { handCounts } from './hand-log.ts';

const row = (chain: MarkovChain, state: string): ChainRow => {
  const r = chain.rows[chain.states.indexOf(state)];
  if (r === undefined) throw new Error(`no row ${state}`);
  return r;
};
/** Row probabilities by state name (non-zero only), or null for a no-data row. */
const probs = (chain: MarkovChain, state: string): Record<string, number> | null => {
  const p = row(chain, state).probabilities;
  if (p === null) return null;
  return Object.fromEntries(chain.states.flatMap((s, j) => ((p[j] ?? 0) > 0 ? [[s, p[j] as number]] : [])));
};

describe('estimateChain', () => {
  it('maximum likelihood (alpha = 0): p_ij = c_ij / c_i on the hand log', () => {
    const chain = estimateChain(handCounts());
    expect(probs(chain, 'START')).toEqual({ view: 1 });
    expect(probs(chain, 'view')).toEqual({ view: 1 / 5, cart: 2 / 5, EXIT: 2 / 5 });
    expect(probs(chain, 'cart')).toEqual({ purchase: 1 / 2, cancel: 1 / 2 });
    expect(probs(chain, 'purchase')).toEqual({ EXIT: 1 });
    expect(row(chain, 'view')).toMatchObject({ kind: 'estimated', support: 5, noData: false });
  });

  it('START is never a target; EXIT is absorbing by default', () => {
    const chain = estimateChain(handCounts(), { alpha: 1 });
    expect(chain.targets).toEqual(['view', 'favourite', 'cart', 'purchase', 'cancel', 'EXIT']);
    for (const r of chain.rows) if (r.probabilities !== null) expect(r.probabilities[0]).toBe(0);
    expect(row(chain, 'EXIT')).toMatchObject({ kind: 'absorbing', support: 0 });
    expect(probs(chain, 'EXIT')).toEqual({ EXIT: 1 });
  });

  it('a state with no outgoing transitions is noData with probabilities null, not zeros (favourite)', () => {
    const chain = estimateChain(handCounts(), { alpha: 1 });
    expect(row(chain, 'favourite')).toEqual({
      kind: 'noData',
      state: 'favourite',
      noData: true,
      support: 0,
      reason: 'no_outgoing',
      probabilities: null,
    });
  });

  it('Laplace smoothing: (c_ij + 1) / (c_i + 1 * 6) over the 6 targets', () => {
    const chain = estimateChain(handCounts(), { alpha: 1 });
    // view: c = 5, denominator 5 + 6 = 11
    const view = probs(chain, 'view');
    expect(view).not.toBeNull();
    const expected = { view: 2 / 11, favourite: 1 / 11, cart: 3 / 11, purchase: 1 / 11, cancel: 1 / 11, EXIT: 3 / 11 };
    for (const [s, p] of Object.entries(expected)) expect(view?.[s]).toBeCloseTo(p, 15);
    // cart: c = 2, denominator 8: purchase and cancel (1 + 1) / 8, others 1 / 8
    expect(probs(chain, 'cart')?.['purchase']).toBeCloseTo(2 / 8, 15);
    expect(probs(chain, 'cart')?.['view']).toBeCloseTo(1 / 8, 15);
  });

  it('every estimated row sums to 1', () => {
    for (const alpha of [0, 0.5, 1, 10]) {
      for (const r of estimateChain(handCounts(), { alpha }).rows) {
        if (r.probabilities !== null) expect(r.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
      }
    }
  });

  it('minSupport: rows with fewer transitions are noData (below_min_support)', () => {
    const chain = estimateChain(handCounts(), { minSupport: 2 });
    expect(row(chain, 'purchase')).toMatchObject({ kind: 'noData', reason: 'below_min_support', support: 1 });
    expect(row(chain, 'cancel')).toMatchObject({ kind: 'noData', reason: 'below_min_support', support: 1 });
    expect(row(chain, 'cart')).toMatchObject({ kind: 'estimated', support: 2 });
  });

  it('absorbing option turns rows into self-loops regardless of their counts', () => {
    const chain = estimateChain(handCounts(), { absorbing: ['purchase', 'cancel', 'EXIT'] });
    expect(probs(chain, 'purchase')).toEqual({ purchase: 1 });
    expect(row(chain, 'purchase')).toMatchObject({ kind: 'absorbing', support: 1 });
  });

  it('rejects bad options and counts into a non-target', () => {
    expectAppError(() => estimateChain(handCounts(), { alpha: -1 }));
    expectAppError(() => estimateChain(handCounts(), { minSupport: 0 }));
    expectAppError(() => estimateChain(handCounts(), { absorbing: ['nope'] }));
    expectAppError(() => estimateChain(handCounts(), { nonTargets: ['view'] }));
  });
});
