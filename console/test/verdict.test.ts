import { describe, expect, it } from 'vitest';
import { verdictOf } from '../src/lib/verdict.ts';

const lift = (difference: number, sequentialPValue: number, sequentialSignificant: boolean) =>
  ({ difference, sequentialLower: difference - 0.01, sequentialUpper: difference + 0.01, sequentialPValue, sequentialSignificant });

describe('verdictOf', () => {
  it('reads the always-valid test: wins, loses, or keep running', () => {
    expect(verdictOf('b', lift(0.02, 0.0004, true), false)).toEqual({ kind: 'wins', text: 'b beats the control (always-valid p < 0.001)' });
    expect(verdictOf('b', lift(-0.02, 0.012, true), false)).toEqual({ kind: 'loses', text: 'b is worse than the control (always-valid p 0.012)' });
    expect(verdictOf('b', lift(0.02, 0.4, false), false)).toEqual({ kind: 'undecided', text: 'b: no decision yet, keep running (always-valid p 0.400)' });
  });

  it('refuses to call a winner under a sample ratio mismatch, and says when there is no lift', () => {
    expect(verdictOf('b', lift(0.02, 0.0004, true), true).kind).toBe('no-data');
    expect(verdictOf('b', null, false)).toEqual({ kind: 'no-data', text: 'b: no lift yet (an empty arm or no variance)' });
  });
});
