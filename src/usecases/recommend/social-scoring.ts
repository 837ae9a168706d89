// SOCIAL (cypher/recs/social.cypher) scored from the serving state, for the hybrid's uncached pages:
//   score(u,i) = sum over ties f of  tie(u,f) * w_fi * exp(-ln2 * (now - lastTs_fi) / halfLife)
// tie = friendWeight for a FRIEND (either direction), followWeight for a user u FOLLOWS, the larger when both;
// ties who refused social features (or the default says so) never count; only positive interactions; an
// interaction without a time is not decayed. Reason: the ties contributing most (contribution DESC, id ASC,
// viaLimit of them), how many ties interacted, how many of them purchased. Order: score DESC, id ASC.
// The sums run through createTieScorer (algorithms/recs/tie-interactions.ts), the scorer the offline
// evaluation uses, over the ties' rows only; its matrix holds float32 weights, so the scores are re-summed here
// in float64, contributions largest first as the Cypher's ORDER BY feeds its sum(), to serve the file's
// figures (test/recs/social-in-memory.int.test.ts compares them). Cost: the ties' interaction counts.
import type { Consent } from '../../domain/consent.ts';
import type { ItemId, UserId } from '../../domain/ids.ts';
import { buildCsr } from '../../algorithms/recs/csr.ts';
import { createTieScorer } from '../../algorithms/recs/tie-interactions.ts';
import { recencyDecay } from '../../algorithms/recs/recency-decay.ts';
import { excludedItems, passesAttributes } from './filters.ts';
import type { ServingState } from './serving-state.ts';
import type { Candidate, RecsFilter, UserContext } from './types.ts';

export interface SocialParams {
  readonly now: number;
  readonly halfLifeMs: number;
  readonly friendWeight: number;
  readonly followWeight: number;
  readonly viaLimit: number;
  readonly consentDefaults: Consent;
}

interface Contribution {
  readonly tie: UserId;
  readonly value: number;
  readonly bought: boolean;
}

/** `user` is the serving state's context of the user (ties already consent-filtered). */
export function scoreSocial(state: ServingState, user: UserContext, filter: RecsFilter, p: SocialParams, limit: number): Candidate[] {
  const ties = new Map<UserId, number>();
  for (const f of user.friends) ties.set(f, Math.max(ties.get(f) ?? -Infinity, p.friendWeight));
  for (const f of user.following) ties.set(f, Math.max(ties.get(f) ?? -Infinity, p.followWeight));
  // The ties' positive, decayed interactions as a ties x items matrix over local item indices.
  const itemIndex = new Map<ItemId, number>();
  const itemIds: ItemId[] = [];
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  const byItem: Contribution[][] = [];
  const tieList = [...ties];
  tieList.forEach(([f, tie], t) => {
    for (const it of state.users.get(f)?.items ?? []) {
      if (!(it.weight > 0)) continue;
      let c = itemIndex.get(it.itemId);
      if (c === undefined) {
        itemIndex.set(it.itemId, (c = itemIds.length));
        itemIds.push(it.itemId);
        byItem.push([]);
      }
      const decayed = it.weight * recencyDecay(it.lastTs === null ? undefined : p.now - it.lastTs, p.halfLifeMs);
      rows.push(t);
      cols.push(c);
      values.push(decayed);
      byItem[c]!.push({ tie: f, value: tie * decayed, bought: it.purchases > 0 });
    }
  });
  const scorer = createTieScorer(buildCsr(tieList.length, itemIds.length, { rows, cols, values }));
  const candidates = scorer(Int32Array.from(tieList, (_, t) => t), Float64Array.from(tieList, ([, tie]) => tie));
  const excluded = excludedItems(user, filter);
  const out: Candidate[] = [];
  for (const c of candidates.items) {
    const itemId = itemIds[c]!;
    if (excluded.has(itemId)) continue;
    if (filter.categoryIds.length > 0 || filter.minPrice !== null || filter.maxPrice !== null) {
      const facts = state.item(itemId);
      if (facts === undefined || !passesAttributes(facts, filter)) continue;
    }
    const contributions = byItem[c]!.sort((a, b) => b.value - a.value || (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0));
    let score = 0;
    for (const x of contributions) score += x.value;
    out.push({
      itemId,
      score,
      reason: {
        kind: 'FRIENDS_LIKED',
        friendIds: contributions.slice(0, p.viaLimit).map((x) => x.tie),
        count: contributions.length,
        buyers: contributions.filter((x) => x.bought).length,
      },
    });
  }
  out.sort((a, b) => b.score - a.score || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  return out.slice(0, limit);
}
