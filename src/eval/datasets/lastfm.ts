// HetRec 2011 Last.fm 2K (Cantador et al., RecSys 2011): user_artists.dat (listening counts),
// user_friends.dat (both directions listed; stored here once per friendship), user_taggedartists.dat (tag
// assignments -> item x tag count matrix for diversity, and per assignment for the CONTENT source; tags.dat
// is ISO-8859-1 but only tag ids are needed here). Edge weight log(1 + plays), as the product's ingest stores
// it (cypher/ingest/aggregates.cypher); no listening times. All 92,834 pairs are kept, no filtering.
import { join } from 'node:path';
import { buildCsr } from '../../algorithms/recs/index.ts';
import { indexIds, type Dataset } from './dataset.ts';
import { readDataFile, splitLines } from './files.ts';

export function loadLastfm(dataDir: string): Dataset {
  const dir = join(dataDir, 'lastfm-hetrec-2k');
  const ua = splitLines(readDataFile(dir, 'user_artists.dat'), '\t', true);
  const users = indexIds(ua.map((r) => r[0]!));
  const items = indexIds(ua.map((r) => r[1]!));
  const n = ua.length;
  const pu = new Int32Array(n);
  const pi = new Int32Array(n);
  const pw = new Float32Array(n);
  ua.forEach((r, e) => {
    pu[e] = users.index.get(r[0]!)!;
    pi[e] = items.index.get(r[1]!)!;
    pw[e] = Number(r[2]);
  });
  const fr = splitLines(readDataFile(dir, 'user_friends.dat'), '\t', true);
  const seen = new Set<string>();
  const fa: number[] = [];
  const fb: number[] = [];
  for (const r of fr) {
    const x = users.index.get(r[0]!);
    const y = users.index.get(r[1]!);
    if (x === undefined || y === undefined || x === y) continue;
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const key = `${a}:${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fa.push(a);
    fb.push(b);
  }
  const ta = splitLines(readDataFile(dir, 'user_taggedartists.dat', 'latin1'), '\t', true);
  const tags = indexIds(ta.map((r) => r[2]!));
  const tu: number[] = [];
  const ti: number[] = [];
  const tt: number[] = [];
  for (const r of ta) {
    const i = items.index.get(r[1]!);
    if (i === undefined) continue;
    tu.push(users.index.get(r[0]!) ?? -1);
    ti.push(i);
    tt.push(tags.index.get(r[2]!)!);
  }
  return {
    name: 'lastfm',
    nUsers: users.ids.length,
    nItems: items.ids.length,
    userIds: users.ids,
    itemIds: items.ids,
    pairs: { users: pu, items: pi, weights: pw, edgeWeights: pw.map((w) => Math.log1p(w)) },
    friendships: { a: Int32Array.from(fa), b: Int32Array.from(fb) },
    itemFeatures: buildCsr(items.ids.length, tags.ids.length, { rows: ti, cols: tt }),
    attributes: { taggings: { users: Int32Array.from(tu), items: Int32Array.from(ti), tags: Int32Array.from(tt), nTags: tags.ids.length } },
  };
}
