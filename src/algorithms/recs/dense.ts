// Small dense linear algebra in Float64, row-major, for the user-space Gram matrices (n = #users, ~2k) and the
// l x l Rayleigh-Ritz problems of the truncated SVD (l ~ 100-300). Nothing here is ever item x item.

/**
 * In-place Cholesky-Banachiewicz factorization A = L L^T of a symmetric positive-definite n x n matrix;
 * on return the lower triangle holds L (the upper triangle is zeroed). n^3/6 multiply-adds, inner loops are
 * dot products of two contiguous rows.
 */
export function choleskyInPlace(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = a[ri + j]!;
      for (let k = 0; k < j; k++) s -= a[ri + k]! * a[rj + k]!;
      if (i === j) {
        if (!(s > 0)) throw new RangeError(`choleskyInPlace: matrix not positive definite at pivot ${i}`);
        a[ri + i] = Math.sqrt(s);
      } else a[ri + j] = s / a[rj + j]!;
    }
    for (let j = i + 1; j < n; j++) a[ri + j] = 0;
  }
}

/**
 * Inverse of a symmetric positive-definite matrix via Cholesky: A^-1 = L^-T L^-1. Computes T = L^-T (upper
 * triangular) row by row, then M_ij = sum_k T_ik T_jk, so every inner loop is a contiguous dot product.
 * About n^3/2 multiply-adds in total (n = 1,892: ~3.4e9, a few seconds in JS).
 */
export function spdInverse(a: Float64Array, n: number): Float64Array {
  const l = Float64Array.from(a);
  choleskyInPlace(l, n);
  const t = new Float64Array(n * n); // t[j][i] = (L^-1)[i][j], nonzero for i >= j
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    t[rj + j] = 1 / l[rj + j]!;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = 0;
      for (let k = j; k < i; k++) s += l[ri + k]! * t[rj + k]!;
      t[rj + i] = -s / l[ri + i]!;
    }
  }
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = i; j < n; j++) {
      const rj = j * n;
      let s = 0;
      for (let k = j; k < n; k++) s += t[ri + k]! * t[rj + k]!;
      m[ri + j] = s;
      m[rj + i] = s;
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
