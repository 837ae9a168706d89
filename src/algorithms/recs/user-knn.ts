// User-based kNN CF (Herlocker et al., SIGIR 1999) with cosine similarity and shrinkage:
//   s_uj = sum_{v in N_k(u)} sim(u, v) r_vj,  sim(u, v) = <r_u, r_v> / (||r_u|| ||r_v|| + shrink),
// N_k(u) the k most similar other users (ties: lower user index). Similarities of one user are computed on
// demand through item space, O(sum_{i in u} deg(i)); inductive for free: a new vector is just another r_u.
import { transpose, type CsrMatrix } from './csr.ts';
import { outBuffer, type Recommender, type SparseVector } from './model.ts';
import { topK } from './top-k.ts';

export interface UserKnnOptions {
  /** Neighbours per user. Default 50. */
  readonly neighbours?: number;
  /** Default 10. */
  readonly shrink?: number;
}

export function fitUserKnn(r: CsrMatrix, opts: UserKnnOptions = {}): Recommender {
  const k = opts.neighbours ?? 50;
  const shrink = opts.shrink ?? 10;
  const rt = transpose(r);
  const nUsers = r.rows;
  const nItems = r.cols;
  const norm = new Float64Array(nUsers);
  for (let u = 0; u < nUsers; u++) {
    let s = 0;
    for (let p = r.indptr[u]!; p < r.indptr[u + 1]!; p++) s += r.values[p]! * r.values[p]!;
    norm[u] = Math.sqrt(s);
  }
  const sim = new Float64Array(nUsers);
  const score = (idx: ArrayLike<number>, val: ArrayLike<number> | undefined, self: number, out: Float32Array): Float32Array => {
    sim.fill(0);
    let n2 = 0;
    for (let e = 0; e < idx.length; e++) {
      const i = idx[e] as number;
      if (i < 0 || i >= nItems) continue;
      const w = val === undefined ? 1 : (val[e] as number);
      n2 += w * w;
      for (let p = rt.indptr[i]!; p < rt.indptr[i + 1]!; p++) sim[rt.indices[p]!]! += w * rt.values[p]!;
    }
    const nu = Math.sqrt(n2);
    for (let v = 0; v < nUsers; v++) sim[v] = v === self || sim[v] === 0 ? -Infinity : sim[v]! / (nu * norm[v]! + shrink);
    const nb = topK(sim, k);
    for (let t = 0; t < nb.items.length; t++) {
      const v = nb.items[t]!;
      const s = nb.scores[t]!;
      for (let p = r.indptr[v]!; p < r.indptr[v + 1]!; p++) out[r.indices[p]!]! += s * r.values[p]!;
    }
    return out;
  };
  return {
    name: 'USER_CF',
    nUsers,
    nItems,
    scoreUser: (u, out) =>
      score(r.indices.subarray(r.indptr[u]!, r.indptr[u + 1]!), r.values.subarray(r.indptr[u]!, r.indptr[u + 1]!), u, outBuffer(nItems, out)),
    scoreVector: (v: SparseVector, out) => score(v.indices, v.values, -1, outBuffer(nItems, out)),
  };
}
