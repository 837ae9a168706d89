// Offline evaluation command:
//   npx tsx src/eval/main.ts --dataset lastfm|taobao|demo|social-shop [--social-shop-preset ciao] [--seeds 3] [--protocol random811|temporal] [--json out.json]
//                            [--data-dir ../shared/data] [--strategies EASE,EASE+SOCIAL]
//                            [--served [--served-strategies HYBRID,GRAPH] [--served-users 500]]
// Reads the data set files directly (no database), prints a markdown table of mean test metrics over seeds.
// --served instead loads each split's training pairs into a real Neo4j and ranks the test users through the
// recommendation use case the API runs (src/eval/served/served-eval.ts).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Dataset } from './datasets/dataset.ts';
import { DatasetMissingError } from './datasets/files.ts';
import { loadDemo } from './datasets/demo.ts';
import { loadLastfm } from './datasets/lastfm.ts';
import { loadTaobao } from './datasets/taobao.ts';
import { loadGenericDataset } from './datasets/generic.ts';
import { socialShopDir } from './datasets/social-shop.ts';
import { runEvaluation } from './run.ts';
import type { Protocol } from './split.ts';
import { STRATEGIES, strategyByName, type Strategy as EvalStrategy } from './strategies.ts';
import { hybridDefaults } from './hybrid/defaults-report.ts';
import { resultsTable } from './table.ts';
import { servedEvaluation } from './served/served-table.ts';
import { STRATEGIES as SERVED_STRATEGIES, type Strategy } from '../usecases/recommend/types.ts';

const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
};

const program = new Command()
  .name('eval')
  .description('Offline evaluation of the in-TypeScript recommenders (full ranking, hyper-parameters chosen on valid)')
  .addOption(new Option('--dataset <name>', 'data set').choices(['lastfm', 'taobao', 'demo', 'social-shop']).default('lastfm'))
  .option('--social-shop-preset <name>', 'social-shop: generator preset (files written once under .data/social-shop/)', 'ciao')
  .addOption(new Option('--protocol <p>', 'split protocol (default: temporal for taobao, random811 otherwise)').choices(['random811', 'temporal']))
  .option('--seeds <n>', 'number of split seeds (1..n)', positiveInt, 3)
  .option('--json <file>', 'write results as JSON keyed by strategy then metric')
  .option('--data-dir <dir>', 'data directory', process.env['GREC_DATA_DIR'] ?? '../shared/data')
  .option('--strategies <list>', `comma-separated subset of: ${STRATEGIES.map((s) => s.name).join(', ')}`)
  .option('--quiet', 'only print the table')
  .option('--served', 'score the served path: load the training pairs into Neo4j (NEO4J_URI, or a throwaway embedded store) and ask the use case for each test user\'s page')
  .option('--served-strategies <list>', `served strategies to score, of: ${SERVED_STRATEGIES.join(', ')}`, 'HYBRID')
  .option('--served-users <n>', 'rank a seeded sample of n test users (default: all)', positiveInt);

program.parse();
const o = program.opts<{
  dataset: 'lastfm' | 'taobao' | 'demo' | 'social-shop'; socialShopPreset: string; protocol?: Protocol; seeds: number; json?: string; dataDir: string; strategies?: string; quiet?: boolean;
  served?: boolean; servedStrategies: string; servedUsers?: number;
}>();

let strategies: readonly EvalStrategy[] = STRATEGIES;
if (o.strategies !== undefined) {
  const names = o.strategies.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => strategyByName(n) === undefined);
  if (unknown.length > 0) program.error(`unknown strategies: ${unknown.join(', ')}`);
  // HYBRID's GRAPH source is configured by the GRAPH row's choice: run GRAPH whenever HYBRID runs.
  if (names.some((n) => n.toLowerCase() === 'hybrid')) names.push('GRAPH');
  // keep registry order so social variants see their base's choice
  strategies = STRATEGIES.filter((s) => names.some((n) => n.toLowerCase() === s.name.toLowerCase()));
}

let ds: Dataset;
// The served evaluation's source folder: the data sets' folder, or the social shop's generated files.
let sourceDir = resolve(o.dataDir);
try {
  const dir = resolve(o.dataDir);
  // demo: the generated shop (preset small), no files; social-shop: generated generic-format files, read back
  if (o.dataset === 'social-shop') sourceDir = await socialShopDir(o.socialShopPreset);
  ds = o.dataset === 'lastfm' ? loadLastfm(dir) : o.dataset === 'taobao' ? loadTaobao(dir)
    : o.dataset === 'social-shop' ? await loadGenericDataset(sourceDir, `social-shop-${o.socialShopPreset}`) : await loadDemo();
} catch (e) {
  if (e instanceof DatasetMissingError) program.error(e.message);
  throw e;
}
const protocol: Protocol = o.protocol ?? (o.dataset === 'taobao' ? 'temporal' : 'random811');
const seeds = Array.from({ length: o.seeds }, (_, i) => i + 1);
const log = o.quiet === true ? () => {} : (l: string) => console.error(l);
log(`${ds.name}: ${ds.nUsers} users, ${ds.nItems} items, ${ds.pairs.users.length} pairs; protocol ${protocol}; seeds ${seeds.join(',')}`);
if (o.served === true) {
  const names = o.servedStrategies.split(',').map((x) => x.trim().toUpperCase());
  const unknown = names.filter((n) => !(SERVED_STRATEGIES as readonly string[]).includes(n));
  if (unknown.length > 0) program.error(`unknown served strategies: ${unknown.join(', ')}`);
  const served = await servedEvaluation(ds, {
    name: o.dataset, dataDir: sourceDir, protocol, strategies: names as Strategy[], log,
    ...(o.servedUsers === undefined ? {} : { users: o.servedUsers }),
  }, seeds);
  console.log(`\n${ds.name}, ${protocol}, seeds ${seeds.join(',')}, served path (test metrics, mean over seeds)\n`);
  console.log(resultsTable(served.results));
  if (o.json !== undefined) {
    writeFileSync(o.json, `${JSON.stringify({ dataset: ds.name, protocol, seeds, served: served.json }, null, 2)}\n`);
    log(`wrote ${o.json}`);
  }
  process.exit(0);
}
const results = runEvaluation(ds, strategies, protocol, seeds, log);
console.log(`\n${ds.name}, ${protocol}, seeds ${seeds.join(',')} (test metrics, mean over seeds; hyper-parameters chosen on valid NDCG@10)\n`);
console.log(resultsTable(results));
const hybrid = results.find((r) => r.strategy === 'HYBRID');
const defaults = hybrid === undefined ? undefined : hybridDefaults(hybrid, results.find((r) => r.strategy === 'GRAPH'), { users: ds.nUsers, items: ds.nItems });
if (defaults !== undefined) console.log(`\n${defaults.text}`);
if (o.json !== undefined) {
  const out: Record<string, unknown> = {};
  for (const r of results) out[r.strategy] = { ...r.mean, social: r.social, std: r.std, seeds: r.seeds };
  const json = { dataset: ds.name, protocol, seeds, results: out, ...(defaults === undefined ? {} : { hybridDefaults: defaults.json }) };
  writeFileSync(o.json, `${JSON.stringify(json, null, 2)}\n`);
  log(`wrote ${o.json}`);
}
