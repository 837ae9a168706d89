// Item-based kNN CF (Sarwar et al., WWW 2001; Deshpande & Karypis, TOIS 2004) with cosine similarity and
// shrinkage:  sim(i, j) = <x_i, x_j> / (||x_i|| ||x_j|| + shrink), x_i = column i of the weighted matrix,
// keeping the `neighbours` most similar items per item (ties: lower item index). Score:
//   s_uj = sum_{i in u} r_ui sim(i, j)   (i.e. r_u S with S the sparse kNN similarity matrix).
// Co-occurrences are accumulated item by item through user space: O(sum_u deg(u)^2) time, O(nItems) scratch,
// never a dense item x item matrix. This is the reference the Cypher item-item query is checked against.
import { buildCsr, transpose, type CsrMatrix } from './csr.ts';
import { outBuffer, type Recommender, type SparseVector } from './model.ts';
import { topK } from './top-k.ts';

export interface ItemKnnOptions {
  /** Neighbours kept per item. Default 100. */
  readonly neighbours?: number;
  /** Shrinkage added to the cosine denominator (damps similarities supported by few users). Default 10. */
  readonly shrink?: number;
}

export interface ItemKnnModel extends Recommender {
  /** Row i: item i's neighbours with their similarity, descending (ties: lower index). */
  readonly similarity: CsrMatrix;
  /** The `k` items most similar to `item` (never the item itself). */
  similarItems(item: number, k: number): { items: Int32Array; scores: Float64Array };
}

export function itemCosineNeighbours(r: CsrMatrix, neighbours: number, shrink: number): CsrMatrix {
  const rt = transpose(r);
  const nItems = r.cols;
  const norm = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) {
    let s = 0;
    for (let p = rt.indptr[i]!; p < rt.indptr[i + 1]!; p++) s += rt.values[p]! * rt.values[p]!;
    norm[i] = Math.sqrt(s);
  }
  const dot = new Float64Array(nItems);
  const touched = new Int32Array(nItems);
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < nItems; i++) {
    let nt = 0;
    for (let p = rt.indptr[i]!; p < rt.indptr[i + 1]!; p++) {
      const u = rt.indices[p]!;
      const w = rt.values[p]!;
      for (let q = r.indptr[u]!; q < r.indptr[u + 1]!; q++) {
        const j = r.indices[q]!;
        if (j === i) continue;
        if (dot[j] === 0) touched[nt++] = j;
        dot[j]! += w * r.values[q]!;
      }
    }
    const cand = new Float64Array(nItems === 0 ? 0 : nt);
    const idx = touched.subarray(0, nt);
    for (let t = 0; t < nt; t++) {
      const j = idx[t]!;
      cand[t] = dot[j]! / (norm[i]! * norm[j]! + shrink);
    }
    // select among the touched items, then map back to item indices
    const best = topK(cand, neighbours);
    for (let t = 0; t < best.items.length; t++) {
      if (!(best.scores[t]! > 0)) continue;
      rows.push(i);
      cols.push(idx[best.items[t]!]!);
      vals.push(best.scores[t]!);
    }
    for (let t = 0; t < nt; t++) dot[idx[t]!] = 0;
  }
  return buildCsr(nItems, nItems, { rows, cols, values: vals });
}

export function fitItemKnn(r: CsrMatrix, opts: ItemKnnOptions = {}): ItemKnnModel {
  const sim = itemCosineNeighbours(r, opts.neighbours ?? 100, opts.shrink ?? 10);
  const nItems = r.cols;
  const score = (idx: ArrayLike<number>, val: ArrayLike<number> | undefined, out: Float32Array): Float32Array => {
    for (let e = 0; e < idx.length; e++) {
      const i = idx[e] as number;
      if (i < 0 || i >= nItems) continue;
      const w = val === undefined ? 1 : (val[e] as number);
      for (let p = sim.indptr[i]!; p < sim.indptr[i + 1]!; p++) out[sim.indices[p]!]! += w * sim.values[p]!;
    }
    return out;
  };
  return {
    name: 'ITEM_CF',
    nUsers: r.rows,
    nItems,
    similarity: sim,
    scoreUser: (u, out) =>
      score(r.indices.subarray(r.indptr[u]!, r.indptr[u + 1]!), r.values.subarray(r.indptr[u]!, r.indptr[u + 1]!), outBuffer(nItems, out)),
    scoreVector: (v: SparseVector, out) => score(v.indices, v.values, outBuffer(nItems, out)),
    similarItems: (item, k) => {
      // rows are sorted by column; re-rank by similarity with the shared tie-break
      const a = sim.indptr[item]!;
      const b = sim.indptr[item + 1]!;
      const best = topK(sim.values.subarray(a, b), k);
      return { items: best.items.map((t) => sim.indices[a + t]!), scores: best.scores };
    },
  };
}
