import { describe, expect, it } from 'vitest';
import {
  MARKOV_STATES,
  countTransitions,
  countsFromRows,
  mergeCounts,
  toStatePath,
  type TransitionCounts,
} from '../../../src/algorithms/markov/index.ts';
import { expectAppError } from './expect-app-error.ts';
import { GAP_MS, HAND_LOG } from './hand-log.ts';

/** Non-zero counts as "from>to" -> n, for readable assertions. */
const nonZero = (c: TransitionCounts): Record<string, number> => {
  const k = c.states.length;
  const out: Record<string, number> = {};
  c.counts.forEach((n, idx) => {
    if (n !== 0) out[`${c.states[Math.floor(idx / k)]}>${c.states[idx % k]}`] = n;
  });
  return out;
};

const HAND_COUNTS = {
  'START>view': 4,
  'view>view': 1,
  'view>cart': 2,
  'view>EXIT': 2,
  'cart>purchase': 1,
  'cart>cancel': 1,
  'purchase>EXIT': 1,
  'cancel>EXIT': 1,
};

describe('countTransitions', () => {
  const paths = HAND_LOG.map((events) => toStatePath(events, { gapMs: GAP_MS }));

  it('counts the hand log (EXIT -> START between sessions is not a transition)', () => {
    const c = countTransitions(paths);
    expect(c.states).toEqual(MARKOV_STATES);
    expect(nonZero(c)).toEqual(HAND_COUNTS);
    // START, view, favourite, cart, purchase, cancel, EXIT
    expect([...c.rowTotals]).toEqual([4, 5, 0, 2, 1, 1, 0]);
  });

  it('rejects steps into START other than EXIT -> START, steps out of EXIT, and unknown states', () => {
    expectAppError(() => countTransitions([['START', 'view', 'START']]));
    expectAppError(() => countTransitions([['START', 'view', 'EXIT', 'view']]));
    const err = expectAppError(() => countTransitions([['START', 'rating']]));
    expect(err.details['state']).toBe('rating');
  });

  it('works on any state list (no START/EXIT needed)', () => {
    const c = countTransitions([['a', 'b', 'a', 'a']], ['a', 'b']);
    expect([...c.counts]).toEqual([1, 1, 1, 0]);
    expect([...c.rowTotals]).toEqual([2, 1]);
  });
});

describe('countsFromRows', () => {
  it('equals countTransitions on the same data; repeated pairs are summed', () => {
    const rows = Object.entries(HAND_COUNTS).map(([key, count]) => {
      const [from = '', to = ''] = key.split('>');
      return { from, to, count };
    });
    const split = [...rows, { from: 'view', to: 'cart', count: 0 }];
    const fromPaths = countTransitions(HAND_LOG.map((events) => toStatePath(events, { gapMs: GAP_MS })));
    expect(countsFromRows(split)).toEqual(fromPaths);
  });

  it('rejects negative or non-finite counts and rows into START', () => {
    expectAppError(() => countsFromRows([{ from: 'view', to: 'cart', count: -1 }]));
    expectAppError(() => countsFromRows([{ from: 'view', to: 'cart', count: Number.NaN }]));
    expectAppError(() => countsFromRows([{ from: 'view', to: 'START', count: 1 }]));
  });
});

describe('mergeCounts', () => {
  it('merging per-user counts equals counting all paths at once', () => {
    const perUser = HAND_LOG.map((events) => countTransitions([toStatePath(events, { gapMs: GAP_MS })]));
    const [first, ...rest] = perUser;
    if (first === undefined) throw new Error('empty log');
    expect(nonZero(mergeCounts(first, ...rest))).toEqual(HAND_COUNTS);
  });

  it('unions different state lists in first-seen order', () => {
    const a = countTransitions([['x', 'y']], ['x', 'y']);
    const b = countTransitions([['z', 'x'], ['x', 'y']], ['z', 'x', 'y']);
    const m = mergeCounts(a, b);
    expect(m.states).toEqual(['x', 'y', 'z']);
    expect(nonZero(m)).toEqual({ 'x>y': 2, 'z>x': 1 });
    expect([...m.rowTotals]).toEqual([2, 0, 1]);
  });
});
