import { describe, expect, it } from 'vitest';
import { buildCsr, colDegrees, rowDegrees, rowSums, transpose } from '../../../src/algorithms/recs/index.ts';

describe('buildCsr', () => {
  it('sorts columns within rows and sums duplicates', () => {
    const m = buildCsr(2, 3, { rows: [1, 0, 0, 1, 0], cols: [2, 2, 0, 2, 1], values: [1, 2, 3, 4, 5] });
    expect(Array.from(m.indptr)).toEqual([0, 3, 4]);
    expect(Array.from(m.indices)).toEqual([0, 1, 2, 2]);
    expect(Array.from(m.values)).toEqual([3, 5, 2, 5]);
  });
  it('defaults weights to 1 and handles empty input', () => {
    const m = buildCsr(2, 2, { rows: [], cols: [] });
    expect(Array.from(m.indptr)).toEqual([0, 0, 0]);
    expect(buildCsr(1, 1, { rows: [0], cols: [0] }).values[0]).toBe(1);
  });
  it('rejects out-of-range triples', () => {
    expect(() => buildCsr(1, 1, { rows: [0], cols: [1] })).toThrow(RangeError);
  });
});

describe('transpose and degrees', () => {
  const m = buildCsr(2, 3, { rows: [0, 0, 1], cols: [0, 2, 2], values: [1, 2, 3] });
  it('transposes with sorted rows', () => {
    const t = transpose(m);
    expect([t.rows, t.cols]).toEqual([3, 2]);
    expect(Array.from(t.indptr)).toEqual([0, 1, 1, 3]);
    expect(Array.from(t.indices)).toEqual([0, 0, 1]);
    expect(Array.from(t.values)).toEqual([1, 2, 3]);
  });
  it('counts degrees and weighted sums', () => {
    expect(Array.from(rowDegrees(m))).toEqual([2, 1]);
    expect(Array.from(colDegrees(m))).toEqual([1, 0, 2]);
    expect(Array.from(rowSums(m))).toEqual([3, 3]);
  });
});
