// Every Cypher strategy on the hand-made shop of ./fixture.ts, with scores computed by hand from the
// formulas in the files' headers. Weights: purchase 5, cart 3, view 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asItemId, asUserId } from '../../src/domain/ids.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { RecsStore } from '../../src/storage/recs-store.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';
import { peopleParams, similarParams, strategyParams, type CypherSource } from '../../src/usecases/recommend/strategy-params.ts';
import { NO_FILTER, type Candidate } from '../../src/usecases/recommend/types.ts';
import { openTestGraph } from '../support/graph.ts';
import { NOW, writeShop } from './fixture.ts';

const S = Math.sqrt;
const decay = (days: number, halfLifeDays: number) => Math.pow(2, -days / halfLifeDays);

describe('Cypher strategies on a hand-made shop (exact rankings and scores)', () => {
  let graph: GraphConnection;
  let store: RecsStore;
  const run = (source: CypherSource, user: string, filter = NO_FILTER, limit = 20): Promise<Candidate[]> => {
    const p = strategyParams(source, RECS_CONFIG, NOW);
    const id = asUserId(user);
    switch (source) {
      case 'POPULAR': return store.popular(id, filter, p, limit);
      case 'TRENDING': return store.trending(id, filter, p, limit);
      case 'ITEM_CF': return store.itemCf(id, filter, p, limit);
      case 'USER_CF': return store.userCf(id, filter, p, limit);
      case 'CONTENT': return store.content(id, filter, p, limit);
      case 'SOCIAL': return store.social(id, filter, p, limit);
    }
  };
  const expectScores = (got: Candidate[], want: [string, number][]) => {
    expect(got.map((c) => c.itemId)).toEqual(want.map((w) => w[0]));
    got.forEach((c, k) => expect(c.score).toBeCloseTo(want[k]![1], 9));
  };

  beforeAll(async () => {
    graph = await openTestGraph();
    store = new RecsStore(graph.executor);
    await writeShop(graph.executor);
  });
  afterAll(async () => graph.close());

  it('ITEM_CF: sum over the user\'s items of w_uj * cosine(j, i)', async () => {
    // item norms: i1 sqrt(5²+5²+1²)=√51, i2 √27, i3 √26, i4 √10
    const s13 = (5 * 1 + 1 * 5) / (S(51) * S(26)); // bob, carol
    const s14 = (1 * 3) / (S(51) * S(10)); // carol
    const s23 = (5 * 1) / (S(27) * S(26)); // bob
    const s24 = (1 * 1) / (S(27) * S(10)); // dave
    const got = await run('ITEM_CF', 'alice');
    expectScores(got, [['i3', 5 * s13 + 1 * s23], ['i4', 5 * s14 + 1 * s24]]);
    expect(got[0]!.reason).toEqual({ kind: 'SIMILAR_TO_ITEMS', itemIds: ['i1', 'i2'] });
  });

  it('USER_CF: neighbours by cosine, then sum of sim * w_vi', async () => {
    const bob = 30 / (S(26) * S(51));
    const carol = 5 / (S(26) * S(35));
    const dave = 1 / (S(26) * S(2));
    const got = await run('USER_CF', 'alice');
    expectScores(got, [['i3', bob * 1 + carol * 5], ['i4', carol * 3 + dave * 1]]);
    expect(got.map((c) => c.reason)).toEqual([
      { kind: 'SIMILAR_USERS', userIds: ['carol', 'bob'], count: 2 },
      { kind: 'SIMILAR_USERS', userIds: ['carol', 'dave'], count: 2 },
    ]);
  });

  it('CONTENT: profile over categories and tags plus item bias; a brand-new item ranks first', async () => {
    // total 6: p_A = 6/6 * 1.0, p_t1 = 6/6 * 0.5, p_t2 = 1/6 * 0.5; i5 is new (b = 0), i3 has 2 users
    const got = await run('CONTENT', 'alice');
    expectScores(got, [['i5', 1.0], ['i3', (1 / 6) * 0.5 + 0.1 * Math.log(3)]]);
    expect(got.map((c) => c.reason)).toEqual([
      { kind: 'SHARED_ATTRIBUTES', categoryIds: ['A'], tagIds: [] },
      { kind: 'SHARED_ATTRIBUTES', categoryIds: [], tagIds: ['t2'] },
    ]);
  });

  it('SOCIAL: tie strength x weight x recency; a friend without consent is never used', async () => {
    const got = await run('SOCIAL', 'alice');
    expectScores(got, [['i3', 1.0 * 1 * decay(15, 30)], ['i4', 0.5 * 1]]);
    expect(got.map((c) => c.reason)).toEqual([
      { kind: 'FRIENDS_LIKED', friendIds: ['bob'], count: 1, buyers: 0 },
      { kind: 'FRIENDS_LIKED', friendIds: ['dave'], count: 1, buyers: 0 },
    ]);
    const frank = await run('SOCIAL', 'frank');
    expectScores(frank, [['i1', 5 + 1], ['i3', 1 * decay(15, 30) + 5], ['i2', 5], ['i4', 3]]);
    expect(frank[0]!.reason).toEqual({ kind: 'FRIENDS_LIKED', friendIds: ['bob', 'carol'], count: 2, buyers: 1 });
  });

  it('POPULAR: decayed weight sums, overall and per category, with filters', async () => {
    expectScores(await run('POPULAR', 'alice'), [['i3', 5 + decay(15, 14)], ['i6', 5], ['i4', 4]]);
    expectScores(await run('POPULAR', 'erin'), [['i1', 11], ['i2', 7], ['i3', 5 + decay(15, 14)], ['i6', 5], ['i4', 4]]);
    const inB = await run('POPULAR', 'erin', { ...NO_FILTER, categoryIds: [asItemId('B') as never] });
    expectScores(inB, [['i3', 5 + decay(15, 14)], ['i4', 4]]);
    expect(inB[0]!.reason).toEqual({ kind: 'POPULAR', categoryId: 'B', interactions: 2, trending: false });
    const priced = await run('POPULAR', 'erin', { ...NO_FILTER, minPrice: 15, maxPrice: 40, excludeItemIds: [asItemId('i3')] });
    expectScores(priced, [['i2', 7], ['i4', 4]]);
    const seenToo = await run('POPULAR', 'alice', { ...NO_FILTER, excludeSeen: false, excludePurchased: true });
    expect(seenToo.map((c) => c.itemId)).toEqual(['i2', 'i3', 'i6', 'i4']);
  });

  it('TRENDING: only events inside the window, decayed by age', async () => {
    const got = await run('TRENDING', 'alice');
    expectScores(got, [['i3', 5], ['i6', 5], ['i4', 4]]);
    expect(got[2]!.reason).toEqual({ kind: 'POPULAR', categoryId: null, interactions: 2, trending: true });
  });

  it('similarItems: cosine to one item with co-user counts', async () => {
    const got = await store.similarItems(asItemId('i1'), 10, similarParams(RECS_CONFIG));
    expectScores(got, [['i2', 30 / (S(51) * S(27))], ['i3', 10 / (S(51) * S(26))], ['i4', 3 / (S(51) * S(10))]]);
    expect(got.map((c) => (c.reason.kind === 'CO_INTERACTED' ? c.reason.count : -1))).toEqual([2, 2, 1]);
  });

  it('peopleYouMayKnow: mutual friends and shared items, never friends or self', async () => {
    const got = await store.peopleYouMayKnow(asUserId('alice'), peopleParams(RECS_CONFIG), 10);
    expect(got.map((p) => [p.userId, p.score, p.mutualFriends, p.sharedItems])).toEqual([
      ['frank', 1, 1, 0],
      ['carol', 0.25, 0, 1],
      ['dave', 0.25, 0, 1],
    ]);
    expect(got[0]!.reasons).toEqual([{ kind: 'MUTUAL_FRIENDS', friendIds: ['bob'], count: 1 }]);
    expect(got[1]!.reasons).toEqual([{ kind: 'SHARED_ITEMS', itemIds: ['i1'], count: 1 }]);
  });

  it('LIMIT is respected and a user with no interactions gets no CF candidates', async () => {
    expect(await run('POPULAR', 'erin', NO_FILTER, 2)).toHaveLength(2);
    expect(await run('ITEM_CF', 'erin')).toEqual([]);
    expect(await run('CONTENT', 'frank')).toEqual([]);
  });
});
