// Repeated products Y = A X with one fixed matrix, as in LightGCN's K layers. Picks the fastest available
// kernel: the WebAssembly SIMD kernel (spmm-wasm.ts; about 4x faster per layer than the JS kernel on a
// 1.5 M-edge graph with d = 64 in bench/propagation.ts) when the engine supports SIMD and d is a multiple
// of 4, else the JS kernel (spmm.ts) on plain Float32Arrays. Either way the caller writes X, runs, reads Y,
// and for a square A can swap() to feed the output back in without copying.
import { spmmRows } from './spmm.ts';
import { spmmProduct, type SpmmProduct } from './spmm-product.ts';
import { createWasmSpmm } from './spmm-wasm.ts';

export interface SpmmOperator extends SpmmProduct {
  readonly kernel: 'wasm-simd' | 'js';
}

export function createSpmmOperator(
  a: { readonly rows: number; readonly cols: number; readonly indptr: Int32Array; readonly indices: Int32Array; readonly values: Float32Array },
  d: number,
): SpmmOperator {
  const w = createWasmSpmm(a, d);
  // Object.assign keeps the operator's x/y getters (swap() re-points them).
  if (w !== undefined) return Object.assign(w, { kernel: 'wasm-simd' as const });
  const js = spmmProduct(a, d, { view: new Float32Array(a.cols * d), ptr: 0 }, { view: new Float32Array(a.rows * d), ptr: 0 },
    (x, y, rowStart, rowEnd) => spmmRows(a, x.view, d, y.view, rowStart, rowEnd));
  return Object.assign(js, { kernel: 'js' as const });
}
