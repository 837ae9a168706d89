// One split's training pairs in the served sources' own input form, so the evaluation's hybrid runs the
// served scorers (src/usecases/recommend: social-scoring.ts, content-index.ts, tuning/popularity.ts) on what
// a store loaded with the split would hold:
//   state    a ServingState (serving-state.ts) of every user with their training pairs as INTERACTED rows:
//            weight = the product edge weight (dataset.pairs.edgeWeights, e.g. log(1 + plays)), lastTs = the
//            pair's last time in ms (null when the data set has no time: Last.fm's aggregated play counts),
//            friends from the data set's friendships, following from its directed follows (trust)
//   content  a ContentIndex (content-index.ts) of the item features as item-features.cypher reads them:
//            categories, tags, and for Last.fm the tags users applied (an assignment a user made to one of
//            their own valid/test items is dropped: it would reveal the held-out pair; the other users' stay);
//            n_i = users with a positive training pair on the item
//   now      the reference time: the latest training interaction (the evaluation asks what comes next)
import { asCategoryId, asItemId, asTagId, asUserId, type CategoryId, type TagId } from '../../domain/ids.ts';
import { buildContentIndex, type ContentIndex, type ItemFeatureRow } from '../../usecases/recommend/content-index.ts';
import { ServingState } from '../../usecases/recommend/serving-state.ts';
import type { UserContext } from '../../usecases/recommend/types.ts';
import type { EvalContext } from '../context.ts';

export interface ServedInputs {
  readonly state: ServingState;
  /** Undefined when the data set has no item attributes. */
  readonly content: ContentIndex | undefined;
  readonly now: number;
}

export function servedInputs(ctx: EvalContext): ServedInputs {
  const ds = ctx.dataset;
  const w = ds.pairs.edgeWeights ?? ds.pairs.weights;
  const lt = ds.pairs.lastTimes;
  let now = 0;
  const items: UserContext['items'][number][][] = Array.from({ length: ds.nUsers }, () => []);
  const positiveUsers = new Float64Array(ds.nItems);
  for (const e of ctx.split.train) {
    const u = ds.pairs.users[e]!;
    const i = ds.pairs.items[e]!;
    const lastTs = lt === undefined ? null : lt[e]! * 1000;
    if (lastTs !== null) now = Math.max(now, lastTs);
    items[u]!.push({ itemId: asItemId(ds.itemIds[i]!), weight: w[e]!, purchases: 0, lastTs });
    if (w[e]! > 0) positiveUsers[i]! += 1;
  }
  const state = new ServingState(now);
  const friends: string[][] = Array.from({ length: ds.nUsers }, () => []);
  const f = ctx.friends;
  for (let u = 0; u < ds.nUsers; u++) {
    for (let p = f.indptr[u]!; p < f.indptr[u + 1]!; p++) friends[u]!.push(ds.userIds[f.indices[p]!]!);
  }
  const following: string[][] = Array.from({ length: ds.nUsers }, () => []);
  const fw = ds.follows;
  if (fw !== undefined) for (let k = 0; k < fw.from.length; k++) following[fw.from[k]!]!.push(ds.userIds[fw.to[k]!]!);
  for (let u = 0; u < ds.nUsers; u++) {
    state.putUser({ user: { id: asUserId(ds.userIds[u]!) }, items: items[u]!, friends: friends[u]!.map(asUserId), following: following[u]!.map(asUserId) });
  }
  return { state, content: contentIndex(ctx, positiveUsers), now };
}

function contentIndex(ctx: EvalContext, positiveUsers: Float64Array): ContentIndex | undefined {
  const a = ctx.dataset.attributes;
  if (a === undefined || (a.categories === undefined && a.tags === undefined && a.taggings === undefined)) return undefined;
  const nItems = ctx.dataset.nItems;
  const cats: Set<CategoryId>[] = Array.from({ length: nItems }, () => new Set());
  const tags: Set<TagId>[] = Array.from({ length: nItems }, () => new Set());
  const each = (m: typeof a.categories, f: (i: number, c: number) => void) => {
    if (m === undefined) return;
    for (let i = 0; i < m.rows; i++) for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p++) f(i, m.indices[p]!);
  };
  each(a.categories, (i, c) => cats[i]!.add(asCategoryId(`c${c}`)));
  each(a.tags, (i, t) => tags[i]!.add(asTagId(`t${t}`)));
  const t = a.taggings;
  if (t !== undefined) {
    for (let e = 0; e < t.items.length; e++) {
      const u = t.users[e]!;
      const i = t.items[e]!;
      if (u >= 0 && (ctx.valid[u]!.has(i) || ctx.test[u]!.has(i))) continue;
      tags[i]!.add(asTagId(`u${t.tags[e]!}`));
    }
  }
  // Ids sort as in the store (the index's order does not change scores; ties break by item id in scoreContent).
  const rows: ItemFeatureRow[] = Array.from({ length: nItems }, (_, i) => ({
    id: asItemId(ctx.dataset.itemIds[i]!), categoryIds: [...cats[i]!].sort(), tagIds: [...tags[i]!].sort(), positiveUsers: positiveUsers[i]!,
  }));
  return buildContentIndex(rows, 0);
}
