import { describe, expect, it } from 'vitest';
import { asItemId, asUserId, type ItemId } from '../../src/domain/ids.ts';
import type { GraphEdges } from '../../src/storage/recs-graph-store.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';
import { fitGraphModel, graphEmbeddings } from '../../src/usecases/recommend/fit-graph-model.ts';
import { scoreGraphUser } from '../../src/usecases/recommend/graph-scoring.ts';
import type { UserContext } from '../../src/usecases/recommend/types.ts';

// Two taste clusters {a, b, c} and {x, y}; u4 and u5 are friends.
const edges: GraphEdges = {
  interactions: [
    ['u1', 'a'], ['u1', 'b'], ['u2', 'a'], ['u2', 'b'], ['u2', 'c'], ['u3', 'b'], ['u3', 'c'],
    ['u4', 'x'], ['u4', 'y'], ['u5', 'x'],
  ].map(([u, i]) => ({ userId: asUserId(u!), itemId: asItemId(i!), weight: 5 })),
  friendships: [{ a: asUserId('u4'), b: asUserId('u5') }],
};
const cfg = { ...RECS_CONFIG.graph, rank: 4 };
const ctx = (items: string[], friends: string[] = []): UserContext => ({
  userId: asUserId('new'), personalisation: true, items: items.map((i) => ({ itemId: asItemId(i), weight: 5, purchases: 1, lastTs: null })), friends: friends.map(asUserId), following: [],
});
const none = new Set<ItemId>();

describe('GRAPH model (GF-CF + friends), inductive scoring', () => {
  const m = fitGraphModel(edges, cfg, 0);

  it('maps sorted ids to indices and counts the graph', () => {
    expect(m.itemIds).toEqual(['a', 'b', 'c', 'x', 'y']);
    expect(m.userIds).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    expect(m.friendships).toBe(1);
  });

  it('scores a user unseen at fit time from their fresh items: same cluster first, nothing seen, with via items', () => {
    const got = scoreGraphUser(m, ctx(['a']), new Set([asItemId('a')]), 10, 3);
    expect(got[0]!.itemId).toBe('b');
    expect(got.map((c) => c.itemId)).not.toContain('a');
    expect(got[0]!.reason).toEqual({ kind: 'GRAPH_NEIGHBOURS', viaItemIds: ['a'], viaUserIds: [] });
    for (let k = 1; k < got.length; k++) expect(got[k]!.score).toBeLessThanOrEqual(got[k - 1]!.score);
  });

  it('serves a friends-only user through the friend term, naming the friend', () => {
    const got = scoreGraphUser(m, ctx([], ['u4']), none, 2, 3);
    expect(got.map((c) => c.itemId)).toEqual(['x', 'y']);
    expect(got[0]!.reason).toMatchObject({ viaUserIds: ['u4'] });
  });

  it('returns nothing for a user with neither items nor known friends', () => {
    expect(scoreGraphUser(m, ctx(['unknown-item'], ['stranger']), none, 5, 3)).toEqual([]);
  });

  it('is deterministic and gives 64-dim vectors whose dot product ranks the cluster', () => {
    const again = fitGraphModel(edges, cfg, 0);
    expect(scoreGraphUser(again, ctx(['a']), none, 5, 3)).toEqual(scoreGraphUser(m, ctx(['a']), none, 5, 3));
    const e = graphEmbeddings(m, 64);
    expect(e.items[0]).toHaveLength(64);
    const dot = (p: number[] | null, q: number[] | null) => (p ?? []).reduce((s, x, k) => s + x * (q?.[k] ?? 0), 0);
    const u1 = e.users[0]!;
    expect(dot(u1, e.items[2]!)).toBeGreaterThan(dot(u1, e.items[3]!));
  });
});
