// Behaviour-analytics benchmark (issue 4). Loads >= 1M generated demo events into a fresh embedded Neo4j
// (throwaway store in a temp dir, 4 GB heap), then, in the same run:
//  - transition matrix: counting in Cypher (cypher/analytics/transition-counts.cypher) vs reading every
//    user's sequence into TypeScript (sequences.cypher) and counting with the markov functions; both must agree;
//  - funnel (view -> cart -> purchase within 72 h): funnel-counts.cypher vs the pure funnel over the sequences;
//  - nextState per user over the GraphQL API (yoga.fetch, no port) under load: N calls, concurrency C, p50/p99.
// Run: npm run bench:analytics -- [--events 1000000] [--users 50000] [--runs 3] [--calls 2000] [--concurrency 8]
// Prints a markdown snippet and writes it to bench/out/analytics.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { capabilityResolvers, createServices } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createApi } from '../src/graphql/server.ts';
import { createDemoSource } from '../src/sources/demo/demo-source.ts';
import { AnalyticsStore } from '../src/storage/analytics-store.ts';
import { ALL_TIME, EMPTY_SEGMENT, type AnalyticsScope } from '../src/storage/analytics-scope.ts';
import { connectGraph } from '../src/storage/connect.ts';
import { GraphWriter } from '../src/storage/graph-writer.ts';
import { applySchema } from '../src/storage/schema.ts';
import { funnelCountsFor, transitionCountsFor, type CountingPath } from '../src/usecases/analytics/counting-paths.ts';
import { ingestSource } from '../src/usecases/ingest/ingest-source.ts';
import { benchAuth } from './bench-auth.ts';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const EVENTS = arg('events', 1_000_000);
const USERS = arg('users', 50_000);
const RUNS = arg('runs', 3);
const CALLS = arg('calls', 2_000);
const CONCURRENCY = arg('concurrency', 8);
const GAP_MS = 30 * 60_000;
const FUNNEL = ['view', 'cart', 'purchase'];
const FUNNEL_WINDOW_MS = 72 * 3_600_000;
const log = (msg: string) => process.stderr.write(`[bench:analytics] ${msg}\n`);
const quantileOf = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return (s[lo] as number) + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] as number) - (s[lo] as number));
};
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ value: T; times: number[] }> {
  let value: T | undefined;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    value = await work();
    times.push(performance.now() - t);
  }
  return { value: value as T, times };
}

async function main(): Promise<void> {
  const cfg = loadConfig();
  const storeDir = mkdtempSync(join(tmpdir(), 'grec-bench-analytics-'));
  const started = Date.now();
  const graph = await connectGraph(
    { ...cfg.neo4j, uri: undefined, local: { ...cfg.neo4j.local, heap: '4g', pageCache: '2g' } },
    log,
    { storeDir, port: 0 },
  );
  const lines: string[] = [];
  try {
    await applySchema(graph.executor);
    const items = Math.max(1_000, USERS * 2);
    const source = createDemoSource({ seed: 42, users: USERS, items, categories: 200, communities: Math.max(2, Math.round(USERS / 100)), eventsTarget: EVENTS });
    let t = performance.now();
    let lastLog = 0;
    const report = await ingestSource(source, new GraphWriter(graph.executor), {
      batchSize: 20_000,
      onProgress: (rows, est) => {
        if (Date.now() - lastLog > 15_000) {
          lastLog = Date.now();
          log(`ingest ${rows}/${est ?? '?'} rows, ${((performance.now() - t) / 1000).toFixed(0)} s`);
        }
      },
    });
    const loadMs = performance.now() - t;
    const events = report.kinds.event?.written ?? 0;
    log(`loaded ${events} events in ${fmt(loadMs)}`);

    const store = new AnalyticsStore(graph.executor);
    const all: AnalyticsScope = { segment: EMPTY_SEGMENT, window: ALL_TIME };
    const now = Date.now();
    const results: Record<string, Record<CountingPath, number[]>> = { transitions: { cypher: [], ts: [] }, funnel: { cypher: [], ts: [] } };
    const checks: string[] = [];

    // Warm-up: one run of each so page cache and query plans are in place for both paths alike.
    await transitionCountsFor(store, all, GAP_MS, now, 'cypher');
    await transitionCountsFor(store, all, GAP_MS, now, 'ts');
    const counts: Partial<Record<CountingPath, string>> = {};
    for (const path of ['cypher', 'ts'] as const) {
      const r = await timed(RUNS, () => transitionCountsFor(store, all, GAP_MS, now, path));
      results['transitions']![path] = r.times;
      counts[path] = JSON.stringify([r.value.users, Array.from(r.value.counts.counts)]);
      log(`transitions via ${path}: ${r.times.map(fmt).join(', ')}`);
    }
    if (counts.cypher !== counts.ts) throw new Error('transition counts differ between the Cypher and TypeScript paths');
    checks.push('transition counts identical on both paths');

    const funnels: Partial<Record<CountingPath, string>> = {};
    for (const path of ['cypher', 'ts'] as const) {
      const r = await timed(RUNS, () => funnelCountsFor(store, all, FUNNEL, FUNNEL_WINDOW_MS, path));
      results['funnel']![path] = r.times;
      funnels[path] = JSON.stringify([r.value.totalUsers, r.value.steps.map((s) => s.users), r.value.steps.map((s) => Math.round(s.medianMs ?? -1))]);
      log(`funnel via ${path}: ${r.times.map(fmt).join(', ')}`);
    }
    if (funnels.cypher !== funnels.ts) throw new Error(`funnels differ: ${funnels.cypher} vs ${funnels.ts}`);
    checks.push('funnel users and median times identical on both paths');

    // nextState over the GraphQL API, with the default counting path for the chain behind it.
    const { auth, bearer } = benchAuth(graph, loadConfig().auth);
    const authorization = bearer('analyst');
    const api = createApi({ services: createServices(graph), auth, resolvers: capabilityResolvers(), logger: pino({ level: 'silent' }) });
    const nextState = async (userId: string): Promise<void> => {
      const res = await api.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: 'query($u: ID!) { nextState(userId: $u, steps: 3) { currentState churnRisk steps { step distribution { state probability } } } }', variables: { u: userId } }),
      });
      const body = (await res.json()) as { errors?: unknown[] };
      if (body.errors !== undefined) throw new Error(JSON.stringify(body.errors));
    };
    t = performance.now();
    await nextState('u1');
    const coldMs = performance.now() - t;
    const latencies: number[] = [];
    let next = 0;
    t = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < CALLS) {
        const k = next++;
        const userId = `u${1 + ((k * 7919) % USERS)}`;
        const s = performance.now();
        await nextState(userId);
        latencies.push(performance.now() - s);
      }
    }));
    const wallMs = performance.now() - t;

    const med = (xs: number[]) => quantileOf(xs, 0.5);
    const faster = (q: string) => (med(results[q]!.cypher) <= med(results[q]!.ts) ? 'cypher' : 'ts');
    lines.push(
      `### Behaviour analytics (${new Date().toISOString().slice(0, 10)})`,
      '',
      `${events.toLocaleString('en-US')} demo events, ${USERS.toLocaleString('en-US')} users (seed 42), embedded Neo4j 5.26 (4 GB heap, 2 GB page cache), ` +
        `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), Node ${process.version}. Load: ${fmt(loadMs)} (${Math.round(events / (loadMs / 1000)).toLocaleString('en-US')} events/s, ingestSource, batches of 20,000).`,
      `Median of ${RUNS} runs (the transition paths after one warm-up run each, which also warms the page cache for the funnel); wall clock including transfer.`,
      '',
      '| query | Cypher aggregation | read sequences + count in TS | kept |',
      '|---|---|---|---|',
      `| transition matrix (gap 30 min) | ${fmt(med(results['transitions']!.cypher))} | ${fmt(med(results['transitions']!.ts))} | ${faster('transitions')} |`,
      `| funnel view -> cart -> purchase (72 h) | ${fmt(med(results['funnel']!.cypher))} | ${fmt(med(results['funnel']!.ts))} | ${faster('funnel')} |`,
      '',
      `nextState over GraphQL (steps 3), ${CALLS} calls for distinct users, concurrency ${CONCURRENCY}: ` +
        `p50 ${fmt(quantileOf(latencies, 0.5))}, p99 ${fmt(quantileOf(latencies, 0.99))}, max ${fmt(Math.max(...latencies))}, ` +
        `${Math.round(CALLS / (wallMs / 1000))} req/s; the first call (cold: estimates the shop chain, then cached by event count) ${fmt(coldMs)}.`,
      '',
      `Checks: ${checks.join('; ')}. Total bench time ${fmt(Date.now() - started)}.`,
      '',
    );
    const md = lines.join('\n');
    process.stdout.write(`${md}\n`);
    mkdirSync(join(here, 'out'), { recursive: true });
    writeFileSync(join(here, 'out', 'analytics.md'), md);
  } finally {
    await graph.close();
    rmSync(storeDir, { recursive: true, force: true });
  }
}

await main();
