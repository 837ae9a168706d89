// Sparse x dense product Y = A X (A: CSR rows x cols, X: row-major cols x d Float32), the kernel of one
// LightGCN propagation layer. O(nnz * d). Each output row is accumulated in a Float32 scratch row that stays
// in L1, with the inner loop over d unrolled by 8 (d = 64 in practice); rows may be processed in any order,
// which lets a caller split [rowStart, rowEnd) across workers sharing the buffers.

export function spmmRows(a: { indptr: Int32Array; indices: Int32Array; values: Float32Array }, x: Float32Array, d: number, y: Float32Array, rowStart: number, rowEnd: number): void {
  const { indptr, indices, values } = a;
  const d8 = d - (d % 8);
  for (let r = rowStart; r < rowEnd; r++) {
    const ro = r * d;
    for (let j = 0; j < d; j++) y[ro + j] = 0;
    for (let p = indptr[r]!; p < indptr[r + 1]!; p++) {
      const v = values[p]!;
      const xo = indices[p]! * d;
      let j = 0;
      for (; j < d8; j += 8) {
        y[ro + j] = y[ro + j]! + v * x[xo + j]!;
        y[ro + j + 1] = y[ro + j + 1]! + v * x[xo + j + 1]!;
        y[ro + j + 2] = y[ro + j + 2]! + v * x[xo + j + 2]!;
        y[ro + j + 3] = y[ro + j + 3]! + v * x[xo + j + 3]!;
        y[ro + j + 4] = y[ro + j + 4]! + v * x[xo + j + 4]!;
        y[ro + j + 5] = y[ro + j + 5]! + v * x[xo + j + 5]!;
        y[ro + j + 6] = y[ro + j + 6]! + v * x[xo + j + 6]!;
        y[ro + j + 7] = y[ro + j + 7]! + v * x[xo + j + 7]!;
      }
      for (; j < d; j++) y[ro + j] = y[ro + j]! + v * x[xo + j]!;
    }
  }
}

/** Y = A X over all rows; returns Y (allocated if not given). */
export function spmm(a: { rows: number; indptr: Int32Array; indices: Int32Array; values: Float32Array }, x: Float32Array, d: number, y?: Float32Array): Float32Array {
  const out = y ?? new Float32Array(a.rows * d);
  spmmRows(a, x, d, out, 0, a.rows);
  return out;
}
