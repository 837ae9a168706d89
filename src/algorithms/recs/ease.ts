// EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019) with an optional item-wise
// L2 penalty in the style of DLAE (Steck, "Autoencoders that don't overfit towards the Identity", NeurIPS
// 2020): B = argmin ||X - X B||^2 + ||Lambda^1/2 B||^2 s.t. diag(B) = 0, Lambda = diag(lambda + rho * G_ii),
// G_ii = sum_u x_ui^2 (rho = p/(1-p) for dropout rate p; rho = 0 is plain EASE). Closed form:
//   P = (X^T X + Lambda)^-1,  B = I - P diag(1/diag(P)).
// Last.fm has 17.6k items but only 1.9k users, so the item x item P (1.2 GB float32, ~5e12 flops to invert)
// is never formed. With X~ = X Lambda^-1/2 and Woodbury, everything happens in user space:
//   P = Lambda^-1/2 P~ Lambda^-1/2,  P~ = I - X~^T M X~,  M = (X~ X~^T + I)^-1  (users x users),
//   diag(P~)_j = 1 - x~_j^T M x~_j  (x~_j = column j, cost sum_j deg(j)^2),
//   x~_u P~ = (M X~)_u for a training user;  r~ P~ = r~ - ((r~ X~^T) M) X~ for any vector r,
//   scores s_j = r_j - (r~ P~)_j * sqrt(Lambda_j) / diag(P~)_j.
// Fit: one Cholesky inverse of a users x users matrix, O(nUsers^3) (~3 s for 1,892 users). Scoring a training
// user costs O(nUsers + nnz(X)); an inductive vector O(sum_{i in r} deg(i) + nUsers^2 + nnz(X)).
import { colSums, mapValues, scaleRowsCols, transpose, type CsrMatrix } from './csr.ts';
import { spdInverse } from './dense.ts';
import { outBuffer, type Recommender, type SparseVector } from './model.ts';

export interface EaseOptions {
  /** Constant L2 penalty lambda. Default 100. */
  readonly lambda?: number;
  /** Popularity-proportional extra penalty rho * sum_u x_ui^2 (DLAE dropout emphasis). Default 0. */
  readonly rho?: number;
}

export interface EaseModel extends Recommender {
  readonly lambda: number;
  readonly rho: number;
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

export function fitEase(x: CsrMatrix, opts: EaseOptions = {}): EaseModel {
  const lambda = opts.lambda ?? 100;
  const rho = opts.rho ?? 0;
  if (!(lambda > 0) || !(rho >= 0)) throw new RangeError('fitEase: need lambda > 0 and rho >= 0');
  const n = x.rows;
  const nItems = x.cols;
  const sq = colSums(mapValues(x, (v) => v * v));
  const sqrtLam = new Float64Array(nItems);
  const invSqrtLam = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) {
    sqrtLam[i] = Math.sqrt(lambda + rho * sq[i]!);
    invSqrtLam[i] = 1 / sqrtLam[i]!;
  }
  const xs = scaleRowsCols(x, new Float64Array(n).fill(1), invSqrtLam); // X~
  const xst = transpose(xs);
  const a = userGram(xs, xst);
  for (let u = 0; u < n; u++) a[u * n + u]! += 1;
  const m = spdInverse(a, n);
  // factor_j = sqrt(Lambda_j) / diag(P~)_j
  const factor = new Float64Array(nItems);
  for (let j = 0; j < nItems; j++) {
    let s = 0;
    const a0 = xst.indptr[j]!;
    const a1 = xst.indptr[j + 1]!;
    for (let p = a0; p < a1; p++) {
      const mv = xst.indices[p]! * n;
      let t = 0;
      for (let q = a0; q < a1; q++) t += m[mv + xst.indices[q]!]! * xst.values[q]!;
      s += xst.values[p]! * t;
    }
    const d = 1 - s;
    factor[j] = d > 0 ? sqrtLam[j]! / d : 0;
  }
  const rowP = new Float64Array(nItems);
  const mrow = new Float64Array(n);
  const uvec = new Float64Array(n);

  // rowP := mrow X~ ; then scores = r - rowP * factor (plus the r~ term of r~ P~ for inductive vectors)
  const spread = (): void => {
    rowP.fill(0);
    for (let v = 0; v < n; v++) {
      const c = mrow[v]!;
      if (c === 0) continue;
      for (let p = xs.indptr[v]!; p < xs.indptr[v + 1]!; p++) rowP[xs.indices[p]!]! += c * xs.values[p]!;
    }
  };
  const addVector = (r: SparseVector, out: Float32Array, f: (i: number, w: number) => number): void => {
    for (let e = 0; e < r.indices.length; e++) {
      const i = r.indices[e] as number;
      if (i >= 0 && i < nItems) out[i]! += f(i, r.values === undefined ? 1 : (r.values[e] as number));
    }
  };

  return {
    name: 'EASE',
    lambda,
    rho,
    nUsers: n,
    nItems,
    scoreUser: (u, out) => {
      const o = outBuffer(nItems, out);
      mrow.set(m.subarray(u * n, (u + 1) * n));
      spread();
      for (let i = 0; i < nItems; i++) o[i] = -rowP[i]! * factor[i]!;
      for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) o[x.indices[p]!]! += x.values[p]!;
      return o;
    },
    scoreVector: (r, out) => {
      const o = outBuffer(nItems, out);
      uvec.fill(0);
      for (let e = 0; e < r.indices.length; e++) {
        const i = r.indices[e] as number;
        if (i < 0 || i >= nItems) continue;
        const w = (r.values === undefined ? 1 : (r.values[e] as number)) * invSqrtLam[i]!;
        for (let q = xst.indptr[i]!; q < xst.indptr[i + 1]!; q++) uvec[xst.indices[q]!]! += w * xst.values[q]!;
      }
      mrow.fill(0);
      for (let v = 0; v < n; v++) {
        const c = uvec[v]!;
        if (c === 0) continue;
        const mv = v * n;
        for (let w = 0; w < n; w++) mrow[w]! += c * m[mv + w]!;
      }
      spread();
      // r~ P~ = r~ - mrow X~  ->  s = r - (r~ - rowP) * factor
      for (let i = 0; i < nItems; i++) o[i] = rowP[i]! * factor[i]!;
      addVector(r, o, (i, w) => w - w * invSqrtLam[i]! * factor[i]!);
      return o;
    },
  };
}
