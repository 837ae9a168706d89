// GRAPH strategy at request time (inductive): the user's current interactions and ties, read from Neo4j,
// are mapped onto the fitted model's indices and scored with the base model's (EASE or GF-CF) scoreVector plus the friend term
// (SocialRecommender.scoreNewUser), so fresh events and friends-only users need no refit. Items and users
// unknown to the model (created after the last fit) are skipped. Evidence for the reason:
//   viaItems: the user's items sharing the most users with the candidate (shared users DESC, id ASC)
//   viaUsers: the user's ties (friends and followed users) who interacted with the candidate (id order)
import { topK } from '../../algorithms/recs/index.ts';
import type { ItemId, UserId } from '../../domain/ids.ts';
import { dampWeights, type GraphModel } from './fit-graph-model.ts';
import type { Candidate, UserContext } from './types.ts';

export function scoreGraphUser(m: GraphModel, user: UserContext, excluded: ReadonlySet<ItemId>, limit: number, viaLimit: number): Candidate[] {
  const nItems = m.itemIds.length;
  if (nItems === 0) return [];
  const mine: { idx: number; w: number }[] = [];
  // Damped over all the user's items (a per-user weighting is relative to the user's largest weight, as in the fit).
  const damped = dampWeights(user.items.map((it) => it.weight), m.weighting);
  user.items.forEach((it, k) => {
    const idx = m.itemIndex.get(it.itemId);
    const w = damped[k]!;
    if (idx !== undefined && w > 0) mine.push({ idx, w });
  });
  mine.sort((a, b) => a.idx - b.idx);
  // A friend weighs 1, a followed user (not also a friend) m.followWeight, as in the fit (fit-graph-model.ts).
  const tieWeight = new Map<number, number>();
  for (const id of user.following) {
    const f = m.userIndex.get(id);
    if (f !== undefined && m.followWeight > 0) tieWeight.set(f, m.followWeight);
  }
  for (const id of user.friends) {
    const f = m.userIndex.get(id);
    if (f !== undefined) tieWeight.set(f, Math.max(1, tieWeight.get(f) ?? 0));
  }
  const ties = [...tieWeight.keys()].sort((a, b) => a - b);
  if (mine.length === 0 && ties.length === 0) return [];
  const scores = m.model.scoreNewUser({
    items: { indices: Int32Array.from(mine, (x) => x.idx), values: Float32Array.from(mine, (x) => x.w) },
    friends: Int32Array.from(ties),
    friendWeights: Float32Array.from(ties, (f) => tieWeight.get(f)!),
  });
  const mask = new Uint8Array(nItems);
  for (const id of excluded) {
    const idx = m.itemIndex.get(id);
    if (idx !== undefined) mask[idx] = 1;
  }
  for (let i = 0; i < nItems; i++) if (!(scores[i]! > 0)) mask[i] = 1;
  const top = topK(scores, limit, mask);
  const out: Candidate[] = [];
  for (let r = 0; r < top.items.length; r++) {
    const i = top.items[r]!;
    out.push({
      itemId: m.itemIds[i]!,
      score: top.scores[r]!,
      reason: { kind: 'GRAPH_NEIGHBOURS', viaItemIds: viaItems(m, i, mine, viaLimit), viaUserIds: viaUsers(m, i, ties, viaLimit) },
    });
  }
  return out;
}

function viaItems(m: GraphModel, i: number, mine: readonly { idx: number }[], limit: number): ItemId[] {
  const scored: { id: ItemId; shared: number }[] = [];
  for (const { idx } of mine) {
    if (idx === i) continue;
    const shared = sortedOverlap(m.itemUsers, i, idx);
    if (shared > 0) scored.push({ id: m.itemIds[idx]!, shared });
  }
  scored.sort((a, b) => b.shared - a.shared || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.id);
}

function viaUsers(m: GraphModel, i: number, ties: readonly number[], limit: number): UserId[] {
  const out: UserId[] = [];
  for (const f of ties) {
    if (out.length >= limit) break;
    if (rowHas(m.interactions, f, i)) out.push(m.userIds[f]!);
  }
  return out.sort();
}

/** |row a ∩ row b| of a CSR matrix with sorted rows, by merging. */
function sortedOverlap(c: { indptr: Int32Array; indices: Int32Array }, a: number, b: number): number {
  let p = c.indptr[a]!;
  let q = c.indptr[b]!;
  const pe = c.indptr[a + 1]!;
  const qe = c.indptr[b + 1]!;
  let n = 0;
  while (p < pe && q < qe) {
    const x = c.indices[p]!;
    const y = c.indices[q]!;
    if (x === y) {
      n++;
      p++;
      q++;
    } else if (x < y) p++;
    else q++;
  }
  return n;
}

function rowHas(c: { indptr: Int32Array; indices: Int32Array }, row: number, col: number): boolean {
  let lo = c.indptr[row]!;
  let hi = c.indptr[row + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = c.indices[mid]!;
    if (v === col) return true;
    if (v < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
