// EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): the closed-form item-item
// model B = argmin ||X - X B||^2 + lambda ||B||^2 s.t. diag(B) = 0, i.e. with P = (X^T X + lambda I)^-1,
// B = I - P diag(1/diag(P)). Last.fm has 17.6k items and only 1.9k users, so we never form the item x item P
// (1.2 GB in float32, n^3 = 5e12 flops to invert). Woodbury moves everything to user space:
//   P = (1/lambda) (I - X^T M X),  M = (X X^T + lambda I)^-1  (users x users),
//   diag(P)_i = (1/lambda) (1 - x_i^T M x_i)  (x_i = column i, cost sum_i deg(i)^2),
//   x_u P = (M X)_u  for a training user, and r P = (1/lambda)(r - ((r X^T) M) X) for any vector r,
//   scores r B = r - (r P) / diag(P).
// Fit: one Cholesky inverse of the users x users Gram matrix, O(nUsers^3). Scoring a training user costs
// O(nUsers + nnz(X)); an inductive vector costs O(sum_{i in r} deg(i) + nUsers^2 + nnz(X)).
import { transpose, type CsrMatrix } from './csr.ts';
import { spdInverse } from './dense.ts';
import { outBuffer, type Recommender, type SparseVector } from './model.ts';

export interface EaseOptions {
  /** L2 regularization lambda (Steck: 200-1000 on large data sets). Default 200. */
  readonly lambda?: number;
}

export interface EaseModel extends Recommender {
  readonly lambda: number;
}

/** X X^T as a dense nUsers x nUsers Float64 matrix, cost sum_u sum_{i in u} deg(i). */
export function userGram(x: CsrMatrix, xt: CsrMatrix = transpose(x)): Float64Array {
  const n = x.rows;
  const g = new Float64Array(n * n);
  for (let u = 0; u < n; u++) {
    const gu = u * n;
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) {
      const i = x.indices[p]!;
      const w = x.values[p]!;
      for (let q = xt.indptr[i]!; q < xt.indptr[i + 1]!; q++) g[gu + xt.indices[q]!]! += w * xt.values[q]!;
    }
  }
  return g;
}

export function fitEase(x: CsrMatrix, opts: EaseOptions = {}, gram?: Float64Array): EaseModel {
  const lambda = opts.lambda ?? 200;
  if (!(lambda > 0)) throw new RangeError('fitEase: lambda must be > 0');
  const n = x.rows;
  const nItems = x.cols;
  const xt = transpose(x);
  const a = Float64Array.from(gram ?? userGram(x, xt));
  for (let u = 0; u < n; u++) a[u * n + u]! += lambda;
  const m = spdInverse(a, n);
  // diag(P) per item: (1 - x_i^T M x_i) / lambda
  const diagP = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) {
    let s = 0;
    const a0 = xt.indptr[i]!;
    const a1 = xt.indptr[i + 1]!;
    for (let p = a0; p < a1; p++) {
      const v = xt.indices[p]!;
      const wv = xt.values[p]!;
      const mv = v * n;
      let t = 0;
      for (let q = a0; q < a1; q++) t += m[mv + xt.indices[q]!]! * xt.values[q]!;
      s += wv * t;
    }
    diagP[i] = (1 - s) / lambda;
  }
  const invDiag = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) invDiag[i] = diagP[i]! > 0 ? 1 / diagP[i]! : 0;
  const rowP = new Float64Array(nItems);

  // scores = r - rP / diag(P); `mrow` is (r X^T) M (or the row of M for a training user).
  const finish = (mrow: Float64Array, scale: number, r: SparseVector | undefined, out: Float32Array): Float32Array => {
    rowP.fill(0);
    for (let v = 0; v < n; v++) {
      const c = mrow[v]!;
      if (c === 0) continue;
      for (let p = x.indptr[v]!; p < x.indptr[v + 1]!; p++) rowP[x.indices[p]!]! += c * x.values[p]!;
    }
    if (r !== undefined) {
      // rP = (r - rowP) / lambda ; the r term is added to the scores below
      for (let i = 0; i < nItems; i++) rowP[i] = -rowP[i]! * scale;
      for (let e = 0; e < r.indices.length; e++) {
        const i = r.indices[e] as number;
        if (i >= 0 && i < nItems) rowP[i]! += (r.values === undefined ? 1 : (r.values[e] as number)) * scale;
      }
    }
    for (let i = 0; i < nItems; i++) out[i] = -rowP[i]! * invDiag[i]!;
    if (r !== undefined) {
      for (let e = 0; e < r.indices.length; e++) {
        const i = r.indices[e] as number;
        if (i >= 0 && i < nItems) out[i]! += r.values === undefined ? 1 : (r.values[e] as number);
      }
    }
    return out;
  };

  const mrow = new Float64Array(n);
  const uvec = new Float64Array(n);
  return {
    name: 'EASE',
    lambda,
    nUsers: n,
    nItems,
    scoreUser: (u, out) => {
      const o = outBuffer(nItems, out);
      mrow.set(m.subarray(u * n, (u + 1) * n));
      finish(mrow, 1, undefined, o);
      for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) o[x.indices[p]!]! += x.values[p]!;
      return o;
    },
    scoreVector: (r, out) => {
      uvec.fill(0);
      for (let e = 0; e < r.indices.length; e++) {
        const i = r.indices[e] as number;
        if (i < 0 || i >= nItems) continue;
        const w = r.values === undefined ? 1 : (r.values[e] as number);
        for (let q = xt.indptr[i]!; q < xt.indptr[i + 1]!; q++) uvec[xt.indices[q]!]! += w * xt.values[q]!;
      }
      mrow.fill(0);
      for (let v = 0; v < n; v++) {
        const c = uvec[v]!;
        if (c === 0) continue;
        for (let w = 0; w < n; w++) mrow[w]! += c * m[v * n + w]!;
      }
      return finish(mrow, 1 / lambda, r, outBuffer(nItems, out));
    },
  };
}
