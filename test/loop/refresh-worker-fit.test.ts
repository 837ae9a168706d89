// The GRAPH fit in a worker thread (graph-fitter.ts): it starts under vitest as under tsx (the .mjs entry
// registers tsx in the thread), gives the very model an in-thread fit gives, lets this thread run while it
// fits, raises a failed fit as the in-thread fit would, and falls back to an in-thread fit, with a warning,
// when the worker cannot start.
import { describe, expect, it } from 'vitest';
import { asItemId, asUserId, type ItemId } from '../../src/domain/ids.ts';
import type { GraphEdges } from '../../src/storage/recs-graph-store.ts';
import { RECS_CONFIG } from '../../src/usecases/recommend/config.ts';
import { fitGraphModel, packEdges, type GraphModel } from '../../src/usecases/recommend/fit-graph-model.ts';
import { packInSlices, workerFitter } from '../../src/usecases/recommend/graph-fitter.ts';
import { scoreGraphUser } from '../../src/usecases/recommend/graph-scoring.ts';
import type { UserContext } from '../../src/usecases/recommend/types.ts';

const edges: GraphEdges = {
  interactions: [
    ['u1', 'a', 5], ['u1', 'b', 1], ['u2', 'a', 2], ['u2', 'b', 3], ['u2', 'c', 1], ['u3', 'b', 4], ['u3', 'c', 2],
    ['u4', 'x', 1], ['u4', 'y', 7], ['u5', 'x', 2],
  ].map(([u, i, w]) => ({ userId: asUserId(String(u)), itemId: asItemId(String(i)), weight: Number(w) })),
  friendships: [{ a: asUserId('u4'), b: asUserId('u5') }, { a: asUserId('u6'), b: asUserId('u1') }],
  follows: [{ follower: asUserId('u3'), followee: asUserId('u4') }, { follower: asUserId('u7'), followee: asUserId('u2') }],
};
const cfg = { ...RECS_CONFIG.graph, rank: 3, alpha: 0.3 }; // alpha > 0: the SVD runs (and comes back) too
const none = new Set<ItemId>();
const ctx = (items: string[], friends: string[] = []): UserContext => ({
  userId: asUserId('new'), personalisation: true, items: items.map((i) => ({ itemId: asItemId(i), weight: 5, purchases: 1, lastTs: null })),
  friends: friends.map(asUserId), following: [],
});

function logSink() {
  const warnings: { fields: object; msg: string }[] = [];
  return { warnings, log: { info: () => {}, warn: (fields: object, msg: string) => warnings.push({ fields, msg }), error: () => {} } };
}

/** Everything a model holds but its closures and its fit time. */
const shape = (m: GraphModel) => ({
  userIds: m.userIds, itemIds: m.itemIds, userIndex: [...m.userIndex], itemIndex: [...m.itemIndex], interactions: m.interactions,
  itemUsers: m.itemUsers, friends: m.friends, kind: m.kind, parts: m.parts, friendships: m.friendships, follows: m.follows, followWeight: m.followWeight, fittedAt: m.fittedAt,
});

describe('the GRAPH fit in a worker thread', () => {
  it.each([
    ['GF-CF', { ...cfg, model: 'GF-CF' as const }],
    ['EASE', { ...cfg, model: 'EASE' as const }],
  ])('gives the model an in-thread fit gives (indices, matrices, %s parts, scores)', async (kind, cfg) => {
    const { log, warnings } = logSink();
    const viaWorker = await workerFitter({ minInteractions: 0, log })(edges, cfg, 42);
    const inThread = fitGraphModel(edges, cfg, 42);
    expect(viaWorker.kind).toBe(kind);
    expect(warnings).toEqual([]);
    expect(shape(viaWorker)).toEqual(shape(inThread));
    expect(viaWorker.follows).toBe(2);
    for (const c of [ctx(['a']), ctx(['x'], ['u4']), ctx(['b', 'c']), { ...ctx([], ['u5']), following: [asUserId('u3'), asUserId('u4')] }]) {
      expect(scoreGraphUser(viaWorker, c, none, 10, 3)).toEqual(scoreGraphUser(inThread, c, none, 10, 3));
    }
    expect(viaWorker.fitMs).toBeGreaterThan(0);
  });

  it('the tuner\'s held-out split and its GRAPH candidates (for the blend tuner) come back from the worker as in-thread', async () => {
    // 12 users with 4 items each over 8 items, so the tuner (minUsers 5) runs and keeps 3 candidates per user.
    const many: GraphEdges = {
      interactions: Array.from({ length: 12 }, (_, u) => [0, 1, 2, 3].map((k) => ({ userId: asUserId(`v${u}`), itemId: asItemId(`i${(u + k * (1 + (u % 3))) % 8}`), weight: 1 + k }))).flat(),
      friendships: [], follows: [],
    };
    const tcfg = { ...RECS_CONFIG.graph, tuning: { ...RECS_CONFIG.graph.tuning, minUsers: 5, maxUsers: 6, pool: 3 } };
    const { log } = logSink();
    const viaWorker = await workerFitter({ minInteractions: 0, log })(many, tcfg, 42);
    const inThread = fitGraphModel(many, tcfg, 42);
    const h = viaWorker.tuning?.holdout;
    expect(h?.users.length).toBe(6);
    expect(h?.offsets.length).toBe(7);
    expect(h).toEqual(inThread.tuning?.holdout);
  });

  it('packing in slices (yielding between them) packs as one pass does', async () => {
    for (const slice of [1, 3, 4, 10, 50]) expect(await packInSlices(edges, slice)).toEqual(packEdges(edges));
    expect(await packInSlices({ interactions: [], friendships: [] }, 2)).toEqual(packEdges({ interactions: [], friendships: [] }));
  });

  it('an empty graph fits there too', async () => {
    const m = await workerFitter({ minInteractions: 0, log: logSink().log })({ interactions: [], friendships: [] }, cfg, 0);
    expect(m.userIds).toEqual([]);
    expect(m.itemIds).toEqual([]);
  });

  it('this thread keeps running while the worker fits (timers fire before the fit is back)', async () => {
    // A graph big enough for the fit to take a while: 300 users x 60 items, dense, alpha > 0.
    const big: GraphEdges = { interactions: [], friendships: [] };
    for (let u = 0; u < 300; u++) {
      for (let i = 0; i < 60; i++) if ((u * 7 + i * 13) % 3 !== 0) big.interactions.push({ userId: asUserId(`u${u}`), itemId: asItemId(`i${i}`), weight: 1 + ((u + i) % 4) });
    }
    const ticks: number[] = [];
    const interval = setInterval(() => ticks.push(performance.now()), 5);
    const m = await workerFitter({ minInteractions: 0, log: logSink().log })(big, { ...cfg, rank: 32 }, 0);
    clearInterval(interval);
    expect(m.itemIds).toHaveLength(60);
    expect(ticks.length).toBeGreaterThan(0);
  });

  it('below minInteractions it fits in this thread (no worker for a tiny graph)', async () => {
    const m = await workerFitter({ minInteractions: 1000, log: logSink().log, entry: new URL('file:///nowhere/fit-worker.mjs') })(edges, cfg, 1);
    expect(shape(m)).toEqual(shape(fitGraphModel(edges, cfg, 1)));
  });

  it('a fit that fails in the worker fails with the fit\'s error', async () => {
    const bad = { ...cfg, weighting: 'user-pow-5' as never };
    expect(() => fitGraphModel(edges, bad, 0)).toThrow(RangeError);
    await expect(workerFitter({ minInteractions: 0, log: logSink().log })(edges, bad, 0)).rejects.toMatchObject({
      name: 'RangeError', message: expect.stringContaining('user-pow exponent') as unknown,
    });
  });

  it('a worker that cannot start: warns and fits in this thread', async () => {
    const { log, warnings } = logSink();
    const m = await workerFitter({ minInteractions: 0, log, entry: new URL('./no-such-worker.mjs', import.meta.url) })(edges, cfg, 7);
    expect(shape(m)).toEqual(shape(fitGraphModel(edges, cfg, 7)));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/could not run in a worker thread/);
  });
});
