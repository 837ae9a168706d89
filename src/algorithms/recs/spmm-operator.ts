// Repeated products Y = A X with one fixed matrix, as in LightGCN's K layers. Picks the fastest available
// kernel: the WebAssembly SIMD kernel (spmm-wasm.ts; about 4x faster per layer than the JS kernel on a
// 1.5 M-edge graph with d = 64 in bench/propagation.ts) when the engine supports SIMD and d is a multiple
// of 4, else the JS kernel (spmm.ts) on plain Float32Arrays. Either way the caller writes X, runs, reads Y,
// and for a square A can swap() to feed the output back in without copying.
import { assertRowRange, spmmRows } from './spmm.ts';
import { createWasmSpmm } from './spmm-wasm.ts';

export interface SpmmOperator {
  readonly kernel: 'wasm-simd' | 'js';
  readonly rows: number;
  readonly cols: number;
  readonly d: number;
  /** X, cols x d row-major: write the input here (a view that run() reads in place). */
  readonly x: Float32Array;
  /** Y, rows x d row-major: the output of the last run. */
  readonly y: Float32Array;
  /** Rows [rowStart, rowEnd) of Y = A X (default: all rows). */
  run(rowStart?: number, rowEnd?: number): void;
  /** Square A only: exchanges X and Y (no copy). */
  swap(): void;
}

export function createSpmmOperator(
  a: { readonly rows: number; readonly cols: number; readonly indptr: Int32Array; readonly indices: Int32Array; readonly values: Float32Array },
  d: number,
): SpmmOperator {
  const w = createWasmSpmm(a, d);
  // The WASM operator already has x/y/run/swap (its x and y are getters: swap() re-points them).
  if (w !== undefined) return Object.assign(w, { kernel: 'wasm-simd' as const });
  let x = new Float32Array(a.cols * d);
  let y = new Float32Array(a.rows * d);
  return {
    kernel: 'js',
    rows: a.rows,
    cols: a.cols,
    d,
    get x() {
      return x;
    },
    get y() {
      return y;
    },
    run(rowStart = 0, rowEnd = a.rows) {
      assertRowRange(a.rows, rowStart, rowEnd);
      spmmRows(a, x, d, y, rowStart, rowEnd);
    },
    swap() {
      if (a.rows !== a.cols) throw new RangeError('spmm: swap needs a square matrix');
      [x, y] = [y, x];
    },
  };
}
