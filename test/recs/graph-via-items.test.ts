import { describe, expect, it } from 'vitest';
import { asItemId, asUserId, type ItemId } from '../../src/domain/ids.ts';
import type { GraphEdges } from '../../src/storage/recs-graph-store.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';
import { fitGraphModel } from '../../src/usecases/recommend/fit-graph-model.ts';
import { scoreGraphUser } from '../../src/usecases/recommend/graph-scoring.ts';
import type { UserContext } from '../../src/usecases/recommend/types.ts';

// Candidate t is chosen by u1..u4. Of the new user's history: p shares 3 of them (u1, u2, u3), q and r
// share 2 each (u1 u4, u2 u3: tied, id order), s shares 1 (u4), z none (u9 only). viaItems ranks by shared
// users DESC, then id ASC, and keeps viaLimit.
const pairs: [string, string][] = [
  ['u1', 't'], ['u2', 't'], ['u3', 't'], ['u4', 't'],
  ['u1', 'p'], ['u2', 'p'], ['u3', 'p'],
  ['u1', 'q'], ['u4', 'q'],
  ['u2', 'r'], ['u3', 'r'],
  ['u4', 's'],
  ['u9', 'z'],
];
const edges: GraphEdges = { interactions: pairs.map(([u, i]) => ({ userId: asUserId(u), itemId: asItemId(i), weight: 1 })), friendships: [] };
const m = fitGraphModel(edges, { ...RECS_CONFIG.graph, rank: 4 }, 0);
// History listed out of id order, with z (sharing nobody with t): the order of the history must not matter.
const user: UserContext = {
  userId: asUserId('new'), personalisation: true, friends: [], following: [],
  items: ['z', 's', 'r', 'q', 'p'].map((i) => ({ itemId: asItemId(i), weight: 1, purchases: 0, lastTs: null })),
};
const seen = new Set<ItemId>(user.items.map((i) => i.itemId));

describe('GRAPH via items (shared users with the candidate)', () => {
  it('ranks the history by users shared with the candidate, ties by id, and keeps viaLimit of them', () => {
    const t = scoreGraphUser(m, user, seen, 10, 3).find((c) => c.itemId === 't');
    expect(t?.reason).toEqual({ kind: 'GRAPH_NEIGHBOURS', viaItemIds: ['p', 'q', 'r'], viaUserIds: [] });
    const all = scoreGraphUser(m, user, seen, 10, 10).find((c) => c.itemId === 't');
    expect(all?.reason).toEqual({ kind: 'GRAPH_NEIGHBOURS', viaItemIds: ['p', 'q', 'r', 's'], viaUserIds: [] });
  });

  it('never names the candidate itself, even when it is in the history', () => {
    const got = scoreGraphUser(m, user, new Set<ItemId>(), 10, 10).find((c) => c.itemId === 'p');
    expect(got?.reason).toEqual({ kind: 'GRAPH_NEIGHBOURS', viaItemIds: ['r', 'q'], viaUserIds: [] });
  });
});
