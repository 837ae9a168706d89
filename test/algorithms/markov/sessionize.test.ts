import { describe, expect, it } from 'vitest';
import { sessionize, toStatePath } from '../../../src/algorithms/markov/index.ts';
import { expectAppError } from './expect-app-error.ts';
import { GAP_MS, HAND_LOG } from './hand-log.ts';

describe('toStatePath', () => {
  it('wraps each session in START .. EXIT (hand log, user 1: 10_000 s gap > 30 min)', () => {
    expect(toStatePath(HAND_LOG[0] ?? [], { gapMs: GAP_MS })).toEqual([
      'START', 'view', 'cart', 'purchase', 'EXIT', 'START', 'view', 'EXIT',
    ]);
  });

  it('a single-event user is START event EXIT', () => {
    expect(toStatePath([{ id: 'x', type: 'cart', ts: 5 }], { gapMs: GAP_MS })).toEqual(['START', 'cart', 'EXIT']);
  });

  it('no events, no path', () => {
    expect(toStatePath([], { gapMs: GAP_MS })).toEqual([]);
  });

  it('sorts by ts then id (code-unit order) when timestamps are equal, whatever the input order', () => {
    const events = [
      { id: 'b', type: 'cart', ts: 7 },
      { id: 'c', type: 'purchase', ts: 7 },
      { id: 'a', type: 'view', ts: 7 },
    ];
    const expected = ['START', 'view', 'cart', 'purchase', 'EXIT'];
    expect(toStatePath(events, { gapMs: GAP_MS })).toEqual(expected);
    expect(toStatePath([...events].reverse(), { gapMs: GAP_MS })).toEqual(expected);
  });

  it('a gap equal to gapMs stays in the session; one millisecond more splits it', () => {
    const at = (gap: number) => [
      { id: '1', type: 'view', ts: 0 },
      { id: '2', type: 'view', ts: gap },
    ];
    expect(toStatePath(at(GAP_MS), { gapMs: GAP_MS })).toEqual(['START', 'view', 'view', 'EXIT']);
    expect(toStatePath(at(GAP_MS + 1), { gapMs: GAP_MS })).toEqual(['START', 'view', 'EXIT', 'START', 'view', 'EXIT']);
  });

  it('closeLastSession: false leaves the last session open (no trailing EXIT)', () => {
    expect(toStatePath(HAND_LOG[0] ?? [], { gapMs: GAP_MS, closeLastSession: false })).toEqual([
      'START', 'view', 'cart', 'purchase', 'EXIT', 'START', 'view',
    ]);
  });

  it('rejects unknown event types (rating is not a chain state) instead of dropping them', () => {
    const events = [
      { id: '1', type: 'view', ts: 0 },
      { id: '2', type: 'rating', ts: 1 },
    ];
    const err = expectAppError(() => toStatePath(events, { gapMs: GAP_MS }));
    expect(err.details).toEqual({ eventId: '2', type: 'rating' });
  });

  it('typeMap maps source names and drops a type only when mapped to null explicitly', () => {
    const events = [
      { id: '1', type: 'pv', ts: 0 },
      { id: '2', type: 'rating', ts: 1 },
      { id: '3', type: 'buy', ts: 2 },
    ];
    const typeMap = { pv: 'view', buy: 'purchase', rating: null } as const;
    expect(toStatePath(events, { gapMs: GAP_MS, typeMap })).toEqual(['START', 'view', 'purchase', 'EXIT']);
  });

  it('rejects a bad gap and non-finite timestamps', () => {
    expectAppError(() => toStatePath([], { gapMs: 0 }));
    expectAppError(() => toStatePath([], { gapMs: Number.NaN }));
    expectAppError(() => toStatePath([{ id: '1', type: 'view', ts: Number.NaN }], { gapMs: GAP_MS }));
  });
});

describe('sessionize', () => {
  it('returns sessions with their bounds and event ids', () => {
    expect(sessionize(HAND_LOG[0] ?? [], { gapMs: GAP_MS })).toEqual([
      { startTs: 0, endTs: 120_000, states: ['view', 'cart', 'purchase'], eventIds: ['e1', 'e2', 'e3'], closed: true },
      { startTs: 10_000_000, endTs: 10_000_000, states: ['view'], eventIds: ['e4'], closed: true },
    ]);
  });
});
