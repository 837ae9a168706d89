// Small dense linear solver: LU factorisation with partial (row) pivoting, PA = LU (Doolittle, unit lower L),
// Golub & Van Loan, "Matrix Computations", alg. 3.4.1. O(n^3) to factor, O(n^2) per right-hand side.
// Used instead of forming an inverse: solving (I - Q) X = B is cheaper and more accurate than inv(I - Q) * B.
// Matrices are row-major Float64Arrays; nothing here knows about states or Markov chains.
import { invalidInput } from '../../domain/errors.ts';

export interface LuFactors {
  readonly n: number;
  /** L (strictly below the diagonal, unit diagonal implied) and U (on and above), row-major n x n. */
  readonly lu: Float64Array;
  /** Row i of PA is row pivots[i] of A. */
  readonly pivots: Int32Array;
}

export type LuResult =
  | { readonly kind: 'ok'; readonly factors: LuFactors }
  /** No usable pivot in `column` (0-based): the matrix is singular or too ill-conditioned to trust. */
  | { readonly kind: 'singular'; readonly column: number; readonly pivot: number };

/**
 * Factors the n x n row-major matrix `a` (not modified). A pivot with |u_kk| <= tolerance * max|a_ij| is
 * treated as zero: with double precision, anything smaller is noise from cancellation, and solving with
 * it would return huge meaningless numbers instead of an error.
 */
export function luDecompose(a: Float64Array, n: number, tolerance = 1e-12): LuResult {
  if (!Number.isInteger(n) || n < 0 || a.length !== n * n) {
    throw invalidInput(`luDecompose: expected an ${n}x${n} matrix (${n * n} entries), got ${a.length}`);
  }
  const lu = Float64Array.from(a);
  const pivots = new Int32Array(n);
  let scale = 0;
  for (let i = 0; i < n; i++) pivots[i] = i;
  for (const v of lu) {
    if (!Number.isFinite(v)) throw invalidInput('luDecompose: matrix has a non-finite entry');
    scale = Math.max(scale, Math.abs(v));
  }
  const threshold = tolerance * scale;
  for (let k = 0; k < n; k++) {
    // Partial pivoting: the largest |a_ik| at or below the diagonal; first such row on ties (deterministic).
    let p = k;
    let best = Math.abs(at(lu, k * n + k));
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(at(lu, i * n + k));
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (best <= threshold || best === 0) return { kind: 'singular', column: k, pivot: best };
    if (p !== k) {
      for (let j = 0; j < n; j++) swap(lu, k * n + j, p * n + j);
      const t = at(pivots, k);
      pivots[k] = at(pivots, p);
      pivots[p] = t;
    }
    const ukk = at(lu, k * n + k);
    for (let i = k + 1; i < n; i++) {
      const l = at(lu, i * n + k) / ukk;
      lu[i * n + k] = l;
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j] = at(lu, i * n + j) - l * at(lu, k * n + j);
    }
  }
  return { kind: 'ok', factors: { n, lu, pivots } };
}

/**
 * Solves A X = B for X given the factors of A; B is n x nrhs row-major (one column per right-hand side).
 * Forward substitution L y = P b, then back substitution U x = y, column by column.
 */
export function luSolve(factors: LuFactors, b: Float64Array, nrhs = 1): Float64Array {
  const { n, lu, pivots } = factors;
  if (!Number.isInteger(nrhs) || nrhs < 0 || b.length !== n * nrhs) {
    throw invalidInput(`luSolve: expected a ${n}x${nrhs} right-hand side, got ${b.length} entries`);
  }
  const x = new Float64Array(n * nrhs);
  for (let i = 0; i < n; i++) {
    const src = at(pivots, i);
    for (let c = 0; c < nrhs; c++) x[i * nrhs + c] = at(b, src * nrhs + c);
  }
  for (let c = 0; c < nrhs; c++) {
    for (let i = 1; i < n; i++) {
      let s = at(x, i * nrhs + c);
      for (let j = 0; j < i; j++) s -= at(lu, i * n + j) * at(x, j * nrhs + c);
      x[i * nrhs + c] = s;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = at(x, i * nrhs + c);
      for (let j = i + 1; j < n; j++) s -= at(lu, i * n + j) * at(x, j * nrhs + c);
      x[i * nrhs + c] = s / at(lu, i * n + i);
    }
  }
  return x;
}

/** Factor and solve in one call; a singular matrix is an INVALID_INPUT error naming the pivot column. */
export function solveLinearSystem(a: Float64Array, n: number, b: Float64Array, nrhs = 1): Float64Array {
  const result = luDecompose(a, n);
  if (result.kind === 'singular') {
    throw invalidInput(`linear system is singular or ill-conditioned (no pivot in column ${result.column})`, {
      column: result.column,
    });
  }
  return luSolve(result.factors, b, nrhs);
}

// Indexed reads under noUncheckedIndexedAccess: every index here is in range by construction.
function at(a: Float64Array | Int32Array, i: number): number {
  return a[i] as number;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = at(a, i);
  a[i] = at(a, j);
  a[j] = t;
}
