// The loop's serving overhead: `recommendations(first: 20)` throughput with no experiment against the same
// request served through a running experiment (variant choice, GrowthBook assignment, batched ASSIGNED
// writes, a signed recommendationId per page), and with every page followed by its recordImpressions, as a
// frontend reports what it rendered. Same server, same run, uncached pages (the page cache is emptied
// before every page request, so every request computes its page), baseline measured before and after.
// Run: npm run bench:loop [-- --seconds 15 --warmup 20 --connections 10 --preset small]. Prints a markdown
// snippet and writes it to bench/out/loop.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Command, InvalidArgumentError, Option } from 'commander';
import { pino } from 'pino';
import { capabilityResolvers, createServices } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { closeHttpServer, createApi, createHttpServer } from '../src/graphql/server.ts';
import { principalRateKey } from '../src/graphql/principal-rate-key.ts';
import { createDemoSource, demoPreset } from '../src/sources/demo/demo-source.ts';
import { connectGraph } from '../src/storage/connect.ts';
import { GraphWriter } from '../src/storage/graph-writer.ts';
import { applySchema } from '../src/storage/schema.ts';
import { ingestSource } from '../src/usecases/ingest/ingest-source.ts';
import { SYSTEM } from '../src/domain/principal.ts';
import { benchAuth } from './bench-auth.ts';

const here = dirname(fileURLToPath(import.meta.url));
const positive = (name: string, min: number) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`--${name} must be an integer >= ${min}, got '${v}'`);
  return n;
};
const opts = new Command('bench:loop')
  .option('--seconds <n>', 'seconds per measured run', positive('seconds', 1), 15)
  .option('--warmup <n>', 'seconds of uncached load before measuring', positive('warmup', 0), 20)
  .option('--connections <n>', 'concurrent connections', positive('connections', 1), 10)
  .addOption(new Option('--preset <name>', 'demo shop size').choices(['tiny', 'small', 'large']).default('small'))
  .parse(process.argv)
  .opts<{ seconds: number; warmup: number; connections: number; preset: 'tiny' | 'small' | 'large' }>();

const PAGE = `query($u: ID!) { recommendations(userId: $u, first: 20) { recommendationId experiment { variant }
  edges { node { score item { id title categories { name } } reasons { kind text } } } } }`;
const IMPRESSIONS = 'mutation($r: ID!, $ids: [ID!]!) { recordImpressions(recommendationId: $r, itemIds: $ids) { recorded } }';

interface Figures { pagesPerSecond: number; requestsPerSecond: number; p50: number; p99: number; pages: number; errors: number }

const log = (msg: string) => process.stderr.write(`[bench:loop] ${msg}\n`);
const cfg = loadConfig();
const storeDir = mkdtempSync(join(tmpdir(), 'grec-bench-loop-'));
const graph = await connectGraph({ ...cfg.neo4j, uri: undefined }, log, { storeDir, port: 0 });
let server: ReturnType<typeof createHttpServer> | undefined;
try {
  await applySchema(graph.executor);
  const loaded = await ingestSource(createDemoSource(demoPreset(opts.preset)), new GraphWriter(graph.executor));
  log(`demo '${opts.preset}' loaded: ${loaded.rowsRead} rows`);
  const services = createServices(graph, cfg.live, cfg.privacy, { ...cfg.loop, refreshIntervalMs: 0, refreshAfterEvents: 0 });
  const { auth, bearer } = benchAuth(graph, cfg.auth);
  const authorization = bearer('admin');
  const limits = { ...cfg.limits, rate: { ...cfg.limits.rate, byRole: { ...cfg.limits.rate.byRole, admin: 1e9 } } };
  const api = createApi({
    services, auth, resolvers: capabilityResolvers(), logger: pino({ level: 'info' }, pino.destination('/dev/null')), graphiql: false, limits, rateKeyOf: principalRateKey,
  });
  server = createHttpServer(api, services);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const fit = await services.recs.refreshGraphModel(SYSTEM, false);
  const userIds = (await graph.executor.read('MATCH (u:User) RETURN u.id AS id ORDER BY id')).map((r) => String(r['id']));
  const pageBodies = userIds.map((u) => JSON.stringify({ query: PAGE, variables: { u } }));
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    if (body.errors !== undefined) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  /** Pages only, or each page followed on the same connection by its recordImpressions. */
  async function drive(title: string, withImpressions: boolean, seconds: number): Promise<Figures> {
    let k = 0;
    let pages = 0;
    const pageRequest = {
      setupRequest: (req: autocannon.Request) => {
        services.recs.pages.clear();
        pages++;
        return { ...req, body: pageBodies[k++ % pageBodies.length]! };
      },
      onResponse: (_status: number, body: string, context: Record<string, unknown>) => {
        if (!withImpressions) return;
        const page = (JSON.parse(body) as { data?: { recommendations: { recommendationId: string | null; edges: { node: { item: { id: string } } }[] } } }).data?.recommendations;
        context['impressions'] = page?.recommendationId == null ? null : JSON.stringify({
          query: IMPRESSIONS, variables: { r: page.recommendationId, ids: page.edges.slice(0, 10).map((e) => e.node.item.id) },
        });
      },
    };
    const impressionRequest = {
      setupRequest: (req: autocannon.Request, context: Record<string, unknown>) => ({ ...req, body: String(context['impressions'] ?? '{"query":"{ health { status } }"}') }),
    };
    const result = await autocannon({
      url, title, connections: opts.connections, duration: seconds, method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      requests: (withImpressions ? [pageRequest, impressionRequest] : [pageRequest]) as autocannon.Request[],
    });
    return {
      pagesPerSecond: pages / seconds, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99,
      pages, errors: result.errors + result.timeouts + result.non2xx,
    };
  }

  const warmUntil = Date.now() + opts.warmup * 1000;
  while (Date.now() < warmUntil) await drive('warm-up', false, Math.max(1, Math.min(5, Math.round((warmUntil - Date.now()) / 1000))));

  const off1 = await drive('no experiment', false, opts.seconds);
  await gql(`mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { key } }`, {
    i: { key: 'bench-loop', variants: [{ key: 'control', weight: 0.5, strategy: 'HYBRID' }, { key: 'treatment', weight: 0.5, strategy: 'HYBRID', hybridWeights: { GRAPH: 1, SOCIAL: 0.3 } }] },
  });
  const probe = (await gql(PAGE, { u: userIds[0] })) as { recommendations: { experiment: { variant: string } | null } };
  if (probe.recommendations.experiment === null) throw new Error('the experiment is not served');
  const on = await drive('experiment', false, opts.seconds);
  const onImpressions = await drive('experiment + impressions', true, opts.seconds);
  await gql('mutation { stopExperiment(key: "bench-loop") { key } }', {});
  const off2 = await drive('no experiment (again)', false, opts.seconds);
  const impressions = (await graph.executor.read('MATCH (p:Impression) RETURN count(p) AS n, sum(size(p.itemIds)) AS items'))[0]!;
  const assigned = (await graph.executor.read('MATCH ()-[a:ASSIGNED]->(:Experiment {key: "bench-loop"}) RETURN count(a) AS n'))[0]!;

  const baseline = (off1.pagesPerSecond + off2.pagesPerSecond) / 2;
  const row = (name: string, f: Figures) =>
    `| ${name} | ${f.pagesPerSecond.toFixed(0)} | ${f.requestsPerSecond.toFixed(0)} | ${f.p50} | ${f.p99} | ${f.errors} | ${((100 * f.pagesPerSecond) / baseline).toFixed(1)}% |`;
  const md = [
    `### The loop's serving overhead (${new Date().toISOString().slice(0, 10)})`,
    '',
    `\`npm run bench:loop -- --seconds ${opts.seconds} --warmup ${opts.warmup} --connections ${opts.connections} --preset ${opts.preset}\`: demo shop '${opts.preset}' (${fit.users} users, ${fit.items} items), embedded Neo4j,`,
    `autocannon with ${opts.connections} connections, ${opts.seconds} s per row after a ${opts.warmup} s warm-up, ${cpus().length} CPUs shared by Neo4j, the API and the load generator.`,
    '`recommendations(userId, first: 20)` with items, categories and reasons, every request for the next user, page cache emptied before each page request (uncached).',
    '',
    '| run | pages/s | requests/s | p50 ms | p99 ms | errors | pages/s vs baseline |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row('no experiment (before)', off1),
    row('experiment running (HYBRID vs HYBRID with other weights)', on),
    row('experiment running + recordImpressions after every page (10 items)', onImpressions),
    row('no experiment (after)', off2),
    '',
    `Baseline = mean of the two runs without an experiment (${baseline.toFixed(0)} pages/s). Written during the runs: ${impressions['n']} Impression nodes (${impressions['items']} items), ${assigned['n']} ASSIGNED edges.`,
    '',
  ].join('\n');
  process.stdout.write(`${md}\n`);
  mkdirSync(join(here, 'out'), { recursive: true });
  writeFileSync(join(here, 'out', 'loop.md'), md);
} finally {
  if (server !== undefined) await closeHttpServer(server, 2_000);
  await graph.close();
  rmSync(storeDir, { recursive: true, force: true });
}
