import { describe, expect, it } from 'vitest';
import { MARKOV_STATES } from '../../src/algorithms/markov/index.ts';
import { STATE_ENUM, behaviourState, externalName } from '../../src/usecases/analytics/state-names.ts';

describe('GraphQL State enum <-> chain states', () => {
  it('is a bijection onto the chain states', () => {
    expect(Object.keys(STATE_ENUM)).toEqual(['START', 'VIEW', 'FAVOURITE', 'CART', 'PURCHASE', 'CANCEL', 'EXIT']);
    expect(new Set(Object.values(STATE_ENUM))).toEqual(new Set(MARKOV_STATES));
  });

  it('names internal states back by their enum value', () => {
    expect(MARKOV_STATES.map(externalName)).toEqual(['START', 'VIEW', 'FAVOURITE', 'CART', 'PURCHASE', 'CANCEL', 'EXIT']);
  });

  it('accepts event states and rejects the session markers with INVALID_INPUT naming the field', () => {
    expect(behaviourState('cart', 'action')).toBe('cart');
    expect(() => behaviourState('START', 'action')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: { field: 'action', state: 'START' } }));
    expect(() => behaviourState('EXIT', 'steps[1]')).toThrow(/'EXIT' is not an event state/);
  });
});
