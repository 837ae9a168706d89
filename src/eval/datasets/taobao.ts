// Taobao UserBehavior prefix (Zhu et al., KDD 2018): user_id,item_id,category_id,behavior_type,timestamp with no
// header. Every behaviour (pv, fav, cart, buy) counts as an implicit positive; events of one (user, item)
// pair are merged: weight = number of events, time = first event (the moment the user found the item), so a
// temporal split never puts a pair's later events in train and earlier ones in test. The product's edge
// weight (sum of src/domain/interaction-weights.ts: pv 1, fav 2, cart 3, buy 5) and last event time are kept
// for the hybrid's sources; the item's category is its CONTENT attribute.
import { join } from 'node:path';
import { buildCsr } from '../../algorithms/recs/index.ts';
import { EVENT_WEIGHTS } from '../../domain/interaction-weights.ts';
import { indexIds, type Dataset } from './dataset.ts';
import { readDataFile, splitLines } from './files.ts';

export function loadTaobao(dataDir: string): Dataset {
  const rows = splitLines(readDataFile(join(dataDir, 'taobao-userbehavior'), 'UserBehavior_prefix_814users.csv'), ',', false);
  const users = indexIds(rows.map((r) => r[0]!));
  const items = indexIds(rows.map((r) => r[1]!));
  const cats = indexIds(rows.map((r) => r[2]!));
  const pair = new Map<number, { w: number; t: number; last: number; edge: number }>();
  const behaviour: Readonly<Record<string, number>> = { pv: EVENT_WEIGHTS.view, fav: EVENT_WEIGHTS.favourite, cart: EVENT_WEIGHTS.cart, buy: EVENT_WEIGHTS.purchase };
  const itemCat = new Map<number, number>();
  const nItems = items.ids.length;
  for (const r of rows) {
    const u = users.index.get(r[0]!)!;
    const i = items.index.get(r[1]!)!;
    itemCat.set(i, cats.index.get(r[2]!)!);
    const key = u * nItems + i;
    const t = Number(r[4]);
    const edge = behaviour[r[3]!] ?? 0;
    const cur = pair.get(key);
    if (cur === undefined) pair.set(key, { w: 1, t, last: t, edge });
    else {
      cur.w++;
      cur.t = Math.min(cur.t, t);
      cur.last = Math.max(cur.last, t);
      cur.edge += edge;
    }
  }
  const keys = [...pair.keys()].sort((a, b) => a - b);
  const n = keys.length;
  const pu = new Int32Array(n);
  const pi = new Int32Array(n);
  const pw = new Float32Array(n);
  const pt = new Float64Array(n);
  const pl = new Float64Array(n);
  const pe = new Float32Array(n);
  keys.forEach((k, e) => {
    const v = pair.get(k)!;
    pu[e] = Math.floor(k / nItems);
    pi[e] = k % nItems;
    pw[e] = v.w;
    pt[e] = v.t;
    pl[e] = v.last;
    pe[e] = v.edge;
  });
  const fi = [...itemCat.keys()];
  const categories = buildCsr(nItems, cats.ids.length, { rows: fi, cols: fi.map((i) => itemCat.get(i)!) });
  return {
    name: 'taobao',
    nUsers: users.ids.length,
    nItems,
    userIds: users.ids,
    itemIds: items.ids,
    pairs: { users: pu, items: pi, weights: pw, times: pt, lastTimes: pl, edgeWeights: pe },
    itemFeatures: categories,
    attributes: { categories },
  };
}
