// EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019) with an optional item-wise
// L2 penalty in the style of DLAE (Steck, "Autoencoders that don't overfit towards the Identity", NeurIPS
// 2020): B = argmin ||X - X B||^2 + ||Lambda^1/2 B||^2 s.t. diag(B) = 0, Lambda = diag(lambda + rho * G_ii),
// G_ii = sum_u x_ui^2 (rho = p/(1-p) for dropout rate p; rho = 0 is plain EASE). Closed form:
//   P = (X^T X + Lambda)^-1,  B = I - P diag(1/diag(P)),  scores s = r B = r - (r P) / diag(P).
// Two forms of the same model, chosen by which Gram matrix is smaller (easeForm):
// - item space ('item', the primal): P itself, items x items; fit one Cholesky inverse O(nItems^3), memory
//   ~4 nItems^2 doubles while inverting; scoring any vector r costs O(nnz(r) nItems) (rows of P summed).
// - user space ('user', the Woodbury dual): Last.fm has 17.6k items but only 1.9k users, so the item x item
//   P (1.2 GB float32, ~5e12 flops to invert) is never formed. With X~ = X Lambda^-1/2:
//     P = Lambda^-1/2 P~ Lambda^-1/2,  P~ = I - X~^T M X~,  M = (X~ X~^T + I)^-1  (users x users),
//     diag(P~)_j = 1 - x~_j^T M x~_j  (x~_j = column j, cost sum_j deg(j)^2),
//     x~_u P~ = (M X~)_u for a training user;  r~ P~ = r~ - ((r~ X~^T) M) X~ for any vector r,
//     scores s_j = r_j - (r~ P~)_j * sqrt(Lambda_j) / diag(P~)_j.
//   Fit: one Cholesky inverse of a users x users matrix, O(nUsers^3) (~3 s for 1,892 users). Scoring a
//   training user costs O(nUsers + nnz(X)); an inductive vector O(sum_{i in r} deg(i) + nUsers^2 + nnz(X)).
// Both are inductive (scoreVector of any interaction vector, no refit). The fit is split into easeParts (the
// numeric work, typed arrays only, so a worker thread can transfer them back) and easeFromParts (O(1)).
import { colSums, mapValues, scaleRowsCols, transpose, type CsrMatrix } from './csr.ts';
import { spdInverse } from './dense.ts';
import { outBuffer, type Recommender, type SparseVector } from './model.ts';

export type EaseForm = 'item' | 'user';

export interface EaseOptions {
  /** Constant L2 penalty lambda. Default 100. */
  readonly lambda?: number;
  /** Popularity-proportional extra penalty rho * sum_u x_ui^2 (DLAE dropout emphasis). Default 0. */
  readonly rho?: number;
  /** Which Gram matrix to invert; default the smaller one (easeForm). Both give the same scores. */
  readonly form?: EaseForm;
}

export interface EaseModel extends Recommender {
  readonly lambda: number;
  readonly rho: number;
  readonly form: EaseForm;
}

/** What an EASE fit computes, as plain typed arrays (transferable from a worker thread). */
export type EaseParts =
  | {
      readonly form: 'item';
      readonly lambda: number;
      readonly rho: number;
      /** P = (X^T X + Lambda)^-1, items x items, row-major. */
      readonly p: Float64Array;
      /** 1 / diag(P). */
      readonly dInv: Float64Array;
    }
  | {
      readonly form: 'user';
      readonly lambda: number;
      readonly rho: number;
      /** M = (X~ X~^T + I)^-1, users x users, row-major. */
      readonly m: Float64Array;
      /** sqrt(Lambda_j) / diag(P~)_j (0 where diag(P~) underflows). */
      readonly factor: Float64Array;
      readonly invSqrtLam: Float64Array;
      /** X~ = X Lambda^-1/2 and its transpose. */
      readonly xs: CsrMatrix;
      readonly xst: CsrMatrix;
    };

/** The form whose Gram matrix is smaller: items x items when there are no more items than users. */
export function easeForm(nUsers: number, nItems: number): EaseForm {
  return nItems <= nUsers ? 'item' : 'user';
}

/** X X^T as a dense nUsers x nUsers Float64 matrix, cost sum_u sum_{i in u} deg(i). (X^T X: pass xt, x.) */
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

/** Lambda_j = lambda + rho * sum_u x_uj^2, the per-item penalty both forms use. */
function penalty(x: CsrMatrix, lambda: number, rho: number): Float64Array {
  const sq = colSums(mapValues(x, (v) => v * v));
  return Float64Array.from(sq, (s) => lambda + rho * s);
}

export function fitEase(x: CsrMatrix, opts: EaseOptions = {}): EaseModel {
  return easeFromParts(x, easeParts(x, opts));
}

export function easeParts(x: CsrMatrix, opts: EaseOptions = {}): EaseParts {
  const lambda = opts.lambda ?? 100;
  const rho = opts.rho ?? 0;
  if (!(lambda > 0) || !(rho >= 0)) throw new RangeError('fitEase: need lambda > 0 and rho >= 0');
  const lam = penalty(x, lambda, rho);
  return (opts.form ?? easeForm(x.rows, x.cols)) === 'item' ? itemParts(x, lam, lambda, rho) : userParts(x, lam, lambda, rho);
}

function itemParts(x: CsrMatrix, lam: Float64Array, lambda: number, rho: number): EaseParts {
  const n = x.cols;
  const g = userGram(transpose(x), x); // X^T X
  for (let i = 0; i < n; i++) g[i * n + i]! += lam[i]!;
  const p = spdInverse(g, n);
  const dInv = new Float64Array(n);
  for (let j = 0; j < n; j++) dInv[j] = 1 / p[j * n + j]!;
  return { form: 'item', lambda, rho, p, dInv };
}

function userParts(x: CsrMatrix, lam: Float64Array, lambda: number, rho: number): EaseParts {
  const n = x.rows;
  const nItems = x.cols;
  const sqrtLam = lam.map(Math.sqrt);
  const invSqrtLam = sqrtLam.map((s) => 1 / s);
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
  return { form: 'user', lambda, rho, m, factor, invSqrtLam, xs, xst };
}

/** The scoring model over fitted parts (`x`: the matrix they were fitted on); no numeric work. */
export function easeFromParts(x: CsrMatrix, parts: EaseParts): EaseModel {
  const nItems = x.cols;
  const row = (u: number): SparseVector => ({
    indices: x.indices.subarray(x.indptr[u]!, x.indptr[u + 1]!),
    values: x.values.subarray(x.indptr[u]!, x.indptr[u + 1]!),
  });
  // The item form scores a training user as the vector of their row; the user form has a shortcut (M X~)_u.
  const score: Scorer = parts.form === 'user' ? userScorer(x, parts) : itemScorer(parts.p, parts.dInv, nItems, row);
  return {
    name: 'EASE',
    lambda: parts.lambda,
    rho: parts.rho,
    form: parts.form,
    nUsers: x.rows,
    nItems,
    scoreUser: (u, out) => score.user(u, outBuffer(nItems, out)),
    scoreVector: (r, out) => score.vector(r, outBuffer(nItems, out)),
  };
}

interface Scorer {
  user(u: number, o: Float32Array): Float32Array;
  vector(r: SparseVector, o: Float32Array): Float32Array;
}

/** s = r - (r P) / diag(P): the rows of P of r's items, summed. */
function itemScorer(p: Float64Array, dInv: Float64Array, n: number, row: (u: number) => SparseVector): Scorer {
  const t = new Float64Array(n);
  const vector = (r: SparseVector, o: Float32Array): Float32Array => {
    t.fill(0);
    for (let e = 0; e < r.indices.length; e++) {
      const i = r.indices[e] as number;
      if (i < 0 || i >= n) continue;
      const w = r.values === undefined ? 1 : (r.values[e] as number);
      const pi = i * n;
      for (let j = 0; j < n; j++) t[j]! += w * p[pi + j]!;
    }
    for (let j = 0; j < n; j++) o[j] = -t[j]! * dInv[j]!;
    for (let e = 0; e < r.indices.length; e++) {
      const i = r.indices[e] as number;
      if (i >= 0 && i < n) o[i]! += r.values === undefined ? 1 : (r.values[e] as number);
    }
    return o;
  };
  return { user: (u, o) => vector(row(u), o), vector };
}

function userScorer(x: CsrMatrix, parts: Extract<EaseParts, { form: 'user' }>): Scorer {
  const { m, factor, invSqrtLam, xs, xst } = parts;
  const n = x.rows;
  const nItems = x.cols;
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
    user: (u, o) => {
      mrow.set(m.subarray(u * n, (u + 1) * n));
      spread();
      for (let i = 0; i < nItems; i++) o[i] = -rowP[i]! * factor[i]!;
      for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) o[x.indices[p]!]! += x.values[p]!;
      return o;
    },
    vector: (r, o) => {
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

/** The distinct buffers under EASE parts (for a worker's postMessage transfer list). */
export function easeBuffers(parts: EaseParts): ArrayBuffer[] {
  const arrays = parts.form === 'item'
    ? [parts.p, parts.dInv]
    : [parts.m, parts.factor, parts.invSqrtLam, parts.xs.indptr, parts.xs.indices, parts.xs.values, parts.xst.indptr, parts.xst.indices, parts.xst.values];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
