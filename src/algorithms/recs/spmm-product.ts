// The part every SpMM operator shares, whatever its kernel: two buffers X (cols x d) and Y (rows x d) that
// swap roles between products, so LightGCN's layer l + 1 reads what layer l wrote without a copy. A kernel
// only supplies how to compute rows of Y = A X from one buffer into the other.
import { assertRowRange } from './spmm.ts';

/** A row-major d-wide block and, for kernels that address memory by offset (WebAssembly), its byte offset. */
export interface SpmmBuffer {
  readonly view: Float32Array;
  readonly ptr: number;
}

export interface SpmmProduct {
  readonly rows: number;
  readonly cols: number;
  readonly d: number;
  /** X, cols x d row-major: write the input here (run() reads it in place). */
  readonly x: Float32Array;
  /** Y, rows x d row-major: the output of the last run. */
  readonly y: Float32Array;
  /** Rows [rowStart, rowEnd) of Y = A X (default: all rows). */
  run(rowStart?: number, rowEnd?: number): void;
  /** Square A only: exchanges X and Y (no copy), so the next run propagates the last output once more. */
  swap(): void;
}

export function spmmProduct(
  a: { readonly rows: number; readonly cols: number },
  d: number,
  x: SpmmBuffer,
  y: SpmmBuffer,
  rowsOf: (x: SpmmBuffer, y: SpmmBuffer, rowStart: number, rowEnd: number) => void,
): SpmmProduct {
  let input = x;
  let output = y;
  return {
    rows: a.rows,
    cols: a.cols,
    d,
    get x() {
      return input.view;
    },
    get y() {
      return output.view;
    },
    run(rowStart = 0, rowEnd = a.rows) {
      assertRowRange(a.rows, rowStart, rowEnd);
      rowsOf(input, output, rowStart, rowEnd);
    },
    swap() {
      if (a.rows !== a.cols) throw new RangeError('spmm: swap needs a square matrix');
      [input, output] = [output, input];
    },
  };
}
