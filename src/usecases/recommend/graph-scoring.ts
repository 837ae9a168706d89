// GRAPH strategy at request time (inductive): the user's current interactions and ties, read from Neo4j,
// are mapped onto the fitted model's indices and scored with the base model's (EASE or GF-CF) scoreVector plus the friend term
// (SocialRecommender.scoreNewUser), so fresh events and friends-only users need no refit. Items and users
// unknown to the model (created after the last fit) are skipped. Evidence for the reason:
//   viaItems: the user's items sharing the most users with the candidate (shared users DESC, id ASC), counted
//             through an inverted list (user -> positions of the user's items they chose) built once per
//             request: O(sum of the user's item degrees + sum over candidates of their users' overlap with
//             the history), instead of merging the candidate's user list with every history item's (which
//             cost limit x history x degree and was most of a page's GRAPH time on popular items)
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
  const shared = sharedUsers(m, mine);
  const out: Candidate[] = [];
  for (let r = 0; r < top.items.length; r++) {
    const i = top.items[r]!;
    out.push({
      itemId: m.itemIds[i]!,
      score: top.scores[r]!,
      reason: { kind: 'GRAPH_NEIGHBOURS', viaItemIds: viaItems(m, i, mine, shared, viaLimit), viaUserIds: viaUsers(m, i, ties, viaLimit) },
    });
  }
  return out;
}

/** For one user's history: |users(candidate) ∩ users(mine[k])| for every k, from an inverted list built once. */
interface SharedUsers {
  /** Fills `counts` (length mine.length, zeroed by the caller) for candidate item i; returns the k touched. */
  count(i: number, counts: Int32Array): number[];
}

function sharedUsers(m: GraphModel, mine: readonly { idx: number }[]): SharedUsers {
  const { indptr, indices } = m.itemUsers;
  // user index -> positions k in `mine` of the items that user chose (a position per entry of `mine`, as the merge counted).
  const byUser = new Map<number, number[]>();
  mine.forEach(({ idx }, k) => {
    for (let p = indptr[idx]!; p < indptr[idx + 1]!; p++) {
      const v = indices[p]!;
      const ks = byUser.get(v);
      if (ks === undefined) byUser.set(v, [k]);
      else ks.push(k);
    }
  });
  return {
    count(i, counts) {
      const touched: number[] = [];
      for (let p = indptr[i]!; p < indptr[i + 1]!; p++) {
        const ks = byUser.get(indices[p]!);
        if (ks === undefined) continue;
        for (const k of ks) if (counts[k]!++ === 0) touched.push(k);
      }
      return touched;
    },
  };
}

function viaItems(m: GraphModel, i: number, mine: readonly { idx: number }[], shared: SharedUsers, limit: number): ItemId[] {
  const counts = new Int32Array(mine.length);
  const scored: { id: ItemId; shared: number }[] = [];
  // Positions in history order, as the merge visited them (ties then fall to the id order below either way).
  for (const k of shared.count(i, counts).sort((a, b) => a - b)) {
    if (mine[k]!.idx === i) continue;
    scored.push({ id: m.itemIds[mine[k]!.idx]!, shared: counts[k]! });
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
