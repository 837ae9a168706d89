// POPULAR's global ranking in memory, for the blend tuner: cypher/recs/popular.cypher without a user,
//   score(i) = sum over users v of  w_vi * decay(now - lastTs_vi, halfLife)     (no time: undecayed)
// over every user's interactions (any sign, as the Cypher sums r.weight), items with a positive score, order
// score DESC, id ASC. `leaveOut` drops pairs (the tuner's held-out ones: a held-out pair must not make its
// own item popular). O(interactions + items log items).
import type { ItemId, UserId } from '../../../domain/ids.ts';
import { recencyDecay } from '../../../algorithms/recs/recency-decay.ts';
import { byScoreThenId } from '../blend.ts';
import type { UserContext } from '../types.ts';

export interface PopularScore {
  readonly itemId: ItemId;
  readonly score: number;
}

export function popularRanking(
  users: Iterable<{ readonly userId: UserId; readonly items: UserContext['items'] }>,
  p: { readonly now: number; readonly halfLifeMs: number },
  leaveOut: ReadonlyMap<UserId, ReadonlySet<ItemId>> = new Map(),
): PopularScore[] {
  const sums = new Map<ItemId, number>();
  for (const u of users) {
    const skip = leaveOut.get(u.userId);
    for (const it of u.items) {
      if (skip?.has(it.itemId) === true) continue;
      const d = recencyDecay(it.lastTs === null ? undefined : p.now - it.lastTs, p.halfLifeMs);
      sums.set(it.itemId, (sums.get(it.itemId) ?? 0) + it.weight * d);
    }
  }
  const out: PopularScore[] = [];
  for (const [itemId, score] of sums) if (score > 0) out.push({ itemId, score });
  return out.sort(byScoreThenId);
}
