// npm run eval:loop — the simulation evidence of issue 9 (docs/loop-simulation.md): the demo shop on a
// throwaway embedded store, the real API on a loopback port, and simulated shoppers playing repeated
// experiments against it over HTTP (src/simulate/). Scenarios: POPULAR vs HYBRID (a real lift), HYBRID vs
// HYBRID (A/A: no lift), and POPULAR vs HYBRID with 40 % of the treatment lost before the API (a broken
// split). Options: --runs (per scenario), --skewed-runs, --preset, --concurrency, --page-size, --out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { pino } from 'pino';
import { capabilityResolvers, createServices } from '../../app.ts';
import { loadConfig, PROJECT_ROOT } from '../../config.ts';
import { SYSTEM } from '../../domain/principal.ts';
import { closeHttpServer, createApi, createHttpServer } from '../../graphql/server.ts';
import { principalRateKey } from '../../graphql/principal-rate-key.ts';
import { createDemoSource, demoPreset } from '../../sources/demo/demo-source.ts';
import { connectGraph } from '../../storage/connect.ts';
import { GraphWriter } from '../../storage/graph-writer.ts';
import { applySchema } from '../../storage/schema.ts';
import { ingestSource } from '../../usecases/ingest/ingest-source.ts';
import { createAuth } from '../../app.ts';
import { signToken } from '../../usecases/access/sign-token.ts';
import { ApiClient } from '../../simulate/api-client.ts';
import { PlantedShoppers } from '../../simulate/shopper-model.ts';
import { playScenario, summarise, type Scenario, type ScenarioSummary } from '../../simulate/scenarios.ts';
import { storeShoppers } from '../../simulate/shoppers-online.ts';
import { simulationReport } from '../../simulate/report.ts';
import { randomBytes } from 'node:crypto';

const int = (name: string, min: number) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`--${name} must be an integer >= ${min}, got '${v}'`);
  return n;
};
const opts = new Command('eval:loop')
  .description('Simulated A/B, A/A and skewed experiments against the real API on the demo shop')
  .option('--runs <n>', 'runs of the A/B and of the A/A scenario', int('runs', 1), 40)
  .option('--skewed-runs <n>', 'runs of the skewed scenario', int('skewed-runs', 0), 5)
  .addOption(new Option('--preset <name>', 'demo shop size').choices(['tiny', 'small']).default('small'))
  .option('--concurrency <n>', 'shoppers in flight', int('concurrency', 1), 8)
  .option('--page-size <n>', 'items per page', int('page-size', 1), 10)
  .option('--seed <n>', 'simulation seed', int('seed', 0), 2026)
  .option('--out <file>', 'report file', join(PROJECT_ROOT, 'docs', 'loop-simulation.md'))
  .parse(process.argv)
  .opts<{ runs: number; skewedRuns: number; preset: 'tiny' | 'small'; concurrency: number; pageSize: number; seed: number; out: string }>();

const log = (msg: string) => process.stderr.write(`[eval:loop] ${msg}\n`);
const cfg = loadConfig();
const storeDir = mkdtempSync(join(tmpdir(), 'grec-eval-loop-'));
const graph = await connectGraph({ ...cfg.neo4j, uri: undefined }, log, { storeDir, port: 0 });
let server: ReturnType<typeof createHttpServer> | undefined;
let services: ReturnType<typeof createServices> | undefined;
try {
  await applySchema(graph.executor);
  const demo = demoPreset(opts.preset);
  const t0 = Date.now();
  const loaded = await ingestSource(createDemoSource(demo), new GraphWriter(graph.executor));
  log(`demo '${opts.preset}' loaded: ${loaded.rowsRead} rows in ${Date.now() - t0} ms`);
  services = createServices(graph, cfg.live, cfg.privacy, { ...cfg.loop, refreshIntervalMs: 0, refreshAfterEvents: 0 });
  const secret = randomBytes(32).toString('base64url');
  const auth = createAuth(graph, cfg.auth, secret);
  // The simulator is one identity sending many shoppers' requests: not rate-limited, as a load test would be.
  const limits = { ...cfg.limits, rate: { ...cfg.limits.rate, byRole: { ...cfg.limits.rate.byRole, admin: 1e9, service: 1e9 } } };
  const api = createApi({ services, auth, resolvers: capabilityResolvers(), logger: pino({ level: 'warn' }), graphiql: false, limits, rateKeyOf: principalRateKey });
  server = createHttpServer(api, services);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const fit = await services.recs.refreshGraphModel(SYSTEM, false);
  log(`API on ${url}; GRAPH model fitted in ${fit.fitMs.toFixed(0)} ms`);

  const token = signToken({ role: 'admin', subject: 'simulator', ttlSeconds: 24 * 3600 }, { secret, roleClaim: cfg.auth.roleClaim, issuer: cfg.auth.issuer, audience: cfg.auth.audience });
  // Staff pages are previews that assign nobody: shoppers' pages are served as a shop backend (service) would.
  const serviceToken = signToken({ role: 'service', subject: 'simulator-frontend', ttlSeconds: 24 * 3600 }, { secret, roleClaim: cfg.auth.roleClaim, issuer: cfg.auth.issuer, audience: cfg.auth.audience });
  const client = { staff: new ApiClient(url, `Bearer ${token}`), frontend: new ApiClient(url, `Bearer ${serviceToken}`) };
  const shoppers = new PlantedShoppers(demo);
  const store = await storeShoppers(client.staff);
  log(`${store.ids.length} shoppers, ${store.analytics.size} consented to analytics (only they are counted)`);
  const base = { shoppers: store.ids, counted: store.analytics, pageSize: opts.pageSize, concurrency: opts.concurrency, confidence: 0.95, plannedBaselineRate: 0.2, seed: opts.seed, keyPrefix: `sim${opts.seed}` };
  const scenarios: Scenario[] = [
    { name: 'A/B POPULAR vs HYBRID', control: 'POPULAR', treatment: 'HYBRID', runs: opts.runs, dropTreatment: 0 },
    { name: 'A/A HYBRID vs HYBRID', control: 'HYBRID', treatment: 'HYBRID', runs: opts.runs, dropTreatment: 0 },
    { name: 'Skewed POPULAR vs HYBRID', control: 'POPULAR', treatment: 'HYBRID', runs: opts.skewedRuns, dropTreatment: 0.4 },
  ];
  const results: { scenario: Scenario; summary: ScenarioSummary; outcomes: Awaited<ReturnType<typeof playScenario>> }[] = [];
  const started = Date.now();
  for (const scenario of scenarios) {
    if (scenario.runs === 0) continue;
    const outcomes = await playScenario(client, shoppers, scenario, base, (o, k) => {
      const l = o.lift;
      log(`${scenario.name} run ${k + 1}/${scenario.runs}: truth ${o.truth.difference.toFixed(4)}, estimate ${l === null ? 'n/a' : `${l.difference.toFixed(4)} [${l.lower.toFixed(4)}, ${l.upper.toFixed(4)}]`}, SRM p ${o.srm?.pValue.toExponential(2) ?? 'n/a'}, ${(o.ms / 1000).toFixed(1)} s`);
    });
    results.push({ scenario, summary: summarise(outcomes), outcomes });
  }
  const md = simulationReport({
    command: `npm run eval:loop -- --runs ${opts.runs} --skewed-runs ${opts.skewedRuns} --preset ${opts.preset} --concurrency ${opts.concurrency} --page-size ${opts.pageSize} --seed ${opts.seed}`,
    machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, embedded Neo4j 5.26`,
    shoppers: store.ids.length, counted: store.analytics.size, model: shoppers.model, pageSize: opts.pageSize,
    minutes: (Date.now() - started) / 60_000, results,
  });
  writeFileSync(opts.out, md);
  process.stdout.write(md);
  log(`written to ${opts.out}`);
} finally {
  if (server !== undefined) await closeHttpServer(server, 5000).catch(() => undefined);
  await graph.close();
  rmSync(storeDir, { recursive: true, force: true });
}
