// Customer-understanding evaluation on the demo shop, whose customer types are planted (demoTruth):
// loads the shop into a throwaway embedded Neo4j and runs exactly what `npm start` and `grec features
// --cluster` run (the profiles job, RFM and rule segments, clustering with k by silhouette), then scores the
// served result against the truth:
//  - adjusted Rand index of the saved clusters against the planted types (and at k = 4, the number of types);
//  - the planted types' mean P(alive), expected purchases and CLV from the served value model (churners
//    should look least alive), and how each type spreads over the clusters.
// Run: npm run eval:customers -- [--preset small] [--seed 42]; writes docs/customer-eval.md.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { adjustedRandIndex } from '../../algorithms/segments/adjusted-rand.ts';
import { loadConfig, PROJECT_ROOT } from '../../config.ts';
import { SYSTEM } from '../../domain/principal.ts';
import { createDemoSource, demoPreset } from '../../sources/demo/demo-source.ts';
import { DEMO_PRESETS, type DemoPreset } from '../../sources/demo/demo-options.ts';
import { demoTruth } from '../../sources/demo/demo-truth.ts';
import { CUSTOMER_TYPES, type CustomerType } from '../../sources/demo/customer-types.ts';
import { connectGraph } from '../../storage/connect.ts';
import { CatalogStore } from '../../storage/catalog-store.ts';
import { GraphWriter } from '../../storage/graph-writer.ts';
import { ProfileStore } from '../../storage/profile-store.ts';
import { SegmentStore } from '../../storage/segment-store.ts';
import { applySchema } from '../../storage/schema.ts';
import { DEFAULT_PROFILES_OPTIONS } from '../../usecases/customers/profiles-job.ts';
import { refreshCustomers } from '../../usecases/customers/refresh-customers.ts';
import { SegmentService } from '../../usecases/customers/segment-service.ts';
import { ingestSource } from '../../usecases/ingest/ingest-source.ts';

const program = new Command()
  .name('eval:customers')
  .description('Clustering and value model of the served customer path, scored against the demo shop\'s planted customer types')
  .addOption(new Option('--preset <name>', 'demo preset').choices(Object.keys(DEMO_PRESETS)).default('small'))
  .addOption(new Option('--seed <n>', 'demo and clustering seed').default('42'))
  .addOption(new Option('--out <file>', 'markdown report').default('docs/customer-eval.md'))
  .showHelpAfterError();

const log = (m: string) => process.stderr.write(`[eval:customers] ${m}\n`);

async function main(): Promise<void> {
  program.parse();
  const opts = program.opts<{ preset: DemoPreset; seed: string; out: string }>();
  const seed = Number(opts.seed);
  const options = demoPreset(opts.preset, { seed });
  const truth = demoTruth(options);
  const cfg = loadConfig();
  const storeDir = mkdtempSync(join(tmpdir(), 'grec-eval-customers-'));
  const graph = await connectGraph({ ...cfg.neo4j, uri: undefined }, log, { storeDir, port: 0 });
  try {
    await applySchema(graph.executor);
    const load = await ingestSource(createDemoSource(options), new GraphWriter(graph.executor), { batchSize: 20_000 });
    log(`loaded ${load.kinds.event?.written ?? 0} events`);
    const store = new ProfileStore(graph.executor);
    const segStore = new SegmentStore(graph.executor);
    const catalog = new CatalogStore(graph.executor);
    const segments = new SegmentService(segStore, store, () => Date.now(), (ids) => catalog.categoryNames(ids));
    const t0 = performance.now();
    const served = await refreshCustomers(store, segments, { ...DEFAULT_PROFILES_OPTIONS, now: () => Date.now(), cluster: { seed } });
    const servedMs = performance.now() - t0;
    const atFour = await segments.cluster(SYSTEM, { minK: 4, maxK: 4, seed });

    // Profiled users in id order, with their planted type.
    const rows = await segments.loadRows();
    const typeOf = new Map(rows.map((r) => [r.userId, truth.customerType(r.userId as never)]));
    const clusterOf = async (ids: readonly string[]): Promise<Map<string, string>> => {
      const out = new Map<string, string>();
      for (const id of ids) {
        let after = '';
        for (;;) {
          const page = await segStore.members(id, after, 5000);
          for (const u of page) out.set(u, id);
          if (page.length < 5000) break;
          after = page[page.length - 1]!;
        }
      }
      return out;
    };
    const ari = async (clusterIds: readonly string[]) => {
      const byUser = await clusterOf(clusterIds);
      const users = rows.map((r) => r.userId);
      return { ari: adjustedRandIndex(users.map((u) => typeOf.get(u) ?? '?'), users.map((u) => byUser.get(u) ?? 'none')), byUser };
    };
    // The clustering at k = 4 replaced the served one in the store: score it first, then the served one
    // from its report (assignments are saved as segments, read back above for k = 4).
    const four = await ari(atFour.clusters.map((c) => c.id));
    const servedClusters = served.clustering!;
    // Re-run the served clustering (same seed: same result) so its memberships are the stored ones again.
    const again = await segments.cluster(SYSTEM, { seed });
    const chosen = await ari(again.clusters.map((c) => c.id));

    const profiles = await store.profiles(rows.map((r) => r.userId));
    const byType = new Map<CustomerType, { n: number; pAlive: number[]; exp: number[]; clv: number[] }>();
    for (const t of CUSTOMER_TYPES) byType.set(t, { n: 0, pAlive: [], exp: [], clv: [] });
    for (const p of profiles) {
      if (p === null) continue;
      const acc = byType.get(typeOf.get(p.userId) as CustomerType)!;
      acc.n++;
      if (p.computed.pAlive !== null) acc.pAlive.push(p.computed.pAlive);
      if (p.computed.expectedPurchases90d !== null) acc.exp.push(p.computed.expectedPurchases90d);
      if (p.computed.clv !== null) acc.clv.push(p.computed.clv);
    }
    const mean = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
    const f3 = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(3));
    const crossTab = (byUser: Map<string, string>, ids: readonly string[]) => [
      `| planted type | ${ids.join(' | ')} |`,
      `|---|${ids.map(() => '---:').join('|')}|`,
      ...CUSTOMER_TYPES.map((t) => `| ${t} | ${ids.map((id) => rows.filter((r) => typeOf.get(r.userId) === t && byUser.get(r.userId) === id).length).join(' | ')} |`),
    ];
    const v = served.profiles.valueModel;
    const md = [
      '# Customer understanding on the demo shop: served path against the planted truth',
      '',
      `Command: \`npm run eval:customers -- --preset ${opts.preset} --seed ${seed}\`, run ${new Date().toISOString()}.`,
      `Machine: ${execSync('nproc').toString().trim()} cores, \`${execSync('uname -srm').toString().trim()}\`, Node ${process.version}.`,
      `Data: demo preset ${opts.preset} (${options.users} users, ${load.kinds.event?.written ?? 0} events over ${truth.days} days, seed ${seed}), loaded into a throwaway embedded Neo4j;`,
      `the profiles run, segments and clustering are the product's (\`refreshCustomers\`, as \`npm start\` and \`grec features --cluster\` run them), ${(servedMs / 1000).toFixed(1)} s.`,
      '',
      '## Clusters against the planted customer types (loyal, bargain, churner, casual)',
      '',
      `| clustering | k | mean silhouette | adjusted Rand index vs planted types |`,
      '|---|---:|---:|---:|',
      `| served (k by silhouette over 2..8) | ${servedClusters.k} | ${servedClusters.silhouette.toFixed(3)} | ${chosen.ari.toFixed(3)} |`,
      `| k = 4 (the number of planted types) | 4 | ${atFour.silhouette.toFixed(3)} | ${four.ari.toFixed(3)} |`,
      '',
      `Silhouette by k: ${servedClusters.silhouetteByK.map((s) => `k=${s.k} ${s.silhouette.toFixed(3)}`).join(', ')}.`,
      '',
      'Served clusters, as described by the product:',
      '',
      ...again.clusters.map((c) => `- \`${c.id}\` (${c.size} users): ${c.description}`),
      '',
      ...crossTab(chosen.byUser, again.clusters.map((c) => c.id)),
      '',
      'At k = 4:',
      '',
      ...atFour.clusters.map((c) => `- \`${c.id}\` (${c.size} users): ${c.description}`),
      '',
      ...crossTab(four.byUser, atFour.clusters.map((c) => c.id)),
      '',
      '## Value model by planted type',
      '',
      v.bgNbd === null ? 'BG/NBD not fitted (too few buyers).' : `BG/NBD r=${v.bgNbd.r.toFixed(3)}, alpha=${v.bgNbd.alpha.toFixed(3)}, a=${v.bgNbd.a.toFixed(3)}, b=${v.bgNbd.b.toFixed(3)} on ${v.buyers} buyers; ` +
        (v.gammaGamma === null ? 'Gamma-Gamma not fitted.' : `Gamma-Gamma p=${v.gammaGamma.p.toFixed(2)}, q=${v.gammaGamma.q.toFixed(2)}, gamma=${v.gammaGamma.gamma.toFixed(2)} on ${v.repeatBuyers} repeat buyers.`),
      '',
      '| planted type | users | buyers scored | mean P(alive) | mean expected purchases (90 d) | mean CLV (365 d) |',
      '|---|---:|---:|---:|---:|---:|',
      ...CUSTOMER_TYPES.map((t) => {
        const a = byType.get(t)!;
        return `| ${t} | ${a.n} | ${a.pAlive.length} | ${f3(mean(a.pAlive))} | ${f3(mean(a.exp))} | ${f3(mean(a.clv))} |`;
      }),
      '',
    ].join('\n');
    process.stdout.write(`${md}\n`);
    writeFileSync(resolve(PROJECT_ROOT, opts.out), md);
    log(`wrote ${opts.out}`);
  } finally {
    await graph.close();
    rmSync(storeDir, { recursive: true, force: true });
  }
}

await main();
