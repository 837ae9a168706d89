// Taobao UserBehavior prefix (Zhu et al., KDD 2018): user_id,item_id,category_id,behavior_type,timestamp with no
// header. Every behaviour (pv, fav, cart, buy) counts as an implicit positive; events of one (user, item)
// pair are merged: weight = number of events, time = first event (the moment the user found the item), so a
// temporal split never puts a pair's later events in train and earlier ones in test.
import { join } from 'node:path';
import { buildCsr } from '../../algorithms/recs/index.ts';
import { indexIds, type Dataset } from './dataset.ts';
import { readDataFile, splitLines } from './files.ts';

export function loadTaobao(dataDir: string): Dataset {
  const rows = splitLines(readDataFile(join(dataDir, 'taobao-userbehavior'), 'UserBehavior_prefix_814users.csv'), ',', false);
  const users = indexIds(rows.map((r) => r[0]!));
  const items = indexIds(rows.map((r) => r[1]!));
  const cats = indexIds(rows.map((r) => r[2]!));
  const pair = new Map<number, { w: number; t: number }>();
  const itemCat = new Map<number, number>();
  const nItems = items.ids.length;
  for (const r of rows) {
    const u = users.index.get(r[0]!)!;
    const i = items.index.get(r[1]!)!;
    itemCat.set(i, cats.index.get(r[2]!)!);
    const key = u * nItems + i;
    const t = Number(r[4]);
    const cur = pair.get(key);
    if (cur === undefined) pair.set(key, { w: 1, t });
    else {
      cur.w++;
      cur.t = Math.min(cur.t, t);
    }
  }
  const keys = [...pair.keys()].sort((a, b) => a - b);
  const n = keys.length;
  const pu = new Int32Array(n);
  const pi = new Int32Array(n);
  const pw = new Float32Array(n);
  const pt = new Float64Array(n);
  keys.forEach((k, e) => {
    const v = pair.get(k)!;
    pu[e] = Math.floor(k / nItems);
    pi[e] = k % nItems;
    pw[e] = v.w;
    pt[e] = v.t;
  });
  const fi = [...itemCat.keys()];
  return {
    name: 'taobao',
    nUsers: users.ids.length,
    nItems,
    userIds: users.ids,
    itemIds: items.ids,
    pairs: { users: pu, items: pi, weights: pw, times: pt },
    itemFeatures: buildCsr(nItems, cats.ids.length, { rows: fi, cols: fi.map((i) => itemCat.get(i)!) }),
  };
}
