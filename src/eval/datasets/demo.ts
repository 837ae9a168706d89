// The demo shop (src/sources/demo, preset `small` by default: 500 users, 2,000 items, 20 categories, ~20k
// events), generated in memory from the same rows the ingest writes to Neo4j. Events of one (user, item)
// pair merge as in taobao.ts: weight = number of events, times = first / last event (unix seconds), and the
// product's edge weight = the sum of src/domain/interaction-weights.ts. Items carry categories and tags
// (the CONTENT source's attributes), users FRIEND edges (the generator makes no FOLLOWS).
import { eventWeight } from '../../domain/interaction-weights.ts';
import type { DemoPreset } from '../../sources/demo/demo-options.ts';
import { createDemoSource, demoPreset } from '../../sources/demo/demo-source.ts';
import { categoryTagFeatures, indexIds, pairColumns, type Dataset } from './dataset.ts';

export async function loadDemo(preset: DemoPreset = 'small'): Promise<Dataset> {
  const users: string[] = [];
  const items: { id: string; categories: readonly string[]; tags: readonly string[] }[] = [];
  const friends: [string, string][] = [];
  const pair = new Map<string, { u: string; i: string; n: number; first: number; last: number; edge: number }>();
  for await (const batch of createDemoSource(demoPreset(preset)).batches()) {
    for (const r of batch) {
      if (r.kind === 'user') users.push(r.user.id);
      else if (r.kind === 'item') items.push({ id: r.item.id, categories: r.item.categoryIds ?? [], tags: r.item.tagIds ?? [] });
      else if (r.kind === 'social' && r.edge.kind === 'FRIEND') friends.push([r.edge.from, r.edge.to]);
      else if (r.kind === 'event') {
        const e = r.event;
        const key = `${e.userId}\u0000${e.itemId}`;
        const t = e.ts / 1000;
        const w = eventWeight(e.type, e.value);
        const cur = pair.get(key);
        if (cur === undefined) pair.set(key, { u: e.userId, i: e.itemId, n: 1, first: t, last: t, edge: w });
        else {
          cur.n++;
          cur.first = Math.min(cur.first, t);
          cur.last = Math.max(cur.last, t);
          cur.edge += w;
        }
      }
    }
  }
  const uIdx = indexIds(users);
  const iIdx = indexIds(items.map((i) => i.id));
  const cIdx = indexIds(items.flatMap((i) => i.categories));
  const tIdx = indexIds(items.flatMap((i) => i.tags));
  const ps = [...pair.values()].sort((a, b) => uIdx.index.get(a.u)! - uIdx.index.get(b.u)! || iIdx.index.get(a.i)! - iIdx.index.get(b.i)!);
  const cr: number[] = [];
  const cc: number[] = [];
  const tr: number[] = [];
  const tc: number[] = [];
  for (const it of items) {
    const i = iIdx.index.get(it.id)!;
    for (const c of it.categories) {
      cr.push(i);
      cc.push(cIdx.index.get(c)!);
    }
    for (const t of it.tags) {
      tr.push(i);
      tc.push(tIdx.index.get(t)!);
    }
  }
  const nItems = iIdx.ids.length;
  const nCats = cIdx.ids.length;
  const fa: number[] = [];
  const fb: number[] = [];
  for (const [x, y] of friends) {
    const a = uIdx.index.get(x)!;
    const b = uIdx.index.get(y)!;
    if (a !== b) {
      fa.push(Math.min(a, b));
      fb.push(Math.max(a, b));
    }
  }
  return {
    name: `demo-${preset}`,
    nUsers: uIdx.ids.length,
    nItems,
    userIds: uIdx.ids,
    itemIds: iIdx.ids,
    pairs: pairColumns(ps, uIdx, iIdx, (p) => p.n),
    friendships: { a: Int32Array.from(fa), b: Int32Array.from(fb) },
    ...categoryTagFeatures(nItems, nCats, tIdx.ids.length, { rows: cr, cols: cc }, { rows: tr, cols: tc }),
  };
}
