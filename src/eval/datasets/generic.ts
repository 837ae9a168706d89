// Any folder in the product's generic format (docs/generic-format.md), read by the product's own generic
// source, so the offline rows see exactly what `grec load generic` stores. Events of one (user, item) pair
// merge as in taobao.ts / demo.ts: weight = the pair's positive signal (the rating for ratings, the event
// count otherwise), times = first / last event (unix seconds), edge weight = the sum of
// src/domain/interaction-weights.ts (x quantity) as the ingest folds it. Every catalogue item is an item of
// the data set, rated or not (the store holds them all; only CONTENT can reach an unrated one). Categories
// and tags are the CONTENT attributes; FRIEND rows give friendships, FOLLOWS rows directed follows.
import { eventWeight } from '../../domain/interaction-weights.ts';
import { createGenericSource } from '../../sources/index.ts';
import { categoryTagFeatures, indexIds, pairColumns, type Dataset } from './dataset.ts';

export async function loadGenericDataset(dir: string, name: string): Promise<Dataset> {
  const users: string[] = [];
  const items = new Map<string, { categories: readonly string[]; tags: readonly string[] }>();
  const friends: [string, string][] = [];
  const follows: [string, string][] = [];
  const pair = new Map<string, { u: string; i: string; w: number; first: number; last: number; edge: number }>();
  for await (const r of createGenericSource({ dir }).rows()) {
    if (r.kind === 'user') users.push(r.user.id);
    else if (r.kind === 'item') items.set(r.item.id, { categories: r.item.categoryIds ?? [], tags: r.item.tagIds ?? [] });
    else if (r.kind === 'social') (r.edge.kind === 'FRIEND' ? friends : follows).push([r.edge.from, r.edge.to]);
    else if (r.kind === 'event') {
      const e = r.event;
      const key = `${e.userId}\u0000${e.itemId}`;
      const t = e.ts / 1000;
      const edge = eventWeight(e.type, e.value) * (e.quantity ?? 1);
      const w = e.type === 'rating' ? (e.value ?? 1) : 1;
      const cur = pair.get(key);
      if (cur === undefined) pair.set(key, { u: e.userId, i: e.itemId, w, first: t, last: t, edge });
      else {
        cur.w = e.type === 'rating' ? w : cur.w + w;
        cur.first = Math.min(cur.first, t);
        cur.last = Math.max(cur.last, t);
        cur.edge += edge;
      }
    }
  }
  const ps = [...pair.values()];
  const uIdx = indexIds([...users, ...ps.map((p) => p.u), ...[...friends, ...follows].flat()]);
  for (const p of ps) if (!items.has(p.i)) items.set(p.i, { categories: [], tags: [] });
  const iIdx = indexIds(items.keys());
  const its = [...items];
  const cIdx = indexIds(its.flatMap(([, v]) => v.categories));
  const tIdx = indexIds(its.flatMap(([, v]) => v.tags));
  ps.sort((a, b) => uIdx.index.get(a.u)! - uIdx.index.get(b.u)! || iIdx.index.get(a.i)! - iIdx.index.get(b.i)!);
  const cr: number[] = [];
  const cc: number[] = [];
  const tr: number[] = [];
  const tc: number[] = [];
  for (const [id, v] of its) {
    const i = iIdx.index.get(id)!;
    for (const c of v.categories) (cr.push(i), cc.push(cIdx.index.get(c)!));
    for (const t of v.tags) (tr.push(i), tc.push(tIdx.index.get(t)!));
  }
  const nItems = iIdx.ids.length;
  const nCats = cIdx.ids.length;
  const seen = new Set<string>();
  const fa: number[] = [];
  const fb: number[] = [];
  for (const [x, y] of friends) {
    const a = Math.min(uIdx.index.get(x)!, uIdx.index.get(y)!);
    const b = Math.max(uIdx.index.get(x)!, uIdx.index.get(y)!);
    if (a === b || seen.has(`${a}:${b}`)) continue;
    seen.add(`${a}:${b}`);
    fa.push(a);
    fb.push(b);
  }
  const followSeen = new Set<string>();
  const wf: number[] = [];
  const wt: number[] = [];
  for (const [x, y] of follows) {
    const a = uIdx.index.get(x)!;
    const b = uIdx.index.get(y)!;
    if (a === b || followSeen.has(`${a}:${b}`)) continue;
    followSeen.add(`${a}:${b}`);
    wf.push(a);
    wt.push(b);
  }
  return {
    name,
    nUsers: uIdx.ids.length,
    nItems,
    userIds: uIdx.ids,
    itemIds: iIdx.ids,
    pairs: pairColumns(ps, uIdx, iIdx, (p) => p.w),
    friendships: { a: Int32Array.from(fa), b: Int32Array.from(fb) },
    follows: { from: Int32Array.from(wf), to: Int32Array.from(wt) },
    ...categoryTagFeatures(nItems, nCats, tIdx.ids.length, { rows: cr, cols: cc }, { rows: tr, cols: tc }),
  };
}
