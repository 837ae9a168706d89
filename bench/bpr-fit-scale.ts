// Per-epoch fit time and peak memory of the BPR-trained models (MF-BPR, LightGCN-BPR with the evaluation's
// settings: d = 64, K = 3, 8 Adam steps per epoch) on generated data with the popularity skew of
// fit-scale.ts, so the refresh budget of a full fit (epochs x this figure) can be read off. Each size and model
// runs in a fresh child process so its peak RSS is its own.
//   npx tsx bench/bpr-fit-scale.ts [--sizes users:items:interactions,...] [--epochs 1]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildCsr } from '../src/algorithms/recs/csr.ts';
import { fitLightGcnBpr } from '../src/algorithms/recs/lightgcn-bpr.ts';
import { fitMfBpr } from '../src/algorithms/recs/mf-bpr.ts';
import { createRng } from '../src/algorithms/recs/rng.ts';
import { wasmSpmmAvailable } from '../src/algorithms/recs/spmm-wasm.ts';
import { machineLine } from './machine.ts';

const DEFAULT_SIZES = '20000:3000:600000,100000:10000:1000000';

/** Interactions with popularity skew (item = floor(n * u^2)), one random user each (as fit-scale.ts). */
function generate(users: number, items: number, n: number) {
  const rng = createRng(42);
  const rows = new Int32Array(n);
  const cols = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    rows[k] = rng.int(users);
    const r = rng.next();
    cols[k] = Math.floor(items * r * r);
  }
  return buildCsr(users, items, { rows, cols });
}

const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const epochs = Number(flag('--epochs') ?? 1);
const one = flag('--one');
if (one !== undefined) {
  const [size, model] = one.split('/') as [string, string];
  const [users, items, n] = size.split(':').map(Number) as [number, number, number];
  const r = generate(users, items, n);
  const nnz = r.indptr[r.rows]!;
  const t0 = performance.now();
  if (model === 'MF-BPR') fitMfBpr(r, { dim: 64, epochs, learningRate: 0.05, reg: 0.02 });
  else fitLightGcnBpr(r, { dim: 64, layers: 3, epochs, batchSize: Math.max(1024, Math.ceil(nnz / 8)), learningRate: 0.05, reg: 1e-3 });
  const s = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ pairs: nnz, epochS: s / epochs, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
} else {
  const sizes = (flag('--sizes') ?? DEFAULT_SIZES).split(',');
  console.log(`${machineLine()}; SpMM kernel ${wasmSpmmAvailable ? 'wasm-simd' : 'js'}; ${epochs} epoch(s) timed\n`);
  console.log('| users | items | distinct pairs | model | s per epoch | peak RSS MiB |\n|---:|---:|---:|---|---:|---:|');
  for (const size of sizes) {
    const [u, it] = size.split(':');
    for (const model of ['MF-BPR', 'LIGHTGCN-BPR']) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=12000', fileURLToPath(import.meta.url), '--one', `${size}/${model}`, '--epochs', String(epochs)], { encoding: 'utf8' });
      const r = JSON.parse(out.trim().split('\n').at(-1)!) as { pairs: number; epochS: number; peakRssMiB: number };
      console.log(`| ${u} | ${it} | ${r.pairs} | ${model} | ${r.epochS.toFixed(1)} | ${r.peakRssMiB.toFixed(0)} |`);
    }
  }
}
