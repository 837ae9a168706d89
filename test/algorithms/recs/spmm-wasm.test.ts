import { describe, expect, it } from 'vitest';
import { buildCsr, createRng, spmmRows, type CsrMatrix } from '../../../src/algorithms/recs/index.ts';
import { createWasmSpmm, spmmRowsWasm, wasmSpmmAvailable } from '../../../src/algorithms/recs/spmm-wasm.ts';

// 4 x 3, row 2 empty:  [[2, 0, 0.5], [0, -1, 0], [0, 0, 0], [1, 1, 1]]. Values and X are small dyadic
// numbers, so every product and sum is exact in float32 and results can be compared with toEqual.
const a = buildCsr(4, 3, { rows: [0, 0, 1, 3, 3, 3], cols: [0, 2, 1, 0, 1, 2], values: [2, 0.5, -1, 1, 1, 1] });
const xOf = (rows: number, d: number): Float32Array => Float32Array.from({ length: rows * d }, (_, k) => (k % 7) - 3 + (k % 2) * 0.25);
const expected = (x: Float32Array, d: number): number[] => {
  const out: number[] = [];
  // Sums start from +0 as the kernels' accumulators do (so -1 * 0 gives +0, not -0).
  for (let j = 0; j < d; j++) out.push(0 + 2 * x[j]! + 0.5 * x[2 * d + j]!);
  for (let j = 0; j < d; j++) out.push(0 + -x[d + j]!);
  for (let j = 0; j < d; j++) out.push(0);
  for (let j = 0; j < d; j++) out.push(0 + x[j]! + x[d + j]! + x[2 * d + j]!);
  return out;
};

function randomCsr(rows: number, cols: number, nnz: number, seed: number): CsrMatrix {
  const rng = createRng(seed);
  const r: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  for (let e = 0; e < nnz; e++) {
    r.push(Math.floor(rng.next() * rows) % (rows - 3)); // the last 3 rows stay empty
    c.push(Math.floor(rng.next() * cols));
    v.push(rng.normal());
  }
  return buildCsr(rows, cols, { rows: r, cols: c, values: v });
}

describe('WebAssembly SIMD spmm', () => {
  it('compiles and validates on this engine (Node 20 has 128-bit SIMD)', () => {
    expect(wasmSpmmAvailable).toBe(true);
  });

  for (const d of [4, 8, 20, 64, 68]) {
    it(`computes exact values on a hand-made matrix, d = ${d}`, () => {
      const x = xOf(3, d);
      const y = new Float32Array(4 * d).fill(99);
      spmmRowsWasm(a, x, d, y, 0, 4);
      expect(Array.from(y)).toEqual(expected(x, d));
    });
  }

  for (const d of [4, 8, 64, 132]) {
    it(`agrees with the JS kernel on a random matrix within float32 rounding, d = ${d}`, () => {
      const m = randomCsr(60, 45, 400, d);
      const rng = createRng(d + 1);
      const x = Float32Array.from({ length: m.cols * d }, () => rng.normal());
      const js = new Float32Array(m.rows * d);
      const wasm = new Float32Array(m.rows * d);
      spmmRows(m, x, d, js, 0, m.rows);
      spmmRowsWasm(m, x, d, wasm, 0, m.rows);
      for (let k = 0; k < js.length; k++) expect(Math.abs(wasm[k]! - js[k]!)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(js[k]!)));
      expect(Array.from(wasm.subarray((m.rows - 3) * d))).toEqual(new Array(3 * d).fill(0));
    });
  }

  it('falls back to the JS kernel (bit-identical) when d is not a multiple of 4', () => {
    const d = 7;
    const m = randomCsr(30, 20, 150, 3);
    const x = xOf(m.cols, d);
    const js = new Float32Array(m.rows * d);
    const out = new Float32Array(m.rows * d);
    spmmRows(m, x, d, js, 0, m.rows);
    spmmRowsWasm(m, x, d, out, 0, m.rows);
    expect(Array.from(out)).toEqual(Array.from(js));
    expect(createWasmSpmm(m, d)).toBeUndefined();
  });

  it('writes only rows [rowStart, rowEnd)', () => {
    const d = 8;
    const x = xOf(3, d);
    const y = new Float32Array(4 * d).fill(99);
    spmmRowsWasm(a, x, d, y, 1, 3);
    const want = expected(x, d);
    expect(Array.from(y.subarray(0, d))).toEqual(new Array(d).fill(99));
    expect(Array.from(y.subarray(d, 3 * d))).toEqual(want.slice(d, 3 * d));
    expect(Array.from(y.subarray(3 * d))).toEqual(new Array(d).fill(99));
  });

  it('handles a matrix with no stored entries', () => {
    const empty = buildCsr(3, 2, { rows: [], cols: [] });
    const y = new Float32Array(3 * 4).fill(5);
    spmmRowsWasm(empty, xOf(2, 4), 4, y, 0, 3);
    expect(Array.from(y)).toEqual(new Array(12).fill(0));
  });

  it('keeps the matrix resident: two layers by swap equal two products', () => {
    const d = 64;
    const m = randomCsr(50, 50, 300, 11);
    const x = Float32Array.from({ length: 50 * d }, (_, k) => Math.sin(k));
    const w = createWasmSpmm(m, d)!;
    w.x.set(x);
    w.run();
    w.swap();
    w.run();
    const once = new Float32Array(50 * d);
    const twice = new Float32Array(50 * d);
    spmmRowsWasm(m, x, d, once, 0, 50);
    spmmRowsWasm(m, once, d, twice, 0, 50);
    expect(Array.from(w.y)).toEqual(Array.from(twice));
    expect(() => createWasmSpmm(a, 4)!.swap()).toThrow(RangeError);
  });
});
