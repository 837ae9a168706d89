// Compressed sparse row matrices on typed arrays. Indices within a row are sorted ascending and unique
// (duplicates summed at build time), so two CSR matrices built from the same triples are bit-identical.

export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  /** Length rows + 1; row r occupies [indptr[r], indptr[r + 1]). */
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** Coordinate triples (row, col, weight); weights default to 1. */
export interface Triples {
  readonly rows: ArrayLike<number>;
  readonly cols: ArrayLike<number>;
  readonly values?: ArrayLike<number>;
}

/**
 * Builds a CSR matrix from triples by a two-pass counting sort (by column, then stably by row): O(nnz + rows +
 * cols) time, no comparison sort. Duplicate (row, col) pairs are summed.
 */
export function buildCsr(nRows: number, nCols: number, t: Triples): CsrMatrix {
  const n = t.rows.length;
  if (t.cols.length !== n || (t.values !== undefined && t.values.length !== n)) {
    throw new RangeError('buildCsr: rows, cols and values must have the same length');
  }
  const colCount = new Int32Array(nCols + 1);
  for (let e = 0; e < n; e++) {
    const r = t.rows[e] as number;
    const c = t.cols[e] as number;
    if (!(r >= 0 && r < nRows && c >= 0 && c < nCols) || !Number.isInteger(r) || !Number.isInteger(c)) {
      throw new RangeError(`buildCsr: triple ${e} (${r}, ${c}) outside ${nRows}x${nCols}`);
    }
    colCount[c + 1]!++;
  }
  for (let c = 0; c < nCols; c++) colCount[c + 1]! += colCount[c]!;
  const byCol = new Int32Array(n);
  for (let e = 0; e < n; e++) byCol[colCount[t.cols[e] as number]!++] = e;
  const rowPtr = new Int32Array(nRows + 1);
  for (let e = 0; e < n; e++) rowPtr[(t.rows[e] as number) + 1]!++;
  for (let r = 0; r < nRows; r++) rowPtr[r + 1]! += rowPtr[r]!;
  const fill = rowPtr.slice(0, nRows);
  const order = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const e = byCol[p]!;
    order[fill[t.rows[e] as number]!++] = e;
  }
  // Merge duplicates (adjacent after the sort).
  const indptr = new Int32Array(nRows + 1);
  const indices = new Int32Array(n);
  const values = new Float32Array(n);
  let w = 0;
  for (let r = 0; r < nRows; r++) {
    const rowStart = w;
    for (let p = rowPtr[r]!; p < rowPtr[r + 1]!; p++) {
      const e = order[p]!;
      const c = t.cols[e] as number;
      const v = t.values === undefined ? 1 : (t.values[e] as number);
      if (w > rowStart && indices[w - 1] === c) values[w - 1]! += v;
      else {
        indices[w] = c;
        values[w] = v;
        w++;
      }
    }
    indptr[r + 1] = w;
  }
  return { rows: nRows, cols: nCols, indptr, indices: indices.slice(0, w), values: values.slice(0, w) };
}

/** Transpose in O(nnz + rows + cols); the result's rows are again sorted by column index. */
export function transpose(m: CsrMatrix): CsrMatrix {
  const nnz = m.indices.length;
  const indptr = new Int32Array(m.cols + 1);
  for (let p = 0; p < nnz; p++) indptr[m.indices[p]! + 1]!++;
  for (let c = 0; c < m.cols; c++) indptr[c + 1]! += indptr[c]!;
  const fill = indptr.slice(0, m.cols);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  for (let r = 0; r < m.rows; r++) {
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) {
      const q = fill[m.indices[p]!]!++;
      indices[q] = r;
      values[q] = m.values[p]!;
    }
  }
  return { rows: m.cols, cols: m.rows, indptr, indices, values };
}

/** Number of stored entries per row (the degree of each row node). */
export function rowDegrees(m: CsrMatrix): Float64Array {
  const d = new Float64Array(m.rows);
  for (let r = 0; r < m.rows; r++) d[r] = m.indptr[r + 1]! - m.indptr[r]!;
  return d;
}

/** Number of stored entries per column. */
export function colDegrees(m: CsrMatrix): Float64Array {
  const d = new Float64Array(m.cols);
  for (let p = 0; p < m.indices.length; p++) d[m.indices[p]!]!++;
  return d;
}

/** Sum of values per row (weighted degree). */
export function rowSums(m: CsrMatrix): Float64Array {
  const d = new Float64Array(m.rows);
  for (let r = 0; r < m.rows; r++) {
    let s = 0;
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) s += m.values[p]!;
    d[r] = s;
  }
  return d;
}

/** Sum of values per column (weighted degree). */
export function colSums(m: CsrMatrix): Float64Array {
  const d = new Float64Array(m.cols);
  for (let p = 0; p < m.indices.length; p++) d[m.indices[p]!]! += m.values[p]!;
  return d;
}

/** A copy with values mapped by `f(value, row, col)`; the sparsity pattern is kept. */
export function mapValues(m: CsrMatrix, f: (v: number, row: number, col: number) => number): CsrMatrix {
  const values = new Float32Array(m.values.length);
  for (let r = 0; r < m.rows; r++) {
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) values[p] = f(m.values[p]!, r, m.indices[p]!);
  }
  return { ...m, values };
}

/** diag(rowScale) * M * diag(colScale), a copy. */
export function scaleRowsCols(m: CsrMatrix, rowScale: ArrayLike<number>, colScale: ArrayLike<number>): CsrMatrix {
  return mapValues(m, (v, r, c) => v * (rowScale[r] as number) * (colScale[c] as number));
}

/** x^p elementwise with 0^p := 0 for any p (isolated nodes get weight 0 instead of Infinity). */
export function safePow(x: ArrayLike<number>, p: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    out[i] = v > 0 ? Math.pow(v, p) : 0;
  }
  return out;
}

/** Row r as parallel (indices, values) views, no copy. */
export function rowView(m: CsrMatrix, r: number): { indices: Int32Array; values: Float32Array } {
  const a = m.indptr[r]!;
  const b = m.indptr[r + 1]!;
  return { indices: m.indices.subarray(a, b), values: m.values.subarray(a, b) };
}
