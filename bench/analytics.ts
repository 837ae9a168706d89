// Behaviour-analytics benchmark (issues 4 and 10). Loads >= 1M generated demo events into a fresh embedded Neo4j
// (throwaway store in a temp dir, 4 GB heap; `grec load`'s bulk path, as a shop's first load runs), then, in the
// same run:
//  - transition matrix: counting in Cypher (cypher/analytics/transition-counts.cypher) vs re-reading every
//    user's sequence into TypeScript (sequences.cypher, the full recount: the baseline) vs the in-memory event
//    logs kept current as events arrive ('memory', issue 10); all three must agree exactly;
//  - funnel (view -> cart -> purchase within 72 h) and conversion rate the same way;
//  - the use cases over the in-memory logs and the in-memory population (transitionMatrix, absorption,
//    sequenceProbability, conversionRate, funnel) on aligned and unaligned windows and segments, each checked
//    equal to the recount, with wall and process CPU time per call (the machine may be shared); hasFriendWhoPurchased
//    over the friend ties held in memory (against population.cypher, what the previous version read per query), a
//    saved segment with its member ids held and read at every call;
//  - the attribute-only re-read that bounds unobserved attribute writes;
//  - 100 late events recorded (this process's writes: observer), then the next query (only their users re-read);
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
import { loadGraph } from '../src/cli/load-graph.ts';
import { funnelCountsFor, transitionCountsFor, type CountingPath } from '../src/usecases/analytics/counting-paths.ts';
import { AnalyticsService } from '../src/usecases/analytics/analytics-service.ts';
import { conversionRateFor } from '../src/usecases/analytics/conversion-rate.ts';
import { SYSTEM } from '../src/domain/principal.ts';
import { asEventId, asItemId, asUserId } from '../src/domain/ids.ts';
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
const med = (xs: readonly number[]) => quantileOf(xs, 0.5);
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ value: T; times: number[]; cpuMs: number[] }> {
  let value: T | undefined;
  const times: number[] = [];
  const cpuMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    value = await work();
    times.push(performance.now() - t);
    const d = process.cpuUsage(c);
    // This process's CPU (user + system): the Node side of the call, whatever else the machine runs.
    cpuMs.push((d.user + d.system) / 1000);
  }
  return { value: value as T, times, cpuMs };
}

async function main(): Promise<void> {
  const cfg = loadConfig();
  const storeDir = mkdtempSync(join(tmpdir(), 'grec-bench-analytics-'));
  const started = Date.now();
  const config = { ...cfg, neo4j: { ...cfg.neo4j, uri: undefined, local: { ...cfg.neo4j.local, storeDir, port: 0, heap: '4g', pageCache: '2g' } } };
  const items = Math.max(1_000, USERS * 2);
  const source = createDemoSource({ seed: 42, users: USERS, items, categories: 200, communities: Math.max(2, Math.round(USERS / 100)), eventsTarget: EVENTS });
  let t = performance.now();
  // The empty store's load is `grec load`'s bulk path (neo4j-admin import; minutes instead of tens of minutes).
  const { report, path: loadPath } = await loadGraph(config, source, { path: 'auto', batchSize: 20_000 }, log);
  const loadMs = performance.now() - t;
  const graph = await connectGraph(config.neo4j, log, { port: 0, txTimeoutMs: 900_000 });
  const lines: string[] = [];
  try {
    const events = report.kinds.event?.written ?? 0;
    log(`loaded ${events} events in ${fmt(loadMs)}`);

    const store = new AnalyticsStore(graph.executor);
    const all: AnalyticsScope = { segment: EMPTY_SEGMENT, window: ALL_TIME };
    const now = Date.now();
    const service = new AnalyticsService(store, { now: () => now });
    const live = service.logs;
    const results: Record<string, Partial<Record<CountingPath, number[]>>> = { transitions: {}, funnel: {}, conversion: {} };
    const checks: string[] = [];

    // The in-memory logs' one full read (at first use; afterwards only changed users are re-read).
    t = performance.now();
    await live.current();
    const buildMs = performance.now() - t;
    const memBefore = process.memoryUsage().heapUsed;
    log(`in-memory logs read in ${fmt(buildMs)}`);

    // Warm-up: one run of each so page cache and query plans are in place for every path alike.
    for (const path of ['cypher', 'ts', 'memory'] as const) await transitionCountsFor(store, all, GAP_MS, now, path, live);
    const counts: Partial<Record<CountingPath, string>> = {};
    for (const path of ['cypher', 'ts', 'memory'] as const) {
      const r = await timed(path === 'memory' ? Math.max(RUNS, 5) : RUNS, () => transitionCountsFor(store, all, GAP_MS, now, path, live));
      results['transitions']![path] = r.times;
      counts[path] = JSON.stringify([r.value.users, Array.from(r.value.counts.counts)]);
      log(`transitions via ${path}: ${r.times.map(fmt).join(', ')}`);
    }
    if (counts.cypher !== counts.ts || counts.memory !== counts.ts) throw new Error('transition counts differ between the paths');
    checks.push('transition counts identical on the three paths');

    const funnels: Partial<Record<CountingPath, string>> = {};
    for (const path of ['cypher', 'ts', 'memory'] as const) {
      const r = await timed(path === 'memory' ? Math.max(RUNS, 5) : RUNS, () => funnelCountsFor(store, all, FUNNEL, FUNNEL_WINDOW_MS, path, live));
      results['funnel']![path] = r.times;
      funnels[path] = JSON.stringify([r.value.totalUsers, r.value.steps.map((s) => s.users), r.value.steps.map((s) => Math.round(s.medianMs ?? -1))]);
      log(`funnel via ${path}: ${r.times.map(fmt).join(', ')}`);
    }
    if (funnels.cypher !== funnels.ts || funnels.memory !== funnels.ts) throw new Error(`funnels differ: ${funnels.cypher} vs ${funnels.ts} vs ${funnels.memory}`);
    checks.push('funnel users and median times identical on the three paths');

    const conversions: Partial<Record<CountingPath, string>> = {};
    for (const path of ['cypher', 'memory'] as const) {
      const r = await timed(path === 'memory' ? Math.max(RUNS, 5) : RUNS, () => conversionRateFor(store, all, 'purchase', null, path, live));
      results['conversion']![path] = r.times;
      conversions[path] = JSON.stringify([r.value.numerator, r.value.denominator]);
      log(`conversion via ${path}: ${r.times.map(fmt).join(', ')}`);
    }
    if (conversions.cypher !== conversions.memory) throw new Error(`conversion differs: ${conversions.cypher} vs ${conversions.memory}`);
    checks.push('conversion rate identical in Cypher and in memory');

    // The use cases as the API runs them (default paths: memory), on windows aligned to days and not, and segments.
    const [range] = await graph.executor.read('MATCH (e:Event) RETURN min(e.ts) AS lo, max(e.ts) AS hi');
    const lo = Number(range?.['lo']);
    const hi = Number(range?.['hi']);
    const DAY = 86_400_000;
    const dayFrom = Math.ceil((lo + (hi - lo) / 3) / DAY) * DAY;
    const iso = (ms: number) => new Date(ms).toISOString();
    const unFrom = lo + 12_345_678;
    const unTo = hi - 7_654_321;
    const unaligned = { from: iso(unFrom), to: iso(unTo) };
    const female = { ...EMPTY_SEGMENT, gender: 'female' };
    const friendsAll: AnalyticsScope = { segment: { ...EMPTY_SEGMENT, hasFriendWhoPurchased: true }, window: ALL_TIME };
    // A saved segment of every fifth user (as a refresh would leave it), for the member-id cache rows.
    await graph.executor.write(`MERGE (s:Segment {id: 'bench-seg'}) SET s.name = 'bench', s.refreshedAt = $at WITH s
      MATCH (u:User) WHERE toInteger(substring(u.id, 1)) % 5 = 0 MERGE (u)-[:IN_SEGMENT]->(s)`, { at: now });
    const savedScope: AnalyticsScope = { segment: { ...EMPTY_SEGMENT, segmentId: 'bench-seg' }, window: ALL_TIME };
    const savedMembers = (await store.segmentMembers('bench-seg'))?.userIds?.length ?? 0;
    // The friend ties' one full read (at the first hasFriendWhoPurchased query), and what the previous version
    // read at every such query: the Cypher population (population.cypher) of the same segment.
    t = performance.now();
    const ties = await live.friends.current();
    const tiesMs = performance.now() - t;
    log(`friend ties read in ${fmt(tiesMs)} (${ties.pairs} pairs)`);
    const cypherPopulation = await timed(RUNS, () => store.population(friendsAll, null));
    log(`population.cypher for hasFriendWhoPurchased: ${cypherPopulation.times.map(fmt).join(', ')}`);
    const useCases: [string, () => Promise<unknown>, AnalyticsScope | null][] = [
      ['transitionMatrix, all users, all time', () => service.transitionMatrix(SYSTEM, {}), all],
      ['transitionMatrix, 7 days aligned to days', () => service.transitionMatrix(SYSTEM, { window: { from: iso(dayFrom), to: iso(dayFrom + 7 * DAY - 1) } }), { segment: EMPTY_SEGMENT, window: { from: dayFrom, to: dayFrom + 7 * DAY - 1 } }],
      ['transitionMatrix, unaligned window', () => service.transitionMatrix(SYSTEM, { window: unaligned }), { segment: EMPTY_SEGMENT, window: { from: unFrom, to: unTo } }],
      ['transitionMatrix, segment gender female', () => service.transitionMatrix(SYSTEM, { segment: { gender: 'female' } }), { segment: female, window: ALL_TIME }],
      ['transitionMatrix, gender female + unaligned window', () => service.transitionMatrix(SYSTEM, { segment: { gender: 'female' }, window: unaligned }), { segment: female, window: { from: unFrom, to: unTo } }],
      ['transitionMatrix, ages 25-44 + Paris', () => service.transitionMatrix(SYSTEM, { segment: { minAge: 25, maxAge: 44, location: 'Paris' } }), { segment: { ...EMPTY_SEGMENT, minAge: 25, maxAge: 44, location: 'Paris' }, window: ALL_TIME }],
      ['transitionMatrix, segment category c1', () => service.transitionMatrix(SYSTEM, { segment: { categoryId: 'c1' } }), { segment: { ...EMPTY_SEGMENT, categoryId: 'c1' }, window: ALL_TIME }],
      ['transitionMatrix, hasFriendWhoPurchased (friend ties in memory)', () => service.transitionMatrix(SYSTEM, { segment: { hasFriendWhoPurchased: true } }), friendsAll],
      ['transitionMatrix, hasFriendWhoPurchased false + unaligned window', () => service.transitionMatrix(SYSTEM, { segment: { hasFriendWhoPurchased: false }, window: unaligned }), { segment: { ...EMPTY_SEGMENT, hasFriendWhoPurchased: false }, window: { from: unFrom, to: unTo } }],
      ['conversionRate by HAS_FRIEND_WHO_PURCHASED, unaligned window', () => service.conversionRate(SYSTEM, { action: 'purchase', breakdown: 'HAS_FRIEND_WHO_PURCHASED', window: unaligned }), null],
      [`transitionMatrix, saved segment (${savedMembers.toLocaleString('en-US')} members, ids held)`, () => service.transitionMatrix(SYSTEM, { segment: { segmentId: 'bench-seg' } }), savedScope],
      ['transitionMatrix, saved segment, ids read every call (previous behaviour)', () => { live.segments.clear(); return service.transitionMatrix(SYSTEM, { segment: { segmentId: 'bench-seg' } }); }, null],
      ['absorption, all users, all time', () => service.absorption(SYSTEM, {}), null],
      ['absorption, gender female + unaligned window', () => service.absorption(SYSTEM, { segment: { gender: 'female' }, window: unaligned }), null],
      ['sequenceProbability, all users, all time', () => service.sequenceProbability(SYSTEM, { states: ['START', 'view', 'cart', 'purchase'] }), null],
      ['sequenceProbability, gender female + unaligned window', () => service.sequenceProbability(SYSTEM, { states: ['START', 'view', 'cart', 'purchase'], segment: { gender: 'female' }, window: unaligned }), null],
      ['conversionRate, all users', () => service.conversionRate(SYSTEM, { action: 'purchase' }), null],
      ['conversionRate by gender', () => service.conversionRate(SYSTEM, { action: 'purchase', breakdown: 'GENDER' }), null],
      ['conversionRate by age band, gender female + unaligned window', () => service.conversionRate(SYSTEM, { action: 'purchase', breakdown: 'AGE_BAND', segment: { gender: 'female' }, window: unaligned }), null],
      ['funnel view, cart, purchase (72 h)', () => service.funnel(SYSTEM, { steps: ['view', 'cart', 'purchase'] }), null],
    ];
    const useCaseRows: string[] = [];
    for (const [name, run, recount] of useCases) {
      await run();
      const r = await timed(Math.max(RUNS, 5), run);
      let check = '';
      if (recount !== null) {
        const a = await transitionCountsFor(store, recount, GAP_MS, now, 'memory', live);
        const tr = await timed(1, () => transitionCountsFor(store, recount, GAP_MS, now, 'ts'));
        if (JSON.stringify([a.users, Array.from(a.counts.counts)]) !== JSON.stringify([tr.value.users, Array.from(tr.value.counts.counts)])) throw new Error(`${name}: memory and recount differ`);
        check = `${fmt(tr.times[0] as number)} (identical counts, ${a.users} users); ${(((tr.times[0] as number) / med(r.times))).toFixed(0)}x`;
      }
      useCaseRows.push(`| ${name} | ${fmt(med(r.times))} | ${fmt(Math.max(...r.times))} | ${fmt(med(r.cpuMs))} | ${check} |`);
      log(`${name}: ${r.times.map(fmt).join(', ')} (cpu ${r.cpuMs.map(fmt).join(', ')})`);
    }
    // Conversion by breakdown, in memory vs the Cypher file (every rule of population.cypher on 50k users).
    for (const breakdown of ['GENDER', 'AGE_BAND', 'LOCATION', 'ACQUISITION_MONTH'] as const) {
      const scope: AnalyticsScope = { segment: female, window: { from: unFrom, to: unTo } };
      const a = await conversionRateFor(store, scope, 'purchase', breakdown, 'memory', live);
      const b = await conversionRateFor(store, scope, 'purchase', breakdown, 'cypher');
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`conversion by ${breakdown} differs: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
    checks.push('conversion by GENDER, AGE_BAND, LOCATION and ACQUISITION_MONTH (gender female, unaligned window) identical in memory and in Cypher');
    // The bound on unobserved attribute writes: what one attribute-only re-read of every user costs.
    const attrs = await timed(Math.max(RUNS, 3), () => live.refreshAttributes());
    log(`attribute re-read: ${attrs.times.map(fmt).join(', ')}`);

    // Late events written by this process: the observer marks their users; the next query re-reads only them.
    const writer = new GraphWriter(graph.executor);
    const late = Array.from({ length: 100 }, (_, k) => ({
      id: asEventId(`late-${k}`), userId: asUserId(`u${1 + ((k * 7919) % USERS)}`), itemId: asItemId('i1'),
      type: (['view', 'cart', 'purchase'] as const)[k % 3] ?? 'view', ts: lo + Math.floor(((hi - lo) * k) / 100),
    }));
    await writer.events(late);
    for (const e of late) service.interactionRecorded(e.userId, e.itemId);
    const fullBefore = live.fullReads;
    const afterLate = await timed(1, () => transitionCountsFor(store, all, GAP_MS, now, 'memory', live));
    const recountLate = await transitionCountsFor(store, all, GAP_MS, now, 'ts');
    if (JSON.stringify(Array.from(afterLate.value.counts.counts)) !== JSON.stringify(Array.from(recountLate.counts.counts)) || live.fullReads !== fullBefore) {
      throw new Error('after late events the in-memory counts differ from the recount, or the logs were read in full');
    }
    checks.push('after 100 late events (spread over the whole history) the in-memory counts equal the recount, with no full re-read');
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

    const cell = (q: string, p: CountingPath) => (results[q]?.[p] === undefined ? '-' : fmt(med(results[q]![p]!)));
    const ratio = (q: string) => `${(med(results[q]!.ts ?? results[q]!.cypher!) / med(results[q]!.memory!)).toFixed(0)}x`;
    lines.push(
      `### Behaviour analytics (${new Date().toISOString().slice(0, 10)})`,
      '',
      `${events.toLocaleString('en-US')} demo events, ${USERS.toLocaleString('en-US')} users (seed 42), embedded Neo4j 5.26 (4 GB heap, 2 GB page cache), ` +
        `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), Node ${process.version}. Load: ${fmt(loadMs)} (${Math.round(events / (loadMs / 1000)).toLocaleString('en-US')} events/s, \`grec load\` ${loadPath} path).`,
      `Median of ${RUNS} runs for the Cypher and recount paths, ${Math.max(RUNS, 5)} for the in-memory path, each after one warm-up run; wall clock including transfer.`,
      `In-memory event logs: one full read ${fmt(buildMs)} (at first use), heap after it ${(memBefore / 1e6).toFixed(0)} MB.`,
      '',
      '| query (all users, all time) | Cypher aggregation | full recount (read sequences + count in TS; the baseline) | in-memory logs | recount / in-memory |',
      '|---|---|---|---|---|',
      `| transition counts (gap 30 min) | ${cell('transitions', 'cypher')} | ${cell('transitions', 'ts')} | ${cell('transitions', 'memory')} | ${ratio('transitions')} |`,
      `| funnel view -> cart -> purchase (72 h) | ${cell('funnel', 'cypher')} | ${cell('funnel', 'ts')} | ${cell('funnel', 'memory')} | ${ratio('funnel')} |`,
      `| conversion rate (purchase) | ${cell('conversion', 'cypher')} | - | ${cell('conversion', 'memory')} | ${ratio('conversion')} (vs Cypher) |`,
      '',
      `Use cases as the API runs them (in-memory counting and in-memory population, friend ties included; the graph is read only for the PERFORMED count check, ` +
        `the FRIEND count check (hasFriendWhoPurchased), a category's items and a saved segment's version), ${Math.max(RUNS, 5)} runs after a warm-up; CPU: this process's user + system time per call:`,
      '',
      '| use case | median | max | CPU (median) | full recount of the same counts (the baseline); recount / median |',
      '|---|---|---|---|---|',
      ...useCaseRows,
      '',
      `Friend ties (hasFriendWhoPurchased): one full read of every FRIEND edge ${fmt(tiesMs)} (${ties.pairs.toLocaleString('en-US')} friendships, ${ties.users.toLocaleString('en-US')} users, at the first such query); ` +
        `population.cypher for hasFriendWhoPurchased true, all time (the read the previous version made at every such query, before counting): median ${fmt(med(cypherPopulation.times))} of ${RUNS}.`,
      '',
      `Attribute-only re-read of every user (the staleness bound of attribute writes the process was not told about; background): median ${fmt(med(attrs.times))}.`,
      '',
      `After 100 late events recorded by this process (observer), the next transition count: ${fmt(afterLate.times[0] as number)} (re-reads their users only).`,
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
