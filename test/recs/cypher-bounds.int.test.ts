// The caps of RECS_CONFIG.cypherBounds on the hand-made shop (fixture.ts), set low enough to bite: each test
// shows one cap's rule with exact scores, next to what the uncapped default gives (strategies.int.test.ts
// works those out; with the default caps nothing in this shop reaches a cap).
//   alice: purchase i1 (5), view i2 (1), both at NOW: her most recent item is i1 (same time, larger weight).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asItemId, asUserId } from '../../src/domain/ids.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { RecsStore } from '../../src/storage/recs-store.ts';
import { RECS_CONFIG, type RecsConfig } from '../../src/usecases/recommend/config.ts';
import { peopleParams, similarParams, strategyParams } from '../../src/usecases/recommend/strategy-params.ts';
import { NO_FILTER, type Candidate } from '../../src/usecases/recommend/types.ts';
import { openTestGraph } from '../support/graph.ts';
import { NOW, writeShop } from './fixture.ts';

const S = Math.sqrt;
const bounded = (b: Partial<RecsConfig['cypherBounds']>): RecsConfig => ({ ...RECS_CONFIG, cypherBounds: { ...RECS_CONFIG.cypherBounds, ...b } });
const alice = asUserId('alice');

describe('cypherBounds: the caps of the Cypher strategies, one rule each', () => {
  let graph: GraphConnection;
  let store: RecsStore;
  const expectScores = (got: readonly Candidate[], want: [string, number][]) => {
    expect(got.map((c) => c.itemId)).toEqual(want.map((w) => w[0]));
    got.forEach((c, k) => expect(c.score).toBeCloseTo(want[k]![1], 9));
  };

  beforeAll(async () => {
    graph = await openTestGraph();
    store = new RecsStore(graph.executor);
    await writeShop(graph.executor);
  });
  afterAll(async () => graph.close());

  it('ITEM_CF, historyItems 1: only the most recent item (ties: larger weight) seeds the scores; norms stay exact', async () => {
    const got = await store.itemCf(alice, NO_FILTER, strategyParams('ITEM_CF', bounded({ historyItems: 1 }), NOW), 20);
    // seed i1 (w 5, norm √51); co-users bob, carol: dot(i1,i3) = 5·1 + 1·5, dot(i1,i4) = 1·3. Uncapped, i2 adds to both.
    expectScores(got, [['i3', 5 * 10 / (S(51) * S(26))], ['i4', 5 * 3 / (S(51) * S(10))]]);
    expect(got.map((c) => c.reason)).toEqual([{ kind: 'SIMILAR_TO_ITEMS', itemIds: ['i1'] }, { kind: 'SIMILAR_TO_ITEMS', itemIds: ['i1'] }]);
  });

  it('ITEM_CF, coUsersPerItem 1: a seed reads its most recent co-user only (ties: larger weight, then id)', async () => {
    const got = await store.itemCf(alice, NO_FILTER, strategyParams('ITEM_CF', bounded({ historyItems: 1, coUsersPerItem: 1 }), NOW), 20);
    // i1's co-users at NOW: bob (5) before carol (1); bob brings i3 (dot 5·1) and i2 (seen).
    expectScores(got, [['i3', 5 * 5 / (S(51) * S(26))]]);
  });

  it('ITEM_CF, candidates 1: the norm-read cut is never below the page (limit), so the page is complete', async () => {
    const got = await store.itemCf(alice, NO_FILTER, strategyParams('ITEM_CF', bounded({ historyItems: 1, candidates: 1 }), NOW), 20);
    expectScores(got, [['i3', 5 * 10 / (S(51) * S(26))], ['i4', 5 * 3 / (S(51) * S(10))]]);
    const first = await store.itemCf(alice, NO_FILTER, strategyParams('ITEM_CF', bounded({ historyItems: 1, candidates: 1 }), NOW), 1);
    expectScores(first, [['i3', 5 * 10 / (S(51) * S(26))]]);
  });

  it('USER_CF, historyItems 1: neighbours found through the most recent item only; their similarity uses it alone', async () => {
    const got = await store.userCf(alice, NO_FILTER, strategyParams('USER_CF', bounded({ historyItems: 1 }), NOW), 20);
    // via i1: bob dot 5·5, carol dot 5·1 (norms exact: alice √26, bob √51, carol √35); dave (only via i2) drops out.
    const bob = 25 / (S(26) * S(51));
    const carol = 5 / (S(26) * S(35));
    expectScores(got, [['i3', bob * 1 + carol * 5], ['i4', carol * 3]]);
    expect(got.map((c) => c.reason)).toEqual([
      { kind: 'SIMILAR_USERS', userIds: ['carol', 'bob'], count: 2 },
      { kind: 'SIMILAR_USERS', userIds: ['carol'], count: 1 },
    ]);
  });

  it('SOCIAL, tieItems 2: each tie brings their 2 most recent items (ties: larger weight, then id)', async () => {
    const got = await store.social(alice, NO_FILTER, strategyParams('SOCIAL', bounded({ tieItems: 2 }), NOW), 20);
    // bob: i1, i2 (NOW, 5 each; both seen) before i3 (15 days old), which uncapped scores 2^(-15/30);
    // dave (follow, 0.5): i2 (seen), i4.
    expectScores(got, [['i4', 0.5]]);
    expect(got[0]!.reason).toEqual({ kind: 'FRIENDS_LIKED', friendIds: ['dave'], count: 1, buyers: 0 });
  });

  it('CONTENT, candidates 1: cut by the degree bound, never below the page; exact here (no negative interaction: degree = n_i)', async () => {
    const all = await store.content(alice, NO_FILTER, strategyParams('CONTENT', RECS_CONFIG, NOW), 20);
    const p = strategyParams('CONTENT', bounded({ candidates: 1 }), NOW);
    expect(all.length).toBe(2);
    expect(await store.content(alice, NO_FILTER, p, 1)).toEqual(all.slice(0, 1));
    expect(await store.content(alice, NO_FILTER, p, 20)).toEqual(all);
  });

  it('similarItems, coUsersPerItem 1: the item\'s most recent co-user only (ties: larger weight, then id)', async () => {
    const got = await store.similarItems(asItemId('i1'), 10, similarParams(bounded({ coUsersPerItem: 1 })));
    // i1's co-users at NOW: alice (5), bob (5), carol (1) -> alice; she brings i2 (dot 5·1). Uncapped: i2 (30), i3, i4.
    expectScores(got, [['i2', 5 / (S(51) * S(27))]]);
    expect(got[0]!.reason).toEqual({ kind: 'CO_INTERACTED', itemIds: ['i1'], count: 1 });
  });

  it('peopleYouMayKnow, historyItems 1: shared items among the most recent only; friends of friends uncapped', async () => {
    const got = await store.peopleYouMayKnow(alice, peopleParams(bounded({ historyItems: 1 })), 10);
    // frank: mutual friend bob (hank declined social); via i1: carol (bob is a friend). Uncapped, i2 adds dave.
    expect(got.map((p) => [p.userId, p.score, p.mutualFriends, p.sharedItems])).toEqual([['frank', 1, 1, 0], ['carol', 0.25, 0, 1]]);
  });
});
