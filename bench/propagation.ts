// Benchmark of one LightGCN propagation layer (sparse x dense, Float32, d = 64) in TypeScript against the same
// kernel in C (bench/c/spmm.c, gcc -O3 -march=native, OpenMP for 2 threads) on the same input, plus the full
// Last.fm fits. The WebAssembly SIMD kernel (src/algorithms/recs/spmm.wat) is timed per layer with the matrix
// already resident in its memory (as LightGCN uses it); the one-off copy into that memory is timed apart, and
// spmmRowsWasm (copies A and X in and Y out on every call) gets its own row.
// Run: npx tsx bench/propagation.ts [--edges 1500000] [--runs 7]. Prints a markdown snippet and writes it to
// bench/out/propagation.md. The graph is a seeded random bipartite graph with power-law
// (Zipf) user activity and item popularity, node ids shuffled (no accidental locality), symmetric
// normalization D^-1/2 A D^-1/2 as in LightGCN.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildCsr,
  createParallelSpmm,
  createRng,
  fitEase,
  fitGfcf,
  fitLightGcn,
  fitSocialEase,
  rowSums,
  safePow,
  scaleRowsCols,
  shuffleInPlace,
  spmmRows,
  spmmRowsWasm,
  createWasmSpmm,
  toShared,
  weightInteractions,
  type CsrMatrix,
} from '../src/algorithms/recs/index.ts';
import { buildContext } from '../src/eval/context.ts';
import { loadLastfm } from '../src/eval/datasets/lastfm.ts';
import { splitPairs } from '../src/eval/split.ts';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const EDGES = arg('edges', 1_500_000);
const RUNS = arg('runs', 7);
const D = 64;
// Timings are reported as median and minimum of the runs: on a shared 2-vCPU machine the minimum is the
// estimate least disturbed by other processes, so ratios are given on both.
interface Timing {
  readonly median: number;
  readonly min: number;
}
const summarize = (xs: number[]): Timing => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]! };
};

function powerLawSampler(n: number, exponent: number, rng: ReturnType<typeof createRng>): () => number {
  const cdf = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) cdf[i] = s += 1 / Math.pow(i + 1, exponent);
  return () => {
    const t = rng.next() * s;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Symmetric normalized adjacency of a random bipartite graph with about `edges` stored entries. */
function randomGraph(edges: number, seed: number): CsrMatrix {
  const rng = createRng(seed);
  const nU = Math.round(edges / 25);
  const nI = Math.round(edges / 40);
  const n = nU + nI;
  const perm = shuffleInPlace(Int32Array.from({ length: n }, (_, i) => i), rng); // shuffled node ids
  const su = powerLawSampler(nU, 0.6, rng);
  const si = powerLawSampler(nI, 0.9, rng);
  const pairs = new Set<number>();
  while (pairs.size * 2 < edges) pairs.add(su() * nI + si());
  const rows = new Int32Array(pairs.size * 2);
  const cols = new Int32Array(pairs.size * 2);
  let k = 0;
  for (const p of pairs) {
    const u = perm[Math.floor(p / nI)]!;
    const i = perm[nU + (p % nI)]!;
    rows[k] = u;
    cols[k++] = i;
    rows[k] = i;
    cols[k++] = u;
  }
  const a = buildCsr(n, n, { rows, cols });
  const dInv = safePow(rowSums(a), -0.5);
  return scaleRowsCols(a, dInv, dInv);
}

/** Relabels nodes by descending degree (ties: lower id): hot rows of X end up together in cache. */
function reorderByDegree(a: CsrMatrix, x: Float32Array): { a: CsrMatrix; x: Float32Array } {
  const n = a.rows;
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => a.indptr[q + 1]! - a.indptr[q]! - (a.indptr[p + 1]! - a.indptr[p]!) || p - q);
  const newId = new Int32Array(n);
  order.forEach((old, nw) => (newId[old] = nw));
  const rows = new Int32Array(a.indices.length);
  const cols = new Int32Array(a.indices.length);
  for (let r = 0; r < n; r++) {
    for (let p = a.indptr[r]!; p < a.indptr[r + 1]!; p++) {
      rows[p] = newId[r]!;
      cols[p] = newId[a.indices[p]!]!;
    }
  }
  const b = buildCsr(n, n, { rows, cols, values: a.values });
  const y = new Float32Array(x.length);
  for (let old = 0; old < n; old++) y.set(x.subarray(old * D, (old + 1) * D), newId[old]! * D);
  return { a: b, x: y };
}

function naiveSpmm(a: CsrMatrix, x: Float32Array, y: Float32Array): void {
  for (let r = 0; r < a.rows; r++) {
    for (let j = 0; j < D; j++) y[r * D + j] = 0;
    for (let p = a.indptr[r]!; p < a.indptr[r + 1]!; p++) {
      const v = a.values[p]!;
      const c = a.indices[p]!;
      for (let j = 0; j < D; j++) y[r * D + j]! += v * x[c * D + j]!;
    }
  }
}

function timeSync(f: () => void): Timing {
  f();
  const t: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return summarize(t);
}

async function timeAsync(f: () => Promise<void>): Promise<Timing> {
  await f();
  const t: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    await f();
    t.push(performance.now() - t0);
  }
  return summarize(t);
}

const checksum = (y: Float32Array): number => y.reduce((s, v) => s + v, 0);

function writeBinary(path: string, a: CsrMatrix, x: Float32Array): void {
  const hdr = Int32Array.from([a.rows, a.indices.length, D]);
  const parts = [hdr, a.indptr, a.indices, a.values, x].map((t) => Buffer.from(t.buffer, t.byteOffset, t.byteLength));
  writeFileSync(path, Buffer.concat(parts));
}

function runC(bin: string, file: string, threads: number): { t: Timing; checksum: number } {
  const out = execFileSync(bin, [file, String(RUNS), String(threads)], { encoding: 'utf8' });
  const m = /median_ms ([\d.]+) min_ms ([\d.]+) checksum ([-\d.e+]+)/.exec(out);
  if (m === null) throw new Error(`unexpected C output: ${out}`);
  return { t: { median: Number(m[1]), min: Number(m[2]) }, checksum: Number(m[3]) };
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const say = (l: string): void => {
    lines.push(l);
    console.log(l);
  };
  const t0 = performance.now();
  const a0 = randomGraph(EDGES, 42);
  const rng = createRng(7);
  const x0 = new Float32Array(a0.rows * D);
  for (let i = 0; i < x0.length; i++) x0[i] = rng.normal() * 0.1;
  const genMs = performance.now() - t0;
  const { a: a1, x: x1 } = reorderByDegree(a0, x0);

  const y = new Float32Array(a0.rows * D);
  const naive = timeSync(() => naiveSpmm(a0, x0, y));
  const unrolled = timeSync(() => spmmRows(a0, x0, D, y, 0, a0.rows));
  const csOrig = checksum(y);
  const reordered = timeSync(() => spmmRows(a1, x1, D, y, 0, a1.rows));
  const csTs = checksum(y);
  const sa = { rows: a1.rows, indptr: toShared(a1.indptr), indices: toShared(a1.indices), values: toShared(a1.values) };
  const sx = toShared(x1);
  const sy = toShared(new Float32Array(a1.rows * D));
  const par = createParallelSpmm(sa, sx, D, sy, 2);
  const parallel = await timeAsync(() => par.run());
  await par.close();
  const csPar = checksum(sy);

  // WebAssembly SIMD: copy-in once per matrix (timed apart), then the per-layer kernel alone.
  const wasm = [a0, a1].map((a, k) => {
    const s = performance.now();
    const w = createWasmSpmm(a, D);
    if (w === undefined) return undefined;
    w.x.set(k === 0 ? x0 : x1);
    const copyMs = performance.now() - s;
    const t = timeSync(() => w.run());
    return { t, copyMs, bytes: w.bytes, cs: checksum(w.y) };
  });
  const wasmPerCall = wasm[1] === undefined ? undefined : timeSync(() => spmmRowsWasm(a1, x1, D, y, 0, a1.rows));

  // C reference on the same inputs
  mkdirSync(join(here, 'out'), { recursive: true });
  const bin = join(here, 'out', 'spmm');
  let c: { orig1: Timing; re1: Timing; re2: Timing; cs: number } | undefined;
  try {
    execFileSync('gcc', ['-O3', '-march=native', '-fopenmp', '-o', bin, join(here, 'c', 'spmm.c')]);
    const fOrig = join(here, 'c', 'graph-orig.bin');
    const fRe = join(here, 'c', 'graph-reordered.bin');
    writeBinary(fOrig, a0, x0);
    writeBinary(fRe, a1, x1);
    const orig1 = runC(bin, fOrig, 1);
    const re1 = runC(bin, fRe, 1);
    const re2 = runC(bin, fRe, 2);
    c = { orig1: orig1.t, re1: re1.t, re2: re2.t, cs: re1.checksum };
  } catch (e) {
    console.error(`C reference skipped: ${(e as Error).message}`);
  }

  say(`## One LightGCN propagation layer (sparse x dense, Float32, d = ${D})`);
  say('');
  say(`Graph: ${a0.rows.toLocaleString('en')} nodes, ${a0.indices.length.toLocaleString('en')} stored edges (random bipartite, power-law degrees, seed 42; generated in ${(genMs / 1000).toFixed(1)} s). Median of ${RUNS} runs after a warm-up. Machine: ${cpus().length} vCPU ${cpus()[0]?.model ?? ''}, Node ${process.version}.`);
  say('');
  say('| kernel | median ms | min ms | TS/C (median) | TS/C (min) |');
  say('|---|---:|---:|---:|---:|');
  const row = (name: string, t: Timing, ref: Timing | undefined): void => {
    const r = (a: number, b: number | undefined): string => (b === undefined ? '-' : `${(a / b).toFixed(2)}x`);
    say(`| ${name} | ${t.median.toFixed(1)} | ${t.min.toFixed(1)} | ${r(t.median, ref?.median)} | ${r(t.min, ref?.min)} |`);
  };
  row('TS naive loops, original order', naive, c?.orig1);
  row('TS spmmRows (8 register accumulators), original order', unrolled, c?.orig1);
  row('TS spmmRows, rows reordered by degree', reordered, c?.re1);
  if (wasm[0] !== undefined && wasm[1] !== undefined) {
    row('TS + WASM SIMD f32x4 (spmm.wat), original order', wasm[0].t, c?.orig1);
    row('TS + WASM SIMD f32x4 (spmm.wat), rows reordered by degree', wasm[1].t, c?.re1);
  }
  if (wasmPerCall !== undefined) row('TS + WASM SIMD via spmmRowsWasm (copies A, X in and Y out per call), reordered', wasmPerCall, c?.re1);
  row('TS 2 threads (worker_threads + SharedArrayBuffer), reordered', parallel, c?.re2);
  if (c !== undefined) {
    row('C gcc -O3 -march=native, 1 thread, original order', c.orig1, c.orig1);
    row('C gcc -O3 -march=native, 1 thread, reordered', c.re1, c.re1);
    row('C gcc -O3 -march=native -fopenmp, 2 threads, reordered', c.re2, c.re2);
  }
  say('');
  const csWasm = wasm[1] === undefined ? '' : `, WASM reordered ${wasm[1].cs.toExponential(6)}`;
  say(`Checksums (sum of Y): TS original ${csOrig.toExponential(6)}, TS reordered ${csTs.toExponential(6)}, TS 2 threads ${csPar.toExponential(6)}${csWasm}${c === undefined ? '' : `, C reordered ${c.cs.toExponential(6)}`}.`);
  if (wasm[0] !== undefined && wasm[1] !== undefined) {
    say(`WASM one-off copy of A and X into WebAssembly memory (${(wasm[1].bytes / 2 ** 20).toFixed(0)} MiB incl. Y, not in the per-layer rows): ${wasm[0].copyMs.toFixed(1)} ms original order, ${wasm[1].copyMs.toFixed(1)} ms reordered.`);
  }
  if (c !== undefined) {
    const bestTs = Math.min(unrolled.min, reordered.min);
    const bestC = Math.min(c.orig1.min, c.re1.min);
    const bestWasm = wasm[0] !== undefined && wasm[1] !== undefined ? Math.min(wasm[0].t.min, wasm[1].t.min) : undefined;
    const wasmRatio = bestWasm === undefined ? '' : `; best TS + WASM SIMD single thread / best C single thread (min): ${(bestWasm / bestC).toFixed(2)}x`;
    say(`Best TS (plain JS) single thread / best C single thread (min): ${(bestTs / bestC).toFixed(2)}x${wasmRatio}; TS 2 threads / C 2 threads (min): ${(parallel.min / c.re2.min).toFixed(2)}x.`);
  }

  const dataDir = resolve(process.env['GREC_DATA_DIR'] ?? '../shared/data');
  if (existsSync(join(dataDir, 'lastfm-hetrec-2k'))) {
    const ds = loadLastfm(dataDir);
    const ctx = buildContext(ds, splitPairs(ds, 'random811', 1));
    const bin01 = weightInteractions(ctx.train, 'binary');
    const time = (f: () => unknown): number => {
      const s = performance.now();
      f();
      return (performance.now() - s) / 1000;
    };
    const rows: [string, number][] = [
      ['LightGCN-style, 3 layers, d=64, random init (propagation only)', time(() => fitLightGcn(ctx.train, { init: 'random' }))],
      ['LightGCN-style, 3 layers, d=64, spectral (SVD) init', time(() => fitLightGcn(ctx.train, { init: 'svd' }))],
      ['GF-CF linear filter (alpha = 0)', time(() => fitGfcf(bin01, { alpha: 0 }))],
      ['GF-CF with ideal low-pass, rank 32', time(() => fitGfcf(bin01, { alpha: 0.1, rank: 32 }))],
      ['EASE (user-space dual, lambda 50, rho 1)', time(() => fitEase(bin01, { lambda: 50, rho: 1 }))],
      ['EASE+SOCIAL (friend columns, gamma 0.5)', time(() => fitSocialEase(bin01, ctx.friends, { lambda: 50, rho: 1, friendWeight: 0.5 }))],
    ];
    const ease = fitEase(bin01, { lambda: 50, rho: 1 });
    const buf = new Float32Array(ds.nItems);
    const scoreAll = time(() => {
      for (let u = 0; u < ds.nUsers; u++) ease.scoreUser(u, buf);
    });
    say('');
    say(`## Last.fm fits (train split of seed 1: ${ctx.train.indices.length.toLocaleString('en')} pairs, ${ds.nUsers} users x ${ds.nItems} items)`);
    say('');
    say('| fit | seconds |');
    say('|---|---:|');
    for (const [name, s] of rows) say(`| ${name} | ${s.toFixed(2)} |`);
    say(`| EASE: score the full catalogue for all ${ds.nUsers} users | ${scoreAll.toFixed(2)} |`);
  } else say(`\n(Last.fm fits skipped: ${dataDir}/lastfm-hetrec-2k not found)`);
  writeFileSync(join(here, 'out', 'propagation.md'), `${lines.join('\n')}\n`);
}

await main();
