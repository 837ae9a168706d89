// Truncated SVD of a sparse matrix by randomized subspace iteration (Halko, Martinsson & Tropp, SIAM Review
// 2011, Alg. 4.4 + 5.1): sketch Y = A Omega with a seeded Gaussian Omega (cols x l, l = k + oversample), q
// power iterations Y <- A (A^T Y) with re-orthonormalization, then Rayleigh-Ritz on the l x l matrix
// Q^T A A^T Q. Cost O((2q + 2) nnz l + (rows + cols) l^2 + l^3); only sparse products, never A A^T or A^T A.
import { transpose, type CsrMatrix } from './csr.ts';
import { matMul, orthonormalizeColumns, symmetricEigen } from './dense.ts';
import { createRng } from './rng.ts';

export interface TruncatedSvd {
  readonly k: number;
  /** Singular values, descending. */
  readonly values: Float64Array;
  /** Right singular vectors, row-major cols x k (row i = item i's coordinates). */
  readonly right: Float64Array;
  /** Left singular vectors, row-major rows x k. */
  readonly left: Float64Array;
}

export interface SvdOptions {
  readonly oversample?: number;
  readonly powerIterations?: number;
  readonly seed?: number;
}

/** Y = A X for CSR A (r x c) and dense row-major X (c x l). */
export function spmmF64(a: CsrMatrix, x: Float64Array, l: number): Float64Array {
  const y = new Float64Array(a.rows * l);
  for (let r = 0; r < a.rows; r++) {
    const ry = r * l;
    for (let p = a.indptr[r]!; p < a.indptr[r + 1]!; p++) {
      const v = a.values[p]!;
      const rx = a.indices[p]! * l;
      for (let j = 0; j < l; j++) y[ry + j]! += v * x[rx + j]!;
    }
  }
  return y;
}

export function truncatedSvd(a: CsrMatrix, k: number, opts: SvdOptions = {}): TruncatedSvd {
  const at = transpose(a);
  const l0 = Math.min(k + (opts.oversample ?? 16), a.rows, a.cols);
  const rng = createRng(opts.seed ?? 1);
  const omega = new Float64Array(a.cols * l0);
  for (let i = 0; i < omega.length; i++) omega[i] = rng.normal();
  let { q, cols: l } = orthonormalizeColumns(spmmF64(a, omega, l0), a.rows, l0);
  for (let it = 0; it < (opts.powerIterations ?? 4); it++) {
    const z = orthonormalizeColumns(spmmF64(at, q, l), a.cols, l);
    ({ q, cols: l } = orthonormalizeColumns(spmmF64(a, z.q, z.cols), a.rows, z.cols));
  }
  // B = Q^T A (l x cols); B B^T = (A^T Q)^T (A^T Q); its eigenpairs give sigma^2 and the left rotation.
  const atq = spmmF64(at, q, l); // cols x l
  const bbt = new Float64Array(l * l);
  for (let r = 0; r < a.cols; r++) {
    for (let i = 0; i < l; i++) {
      const x = atq[r * l + i]!;
      if (x === 0) continue;
      for (let j = 0; j < l; j++) bbt[i * l + j]! += x * atq[r * l + j]!;
    }
  }
  const eig = symmetricEigen(bbt, l);
  const kk = Math.min(k, l);
  const values = new Float64Array(kk);
  const w = new Float64Array(l * kk); // eigenvectors scaled by 1/sigma for the right vectors
  const rot = new Float64Array(l * kk);
  for (let j = 0; j < kk; j++) {
    const s = Math.sqrt(Math.max(eig.values[j]!, 0));
    values[j] = s;
    for (let i = 0; i < l; i++) {
      rot[i * kk + j] = eig.vectors[i * l + j]!;
      w[i * kk + j] = s > 0 ? eig.vectors[i * l + j]! / s : 0;
    }
  }
  return { k: kk, values, right: matMul(atq, w, a.cols, l, kk), left: matMul(q, rot, a.rows, l, kk) };
}
