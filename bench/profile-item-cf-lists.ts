/**
 * Where ITEM_CF over the precomputed lists spends its time for the long-history user of `npm run bench:cypher`
 * (reuse its store with --store): the file timed whole and cut after each stage.
 * Usage: npx tsx bench/profile-item-cf-lists.ts --store /tmp/cypher-store [--file recs/item-cf-neighbours]
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { loadConfig } from '../src/config.ts';
import { cypher } from '../src/storage/cypher-files.ts';
import { connectGraph } from '../src/storage/connect.ts';
import { filterParams } from '../src/storage/recs-store.ts';
import { RECS_CONFIG } from '../src/usecases/recommend/config.ts';
import { parseRecommendArgs } from '../src/usecases/recommend/parse-args.ts';
import { itemCfNeighbourParams } from '../src/usecases/recommend/strategy-params.ts';

const opts = new Command('profile-item-cf-lists').requiredOption('--store <dir>').option('--file <name>', 'cypher file', 'recs/item-cf-neighbours').option('--user <id>', 'user', 'bench-heavy').option('--runs <n>', 'timed runs', '10').option('--compare <path>', 'another version of the file: timed alike, its rows compared')
  .parse(process.argv).opts<{ store: string; file: string; user: string; runs: string; compare?: string }>();
const cfg = loadConfig();
const neo = { ...cfg.neo4j, uri: undefined, local: { ...cfg.neo4j.local, heap: '4g', pageCache: '1g' } };
const graph = await connectGraph(neo, () => {}, { storeDir: opts.store, port: 0, txTimeoutMs: 60_000 });
try {
  const req = parseRecommendArgs({ userId: opts.user, first: 20 });
  const params = { ...itemCfNeighbourParams(RECS_CONFIG), ...filterParams(req.filter), userId: opts.user, limit: 21 };
  const ms: number[] = [];
  for (let k = 0; k < Number(opts.runs); k++) {
    const t0 = performance.now();
    await graph.executor.read(cypher(opts.file), params);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  process.stdout.write(`${opts.file} for ${opts.user}: ms sorted ${ms.map((x) => x.toFixed(0)).join(' ')}\n`);
  // The file cut at its stages: what each part of the query costs (same parameters).
  const text = cypher(opts.file);
  const cut = (marker: string, tail: string) => `${text.slice(0, text.indexOf(marker))}${tail}`;
  const stages: [string, string][] = [
    ['history only', cut('MATCH (j)-[s:SIMILAR]', 'RETURN count(*) AS n')],
    ['+ lists, aggregated', cut('WHERE NOT rec.id IN', 'RETURN count(*) AS n')],
    ['whole file', text],
  ];
  if (opts.compare !== undefined) {
    const other = readFileSync(opts.compare, 'utf8');
    for (const user of [opts.user, 'u1962', 'u19621', 'u19637', 'u1', 'u2']) {
      const p = { ...params, userId: user };
      const [a, b] = [await graph.executor.read(text, p), await graph.executor.read(other, p)];
      process.stdout.write(`${user}: ${a.length} rows, same as ${opts.compare}: ${JSON.stringify(a) === JSON.stringify(b)}\n`);
    }
    stages.push([`compare: ${opts.compare}`, other]);
  }
  for (const [name, q] of stages) {
    const xs: number[] = [];
    for (let k = 0; k < Number(opts.runs); k++) {
      const t0 = performance.now();
      await graph.executor.read(q, params);
      xs.push(performance.now() - t0);
    }
    xs.sort((a, b) => a - b);
    process.stdout.write(`${name}: p50 ${xs[Math.floor(xs.length / 2)]!.toFixed(1)} ms, max ${xs[xs.length - 1]!.toFixed(1)} ms\n`);
  }
} finally {
  await graph.close();
}
