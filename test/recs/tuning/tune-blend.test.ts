// The refresh's blend tuner on hand-made stores: the served sources fed without the held-out pairs, each
// source alone and the blends scored by NDCG@10 of the held-out item, the best kept (ties: a single source).
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/algorithms/recs/rng.ts';
import { ALL_GRANTED } from '../../../src/domain/consent.ts';
import { asItemId, asTagId, asUserId, type ItemId, type UserId } from '../../../src/domain/ids.ts';
import { RECS_CONFIG } from '../../../src/usecases/recommend/config.ts';
import { buildContentIndex } from '../../../src/usecases/recommend/content-index.ts';
import { ServingState } from '../../../src/usecases/recommend/serving-state.ts';
import { popularRanking } from '../../../src/usecases/recommend/tuning/popularity.ts';
import { tuneBlend, type HeldOutUser } from '../../../src/usecases/recommend/tuning/tune-blend.ts';
import type { Candidate } from '../../../src/usecases/recommend/types.ts';

const OPTS = RECS_CONFIG.blendTuning;
const CFG = RECS_CONFIG;
const POP_ALONE = { GRAPH: 0, SOCIAL: 0, CONTENT: 0, POPULAR: 1 };
const SOCIAL_ALONE = { GRAPH: 0, SOCIAL: 1, CONTENT: 0, POPULAR: 0 };

function state(users: Readonly<Record<string, { readonly items: readonly string[]; readonly friends?: readonly string[] }>>): ServingState {
  const s = new ServingState(0);
  for (const [id, u] of Object.entries(users)) {
    s.putUser({
      user: { id: asUserId(id) },
      items: u.items.map((i) => ({ itemId: asItemId(i), weight: 1, purchases: 0, lastTs: null })),
      friends: (u.friends ?? []).map(asUserId),
      following: [],
    });
  }
  return s;
}
const graphList = (...ids: string[]): Candidate[] => ids.map((id, k) => ({ itemId: asItemId(id), score: ids.length - k, reason: { kind: 'GRAPH_NEIGHBOURS', viaItemIds: [], viaUserIds: [] } }));
const held = (userId: string, heldOut: string, graph: Candidate[]): HeldOutUser => ({ userId: asUserId(userId), heldOut: [asItemId(heldOut)], graph });
const range = <T>(n: number, f: (k: number) => T): T[] => Array.from({ length: n }, (_, k) => f(k));

describe('tuneBlend', () => {
  // 12 crowd users on p2, the first 10 also on p1; four held-out users t0-t3 have their own item o<k> and p1,
  // held out. Without the held-out pairs p1 counts 10 < p2's 12 (with them it would count 14 and rank first).
  const crowd = Object.fromEntries(range(12, (k) => `c${k}`).map((id, k) => [id, { items: k < 10 ? ['p1', 'p2'] : ['p2'] }]));
  const testers = Object.fromEntries(range(4, (k) => [`t${k}`, { items: [`o${k}`, 'p1'] }] as const));

  it('a store where popularity wins: POPULAR alone chosen, its held-out NDCG@10 the POPULAR figure (p1 second: 1/log2 3)', async () => {
    const users = range(4, (k) => held(`t${k}`, 'p1', graphList(`g${k}`)));
    const t = (await tuneBlend({ users, state: state({ ...crowd, ...testers }), content: undefined, now: 0, cfg: CFG }, OPTS))!;
    expect(t.users).toBe(4);
    expect(t.complete).toBe(true);
    expect(t.chosen).toEqual(POP_ALONE);
    expect(t.chosenNdcg10).toBeCloseTo(1 / Math.log2(3), 12);
    expect(t.single).toEqual({ GRAPH: 0, SOCIAL: 0, CONTENT: 0, POPULAR: t.chosenNdcg10 });
    // GRAPH 1 + POPULAR 0.1: g<k> first, then p2 (0.1), p1 (0.1 x 10/12): third.
    expect(t.candidates.find((c) => JSON.stringify(c.weights) === JSON.stringify({ GRAPH: 1, SOCIAL: 0, CONTENT: 0, POPULAR: 0.1 }))?.ndcg10).toBeCloseTo(0.5, 12);
    expect(t.candidates.length).toBe(4 + 11);
  });

  it('a store where friends predict: SOCIAL alone chosen at NDCG@10 1 (the friend has exactly the held-out item)', async () => {
    const friends = Object.fromEntries(range(4, (k) => [`f${k}`, { items: [`x${k}`] }] as const));
    const testersWithFriends = Object.fromEntries(range(4, (k) => [`t${k}`, { items: [`o${k}`, `x${k}`], friends: [`f${k}`] }] as const));
    const users = range(4, (k) => held(`t${k}`, `x${k}`, graphList(`g${k}`, 'p2')));
    const t = (await tuneBlend({ users, state: state({ ...crowd, ...friends, ...testersWithFriends }), content: undefined, now: 0, cfg: CFG }, OPTS))!;
    expect(t.chosen).toEqual(SOCIAL_ALONE);
    expect(t.chosenNdcg10).toBe(1);
    expect(t.single.GRAPH).toBe(0);
    expect(t.single.SOCIAL).toBe(1);
    // POPULAR: p2 (12), p1 (10), then the eleven 1-count items by id: f-friends' x<j>, the testers' o<j>
    // (t<k>'s own o<k> excluded) and x<k> among them: o0..o3 less one, x0..x3 -> x<k> at 2 + 3 + k.
    expect(t.single.POPULAR).toBeCloseTo(range(4, (k) => 1 / Math.log2(2 + 3 + k + 2)).reduce((a, b) => a + b) / 4, 12);
  });

  it('CONTENT counts n_i without the held-out pairs: b (3 users with t0\'s held-out pair, 2 without) ties a and ranks second by id', async () => {
    const tag = [asTagId('t')];
    const rows = [
      { id: asItemId('a'), categoryIds: [], tagIds: tag, positiveUsers: 2 },
      { id: asItemId('b'), categoryIds: [], tagIds: tag, positiveUsers: 3 },
      { id: asItemId('c'), categoryIds: [], tagIds: tag, positiveUsers: 1 },
    ];
    const index = buildContentIndex(rows, 0);
    const t = (await tuneBlend({ users: [held('t0', 'b', [])], state: state({ t0: { items: ['c', 'b'] } }), content: index, now: 0, cfg: CFG }, OPTS))!;
    expect(t.single.CONTENT).toBeCloseTo(1 / Math.log2(3), 12);
    expect(index.positiveUsers[1]).toBe(3); // the served index is not modified
  });

  it('users the serving state lacks are skipped; none left: undefined', async () => {
    expect(await tuneBlend({ users: [held('nobody', 'p1', [])], state: state({}), content: undefined, now: 0, cfg: CFG }, OPTS)).toBeUndefined();
  });

  it('on random stores the chosen blend is never below any single source on the held-out items', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const rng = createRng(seed);
      const nItems = 30;
      const item = (i: number) => `i${String(i).padStart(2, '0')}`;
      const users: Record<string, { items: string[]; friends: string[] }> = {};
      for (let u = 0; u < 40; u++) {
        const items = new Set<string>();
        for (let k = 0; k < 3 + rng.int(6); k++) items.add(item(Math.min(nItems - 1, rng.int(nItems) % (5 + rng.int(nItems)))));
        users[`u${u}`] = { items: [...items], friends: range(rng.int(3), () => `u${rng.int(40)}`) };
      }
      const held20: HeldOutUser[] = range(20, (k) => `u${k * 2}`).map((id) => {
        const items = users[id]!.items;
        const target = items[rng.int(items.length)]!;
        const graph = range(8, () => item(rng.int(nItems))).filter((x, k, a) => a.indexOf(x) === k && !items.includes(x) || x === target && a.indexOf(x) === k);
        return held(id, target, graphList(...graph));
      });
      const rows = range(nItems, (i) => ({ id: asItemId(item(i)), categoryIds: [], tagIds: [asTagId(`t${i % 4}`)], positiveUsers: 1 }));
      const t = (await tuneBlend({ users: held20, state: state(users), content: buildContentIndex(rows, 0), now: 0, cfg: CFG }, OPTS))!;
      for (const s of ['GRAPH', 'SOCIAL', 'CONTENT', 'POPULAR'] as const) expect(t.chosenNdcg10).toBeGreaterThanOrEqual(t.single[s]);
      expect(t.chosenNdcg10).toBe(Math.max(...t.candidates.map((c) => c.ndcg10)));
    }
  });
});

describe('popularRanking', () => {
  it('popular.cypher without a user: decayed sums, positive only, score DESC then id ASC, held-out pairs left out', () => {
    const day = 86_400_000;
    const users = [
      { userId: asUserId('a'), items: [{ itemId: asItemId('x'), weight: 2, purchases: 0, lastTs: 0 }, { itemId: asItemId('y'), weight: 1, purchases: 0, lastTs: null }] },
      { userId: asUserId('b'), items: [{ itemId: asItemId('y'), weight: 1, purchases: 0, lastTs: 0 }, { itemId: asItemId('z'), weight: -4, purchases: 0, lastTs: 0 }] },
    ];
    const ranked = popularRanking(users, { now: 14 * day, halfLifeMs: 14 * day });
    expect(ranked).toEqual([{ itemId: 'y', score: 1.5 }, { itemId: 'x', score: 1 }]);
    expect(popularRanking(users, { now: 14 * day, halfLifeMs: 14 * day }, new Map<UserId, ReadonlySet<ItemId>>([[asUserId('a'), new Set([asItemId('y')])]]))).toEqual([{ itemId: 'x', score: 1 }, { itemId: 'y', score: 0.5 }]);
  });
});
