import { describe, expect, it } from 'vitest';
import { withSocial, type Recommender } from '../../../src/algorithms/recs/index.ts';
import { close, tinyFriends, tinyMatrix } from './fixtures.ts';

/** A base model whose scores are fixed per user. */
const fixed = (rows: number[][]): Recommender => ({
  name: 'FIXED',
  nUsers: rows.length,
  nItems: rows[0]!.length,
  scoreUser: (u, out) => {
    const o = out ?? new Float32Array(rows[0]!.length);
    o.set(rows[u]!);
    return o;
  },
  scoreVector: (_v, out) => out ?? new Float32Array(rows[0]!.length),
});

describe('withSocial', () => {
  const base = fixed([
    [2, 1, 0, 0],
    [0, 0, 1, 0],
    [0, 0, 0, 4],
  ]);
  it('adds beta * mean of friends normalized interactions: u0 + 0.5 * (u2 row / max)', () => {
    // u0 normalized: [1, 0.5, 0, 0]; its friend u2 has items 2, 3 (binary) -> [0, 0, 1, 1].
    const s = withSocial(base, tinyFriends(), tinyMatrix(), { beta: 0.5, signal: 'interactions' }).scoreUser(0);
    expect(close(s, [1, 0.5, 0.5, 0.5])).toBe(true);
  });
  it('adds friends normalized base scores with the scores signal', () => {
    const s = withSocial(base, tinyFriends(), tinyMatrix(), { beta: 0.5, signal: 'scores' }).scoreUser(0);
    expect(close(s, [1, 0.5, 0, 0.5])).toBe(true);
  });
  it('leaves users without friends at their normalized base scores', () => {
    const s = withSocial(base, tinyFriends(), tinyMatrix(), { beta: 0.5, signal: 'scores' }).scoreUser(1);
    expect(close(s, [0, 0, 1, 0])).toBe(true);
  });
  it('serves a friends-only new user', () => {
    const s = withSocial(base, tinyFriends(), tinyMatrix(), { beta: 1, signal: 'interactions' }).scoreNewUser({ friends: [0] });
    expect(close(s, [1, 1, 0, 0])).toBe(true);
  });
});
