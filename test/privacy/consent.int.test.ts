// Consent per purpose on the hand-made shop of test/recs/fixture.ts, through the real use cases and Neo4j:
// each rule shown by a user flipping a flag (setConsent, so the caches' invalidation is exercised too) and
// disappearing from the result, then flipping back.
//   alice: friend bob, friend hank (declined social), follows dave; bob's items reach alice through SOCIAL.
//   frank: friend of bob and carol, no interactions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_GRANTED } from '../../src/domain/consent.ts';
import { asUserId } from '../../src/domain/ids.ts';
import { SYSTEM } from '../../src/domain/principal.ts';
import type { GraphConnection } from '../../src/storage/connect.ts';
import type { ConsentInput } from '../../src/usecases/privacy/consent-input.ts';
import { parseRecommendArgs } from '../../src/usecases/recommend/parse-args.ts';
import type { ReasonData } from '../../src/usecases/recommend/types.ts';
import { PrivacyStore } from '../../src/storage/privacy-store.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { upsertUser } from '../../src/usecases/live/upsert-entities.ts';
import { openTestGraph } from '../support/graph.ts';
import { privacyStack, type Stack } from './stack.ts';
import { NOW, writeShop } from '../recs/fixture.ts';

const decay = (days: number, halfLifeDays: number) => Math.pow(2, -days / halfLifeDays);
/** Ids exactly, scores to 12 digits (the JVM's exp/log and JS's differ in the last bit). */
const expectRanking = (items: readonly { itemId: string; score: number }[], want: [string, number][]) => {
  expect(items.map((r) => r.itemId)).toEqual(want.map((w) => w[0]));
  items.forEach((r, k) => expect(r.score).toBeCloseTo(want[k]![1], 12));
};
const namedUsers = (r: ReasonData): string[] => {
  switch (r.kind) {
    case 'FRIENDS_LIKED': case 'MUTUAL_FRIENDS': return [...r.friendIds];
    case 'SIMILAR_USERS': return [...r.userIds];
    case 'GRAPH_NEIGHBOURS': return [...r.viaUserIds];
    default: return [];
  }
};

describe('consent per purpose, every path', () => {
  let graph: GraphConnection;
  let s: Stack;
  const set = (user: string, consent: ConsentInput) => s.privacy.setConsent(SYSTEM, user, consent);
  const page = (userId: string, strategy: string) => s.recs.recommend(SYSTEM, parseRecommendArgs({ userId, strategy }));
  const people = async (userId: string) => (await s.recs.peopleYouMayKnow(SYSTEM, asUserId(userId), 10)).people;

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeShop(graph.executor);
    s = privacyStack(graph, ALL_GRANTED);
  });
  afterAll(async () => graph.close());

  it('setConsent writes only the purposes given; unknown user NOT_FOUND; nothing given INVALID_INPUT', async () => {
    await set('erin', { analytics: false });
    await set('erin', { personalisation: true, social: null });
    const [row] = await graph.executor.read('MATCH (u:User {id: "erin"}) RETURN u.consentPersonalisation AS p, u.consentSocial AS s, u.consentAnalytics AS a');
    expect(row).toEqual({ p: true, s: null, a: false });
    await expect(set('nobody', { social: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(set('erin', {})).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'consent' } });
  });

  it('a store written before consent per purpose: the old social-only `consent` flag becomes consentSocial', async () => {
    await graph.executor.write('CREATE (:User {id: "legacy-1", consent: false}), (:User {id: "legacy-2", consent: true, consentSocial: false})');
    expect(await new PrivacyStore(graph.executor).migrateLegacyConsent()).toBe(2);
    const rows = await graph.executor.read('MATCH (u:User) WHERE u.id STARTS WITH "legacy-" RETURN u.id AS id, u.consent AS old, u.consentSocial AS social ORDER BY id');
    expect(rows).toEqual([{ id: 'legacy-1', old: null, social: false }, { id: 'legacy-2', old: null, social: false }]);
    expect(await new PrivacyStore(graph.executor).migrateLegacyConsent()).toBe(0);
    await graph.executor.write('MATCH (u:User) WHERE u.id STARTS WITH "legacy-" DELETE u');
  });

  it('social: a friend who refuses stops being a SOCIAL signal and is no longer named (cached page dropped)', async () => {
    const before = await page('alice', 'SOCIAL');
    expectRanking(before.items, [['i3', 1.0 * 1 * decay(15, 30)], ['i4', 0.5 * 1]]);
    expect(before.items.map((r) => namedUsers(r.reasons[0]!))).toEqual([['bob'], ['dave']]);
    expect(await page('alice', 'SOCIAL')).toBe(before); // cached
    await set('bob', { social: false });
    const after = await page('alice', 'SOCIAL');
    expectRanking(after.items, [['i4', 0.5]]);
    expect(after.items.map((r) => namedUsers(r.reasons[0]!))).toEqual([['dave']]);
    expect(after.entities.users.map((u) => u.id)).toEqual(['dave']);
    await set('bob', { social: true });
    expect((await page('alice', 'SOCIAL')).items.map((r) => r.itemId)).toEqual(['i3', 'i4']);
  });

  it('upsertUser with consent flags has the same effect, and drops the pages it changes', async () => {
    const social = async () => (await page('alice', 'SOCIAL')).items.map((r) => r.itemId);
    expect(await social()).toEqual(['i3', 'i4']);
    await upsertUser(SYSTEM, { id: 'bob', consent: { social: false } }, new GraphWriter(graph.executor), s.recs);
    expect(await social()).toEqual(['i4']);
    await upsertUser(SYSTEM, { id: 'bob', consent: { social: true } }, new GraphWriter(graph.executor), s.recs);
    expect(await social()).toEqual(['i3', 'i4']);
  });

  it('social: SIMILAR_USERS names only consenting neighbours; the anonymous contribution and count stay', async () => {
    const before = await page('alice', 'USER_CF');
    expect(before.items.map((r) => r.reasons[0])).toEqual([
      { kind: 'SIMILAR_USERS', userIds: ['carol', 'bob'], count: 2 },
      { kind: 'SIMILAR_USERS', userIds: ['carol', 'dave'], count: 2 },
    ]);
    await set('carol', { social: false });
    const after = await page('alice', 'USER_CF');
    expect(after.items.map((r) => [r.itemId, r.score])).toEqual(before.items.map((r) => [r.itemId, r.score]));
    expect(after.items.map((r) => r.reasons[0])).toEqual([
      { kind: 'SIMILAR_USERS', userIds: ['bob'], count: 2 },
      { kind: 'SIMILAR_USERS', userIds: ['dave'], count: 2 },
    ]);
    await set('carol', { social: true });
  });

  it('social: GRAPH viaUsers and the fit\'s friend edges leave with the refusal', async () => {
    const named = async () => (await page('alice', 'GRAPH')).items.flatMap((r) => r.reasons.flatMap(namedUsers));
    expect(await named()).toContain('bob');
    expect((await s.recs.graph.get()).friendships).toBe(3); // alice-bob, frank-bob, frank-carol (not alice-hank)
    await set('bob', { social: false });
    expect(await named()).not.toContain('bob');
    expect((await s.recs.graph.get()).friendships).toBe(1); // frank-carol
    await set('bob', { social: true });
    expect((await s.recs.graph.get()).friendships).toBe(3);
  });

  it('social: never suggested in peopleYouMayKnow, never counted or named as a mutual friend', async () => {
    expect((await people('alice')).map((p) => p.userId)).toEqual(['frank', 'carol', 'dave']);
    await set('frank', { social: false });
    expect((await people('alice')).map((p) => p.userId)).toEqual(['carol', 'dave']);
    await set('frank', { social: true });
    const frank = await people('frank');
    expect(frank.find((p) => p.userId === 'alice')?.reasons).toEqual([{ kind: 'MUTUAL_FRIENDS', friendIds: ['bob'], count: 1 }]);
    await set('bob', { social: false });
    expect((await people('frank')).map((p) => p.userId)).not.toContain('alice');
    await set('bob', { social: true });
  });

  it('personalisation refused: the global POPULAR ranking (history unused), reasons saying so; no people suggested', async () => {
    expect((await page('alice', 'HYBRID')).strategy).toBe('HYBRID');
    await set('alice', { personalisation: false });
    for (const strategy of ['HYBRID', 'GRAPH', 'CONTENT', 'SOCIAL', 'ITEM_CF']) {
      const p = await page('alice', strategy);
      expect(p.strategy, strategy).toBe('POPULAR');
      // erin's ranking (no history at all): alice's own purchase i1 and view i2 are not filtered out.
      expectRanking(p.items, [['i1', 11], ['i2', 7], ['i3', 5 + decay(15, 14)], ['i6', 5], ['i4', 4]]);
      for (const r of p.items) expect(r.reasons).toEqual([expect.objectContaining({ kind: 'POPULAR', personalisationOff: true })]);
    }
    expect(await people('alice')).toEqual([]);
    await set('alice', { personalisation: true });
    const back = await page('alice', 'HYBRID');
    expect(back.strategy).toBe('HYBRID');
    expect(back.items.map((r) => r.itemId)).not.toContain('i1');
  });

  for (const path of ['ts', 'cypher'] as const) {
    it(`analytics refused (${path} counting): out of every chain, funnel, conversion and segment count`, async () => {
      s.analytics.usePaths({ transitions: path, funnel: path });
      // With events: alice, bob, carol, dave, hank; purchases by alice, bob, carol, hank.
      expect((await s.analytics.transitionMatrix(SYSTEM, {})).users).toBe(5);
      expect((await s.analytics.funnel(SYSTEM, { steps: ['view', 'purchase'] })).totalUsers).toBe(5);
      const byFriend = async () => (await s.analytics.conversionRate(SYSTEM, { action: 'purchase', breakdown: 'HAS_FRIEND_WHO_PURCHASED' }))
        .breakdown!.map((b) => [b.segment, b.numerator, b.denominator]);
      expect(await byFriend()).toEqual([['false', 1, 2], ['true', 3, 3]]);
      await set('alice', { analytics: false });
      expect((await s.analytics.transitionMatrix(SYSTEM, {})).users).toBe(4);
      expect((await s.analytics.funnel(SYSTEM, { steps: ['view', 'purchase'] })).totalUsers).toBe(4);
      const conv = await s.analytics.conversionRate(SYSTEM, { action: 'purchase' });
      expect([conv.numerator, conv.denominator]).toEqual([3, 4]);
      // alice's purchase no longer places bob and hank (her friends) in the "friend purchased" segment.
      expect(await byFriend()).toEqual([['false', 3, 4]]);
      await expect(s.analytics.transitionMatrix(SYSTEM, { segment: { userIds: ['alice'] } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await set('alice', { analytics: true });
      expect((await s.analytics.transitionMatrix(SYSTEM, {})).users).toBe(5);
    });
  }

  it('a configured default applies to users who never decided (GREC_CONSENT_DEFAULT=denied for social, analytics)', async () => {
    // Recorded by the tests above: social true for bob, carol, frank; analytics true for alice. Nobody else decided.
    const strict = privacyStack(graph, { personalisation: true, social: false, analytics: false, marketing: false });
    const social = async () => (await strict.recs.recommend(SYSTEM, parseRecommendArgs({ userId: 'alice', strategy: 'SOCIAL' }))).items.map((r) => r.reasons[0]);
    expect(await social()).toEqual([{ kind: 'FRIENDS_LIKED', friendIds: ['bob'], count: 1, buyers: 0 }]);
    expect((await strict.analytics.transitionMatrix(SYSTEM, {})).users).toBe(1);
    expect((await strict.recs.graph.get()).friendships).toBe(2); // frank-bob, frank-carol: alice never decided
    await strict.privacy.setConsent(SYSTEM, 'dave', { social: true, analytics: true });
    expect(await social()).toEqual([
      { kind: 'FRIENDS_LIKED', friendIds: ['bob'], count: 1, buyers: 0 },
      { kind: 'FRIENDS_LIKED', friendIds: ['dave'], count: 1, buyers: 0 },
    ]);
    expect((await strict.analytics.transitionMatrix(SYSTEM, {})).users).toBe(2);
  });
});
