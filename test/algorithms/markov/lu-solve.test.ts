import { describe, expect, it } from 'vitest';
import { luDecompose, luSolve, solveLinearSystem } from '../../../src/algorithms/markov/index.ts';
import { expectAppError } from './expect-app-error.ts';

const matmul = (a: Float64Array, b: Float64Array, n: number, m: number): number[] => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += (a[i * n + k] as number) * (b[k * m + j] as number);
      out.push(s);
    }
  }
  return out;
};

describe('luDecompose / luSolve', () => {
  // a_00 = 0: without row pivoting the first elimination step would divide by zero.
  const a = Float64Array.from([0, 2, 1, 1, 1, 1, 2, 1, 0]);

  it('solves a system that needs pivoting (x = [1, 2, 3], b = A x = [7, 6, 4])', () => {
    const x = solveLinearSystem(a, 3, Float64Array.from([7, 6, 4]));
    expect([...x].map((v) => Number(v.toFixed(12)))).toEqual([1, 2, 3]);
  });

  it('pivots on the largest entry of the column (row 2, |2|), first row on ties', () => {
    const r = luDecompose(a, 3);
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok') expect(r.factors.pivots[0]).toBe(2);
  });

  it('solves several right-hand sides at once: A X = I gives A^-1', () => {
    const r = luDecompose(a, 3);
    if (r.kind !== 'ok') throw new Error('unexpected singular');
    const inv = luSolve(r.factors, Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]), 3);
    matmul(a, inv, 3, 3).forEach((v, i) => expect(v).toBeCloseTo(i % 4 === 0 ? 1 : 0, 12));
  });

  it('does not modify its input', () => {
    const copy = Float64Array.from(a);
    luDecompose(a, 3);
    expect(a).toEqual(copy);
  });

  it('reports the column of a singular matrix (second row = 2 x first)', () => {
    expect(luDecompose(Float64Array.from([1, 2, 2, 4]), 2)).toEqual({ kind: 'singular', column: 1, pivot: 0 });
    expect(luDecompose(new Float64Array(4), 2)).toMatchObject({ kind: 'singular', column: 0 });
  });

  it('treats a pivot below tolerance * max|a_ij| as zero', () => {
    expect(luDecompose(Float64Array.from([1, 0, 0, 1e-14]), 2)).toMatchObject({ kind: 'singular', column: 1 });
  });

  it('solveLinearSystem turns a singular matrix into INVALID_INPUT', () => {
    const err = expectAppError(() => solveLinearSystem(Float64Array.from([1, 2, 2, 4]), 2, Float64Array.from([1, 1])));
    expect(err.details).toEqual({ column: 1 });
  });

  it('handles the empty system and rejects shape mismatches', () => {
    expect(solveLinearSystem(new Float64Array(0), 0, new Float64Array(0))).toEqual(new Float64Array(0));
    expectAppError(() => luDecompose(new Float64Array(3), 2));
    expectAppError(() => solveLinearSystem(Float64Array.from([1, 0, 0, 1]), 2, new Float64Array(3)));
  });
});
