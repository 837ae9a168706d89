// Serving benchmark: `recommendations(first: 20)` (HYBRID, items with title and categories, reasons) for
// varying users against a trivial `{ health { status } }` on the same server in the same run.
// Starts the embedded Neo4j on a throwaway store (ephemeral port), loads the demo shop ('small' preset),
// serves the API on an ephemeral loopback port and drives it with autocannon for a bounded duration, from its own
// process by default (./load-driver.ts: a shop's clients are not in the server; `--driver in-process` runs it
// on the API's event loop, as the figures before 2026-11-29 evening were measured).
// Run: npm run bench:recs [-- --seconds 10 --warmup 20 --connections 10 --preset small --driver process]. Prints a markdown snippet and
// writes it to bench/out/recs.md. Rows: the trivial query, uncached pages (page cache emptied before each request), cold pages
// (the GRAPH candidates kept per user emptied too), returning users. The uncached row also reports where a page's time goes: CPU of this process
// and of the Neo4j JVM per request, and each Cypher file's round trips per request with their wall time;
// `--cpu-profile out.cpuprofile` adds a V8 profile of this process over that run alone.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Command, InvalidArgumentError, Option } from 'commander';
import { pino } from 'pino';
import { capabilityResolvers, createServices } from '../src/app.ts';
import { DEFAULT_PRIVACY, loadConfig } from '../src/config.ts';
import { closeHttpServer, createApi, createHttpServer } from '../src/graphql/server.ts';
import { principalRateKey } from '../src/graphql/principal-rate-key.ts';
import { createDemoSource, demoPreset } from '../src/sources/demo/demo-source.ts';
import { connectGraph } from '../src/storage/connect.ts';
import { GraphWriter } from '../src/storage/graph-writer.ts';
import { applySchema } from '../src/storage/schema.ts';
import { ingestSource } from '../src/usecases/ingest/ingest-source.ts';
import { SYSTEM } from '../src/domain/principal.ts';
import { RecsStore } from '../src/storage/recs-store.ts';
import { RECS_CONFIG } from '../src/usecases/recommend/config.ts';
import { RecsService } from '../src/usecases/recommend/recs-service.ts';
import { SERVING_CONFIG } from '../src/usecases/recommend/serving-config.ts';
import { benchAuth } from './bench-auth.ts';
import { drive as driveHere, type DriveJob, type Figures } from './load-driver.ts';

const here = dirname(fileURLToPath(import.meta.url));
const positive = (name: string, min: number) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`--${name} must be an integer >= ${min}, got '${v}'`);
  return n;
};
const opts = new Command('bench:recs')
  .option('--seconds <n>', 'seconds per measured run', positive('seconds', 1), 10)
  // The JVM (Cypher runtime, Bolt) and V8 need thousands of queries before they run compiled code: measured
  // here, `RETURN 1` takes ~8 ms p50 after 120 queries and ~1 ms after 3000. Measuring before that would
  // time the JIT, not the product.
  .option('--warmup <n>', 'seconds of uncached load before measuring', positive('warmup', 0), 20)
  .option('--connections <n>', 'concurrent connections', positive('connections', 1), 10)
  .addOption(new Option('--preset <name>', 'demo shop size').choices(['tiny', 'small', 'large']).default('small'))
  .addOption(new Option('--serving <mode>', 'the serving state: on (as served) or off (user state, SOCIAL and entities from Cypher, as before it)').choices(['on', 'off']).default('on'))
  .addOption(new Option('--driver <where>', 'the load generator: its own process (as clients are), or in the API process (the earlier figures)').choices(['process', 'in-process']).default('process'))
  .option('--cpu-profile <file>', 'write a V8 CPU profile of this process during the uncached run only (open in Chrome DevTools)')
  .parse(process.argv)
  .opts<{ seconds: number; warmup: number; connections: number; preset: 'tiny' | 'small' | 'large'; cpuProfile?: string; serving: 'on' | 'off'; driver: 'process' | 'in-process' }>();
const SECONDS = opts.seconds;
const WARMUP_SECONDS = opts.warmup;
const CONNECTIONS = opts.connections;
const PRESET = opts.preset;

const RECS_QUERY = `query($u: ID!) { recommendations(userId: $u, first: 20) { edges { node { score item { id title categories { name } }
  reasons { kind text } } } } }`;

/**
 * One measured run. In-process (`--driver in-process`, the earlier figures): autocannon shares this event loop
 * with the API and `beforeEach` runs before each request is sent. In its own process (the default): the API
 * process serves only, and `beforeEach` runs as each request arrives at the server (before the API sees it).
 */
async function drive(url: string, title: string, bodies: readonly string[], seconds = SECONDS, beforeEach?: () => void): Promise<Figures> {
  const job: DriveJob = { url, title, connections: CONNECTIONS, seconds, headers: { 'content-type': 'application/json', authorization }, bodies };
  if (driver === undefined) return driveHere(job, beforeEach);
  onRequest = beforeEach;
  try {
    return await new Promise<Figures>((resolve, reject) => {
      const died = (code: number | null) => reject(new Error(`the load generator (bench/load-driver.ts) exited with code ${code} before answering`));
      driver!.once('exit', died);
      driver!.once('message', (m: { ok?: Figures; error?: string }) => {
        driver!.off('exit', died);
        if (m.ok !== undefined) resolve(m.ok);
        else reject(new Error(m.error));
      });
      driver!.send(job);
    });
  } finally {
    onRequest = undefined;
  }
}

/** User + system CPU of the embedded JVM so far, from /proc (Linux); 0 when unknown. */
function jvmCpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

/** A service token (reads recommendations for anyone), sent with every request including the baseline. */
let authorization = '';
/** The separate load generator (--driver process), and what runs as each request arrives meanwhile. */
const driver: ChildProcess | undefined = opts.driver === 'process'
  ? fork(join(here, 'load-driver.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  : undefined;
let onRequest: (() => void) | undefined;
const log = (msg: string) => process.stderr.write(`[bench:recs] ${msg}\n`);
// The API runs as a deployment runs it: `npm run bench:recs` sets NODE_ENV=production (README "Configuration"),
// which also selects graphql-js's production build (its instanceOf skips the cross-realm check, 3.4 % of an
// uncached page's CPU in development). Production mode needs a token secret and an erasure salt; the bench
// signs its own tokens (bench-auth.ts), so random ones do.
if (process.env['NODE_ENV'] === 'production') {
  process.env['GREC_JWT_SECRET'] ??= randomBytes(32).toString('base64url');
  process.env['GREC_ERASURE_SALT'] ??= randomBytes(24).toString('base64url');
} else {
  log('NODE_ENV is not production: graphql-js runs its development build (slower than a deployment)');
}
const cfg = loadConfig();
const storeDir = mkdtempSync(join(tmpdir(), 'grec-bench-recs-'));
const graph = await connectGraph({ ...cfg.neo4j, uri: undefined }, log, { storeDir, port: 0 });
let server: ReturnType<typeof createHttpServer> | undefined;
try {
  await applySchema(graph.executor);
  const t0 = Date.now();
  const report = await ingestSource(createDemoSource(demoPreset(PRESET)), new GraphWriter(graph.executor));
  log(`demo '${PRESET}' loaded: ${report.rowsRead} rows in ${Date.now() - t0} ms`);

  const served = createServices(graph);
  // --serving off: the same API with a recommendation service that reads the user's state, SOCIAL and the
  // entities from their Cypher files (nothing writes during the run, so no write observer needs it).
  const services = opts.serving === 'on' ? served : {
    ...served,
    recs: new RecsService(new RecsStore(graph.executor), served.recs.graph, () => Date.now(), { ...RECS_CONFIG, consentDefaults: DEFAULT_PRIVACY.consentDefaults }, { ...SERVING_CONFIG, inMemory: false }),
  };
  const { auth, bearer } = benchAuth(graph, cfg.auth);
  authorization = bearer('service');
  // As the server runs it: the configured limits, with the rate limiter counting but not refusing this one
  // load-generating identity, and a request log line per request (written to /dev/null instead of stderr).
  const limits = { ...cfg.limits, rate: { ...cfg.limits.rate, byRole: { ...cfg.limits.rate.byRole, service: 1e9 } } };
  const api = createApi({
    services, auth, resolvers: capabilityResolvers(), logger: pino({ level: 'info' }, pino.destination('/dev/null')), graphiql: false,
    limits, rateKeyOf: principalRateKey,
  });
  server = createHttpServer(api, services);
  server.prependListener('request', () => onRequest?.());
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  const fit = await services.recs.refreshGraphModel(SYSTEM, true);
  log(`GRAPH model: ${fit.users} users, ${fit.items} items, ${fit.interactions} edges, fitted in ${fit.fitMs.toFixed(0)} ms`);
  const userIds = (await graph.executor.read('MATCH (u:User) RETURN u.id AS id ORDER BY id')).map((r) => String(r['id']));
  const recBodies = userIds.map((u) => JSON.stringify({ query: RECS_QUERY, variables: { u } }));
  const healthBodies = [JSON.stringify({ query: '{ health { status } }' })];

  // Sanity check and warm-up (query plans, JIT) before measuring.
  const probe = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: recBodies[0]! });
  const probeBody = (await probe.json()) as { data?: { recommendations: { edges: unknown[] } }; errors?: unknown };
  if (probeBody.errors !== undefined || (probeBody.data?.recommendations.edges.length ?? 0) === 0) throw new Error(`bad probe: ${JSON.stringify(probeBody)}`);
  // Every user's page once and again, uncached (cleared each pass), so the warm-up runs the cold path.
  const warmUntil = Date.now() + WARMUP_SECONDS * 1000;
  while (Date.now() < warmUntil) {
    services.recs.pages.clear();
    await drive(url, 'warm-up', recBodies, Math.max(1, Math.min(5, Math.round((warmUntil - Date.now()) / 1000)))).catch(() => undefined);
  }
  await drive(url, 'warm-up', healthBodies, 2).catch(() => undefined);

  const hCpu0 = process.cpuUsage();
  const hJvm0 = jvmCpuMs(graph.neo4jPid);
  const health = await drive(url, 'health', healthBodies);
  const hCpu = process.cpuUsage(hCpu0);
  const hJvmMs = jvmCpuMs(graph.neo4jPid) - hJvm0;
  services.recs.pages.clear();
  // Where an uncached page's time goes: every Cypher round trip's client-side wall time (queueing included),
  // and the CPU the API process (this one; with autocannon too under --driver in-process) and the Neo4j JVM spent.
  const queries = new Map<string, { n: number; seconds: number }>();
  graph.executor.onQueryTimed = (t) => {
    const q = queries.get(t.query) ?? { n: 0, seconds: 0 };
    q.n++;
    q.seconds += t.seconds;
    queries.set(t.query, q);
  };
  const profiler = opts.cpuProfile === undefined ? undefined : new Session();
  if (profiler !== undefined) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const cpu0 = process.cpuUsage();
  const jvm0 = jvmCpuMs(graph.neo4jPid);
  const h0 = services.recs.pages.hits;
  const m0 = services.recs.pages.misses;
  const g0 = services.recs.graphCandidates.hits;
  const gm0 = services.recs.graphCandidates.misses;
  // Uncached: the page cache is emptied before every request (drive's beforeEach), so every
  // request computes its page; without this, a 15 s run cycles the users several times and mostly hits.
  const recs = await drive(url, 'recommendations', recBodies, SECONDS, () => services.recs.pages.clear());
  const cpu = process.cpuUsage(cpu0);
  if (profiler !== undefined) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(opts.cpuProfile!, JSON.stringify(profile));
    profiler.disconnect();
    log(`CPU profile of the uncached run written to ${opts.cpuProfile}`);
  }
  const jvmMs = jvmCpuMs(graph.neo4jPid) - jvm0;
  graph.executor.onQueryTimed = undefined;
  const hits = services.recs.pages.hits - h0;
  const misses = services.recs.pages.misses - m0;
  const gh = services.recs.graphCandidates.hits - g0;
  const gm = services.recs.graphCandidates.misses - gm0;
  // First visits since the last model fit: the page cache and the GRAPH candidates both emptied before each request.
  const cCpu0 = process.cpuUsage();
  const cold = await drive(url, 'recommendations (cold)', recBodies, SECONDS, () => {
    services.recs.pages.clear();
    services.recs.graphCandidates.clear();
  });
  const cCpu = process.cpuUsage(cCpu0);
  // Returning visitors: the same 50 users again within the page-cache TTL (their own state unchanged).
  const returning = await drive(url, 'recommendations (returning)', recBodies.slice(0, 50));
  const ratio = recs.rps / health.rps;
  const row = (name: string, f: Figures) =>
    `| ${name} | ${f.rps.toFixed(0)} | ${f.p50} | ${f.p99} | ${f.requests} | ${f.errors + f.non2xx} |`;
  const md = [
    `### Serving: recommendations(first: 20) vs a trivial query (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Demo shop '${PRESET}' (${fit.users} users, ${fit.items} items, ${fit.interactions} user-item edges) in the embedded Neo4j;`,
    `autocannon ${driver === undefined ? 'in the API process' : 'in its own process'}, ${CONNECTIONS} connections, ${SECONDS} s each after a ${WARMUP_SECONDS} s warm-up, loopback, ${cpus().length} CPUs shared by Neo4j, the API and the load generator.`,
    `HYBRID strategy (default weights: GRAPH and CONTENT in memory, ${services.recs.serving !== undefined ? 'the user\'s state, SOCIAL and the entities shown from the in-memory serving state' : 'SOCIAL in Cypher alongside the user\'s state, then the entities shown'}, POPULAR from a briefly cached global ranking), each request for the next of ${userIds.length} users, selecting item { title categories { name } } and reasons { kind text }.`,
    `The uncached row empties only the page cache: the serving state, the GRAPH model and the GRAPH candidates kept per user, the CONTENT index and the POPULAR list stay in memory, as they do in a running server; the cold row (a user's first page since the model was fitted) empties the GRAPH candidates too.`,
    '',
    '| query | req/s | p50 ms | p99 ms | requests | errors |',
    '|---|---:|---:|---:|---:|---:|',
    row('`{ health { status } }`', health),
    row('`recommendations(first: 20)`, uncached (page cache emptied before each request)', recs),
    row('`recommendations(first: 20)`, cold (page cache and GRAPH candidates emptied before each request)', cold),
    row('`recommendations(first: 20)`, 50 returning users (page cache warm)', returning),
    '',
    `Ratio recommendations / trivial: **${(ratio * 100).toFixed(1)}%** uncached, **${((returning.rps / health.rps) * 100).toFixed(1)}%** returning (aim: >= 50%).`,
    `Page cache (TTL ${services.recs.pages.ttl} ms, invalidated by live writes): ${hits} hits, ${misses} misses during the uncached run; `
      + `GRAPH candidates kept per user (graph-candidate-cache.ts): ${gh} hits, ${gm} misses. Cold / trivial: **${((cold.rps / health.rps) * 100).toFixed(1)}%**.`,
    '',
    `CPU per request (${driver === undefined ? 'autocannon included in the API process' : 'the API process alone'}): uncached page ${((cpu.user + cpu.system) / 1000 / recs.requests).toFixed(2)} ms API + ${(jvmMs / recs.requests).toFixed(2)} ms Neo4j JVM; `
      + `cold page ${((cCpu.user + cCpu.system) / 1000 / cold.requests).toFixed(2)} ms API; `
      + `\`{ health }\` ${((hCpu.user + hCpu.system) / 1000 / health.requests).toFixed(2)} ms API + ${(hJvmMs / health.requests).toFixed(2)} ms JVM. Round trips of the uncached run:`,
    '',
    '| Cypher file | per request | mean wall ms |',
    '|---|---:|---:|',
    ...[...queries].sort((a, b) => b[1].seconds - a[1].seconds).map(([q, t]) => `| ${q} | ${(t.n / recs.requests).toFixed(2)} | ${((t.seconds / t.n) * 1000).toFixed(1)} |`),
    ...(queries.size === 0 ? ['| (none) | 0 | - |'] : []),
    '',
  ].join('\n');
  process.stdout.write(`${md}\n`);
  mkdirSync(join(here, 'out'), { recursive: true });
  writeFileSync(join(here, 'out', 'recs.md'), md);
} finally {
  driver?.disconnect();
  if (server !== undefined) await closeHttpServer(server, 2_000);
  await graph.close();
  rmSync(storeDir, { recursive: true, force: true });
}
