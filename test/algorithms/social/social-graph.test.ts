import { describe, expect, it } from 'vitest';
import { buildSocialGraph, pageRank, socialCounts, type SocialLink } from '../../../src/algorithms/social/index.ts';
import { expectAppError } from '../markov/expect-app-error.ts';

const USERS = ['ann', 'bob', 'cat', 'dan'];
const EDGES: readonly SocialLink[] = [
  { kind: 'FRIEND', from: 'ann', to: 'bob' },
  { kind: 'FRIEND', from: 'bob', to: 'ann' }, // the same friendship stored the other way
  { kind: 'FOLLOWS', from: 'cat', to: 'ann' },
  { kind: 'FOLLOWS', from: 'cat', to: 'ann' }, // duplicate
  { kind: 'FOLLOWS', from: 'ann', to: 'bob' }, // merges with the friendship's ann -> bob
  { kind: 'FOLLOWS', from: 'dan', to: 'dan' }, // self-edge
  { kind: 'FOLLOWS', from: 'bob', to: 'cat' },
];

describe('buildSocialGraph', () => {
  it('FRIEND both ways, FOLLOWS follower -> followee, duplicates merged, rows sorted, self-edges ignored', () => {
    const g = buildSocialGraph(USERS, EDGES);
    // ann -> [bob]; bob -> [ann, cat]; cat -> [ann]; dan -> []
    expect(Array.from(g.offsets)).toEqual([0, 1, 3, 4, 4]);
    expect(Array.from(g.targets)).toEqual([1, 0, 2, 0]);
    expect(g.selfEdgesIgnored).toBe(1);
    expect(g.userIds).toEqual(USERS);
    expect([...g.index]).toEqual([['ann', 0], ['bob', 1], ['cat', 2], ['dan', 3]]);
  });

  it('being followed raises rank, following does not: x FOLLOWS y gives y 37/57, x 20/57', () => {
    const g = buildSocialGraph(['x', 'y'], [{ kind: 'FOLLOWS', from: 'x', to: 'y' }]);
    const { rank } = pageRank(g);
    expect(rank[g.index.get('y')!]).toBeCloseTo(37 / 57, 10);
    expect(rank[g.index.get('x')!]).toBeCloseTo(20 / 57, 10);
  });

  it('a friendship alone is symmetric: equal ranks', () => {
    const { rank } = pageRank(buildSocialGraph(['x', 'y'], [{ kind: 'FRIEND', from: 'y', to: 'x' }]));
    expect(Array.from(rank)).toEqual([0.5, 0.5]);
  });

  it('rejects an edge naming a user outside the list, and a user listed twice', () => {
    const err = expectAppError(() => buildSocialGraph(['ann'], [{ kind: 'FOLLOWS', from: 'ann', to: 'eve' }]));
    expect(err.details).toEqual({ userId: 'eve' });
    expectAppError(() => buildSocialGraph(['ann', 'ann'], []));
  });

  it('no users, empty graph', () => {
    const g = buildSocialGraph([], []);
    expect([Array.from(g.offsets), g.targets.length]).toEqual([[0], 0]);
  });
});

describe('socialCounts', () => {
  it('counts distinct friends, followers and following from the same edges', () => {
    const c = socialCounts(USERS, EDGES);
    expect(Array.from(c.friends)).toEqual([1, 1, 0, 0]); // ann-bob once, though stored both ways
    expect(Array.from(c.followers)).toEqual([1, 1, 1, 0]); // ann <- cat (twice, once), bob <- ann, cat <- bob
    expect(Array.from(c.following)).toEqual([1, 1, 1, 0]); // dan's self-follow counts for nothing
  });

  it('rejects an edge naming an unknown user', () => {
    expectAppError(() => socialCounts(['ann'], [{ kind: 'FRIEND', from: 'zed', to: 'ann' }]));
  });
});
