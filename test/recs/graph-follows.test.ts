// FOLLOWS ties in the GRAPH model (fit-graph-model.ts, graph-scoring.ts): a directed follow lets the
// follower's scores take followWeight x the followee's normalized interactions (beta / |ties| each), never
// the reverse; a graph with no follows fits and scores exactly as the friend-only model does.
// Tiny graph, two disconnected item clusters so GF-CF's own scores there are exactly 0:
//   u1: a 2, b 1     u2: c 4     u3: d 3     (weighting raw, alpha 0, socialBeta 0.1, followWeight 0.5)
import { describe, expect, it } from 'vitest';
import { withSocial } from '../../src/algorithms/recs/social.ts';
import { asItemId, asUserId, type ItemId } from '../../src/domain/ids.ts';
import type { GraphEdges } from '../../src/storage/recs-graph-store.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';
import { fitGraphModel, type GraphModel } from '../../src/usecases/recommend/fit-graph-model.ts';
import { scoreGraphUser } from '../../src/usecases/recommend/graph-scoring.ts';
import type { UserContext } from '../../src/usecases/recommend/types.ts';

const interactions = ([['u1', 'a', 2], ['u1', 'b', 1], ['u2', 'c', 4], ['u3', 'd', 3]] as const)
  .map(([u, i, w]) => ({ userId: asUserId(u), itemId: asItemId(i), weight: w }));
const cfg = { ...RECS_CONFIG.graph, weighting: 'raw' as const, alpha: 0, socialBeta: 0.1, followWeight: 0.5 };
const follow = (a: string, b: string) => ({ follower: asUserId(a), followee: asUserId(b) });
const friend = (a: string, b: string) => ({ a: asUserId(a), b: asUserId(b) });
const scores = (m: GraphModel, u: string) => Array.from(m.model.scoreUser(m.userIndex.get(u)!));
const tieRows = (m: GraphModel) => ({ indptr: Array.from(m.friends.indptr), indices: Array.from(m.friends.indices), values: Array.from(m.friends.values) });
const none = new Set<ItemId>();
const ctx = (items: string[], friends: string[], following: string[]): UserContext => ({
  userId: asUserId('new'), personalisation: true, items: items.map((i) => ({ itemId: asItemId(i), weight: 2, purchases: 1, lastTs: null })),
  friends: friends.map(asUserId), following: following.map(asUserId),
});

describe('GRAPH model with FOLLOWS ties', () => {
  const base = fitGraphModel({ interactions, friendships: [] }, cfg, 0);
  const idx = (i: string) => base.itemIndex.get(i)!; // a 0, b 1, c 2, d 3

  it('follows only: the follower gets followWeight x beta x the followee\'s normalized row; the followee nothing back', () => {
    const m = fitGraphModel({ interactions, friendships: [], follows: [follow('u1', 'u2')] }, cfg, 0);
    expect(m.follows).toBe(1);
    expect(m.friendships).toBe(0);
    expect(tieRows(m)).toEqual({ indptr: [0, 1, 1, 1], indices: [1], values: [0.5] });
    const u1 = scores(m, 'u1');
    expect(u1[idx('c')]).toBe(Math.fround(0.1 * 0.5)); // u2's row normalized: c = 4 / 4
    expect(u1[idx('d')]).toBe(0);
    expect([u1[idx('a')], u1[idx('b')]]).toEqual([scores(base, 'u1')[idx('a')], scores(base, 'u1')[idx('b')]]);
    expect(scores(m, 'u2')).toEqual(scores(base, 'u2')); // directed: the followee's scores do not change
  });

  it('mixed: each tie weighs beta / |ties| times its weight (friend 1, follow 0.5); a friend also followed weighs 1', () => {
    const m = fitGraphModel({ interactions, friendships: [friend('u3', 'u1')], follows: [follow('u1', 'u2'), follow('u3', 'u1')] }, cfg, 0);
    expect(tieRows(m)).toEqual({ indptr: [0, 2, 2, 3], indices: [1, 2, 0], values: [0.5, 1, 1] });
    const u1 = scores(m, 'u1');
    expect(u1[idx('c')]).toBe(Math.fround((0.1 / 2) * 0.5));
    expect(u1[idx('d')]).toBe(Math.fround(0.1 / 2));
  });

  it('no follows: the same model as the friend-only fit (unweighted friend term), with follows absent or empty', () => {
    const friendsOnly: GraphEdges = { interactions, friendships: [friend('u1', 'u3'), friend('u3', 'u1')] };
    const a = fitGraphModel(friendsOnly, cfg, 0);
    const b = fitGraphModel({ ...friendsOnly, follows: [] }, cfg, 0);
    const unweighted = withSocial(a.base, a.friends, a.interactions, { beta: cfg.socialBeta, signal: 'interactions' });
    for (const u of ['u1', 'u2', 'u3']) {
      expect(scores(b, u)).toEqual(scores(a, u));
      expect(scores(a, u)).toEqual(Array.from(unweighted.scoreUser(a.userIndex.get(u)!)));
    }
    expect(scores(a, 'u1')[idx('d')]).toBe(Math.fround(0.1));
    expect(tieRows(a).values).toEqual([1, 1]); // a friendship stored both ways is one tie of weight 1
  });

  it('at request time a followed user weighs followWeight and is named in viaUsers; a friend weighs 1', () => {
    const m = fitGraphModel({ interactions, friendships: [] }, cfg, 0);
    const followsOnly = scoreGraphUser(m, ctx([], [], ['u2']), none, 5, 3);
    expect(followsOnly).toEqual([{ itemId: 'c', score: Math.fround(0.1 * 0.5), reason: { kind: 'GRAPH_NEIGHBOURS', viaItemIds: [], viaUserIds: ['u2'] } }]);
    const both = scoreGraphUser(m, ctx([], ['u3'], ['u2', 'u3']), none, 5, 3);
    expect(both.map((c) => [c.itemId, c.score])).toEqual([['d', Math.fround(0.1 / 2)], ['c', Math.fround((0.1 / 2) * 0.5)]]);
    const off = fitGraphModel({ interactions, friendships: [] }, { ...cfg, followWeight: 0 }, 0);
    expect(scoreGraphUser(off, ctx([], [], ['u2']), none, 5, 3)).toEqual([]);
  });
});
