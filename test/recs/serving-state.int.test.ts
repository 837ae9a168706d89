// The serving state answers what user-context, social and entities.cypher answer, on the hand-made shop plus
// ties that exercise the rules: a friend also followed (the larger tie), a follow only, a tie who declined
// social features, an interaction without a time (not decayed), a self loop. SOCIAL is compared for every user,
// several filters, two reference times (decay) and two reason lengths; scores to 12 digits (the file sums in
// its own order), ids, order and reasons exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_GRANTED } from '../../src/domain/consent.ts';
import { asCategoryId, asItemId, asTagId, asUserId } from '../../src/domain/ids.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { RecsStore } from '../../src/storage/recs-store.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';
import { ServingStateCache } from '../../src/usecases/recommend/serving-state-cache.ts';
import type { ServingState } from '../../src/usecases/recommend/serving-state.ts';
import { scoreSocial } from '../../src/usecases/recommend/social-scoring.ts';
import { strategyParams } from '../../src/usecases/recommend/strategy-params.ts';
import { NO_FILTER, type RecsFilter, type UserContext } from '../../src/usecases/recommend/types.ts';
import { openTestGraph } from '../support/graph.ts';
import { DAY, NOW, writeShop } from './fixture.ts';

const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'hank', 'ivy'].map(asUserId);
const FILTERS: RecsFilter[] = [
  NO_FILTER,
  { ...NO_FILTER, excludeSeen: false },
  { ...NO_FILTER, excludeSeen: false, excludePurchased: false },
  { ...NO_FILTER, categoryIds: [asCategoryId('B'), asCategoryId('C')] },
  { ...NO_FILTER, minPrice: 25, maxPrice: 60 },
  { ...NO_FILTER, excludeItemIds: [asItemId('i3')] },
];

describe('the serving state equals the Cypher it replaces', () => {
  let graph: GraphConnection;
  let store: RecsStore;
  let state: ServingState;
  const sorted = (c: UserContext) => ({
    ...c,
    items: [...c.items].sort((a, b) => a.itemId.localeCompare(b.itemId)),
    friends: [...c.friends].sort(),
    following: [...c.following].sort(),
  });

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeShop(graph.executor);
    const w = new GraphWriter(graph.executor);
    await w.users([{ id: asUserId('ivy'), name: 'Ivy' }]);
    await w.items([{ id: asItemId('i7'), title: 'Untimed', price: 70, categoryIds: [asCategoryId('C')], tagIds: [asTagId('t1')] }]);
    // alice also follows bob, her friend (tie = max(1, 0.5)); ivy follows carol and hank (hank declined
    // social features), is a friend of dave, and of herself (a self loop is never a tie).
    await w.social([
      { kind: 'FOLLOWS', from: asUserId('alice'), to: asUserId('bob') },
      { kind: 'FOLLOWS', from: asUserId('ivy'), to: asUserId('carol') },
      { kind: 'FOLLOWS', from: asUserId('ivy'), to: asUserId('hank') },
      { kind: 'FRIEND', from: asUserId('ivy'), to: asUserId('dave') },
      { kind: 'FRIEND', from: asUserId('ivy'), to: asUserId('ivy') },
    ]);
    // An interaction with no time (a loader's aggregated count): counted undecayed by both.
    await graph.executor.write("MATCH (d:User {id: 'dave'}), (i:Item {id: 'i7'}) MERGE (d)-[r:INTERACTED]->(i) SET r.weight = 2.0, r.purchases = 1");
    store = new RecsStore(graph.executor);
    state = await new ServingStateCache({ users: (ids) => store.servingUsers(ids), items: (ids) => store.servingItems(ids), vocabulary: () => store.servingVocabulary() }, 60_000, () => NOW).get();
  });
  afterAll(async () => graph.close());

  it('user context: interactions, consent-filtered ties, personalisation, unknown users', async () => {
    for (const u of USERS) {
      const cypher = await store.userContext(u, ALL_GRANTED);
      expect(sorted(state.userContext(u, ALL_GRANTED)!), u).toEqual(sorted(cypher!));
    }
    expect(state.userContext(asUserId('alice'), ALL_GRANTED)!.friends).toEqual(['bob']); // hank declined
    expect(state.userContext(asUserId('nobody'), ALL_GRANTED)).toBeNull();
    const socialOff = { ...ALL_GRANTED, social: false };
    expect(sorted(state.userContext(asUserId('ivy'), socialOff)!)).toEqual(sorted((await store.userContext(asUserId('ivy'), socialOff))!));
  });

  it('SOCIAL: same candidates, order, reasons and scores for every user, filter, reference time and reason length', async () => {
    let compared = 0;
    for (const now of [NOW, NOW + 20 * DAY]) {
      for (const viaLimit of [3, 1]) {
        const cfg = { ...RECS_CONFIG, viaLimit };
        const params = strategyParams('SOCIAL', cfg, now);
        const s = cfg.social;
        const p = { now, halfLifeMs: s.halfLifeMs, friendWeight: s.friendWeight, followWeight: s.followWeight, viaLimit, consentDefaults: ALL_GRANTED };
        for (const u of USERS) {
          const ctx = state.userContext(u, ALL_GRANTED)!;
          for (const filter of FILTERS) {
            for (const limit of [100, 2]) {
              const cypher = await store.social(u, filter, params, limit);
              const memory = scoreSocial(state, ctx, filter, p, limit);
              const at = `${u} ${JSON.stringify(filter)} now+${(now - NOW) / DAY}d via ${viaLimit} limit ${limit}`;
              expect(memory.map((c) => ({ itemId: c.itemId, reason: c.reason })), at).toEqual(cypher.map((c) => ({ itemId: c.itemId, reason: c.reason })));
              memory.forEach((c, k) => expect(c.score, at).toBeCloseTo(cypher[k]!.score, 12));
              compared += cypher.length;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('SOCIAL by hand: alice gets bob (friend and followed: tie 1) and dave (followed: 0.5), never hank', () => {
    const ctx = state.userContext(asUserId('alice'), ALL_GRANTED)!;
    const s = RECS_CONFIG.social;
    const got = scoreSocial(state, ctx, NO_FILTER, { now: NOW, halfLifeMs: s.halfLifeMs, friendWeight: 1, followWeight: 0.5, viaLimit: 3, consentDefaults: ALL_GRANTED }, 10);
    // bob viewed i3 (weight 1) 15 days ago: 1 * 1 * 2^(-15/30); dave viewed i4 (1) now: 0.5; dave's untimed i7 (2): 0.5 * 2.
    expect(got.map((c) => c.itemId)).toEqual(['i7', 'i3', 'i4']);
    [1, 2 ** -0.5, 0.5].forEach((score, k) => expect(got[k]!.score).toBeCloseTo(score, 12));
    expect(got[0]!.reason).toEqual({ kind: 'FRIENDS_LIKED', friendIds: ['dave'], count: 1, buyers: 1 });
  });

  it('entities: the same items (with popularity), categories, tags and users as entities.cypher', async () => {
    const ids = { itemIds: ['i1', 'i3', 'i7', 'gone'].map(asItemId), categoryIds: [asCategoryId('A')], tagIds: [asTagId('t2')], userIds: ['bob', 'hank', 'nobody'].map(asUserId) };
    const cypher = await store.entities(ids);
    const { entities, missing } = state.entities(ids);
    expect(entities.items).toEqual(cypher.items);
    const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(entities.categories)).toEqual(byId(cypher.categories));
    expect(byId(entities.tags)).toEqual(byId(cypher.tags));
    expect(byId(entities.users)).toEqual(byId(cypher.users));
    expect(missing).toEqual({ itemIds: ['gone'], categoryIds: [], tagIds: [], userIds: ['nobody'] });
  });
});
