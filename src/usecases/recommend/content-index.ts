// The hybrid's CONTENT source in memory: cypher/recs/content.cypher evaluated over an index of item features
// (cypher/recs/item-features.cypher, read once and refreshed, see content-index-cache.ts) and the user's
// current interactions (user-context.cypher, read per request anyway). Same formula, candidates and order:
//   r_ui = sum_l p_ul x_li + b_i + b_u,  p_ul = cw_l * (sum_{j in I(u)} w_uj x_lj) / (sum_{j in I(u)} w_uj)
//   b_i = itemBias * ln(1 + n_i),        b_u = userBias * ln(1 + |I(u)|)
// I(u): the user's items with w_uj > 0; candidates: every item sharing a feature with the profile, minus the
// user's exclusions. The profile's features are visited in the Cypher's order (p DESC, feature id ASC), so
// sums are accumulated in the same order and `features` lists the same first ones. Scores agree to the last
// bit or two only: the JVM and V8 may round ln differently, so two items whose scores tie exactly in real
// numbers can come out in either order (seen once in 60 demo users; ids, reasons and every other position
// match). Attribute rules (categories, price) are not applied here: the caller runs content.cypher then.
// Cost per request: O(sum of the profile features' item counts + candidates log candidates).
import type { CategoryId, ItemId, TagId } from '../../domain/ids.ts';
import { byScoreThenId, cmp } from './blend.ts';
import type { Candidate, UserContext } from './types.ts';

export interface ItemFeatureRow {
  readonly id: ItemId;
  readonly categoryIds: readonly CategoryId[];
  readonly tagIds: readonly TagId[];
  /** n_i: users with a positive interaction on the item. */
  readonly positiveUsers: number;
}

export interface ContentParams {
  readonly categoryWeight: number;
  readonly tagWeight: number;
  readonly itemBias: number;
  readonly userBias: number;
}

interface Feature {
  readonly id: string;
  readonly isCategory: boolean;
  /** Indices of the items having it. */
  readonly items: number[];
}

export interface ContentIndex {
  readonly itemIds: readonly ItemId[];
  readonly itemIndex: ReadonlyMap<ItemId, number>;
  /** Feature indices per item (duplicates kept, as a MATCH over duplicate edges would). */
  readonly itemFeatures: readonly (readonly number[])[];
  readonly features: readonly Feature[];
  readonly positiveUsers: Float64Array;
  readonly loadedAt: number;
}

export function buildContentIndex(rows: readonly ItemFeatureRow[], loadedAt: number): ContentIndex {
  const featureIndex = new Map<string, number>();
  const features: Feature[] = [];
  const feature = (id: string, isCategory: boolean): number => {
    const key = `${isCategory ? 'c' : 't'}:${id}`;
    let f = featureIndex.get(key);
    if (f === undefined) {
      f = features.length;
      featureIndex.set(key, f);
      features.push({ id, isCategory, items: [] });
    }
    return f;
  };
  const itemIds = rows.map((r) => r.id);
  const itemFeatures = rows.map((r, i) => {
    const fs = [...r.categoryIds.map((c) => feature(c, true)), ...r.tagIds.map((t) => feature(t, false))];
    for (const f of fs) features[f]!.items.push(i);
    return fs;
  });
  return {
    itemIds,
    itemIndex: new Map(itemIds.map((id, i) => [id, i])),
    itemFeatures,
    features,
    positiveUsers: Float64Array.from(rows, (r) => r.positiveUsers),
    loadedAt,
  };
}

export function scoreContent(
  index: ContentIndex, user: UserContext, excluded: ReadonlySet<ItemId>, p: ContentParams, limit: number, viaLimit: number,
): Candidate[] {
  const mine = user.items.filter((it) => it.weight > 0);
  if (mine.length === 0 || limit <= 0) return [];
  let total = 0;
  for (const it of mine) total += it.weight;
  const featureWeight = new Map<number, number>();
  for (const it of mine) {
    const j = index.itemIndex.get(it.itemId);
    if (j === undefined) continue; // created after the index was read: unknown features until the refresh
    for (const f of index.itemFeatures[j]!) featureWeight.set(f, (featureWeight.get(f) ?? 0) + it.weight);
  }
  const profile = [...featureWeight].map(([f, w]) => {
    const feat = index.features[f]!;
    return { feat, p: (w / total) * (feat.isCategory ? p.categoryWeight : p.tagWeight) };
  });
  profile.sort((a, b) => b.p - a.p || cmp(a.feat.id, b.feat.id));
  const affinity = new Map<number, { sum: number; features: Feature[] }>();
  for (const { feat, p: pf } of profile) {
    for (const i of feat.items) {
      const acc = affinity.get(i);
      if (acc === undefined) affinity.set(i, { sum: pf, features: [feat] });
      else {
        acc.sum += pf;
        acc.features.push(feat);
      }
    }
  }
  const userBias = p.userBias * Math.log(1.0 + mine.length);
  const scored: { itemId: ItemId; score: number; features: Feature[] }[] = [];
  for (const [i, acc] of affinity) {
    const itemId = index.itemIds[i]!;
    if (excluded.has(itemId)) continue;
    scored.push({ itemId, score: acc.sum + p.itemBias * Math.log(1.0 + index.positiveUsers[i]!) + userBias, features: acc.features });
  }
  scored.sort(byScoreThenId);
  return scored.slice(0, limit).map((s) => {
    const shown = s.features.slice(0, viaLimit);
    return {
      itemId: s.itemId,
      score: s.score,
      reason: {
        kind: 'SHARED_ATTRIBUTES',
        categoryIds: shown.filter((f) => f.isCategory).map((f) => f.id as CategoryId),
        tagIds: shown.filter((f) => !f.isCategory).map((f) => f.id as TagId),
      },
    };
  });
}
