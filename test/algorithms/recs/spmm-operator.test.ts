import { describe, expect, it } from 'vitest';
import { buildCsr, createSpmmOperator, spmm } from '../../../src/algorithms/recs/index.ts';

// Path graph 0 - 1 - 2 with weights 0.5: A = [[0, .5, 0], [.5, 0, .5], [0, .5, 0]].
const a = buildCsr(3, 3, { rows: [0, 1, 1, 2], cols: [1, 0, 2, 1], values: [0.5, 0.5, 0.5, 0.5] });

describe('createSpmmOperator', () => {
  it('uses the WebAssembly SIMD kernel when d is a multiple of 4, the JS kernel otherwise', () => {
    expect(createSpmmOperator(a, 64).kernel).toBe('wasm-simd');
    expect(createSpmmOperator(a, 4).kernel).toBe('wasm-simd');
    expect(createSpmmOperator(a, 6).kernel).toBe('js');
  });

  for (const d of [4, 6]) {
    it(`propagates two layers by run/swap like two spmm calls, d = ${d}`, () => {
      const x = Float32Array.from({ length: 3 * d }, (_, k) => k - 4);
      const op = createSpmmOperator(a, d);
      op.x.set(x);
      op.run();
      expect(Array.from(op.y)).toEqual(Array.from(spmm(a, x, d)));
      op.swap();
      op.run();
      expect(Array.from(op.y)).toEqual(Array.from(spmm(a, spmm(a, x, d), d)));
    });
  }
});
