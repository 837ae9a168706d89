// The loop's serving overhead: `recommendations(first: 20)` throughput with no experiment against the same
// request served through a running experiment (variant choice, GrowthBook assignment, batched ASSIGNED
// writes, a signed recommendationId per page), and with every page followed by its recordImpressions, as a
// frontend reports what it rendered. Same server, same run, uncached pages (the page cache is emptied
// before every page request, so every request computes its page), baseline measured before and after.
// "Off" asks for the same page with an explicit strategy (HYBRID): no experiment applies, so no variant choice
// and no assignment, everything else equal. The three runs alternate over several rounds (their order rotating),
// because throughput still rises for minutes as the JVM and V8 compile: a before/after pair would measure that.
// Run: npm run bench:loop [-- --seconds 15 --warmup 60 --rounds 3 --connections 10 --preset small]. Prints a
// markdown snippet and writes it to bench/out/loop.md.
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
import { ImpressionGroupCommit } from '../src/usecases/loop/impression-group-commit.ts';

const here = dirname(fileURLToPath(import.meta.url));
const positive = (name: string, min: number) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`--${name} must be an integer >= ${min}, got '${v}'`);
  return n;
};
const opts = new Command('bench:loop')
  .option('--seconds <n>', 'seconds per measured run', positive('seconds', 1), 15)
  .option('--warmup <n>', 'seconds of uncached load before measuring', positive('warmup', 0), 60)
  .option('--rounds <n>', 'rounds of the three runs', positive('rounds', 1), 3)
  .option('--connections <n>', 'concurrent connections', positive('connections', 1), 10)
  .addOption(new Option('--preset <name>', 'demo shop size').choices(['tiny', 'small', 'large']).default('small'))
  .parse(process.argv)
  .opts<{ seconds: number; warmup: number; rounds: number; connections: number; preset: 'tiny' | 'small' | 'large' }>();

const PAGE = `query($u: ID!, $s: Strategy) { recommendations(userId: $u, strategy: $s, first: 20) { recommendationId experiment { variant }
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
  const explicitBodies = userIds.map((u) => JSON.stringify({ query: PAGE, variables: { u, s: 'HYBRID' } }));
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    if (body.errors !== undefined) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  /** Pages only, or each page followed on the same connection by its recordImpressions. */
  async function drive(title: string, withImpressions: boolean, seconds: number, bodies = pageBodies): Promise<Figures> {
    let k = 0;
    let pages = 0;
    const pageRequest = {
      setupRequest: (req: autocannon.Request) => {
        services.recs.pages.clear();
        pages++;
        return { ...req, body: bodies[k++ % bodies.length]! };
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

  await gql(`mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { key } }`, {
    i: { key: 'bench-loop', variants: [{ key: 'control', weight: 0.5, strategy: 'HYBRID' }, { key: 'treatment', weight: 0.5, strategy: 'HYBRID', hybridWeights: { GRAPH: 1, SOCIAL: 0.3 } }] },
  });
  const probe = (await gql(PAGE, { u: userIds[0] })) as { recommendations: { experiment: { variant: string } | null } };
  if (probe.recommendations.experiment === null) throw new Error('the experiment is not served');
  const warmUntil = Date.now() + opts.warmup * 1000;
  while (Date.now() < warmUntil) await drive('warm-up', true, Math.max(1, Math.min(5, Math.round((warmUntil - Date.now()) / 1000))));

  type Run = 'off' | 'on' | 'onImpressions';
  const runs: Record<Run, Figures[]> = { off: [], on: [], onImpressions: [] };
  const order: Run[] = ['off', 'on', 'onImpressions'];
  for (let round = 0; round < opts.rounds; round++) {
    const rotated = [...order.slice(round % 3), ...order.slice(0, round % 3)];
    for (const run of rotated) {
      const f = run === 'off' ? await drive('no experiment', false, opts.seconds, explicitBodies)
        : await drive(run === 'on' ? 'experiment' : 'experiment + impressions', run === 'onImpressions', opts.seconds);
      runs[run].push(f);
      log(`round ${round + 1} ${run}: ${f.pagesPerSecond.toFixed(1)} pages/s, p50 ${f.p50} ms`);
    }
  }
  await gql('mutation { stopExperiment(key: "bench-loop") { key } }', {});
  const meanOf = (fs: Figures[]): Figures => ({
    pagesPerSecond: fs.reduce((a, f) => a + f.pagesPerSecond, 0) / fs.length,
    requestsPerSecond: fs.reduce((a, f) => a + f.requestsPerSecond, 0) / fs.length,
    p50: fs.reduce((a, f) => a + f.p50, 0) / fs.length,
    p99: fs.reduce((a, f) => a + f.p99, 0) / fs.length,
    pages: fs.reduce((a, f) => a + f.pages, 0),
    errors: fs.reduce((a, f) => a + f.errors, 0),
  });
  const off = meanOf(runs.off);
  const on = meanOf(runs.on);
  const onImpressions = meanOf(runs.onImpressions);
  const impressions = (await graph.executor.read('MATCH (p:Impression) RETURN count(p) AS n, sum(size(p.itemIds)) AS items'))[0]!;
  const assigned = (await graph.executor.read('MATCH ()-[a:ASSIGNED]->(:Experiment {key: "bench-loop"}) RETURN count(a) AS n'))[0]!;

  const baseline = off.pagesPerSecond;
  const row = (name: string, f: Figures) =>
    `| ${name} | ${f.pagesPerSecond.toFixed(1)} | ${f.requestsPerSecond.toFixed(1)} | ${f.p50.toFixed(0)} | ${f.p99.toFixed(0)} | ${f.errors} | ${((100 * f.pagesPerSecond) / baseline).toFixed(1)}% |`;
  const perRound = (run: Run) => runs[run].map((f) => f.pagesPerSecond.toFixed(1)).join(', ');
  const md = [
    `### The loop's serving overhead (${new Date().toISOString().slice(0, 10)})`,
    '',
    `\`npm run bench:loop -- --seconds ${opts.seconds} --warmup ${opts.warmup} --rounds ${opts.rounds} --connections ${opts.connections} --preset ${opts.preset}\`: demo shop '${opts.preset}' (${fit.users} users, ${fit.items} items), embedded Neo4j,`,
    `autocannon with ${opts.connections} connections, ${opts.seconds} s per run after a ${opts.warmup} s warm-up, ${opts.rounds} rounds of the three runs in rotating order (figures: mean over rounds), ${cpus().length} CPUs shared by Neo4j, the API and the load generator.`,
    '`recommendations(userId, first: 20)` with items, categories and reasons, every request for the next user, page cache emptied before each page request (uncached).',
    '',
    '| run | pages/s | requests/s | p50 ms | p99 ms | errors | pages/s vs baseline |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row('no experiment (explicit strategy HYBRID)', off),
    row('experiment running (HYBRID vs HYBRID with other weights)', on),
    row('experiment running + recordImpressions after every page (10 items)', onImpressions),
    '',
    `Pages/s per round: off ${perRound('off')}; experiment ${perRound('on')}; experiment + impressions ${perRound('onImpressions')}.`,
    `Requests/s counts the recordImpressions calls too. Written: ${impressions['n']} Impression nodes (${impressions['items']} items), ${assigned['n']} ASSIGNED edges.`,
    ...(services.impressions instanceof ImpressionGroupCommit
      ? [`Impression reports were written in ${services.impressions.batches} transactions (${(services.impressions.reports / Math.max(1, services.impressions.batches)).toFixed(1)} reports per transaction on average, group commit).`]
      : []),
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
