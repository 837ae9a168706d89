import { describe, expect, it } from 'vitest';
import { funnel, userFunnelProgress, type StateEvent } from '../../../src/algorithms/markov/index.ts';
import { expectAppError } from './expect-app-error.ts';

const M = 60_000;
const WINDOW = 60 * M;
const STEPS = ['view', 'cart', 'purchase'];
const ev = (id: string, type: string, minutes: number): StateEvent => ({ id, type, ts: minutes * M });

// Hand log, window 60 min, steps view -> cart -> purchase:
// u1 reaches 3 (cart +10, purchase +30)
// u2 reaches 2: purchase at +70 is outside the window
// u3 reaches 3 from its second view (+100): the first view's attempt stops at 1 (cart at +110 is too late)
// u4 reaches 0 (no view)
// u5 reaches 1
// u6 reaches 2: the purchase before the view does not count (cart +1)
// u7 reaches 3 at exactly +60 (inclusive bound); cart and purchase share a timestamp, ordered by id c7 < p7
const LOG: StateEvent[][] = [
  [ev('a1', 'view', 0), ev('a2', 'cart', 10), ev('a3', 'purchase', 30)],
  [ev('b1', 'view', 0), ev('b2', 'cart', 50), ev('b3', 'purchase', 70)],
  [ev('c1', 'view', 0), ev('c2', 'view', 100), ev('c3', 'cart', 110), ev('c4', 'purchase', 120)],
  [ev('d1', 'cart', 0), ev('d2', 'purchase', 5)],
  [ev('e1', 'view', 0)],
  [ev('f1', 'purchase', 0), ev('f2', 'view', 1), ev('f3', 'cart', 2)],
  [ev('p7', 'purchase', 60), ev('v7', 'view', 0), ev('c7', 'cart', 60)],
];

describe('funnel', () => {
  const f = funnel(LOG, STEPS, WINDOW);

  it('counts users per step: 6 view, 5 cart, 3 purchase out of 7', () => {
    expect(f.totalUsers).toBe(7);
    expect(f.steps.map((s) => s.users)).toEqual([6, 5, 3]);
    expect(f.converted).toBe(3);
  });

  it('step-to-step conversion and drop-off (first step measured against all users)', () => {
    expect(f.steps.map((s) => s.conversionFromPrevious)).toEqual([6 / 7, 5 / 6, 3 / 5]);
    expect(f.steps.map((s) => s.conversionFromStart)).toEqual([1, 5 / 6, 3 / 6]);
    expect(f.steps.map((s) => s.dropOff)).toEqual([1, 1, 2]);
    expect(f.steps.map((s) => s.dropOffRate)).toEqual([1 / 7, 1 / 6, 2 / 5]);
  });

  it('time to convert [30, 20, 60] min: median 30, p90 = 30 + 0.8 * 30 = 54 min', () => {
    expect(f.timeToConvert).toEqual({ count: 3, min: 20 * M, max: 60 * M, mean: (110 / 3) * M, median: 30 * M, p90: 54 * M });
  });

  it('time to reach cart [10, 50, 10, 1, 60] min: median 10, p90 = 50 + 0.6 * 10 = 56 min', () => {
    const cart = f.steps[1]?.timeToReach;
    expect(cart?.median).toBe(10 * M);
    expect(cart?.p90).toBeCloseTo(56 * M, 6);
    expect(cart?.mean).toBeCloseTo(26.2 * M, 6);
    expect(f.steps[0]?.timeToReach).toBeNull();
  });

  it('ties in progress go to the earliest step-1 event', () => {
    const events = [ev('1', 'view', 0), ev('2', 'cart', 10), ev('3', 'view', 20), ev('4', 'cart', 25)];
    expect(userFunnelProgress(events, STEPS, WINDOW)).toEqual({ reached: 2, times: [0, 10 * M] });
  });

  it('a later start wins when it gets further', () => {
    expect(userFunnelProgress(LOG[2] ?? [], STEPS, WINDOW)).toEqual({ reached: 3, times: [0, 10 * M, 20 * M] });
  });

  it('repeated step types need distinct events', () => {
    expect(userFunnelProgress([ev('1', 'view', 0)], ['view', 'view'], WINDOW).reached).toBe(1);
    expect(userFunnelProgress([ev('1', 'view', 0), ev('2', 'view', 0)], ['view', 'view'], WINDOW).reached).toBe(2);
  });

  it('no users: zero counts, null rates and times', () => {
    const empty = funnel([], STEPS, WINDOW);
    expect(empty.steps.map((s) => [s.users, s.conversionFromPrevious, s.dropOffRate])).toEqual([
      [0, null, null],
      [0, null, null],
      [0, null, null],
    ]);
    expect(empty.timeToConvert).toBeNull();
  });

  it('rejects no steps, a negative window and non-finite timestamps', () => {
    expectAppError(() => funnel(LOG, [], WINDOW));
    expectAppError(() => funnel(LOG, STEPS, -1));
    expectAppError(() => funnel([[{ id: 'x', type: 'view', ts: Number.POSITIVE_INFINITY }]], STEPS, WINDOW));
  });
});
