// Y = A X over several threads with worker_threads and SharedArrayBuffer: rows are split into contiguous
// ranges with about equal nnz; the calling thread computes the first range itself while workers do the rest,
// then it awaits them. Each worker runs the very same kernel as spmm.ts: its source is taken from
// spmmRows.toString() (plain JS after transpilation), so there is no second copy of the kernel to drift.
// A, X and Y must live in SharedArrayBuffers (see toShared); buffers are handed over once, at creation.
import { Worker } from 'node:worker_threads';
import { spmmRows } from './spmm.ts';

export interface SharedCsr {
  readonly rows: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

export interface ParallelSpmm {
  /** One product Y = A X with the buffers given at creation. */
  run(): Promise<void>;
  close(): Promise<void>;
}

/** A copy of a typed array backed by a SharedArrayBuffer. */
export function toShared<T extends Int32Array | Float32Array>(a: T): T {
  const sab = new SharedArrayBuffer(a.byteLength);
  const out = (a instanceof Int32Array ? new Int32Array(sab) : new Float32Array(sab)) as T;
  out.set(a);
  return out;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const spmmRows = (${spmmRows.toString()});
const { a, x, y, d, start, end } = workerData;
parentPort.on('message', () => { spmmRows(a, x, d, y, start, end); parentPort.postMessage(0); });
`;

/** Row boundaries splitting nnz into `parts` nearly equal contiguous ranges. */
export function balancedRanges(indptr: Int32Array, rows: number, parts: number): number[] {
  const nnz = indptr[rows]!;
  const cuts = [0];
  let r = 0;
  for (let k = 1; k < parts; k++) {
    const target = (nnz * k) / parts;
    while (r < rows && indptr[r]! < target) r++;
    cuts.push(r);
  }
  cuts.push(rows);
  return cuts;
}

export function createParallelSpmm(a: SharedCsr, x: Float32Array, d: number, y: Float32Array, threads: number): ParallelSpmm {
  const cuts = balancedRanges(a.indptr, a.rows, Math.max(1, threads));
  const shared = { indptr: a.indptr, indices: a.indices, values: a.values };
  const workers = cuts.slice(1, -1).map(
    (start, k) => new Worker(WORKER_SOURCE, { eval: true, workerData: { a: shared, x, y, d, start, end: cuts[k + 2]! } }),
  );
  return {
    run: async () => {
      const done = workers.map((w) => new Promise<void>((res) => w.once('message', () => res())));
      for (const w of workers) w.postMessage(0);
      spmmRows(shared, x, d, y, cuts[0]!, cuts[1]!);
      await Promise.all(done);
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
