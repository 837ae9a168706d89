// Y = A X with the WebAssembly SIMD kernel of spmm.wat (f32x4; 16 accumulators hold a whole d = 64 output
// row). WebAssembly code reads only its own linear memory, so A, X and Y are laid out in one
// WebAssembly.Memory: createWasmSpmm copies the matrix in once and exposes X and Y as views into that memory,
// so repeated products (LightGCN layers) pay no copy; swap() lets layer l + 1 read what layer l wrote.
// spmmRowsWasm has exactly the contract of spmmRows (spmm.ts) but copies A and X in and Y out on every call,
// so it suits one-off products only. d must be a multiple of 4 and the engine must support SIMD; otherwise
// createWasmSpmm returns undefined and spmmRowsWasm runs the JS kernel.
import { spmmRows } from './spmm.ts';
import { spmmProduct, type SpmmProduct } from './spmm-product.ts';
import { compileWat } from './wat.ts';

interface Csr {
  readonly rows: number;
  readonly cols: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

type KernelFn = (indptr: number, indices: number, values: number, x: number, y: number, d: number, rowStart: number, rowEnd: number) => void;

const kernel = compileWat('spmm.wat');

/** True when the SIMD kernel compiled and validated on this engine. */
export const wasmSpmmAvailable = kernel !== undefined;

const PAGE = 65536;
// wasm32 addresses are 32-bit unsigned; V8 allows up to 65536 pages (4 GiB).
const MAX_PAGES = 65536;
const align16 = (n: number): number => (n + 15) & ~15;

export interface WasmSpmm extends SpmmProduct {
  /** Bytes of WebAssembly memory held (matrix + X + Y); X and Y are views into it. */
  readonly bytes: number;
}

/**
 * Copies A into a new WebAssembly memory with room for X and Y. Undefined when the kernel is unavailable,
 * d is not a positive multiple of 4, or the buffers exceed 4 GiB. O(nnz + rows) time for the copy.
 */
export function createWasmSpmm(a: Csr, d: number): WasmSpmm | undefined {
  if (kernel === undefined || !Number.isInteger(d) || d <= 0 || d % 4 !== 0) return undefined;
  const nnz = a.indptr[a.rows]!;
  const pIndptr = 0;
  const pIndices = align16(pIndptr + 4 * (a.rows + 1));
  const pValues = align16(pIndices + 4 * nnz);
  const pX = align16(pValues + 4 * nnz);
  const pY = align16(pX + 4 * a.cols * d);
  const bytes = pY + 4 * a.rows * d;
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  if (pages > MAX_PAGES) return undefined;
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const spmm = new WebAssembly.Instance(kernel, { env: { memory } }).exports['spmm'] as KernelFn;
  const buf = memory.buffer;
  new Int32Array(buf, pIndptr, a.rows + 1).set(a.indptr);
  new Int32Array(buf, pIndices, nnz).set(a.indices.subarray(0, nnz));
  new Float32Array(buf, pValues, nnz).set(a.values.subarray(0, nnz));
  const product = spmmProduct(a, d, { view: new Float32Array(buf, pX, a.cols * d), ptr: pX }, { view: new Float32Array(buf, pY, a.rows * d), ptr: pY },
    (x, y, rowStart, rowEnd) => spmm(pIndptr, pIndices, pValues, x.ptr, y.ptr, d, rowStart, rowEnd));
  return Object.assign(product, { bytes });
}

/**
 * Same contract as spmmRows: writes rows [rowStart, rowEnd) of Y = A X into y. Copies A and X into a fresh
 * WebAssembly memory and the rows back out per call (use createWasmSpmm to keep A resident). Falls back to
 * the JS kernel when d is not a multiple of 4 or SIMD is unavailable.
 */
export function spmmRowsWasm(a: { indptr: Int32Array; indices: Int32Array; values: Float32Array }, x: Float32Array, d: number, y: Float32Array, rowStart: number, rowEnd: number): void {
  const rows = a.indptr.length - 1;
  const cols = Math.floor(x.length / d);
  const w = rowStart < rowEnd ? createWasmSpmm({ ...a, rows, cols }, d) : undefined;
  if (w === undefined) {
    spmmRows(a, x, d, y, rowStart, rowEnd);
    return;
  }
  w.x.set(x.subarray(0, cols * d));
  w.run(rowStart, rowEnd);
  y.set(w.y.subarray(rowStart * d, rowEnd * d), rowStart * d);
}
