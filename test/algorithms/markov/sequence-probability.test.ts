import { describe, expect, it } from 'vitest';
import { chainFromMatrix, estimateChain, sequenceProbability } from '../../../src/algorithms/markov/index.ts';
import { expectAppError } from './expect-app-error.ts';
import { handCounts } from './hand-log.ts';

describe('sequenceProbability', () => {
  const chain = estimateChain(handCounts());

  it('view -> cart -> purchase from a session start: 1 * 1 * 2/5 * 1/2 = 1/5', () => {
    const r = sequenceProbability(chain, 'START', ['START', 'view', 'cart', 'purchase']);
    expect(r.kind).toBe('ok');
    expect(r.probability).toBeCloseTo(0.2, 15);
    expect(r.logProbability).toBeCloseTo(Math.log(0.2), 15);
  });

  it('uses P(s_1) from the initial distribution: P(view) = 0.5 -> 0.5 * 2/5 * 1/2 = 0.1', () => {
    const r = sequenceProbability(chain, { view: 0.5, cart: 0.5 }, ['view', 'cart', 'purchase']);
    expect(r.probability).toBeCloseTo(0.1, 15);
  });

  it('an impossible step gives exactly 0 and log -Infinity', () => {
    expect(sequenceProbability(chain, 'START', ['START', 'purchase'])).toEqual({
      kind: 'ok',
      probability: 0,
      logProbability: -Infinity,
    });
  });

  it('a step out of a no-data row gives kind unknown (null with reason), not 0', () => {
    expect(sequenceProbability(chain, 'favourite', ['favourite', 'view'])).toEqual({
      kind: 'unknown',
      probability: null,
      logProbability: null,
      reason: 'no_data_row',
      state: 'favourite',
      step: 1,
    });
  });

  it('after a zero-probability prefix the answer is 0 even if a no-data row follows', () => {
    expect(sequenceProbability(chain, 'START', ['START', 'favourite', 'view']).probability).toBe(0);
  });

  it('keeps a finite log-probability when the product underflows', () => {
    const loop = chainFromMatrix(['a', 'b'], [[0.5, 0.5], [0.5, 0.5]]);
    const r = sequenceProbability(loop, 'a', new Array<string>(2000).fill('a'));
    expect(r.probability).toBe(0);
    expect(r.logProbability).toBeCloseTo(1999 * Math.log(0.5), 9);
  });

  it('rejects an empty sequence, unknown states and a bad initial distribution', () => {
    expectAppError(() => sequenceProbability(chain, 'START', []));
    expectAppError(() => sequenceProbability(chain, 'START', ['START', 'rating']));
    expectAppError(() => sequenceProbability(chain, { view: 0.5 }, ['view']));
  });
});
