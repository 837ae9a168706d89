// Fit time and peak memory of the served GRAPH model choice (graph-base.ts: EASE while min(users, items) <=
// graph.easeMaxDim, GF-CF above) on generated data, through the same function the server's fit runs
// (fitGraphArrays, in this thread; tuning off, so the figure is the fit alone). Each size runs in a fresh
// child process so its peak RSS is its own.
//   npm run bench:fit-scale -- [--sizes users:items:interactions,...]
// Default sizes: EASE in both forms at d = 1000, 2000, 3000, then GF-CF up to 10^6 x 10^5 x 10^7.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRng } from '../src/algorithms/recs/rng.ts';
import { RECS_CONFIG } from '../src/usecases/recommend/config.ts';
import { fitGraphArrays, ID_SEPARATOR, type PackedEdges } from '../src/usecases/recommend/fit-graph-model.ts';
import { chooseGraphBase } from '../src/usecases/recommend/graph-base.ts';
import { machineLine } from './machine.ts';

const DEFAULT_SIZES = '20000:1000:200000,20000:2000:400000,20000:3000:600000,1000:50000:200000,2000:50000:400000,100000:10000:1000000,1000000:100000:10000000';

/** Interactions with popularity skew (item = floor(n * u^2)), one random user each; weights 1..5. */
function generate(users: number, items: number, n: number): PackedEdges {
  const rng = createRng(42);
  const us: string[] = new Array(n);
  const is: string[] = new Array(n);
  const weights = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    us[k] = `u${rng.int(users)}`;
    const r = rng.next();
    is[k] = `i${Math.floor(items * r * r)}`;
    weights[k] = 1 + rng.int(5);
  }
  return { users: us.join(ID_SEPARATOR), items: is.join(ID_SEPARATOR), weights, friendsA: '', friendsB: '', friendCount: 0, followers: '', followees: '', followCount: 0 };
}

const arg = process.argv.indexOf('--one');
if (arg >= 0) {
  const [users, items, n] = process.argv[arg + 1]!.split(':').map(Number) as [number, number, number];
  const packed = generate(users, items, n);
  const cfg = { ...RECS_CONFIG.graph, tuning: { ...RECS_CONFIG.graph.tuning, enabled: false } };
  const t0 = performance.now();
  const a = fitGraphArrays(packed, cfg);
  const ms = performance.now() - t0;
  const nU = a.interactions.rows;
  const nI = a.interactions.cols;
  console.log(JSON.stringify({ users: nU, items: nI, interactions: a.interactions.indices.length, model: a.base.kind, form: a.base.kind === 'EASE' ? a.base.ease.form : '-', fitS: ms / 1000, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
} else {
  const i = process.argv.indexOf('--sizes');
  const sizes = (i >= 0 ? process.argv[i + 1]! : DEFAULT_SIZES).split(',');
  console.log(`${machineLine()}; easeMaxDim ${RECS_CONFIG.graph.easeMaxDim}\n`);
  console.log('| users | items | interactions | model (form) | fit s | peak RSS MiB |\n|---:|---:|---:|---|---:|---:|');
  for (const s of sizes) {
    const [u, it] = s.split(':').map(Number) as [number, number];
    try {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=12000', fileURLToPath(import.meta.url), '--one', s], { encoding: 'utf8' });
      const r = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number | string>;
      console.log(`| ${r['users']} | ${r['items']} | ${r['interactions']} | ${r['model']} (${r['form']}) | ${Number(r['fitS']).toFixed(1)} | ${Number(r['peakRssMiB']).toFixed(0)} |`);
    } catch (e) {
      console.log(`| ${u} | ${it} | ${s.split(':')[2]} | ${chooseGraphBase(u, it, RECS_CONFIG.graph)} | failed: ${(e as Error).message.split('\n')[0]} | |`);
    }
  }
}
