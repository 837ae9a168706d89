// Small dense linear algebra in Float64, row-major, for the user-space Gram matrices (n = #users, ~2k) and the
// l x l Rayleigh-Ritz problems of the truncated SVD (l ~ 100-300). Nothing here is ever item x item.

/** sum_{k < len} x[xo + k] * y[yo + k], four independent accumulators (lets V8 pipeline the multiply-adds). */
export function dot(x: Float64Array, xo: number, y: Float64Array, yo: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < len; k += 4) {
    s0 += x[xo + k]! * y[yo + k]!;
    s1 += x[xo + k + 1]! * y[yo + k + 1]!;
    s2 += x[xo + k + 2]! * y[yo + k + 2]!;
    s3 += x[xo + k + 3]! * y[yo + k + 3]!;
  }
  for (; k < len; k++) s0 += x[xo + k]! * y[yo + k]!;
  return s0 + s1 + (s2 + s3);
}

/**
 * Four dot products sharing one operand: out[b] = sum_{k < len} x[o_b + k] * y[yo + k]. Register blocking: the
 * streamed vector y is read once for four results; the O(n^3) loops below are bound by streaming rows of a
 * matrix larger than the cache, so this cuts their memory traffic about 4x.
 */
function dot4(x: Float64Array, o0: number, o1: number, o2: number, o3: number, y: Float64Array, yo: number, len: number, out: Float64Array): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let k = 0; k < len; k++) {
    const v = y[yo + k]!;
    s0 += x[o0 + k]! * v;
    s1 += x[o1 + k]! * v;
    s2 += x[o2 + k]! * v;
    s3 += x[o3 + k]! * v;
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
}

/**
 * In-place Cholesky-Banachiewicz factorization A = L L^T of a symmetric positive-definite n x n matrix;
 * on return the lower triangle holds L (the upper triangle is zeroed). n^3/6 multiply-adds; rows are
 * processed in blocks of four so each earlier row is streamed once per block.
 */
export function choleskyInPlace(a: Float64Array, n: number): void {
  const d4 = new Float64Array(4);
  for (let i0 = 0; i0 < n; i0 += 4) {
    const bs = Math.min(4, n - i0);
    if (bs === 4) {
      for (let j = 0; j < i0; j++) {
        const rj = j * n;
        dot4(a, i0 * n, (i0 + 1) * n, (i0 + 2) * n, (i0 + 3) * n, a, rj, j, d4);
        const ljj = a[rj + j]!;
        for (let b = 0; b < 4; b++) {
          const ri = (i0 + b) * n;
          a[ri + j] = (a[ri + j]! - d4[b]!) / ljj;
        }
      }
    }
    for (let i = i0; i < i0 + bs; i++) {
      const ri = i * n;
      for (let j = bs === 4 ? i0 : 0; j <= i; j++) {
        const rj = j * n;
        const s = a[ri + j]! - dot(a, ri, a, rj, j);
        if (i === j) {
          if (!(s > 0)) throw new RangeError(`choleskyInPlace: matrix not positive definite at pivot ${i}`);
          a[ri + i] = Math.sqrt(s);
        } else a[ri + j] = s / a[rj + j]!;
      }
      for (let j = i + 1; j < n; j++) a[ri + j] = 0;
    }
  }
}

/**
 * Inverse of a symmetric positive-definite matrix via Cholesky: A^-1 = L^-T L^-1. Computes T = L^-T (upper
 * triangular) row by row, then M_ij = sum_k T_ik T_jk, so every inner loop is a contiguous dot product, four
 * rows at a time. About n^3/2 multiply-adds in total (n = 1,892: ~3.4e9).
 */
export function spdInverse(a: Float64Array, n: number): Float64Array {
  const l = Float64Array.from(a);
  choleskyInPlace(l, n);
  const d4 = new Float64Array(4);
  const t = new Float64Array(n * n); // t[j][i] = (L^-1)[i][j], nonzero for i >= j
  for (let j0 = 0; j0 < n; j0 += 4) {
    const bs = Math.min(4, n - j0);
    for (let b = 0; b < bs; b++) t[(j0 + b) * n + j0 + b] = 1 / l[(j0 + b) * n + j0 + b]!;
    for (let i = j0 + 1; i < n; i++) {
      const ri = i * n;
      if (bs === 4 && i > j0 + 3) {
        // T rows are zero left of their diagonal, so all four dots can start at j0
        dot4(t, j0 * n + j0, (j0 + 1) * n + j0, (j0 + 2) * n + j0, (j0 + 3) * n + j0, l, ri + j0, i - j0, d4);
        const lii = l[ri + i]!;
        for (let b = 0; b < 4; b++) t[(j0 + b) * n + i] = -d4[b]! / lii;
      } else {
        for (let b = 0; b < bs; b++) {
          const j = j0 + b;
          if (j >= i) continue;
          t[j * n + i] = -dot(l, ri + j, t, j * n + j, i - j) / l[ri + i]!;
        }
      }
    }
  }
  const m = new Float64Array(n * n);
  for (let i0 = 0; i0 < n; i0 += 4) {
    const bs = Math.min(4, n - i0);
    for (let j = i0; j < n; j++) {
      const rj = j * n;
      if (bs === 4 && j >= i0 + 3) {
        dot4(t, i0 * n + j, (i0 + 1) * n + j, (i0 + 2) * n + j, (i0 + 3) * n + j, t, rj + j, n - j, d4);
        for (let b = 0; b < 4; b++) {
          m[(i0 + b) * n + j] = d4[b]!;
          m[rj + i0 + b] = d4[b]!;
        }
      } else {
        for (let b = 0; b < bs; b++) {
          const i = i0 + b;
          if (j < i) continue;
          const s = dot(t, i * n + j, t, rj + j, n - j);
          m[i * n + j] = s;
          m[rj + i] = s;
        }
      }
    }
  }
  return m;
}

/**
 * Eigen-decomposition of a symmetric n x n matrix by cyclic Jacobi rotations (Golub & Van Loan, Alg. 8.5.3).
 * O(n^3) per sweep, converges quadratically; meant for n <= a few hundred. Returns eigenvalues in descending
 * order and eigenvectors as the columns of `vectors` (row-major n x n), in the same order; ties keep the
 * lower original index first.
 */
export function symmetricEigen(a: Float64Array, n: number, maxSweeps = 60): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < n; p++) {
      diag += m[p * n + p]! * m[p * n + p]!;
      for (let q = p + 1; q < n; q++) off += m[p * n + q]! * m[p * n + q]!;
    }
    if (off <= 1e-22 * diag || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const app = m[p * n + p]!;
        const aqq = m[q * n + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p]!;
          const mkq = m[k * n + q]!;
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k]!;
          const mqk = m[q * n + k]!;
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => m[y * n + y]! - m[x * n + x]! || x - y);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = m[src * n + src]!;
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src]!;
  });
  return { values, vectors };
}

/** C = A^T B for row-major A (n x p) and B (n x q): p x q. */
export function gramAtB(a: Float64Array, b: Float64Array, n: number, p: number, q: number): Float64Array {
  const c = new Float64Array(p * q);
  for (let r = 0; r < n; r++) {
    const ra = r * p;
    const rb = r * q;
    for (let i = 0; i < p; i++) {
      const x = a[ra + i]!;
      if (x === 0) continue;
      const ci = i * q;
      for (let j = 0; j < q; j++) c[ci + j]! += x * b[rb + j]!;
    }
  }
  return c;
}

/** C = A B for row-major A (n x p) and B (p x q): n x q. */
export function matMul(a: Float64Array, b: Float64Array, n: number, p: number, q: number): Float64Array {
  const c = new Float64Array(n * q);
  for (let r = 0; r < n; r++) {
    const ra = r * p;
    const rc = r * q;
    for (let i = 0; i < p; i++) {
      const x = a[ra + i]!;
      if (x === 0) continue;
      const bi = i * q;
      for (let j = 0; j < q; j++) c[rc + j]! += x * b[bi + j]!;
    }
  }
  return c;
}

/**
 * Orthonormalizes the columns of a row-major n x l matrix Y in place of a new array: Y V diag(1/sqrt(lambda)),
 * with (lambda, V) the eigenpairs of Y^T Y. Directions with lambda below 1e-12 * lambda_max are dropped, so the
 * result may have fewer columns (returned as `cols`).
 */
export function orthonormalizeColumns(y: Float64Array, n: number, l: number): { q: Float64Array; cols: number } {
  const { values, vectors } = symmetricEigen(gramAtB(y, y, n, l, l), l);
  const top = values[0] ?? 0;
  let cols = 0;
  while (cols < l && values[cols]! > 1e-12 * top && values[cols]! > 0) cols++;
  const w = new Float64Array(l * cols);
  for (let i = 0; i < l; i++) for (let j = 0; j < cols; j++) w[i * cols + j] = vectors[i * l + j]! / Math.sqrt(values[j]!);
  return { q: matMul(y, w, n, l, cols), cols };
}
