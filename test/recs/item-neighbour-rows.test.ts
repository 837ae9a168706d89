import { describe, expect, it } from 'vitest';
import { neighbourRows } from '../../src/usecases/recommend/item-neighbours.ts';

describe('neighbourRows', () => {
  it('maps ids through sorted indices: equal scores break by id ASC; non-positive weights are not co-interactions', async () => {
    // ua: x (1), b (1), a (1); ub: a (2), c (-4): c has no positive user, so no neighbour.
    const rows = await neighbourRows([
      { userId: 'ua', itemId: 'x', weight: 1 }, { userId: 'ua', itemId: 'b', weight: 1 }, { userId: 'ua', itemId: 'a', weight: 1 },
      { userId: 'ub', itemId: 'a', weight: 2 }, { userId: 'ub', itemId: 'c', weight: -4 },
    ], 1);
    expect(rows.map((r) => [r.id, r.neighbours.map((n) => [n.id, n.dot, n.coUsers])])).toEqual([
      ['a', [['b', 1, 1]]], ['b', [['x', 1, 1]]], ['c', []], ['x', [['b', 1, 1]]],
    ]);
    // a = (1, 2) over (ua, ub), b = x = (1, 0): cos(a, b) = cos(a, x) = 1/√5 (tie: b), cos(b, x) = 1.
    expect(rows[0]!.neighbours[0]!.score).toBeCloseTo(1 / Math.sqrt(5), 15);
    expect(rows[1]!.neighbours[0]!.score).toBeCloseTo(1, 15);
  });
});
