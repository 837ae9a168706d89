import { describe, expect, it } from 'vitest';
import { MARKOV_STATES } from '../../src/algorithms/markov/index.ts';
import type { UserSequence } from '../../src/storage/analytics-store.ts';
import { countSequences, funnelOfSequences } from '../../src/usecases/analytics/counting-paths.ts';

const MIN = 60_000;
const K = MARKOV_STATES.length;
/** counts as a sparse record 'from>to' -> n, for readable expectations. */
function sparse(counts: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  counts.forEach((n, ij) => {
    if (n > 0) out[`${MARKOV_STATES[Math.floor(ij / K)]}>${MARKOV_STATES[ij % K]}`] = n;
  });
  return out;
}
const seq = (userId: string, ...events: [string, string, number][]): UserSequence => ({
  userId,
  events: events.map(([id, type, ts]) => ({ id, type, ts })),
});

describe('TypeScript counting path', () => {
  it('orders by (ts, id), splits sessions at gaps over the gap and closes every session when asOf is null', () => {
    const a = seq('a', ['e3', 'purchase', 2 * MIN], ['e2', 'cart', MIN], ['e1', 'view', 0], ['e4', 'view', 40 * MIN]);
    expect(sparse(countSequences([a], 30 * MIN, null).counts)).toEqual({
      'START>view': 2, 'view>cart': 1, 'cart>purchase': 1, 'purchase>EXIT': 1, 'view>EXIT': 1,
    });
  });

  it('breaks equal timestamps by event id, code-unit order', () => {
    const tie = seq('t', ['b', 'cart', 5], ['a', 'view', 5], ['c', 'purchase', 5]);
    expect(sparse(countSequences([tie], MIN, null).counts)).toEqual({
      'START>view': 1, 'view>cart': 1, 'cart>purchase': 1, 'purchase>EXIT': 1,
    });
  });

  it('leaves the last session open while the user is within the gap of asOf', () => {
    const u = seq('u', ['e1', 'view', 0], ['e2', 'cart', MIN]);
    expect(sparse(countSequences([u], 30 * MIN, 20 * MIN).counts)).toEqual({ 'START>view': 1, 'view>cart': 1 });
    expect(sparse(countSequences([u], 30 * MIN, 32 * MIN).counts)).toEqual({ 'START>view': 1, 'view>cart': 1, 'cart>EXIT': 1 });
  });

  it('counts a single event as START -> s -> EXIT, and nothing for no sequences', () => {
    expect(sparse(countSequences([seq('s', ['e', 'favourite', 0])], MIN, null).counts)).toEqual({ 'START>favourite': 1, 'favourite>EXIT': 1 });
    expect(countSequences([], MIN, null).rowTotals.every((v) => v === 0)).toBe(true);
  });

  it('rejects an event type that is not a state instead of dropping it', () => {
    expect(() => countSequences([seq('r', ['e', 'rating', 0])], MIN, null)).toThrow(/not a state of the behaviour chain/);
  });

  it('returns the funnel in the Cypher file shape: first step times are 0, later ones from the first event', () => {
    const users = [
      seq('a', ['a1', 'view', 0], ['a2', 'cart', 10_000], ['a3', 'purchase', 30_000]),
      seq('b', ['b1', 'view', 0], ['b2', 'cart', 20_000]),
      seq('c', ['c1', 'cart', 0]),
    ];
    expect(funnelOfSequences(users, ['view', 'cart', 'purchase'], 60_000)).toEqual({
      totalUsers: 3,
      steps: [
        { state: 'view', users: 2, medianMs: 0, p90Ms: 0 },
        { state: 'cart', users: 2, medianMs: 15_000, p90Ms: 19_000 },
        { state: 'purchase', users: 1, medianMs: 30_000, p90Ms: 30_000 },
      ],
    });
    expect(funnelOfSequences([seq('c', ['c1', 'cart', 0])], ['view'], 1).steps[0]).toEqual({ state: 'view', users: 0, medianMs: null, p90Ms: null });
  });
});
