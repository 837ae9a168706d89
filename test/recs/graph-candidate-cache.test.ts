import { describe, expect, it } from 'vitest';
import { asItemId, asUserId, type ItemId } from '../../src/domain/ids.ts';
import type { GraphEdges } from '../../src/storage/recs-graph-store.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';
import { fitGraphModel } from '../../src/usecases/recommend/fit-graph-model.ts';
import { GraphCandidateCache } from '../../src/usecases/recommend/graph-candidate-cache.ts';
import { scoreGraphUser } from '../../src/usecases/recommend/graph-scoring.ts';
import type { Candidate, UserContext } from '../../src/usecases/recommend/types.ts';

const edges: GraphEdges = {
  interactions: [['u1', 'a'], ['u1', 'b'], ['u2', 'a'], ['u2', 'c'], ['u3', 'b'], ['u3', 'c'], ['u4', 'x']]
    .map(([u, i]) => ({ userId: asUserId(u!), itemId: asItemId(i!), weight: 1 })),
  friendships: [{ a: asUserId('u3'), b: asUserId('u4') }],
};
const cfg = { ...RECS_CONFIG.graph, rank: 2 };
const m = fitGraphModel(edges, cfg, 0);
const user = (items: string[], friends: string[] = [], userId = 'new'): UserContext => ({
  userId: asUserId(userId), personalisation: true, following: [], friends: friends.map(asUserId),
  items: items.map((i) => ({ itemId: asItemId(i), weight: 1, purchases: 0, lastTs: null })),
});
const none = new Set<ItemId>();

/** The cache's answer and whether it scored (a miss) to give it. */
function ask(cache: GraphCandidateCache, model: typeof m, u: UserContext, excluded = none, limit = 5): { got: Candidate[]; scored: boolean } {
  let scored = false;
  const got = cache.get(model, u, excluded, limit, 3, () => {
    scored = true;
    return scoreGraphUser(model, u, excluded, limit, 3);
  });
  return { got, scored };
}

describe('GRAPH candidate cache', () => {
  it('answers a repeat with exactly what scoring gives, without scoring', () => {
    const cache = new GraphCandidateCache(10);
    expect(ask(cache, m, user(['a'])).scored).toBe(true);
    const again = ask(cache, m, user(['a']));
    expect(again).toEqual({ got: scoreGraphUser(m, user(['a']), none, 5, 3), scored: false });
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
  });

  it('scores again when the history, a weight, the ties, the exclusions or the pool change', () => {
    const cache = new GraphCandidateCache(10);
    ask(cache, m, user(['a']));
    expect(ask(cache, m, user(['a', 'b'])).scored).toBe(true);
    const heavier = { ...user(['a', 'b']), items: [{ itemId: asItemId('a'), weight: 3, purchases: 0, lastTs: null }, { itemId: asItemId('b'), weight: 1, purchases: 0, lastTs: null }] };
    expect(ask(cache, m, heavier).scored).toBe(true);
    expect(ask(cache, m, user(['a', 'b'], ['u4'])).scored).toBe(true);
    expect(ask(cache, m, user(['a', 'b'], ['u4']), new Set([asItemId('c')])).scored).toBe(true);
    expect(ask(cache, m, user(['a', 'b'], ['u4']), new Set([asItemId('c')]), 2).scored).toBe(true);
    expect(ask(cache, m, user(['a', 'b'], ['u4']), new Set([asItemId('c')]), 2).scored).toBe(false);
  });

  it('forgets everything when the model changes, and a user on forget', () => {
    const cache = new GraphCandidateCache(10);
    ask(cache, m, user(['a']));
    ask(cache, m, user(['b'], [], 'other'));
    const refitted = fitGraphModel(edges, cfg, 1);
    expect(ask(cache, refitted, user(['a'])).scored).toBe(true);
    expect(cache.size).toBe(1);
    cache.forget(asUserId('new'));
    expect(ask(cache, refitted, user(['a'])).scored).toBe(true);
  });

  it('keeps at most maxEntries users, the least recently used leaving first; 0 keeps none', () => {
    const cache = new GraphCandidateCache(2);
    ask(cache, m, user(['a'], [], 'p'));
    ask(cache, m, user(['a'], [], 'q'));
    ask(cache, m, user(['a'], [], 'p')); // p used again: q is now the oldest
    ask(cache, m, user(['a'], [], 'r'));
    expect(cache.size).toBe(2);
    expect(ask(cache, m, user(['a'], [], 'p')).scored).toBe(false);
    expect(ask(cache, m, user(['a'], [], 'q')).scored).toBe(true);
    const off = new GraphCandidateCache(0);
    ask(off, m, user(['a']));
    expect(ask(off, m, user(['a'])).scored).toBe(true);
  });
});
