/**
 * Cypher strategy latency on a dense catalogue (issue 10, section 2: "within 100 ms p95 for a user with a long
 * history"). One fresh embedded Neo4j: the demo shop (tens of thousands of users, a few thousand items) written
 * through the product's batched writer, plus one user with a long history (--heavy distinct items, the
 * popular ones included) and many friends and follows. Each strategy file then runs for that user and for
 * typical users (median history) exactly as the API sends it for `recommendations(strategy: X, first: 20)`:
 * RecsStore with strategyParams(...) + the parsed default filter, limit first + 1. Beside it, in the same run
 * and interleaved query by query, the unbounded text of the files before the caps (bench/cypher/
 * recs-unbounded/, the same parameters minus the caps): the baseline. `same top-20` compares the two rankings.
 * With --neighbours: the precomputed item-item lists instead (cypher/recs/item-neighbours-*.cypher): the
 * rebuild is timed (read, compute, write), then ITEM_CF and similarItems read from the lists as the API does
 * once they exist (item-cf-neighbours, similar-items-neighbours) against today's bounded files as the
 * baseline; typical ITEM_CF also against the unbounded file (the exact ranking), and USER_CF as above.
 * Usage: npm run bench:cypher -- [--users 20000] [--items 3000] [--events 200000] [--heavy 1500]
 *        [--runs 30] [--warmup 5] [--budget 60] [--neighbours] [--only CONTENT,TRENDING]
 * Prints a markdown table and writes bench/out/cypher-strategies.md.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../src/config.ts';
import { asEventId, asItemId, asUserId, type ItemId, type UserId } from '../src/domain/ids.ts';
import type { DataSource, IngestRecord } from '../src/domain/ingest.ts';
import { loadGraph } from '../src/cli/load-graph.ts';
import { createDemoSource, demoPreset } from '../src/sources/index.ts';
import { connectGraph } from '../src/storage/connect.ts';
import type { Row } from '../src/storage/executor.ts';
import { filterParams, RecsStore } from '../src/storage/recs-store.ts';
import { RECS_CONFIG } from '../src/usecases/recommend/config.ts';
import { parseRecommendArgs } from '../src/usecases/recommend/parse-args.ts';
import { ReferenceClock } from '../src/usecases/recommend/reference-time.ts';
import { itemCfNeighbourParams, peopleParams, similarParams, strategyParams, type CypherSource } from '../src/usecases/recommend/strategy-params.ts';
import { ItemNeighbours, neighbourRows } from '../src/usecases/recommend/item-neighbours.ts';
import { ItemNeighboursStore } from '../src/storage/item-neighbours-store.ts';
import { RecsGraphStore } from '../src/storage/recs-graph-store.ts';
import { ALL_GRANTED } from '../src/domain/consent.ts';
import { machineLine } from './machine.ts';
import { createRng } from '../src/algorithms/recs/rng.ts';

const opts = new Command('bench:cypher')
  .option('--users <n>', 'demo users', '20000')
  .option('--items <n>', 'demo items', '3000')
  .option('--events <n>', 'demo events', '200000')
  .option('--heavy <n>', 'distinct items in the long-history user\'s history', '1500')
  .option('--runs <n>', 'measured runs per strategy and user', '30')
  .option('--warmup <n>', 'unmeasured runs first (JIT, plan cache)', '5')
  .option('--budget <s>', 'seconds at most per strategy and user (slow baselines stop early)', '60')
  .option('--timeout <s>', 'transaction timeout: a slower query is recorded as failed', '30')
  .option('--store <dir>', 'keep the store in this directory and reuse it when it exists (same options)')
  .option('--only <names>', 'comma-separated strategy names to run (e.g. CONTENT,TRENDING); default: all')
  .option('--neighbours', 'rebuild the item-item lists and compare ITEM_CF / similarItems on them with the bounded files')
  .option('--keep-lists', 'with --neighbours and a reused store: keep the lists an earlier run built instead of rebuilding')
  .parse(process.argv)
  .opts<{ users: string; items: string; events: string; heavy: string; runs: string; warmup: string; budget: string; timeout: string; store?: string; only?: string; neighbours?: boolean; keepLists?: boolean }>();
const NEIGHBOURS = opts.neighbours === true;
// Checked before the store is built: the case names start with these (cases() and neighbourCases() below).
const KNOWN_CASES = ['ITEM_CF', 'USER_CF', 'SOCIAL', 'CONTENT', 'POPULAR', 'TRENDING', 'peopleYouMayKnow', 'similarItems'];
const ONLY = opts.only?.split(',').map((x) => x.trim()).filter((x) => x !== '');
const unknownOnly = ONLY?.filter((n) => !KNOWN_CASES.includes(n)) ?? [];
if (unknownOnly.length > 0) {
  process.stderr.write(`bench:cypher: --only names unknown strategies: ${unknownOnly.join(', ')} (known: ${KNOWN_CASES.join(', ')})\n`);
  process.exit(2);
}
const USERS = Number(opts.users);
const ITEMS = Number(opts.items);
const EVENTS = Number(opts.events);
const HEAVY = Number(opts.heavy);
const RUNS = Number(opts.runs);
const WARMUP = Number(opts.warmup);
const BUDGET_MS = Number(opts.budget) * 1000;
const HEAVY_ID = asUserId('bench-heavy');
const t00 = performance.now();
const log = (m: string): void => void process.stderr.write(`[bench:cypher ${((performance.now() - t00) / 1000).toFixed(0)} s] ${m}\n`);

const demo = demoPreset('large', { users: USERS, items: ITEMS, categories: 30, eventsTarget: EVENTS, seed: 7 });

/** The project's seeded PRNG (mulberry32), as a plain function: a seed gives the same sequence. */
function prng(seed: number): () => number {
  const r = createRng(seed);
  return () => r.next();
}

/**
 * The long-history user: HEAVY distinct items drawn uniformly from the catalogue (half of it by default, so
 * the most popular items too), 1-3 events each over the demo's 16 weeks, a purchase on every fifth item; 150 friends and 50 follows.
 */
function heavyRows(): IngestRecord[] {
  const rand = prng(11);
  const rows: IngestRecord[] = [{ kind: 'user', user: { id: HEAVY_ID, name: 'Long history' } }];
  const chosen = new Set<ItemId>();
  while (chosen.size < Math.min(HEAVY, ITEMS)) chosen.add(asItemId(`i${1 + Math.floor(rand() * ITEMS)}`));
  const start = Date.UTC(2024, 0, 1);
  const span = 16 * 7 * 86_400_000;
  let n = 0;
  let k = 0;
  for (const itemId of chosen) {
    const events = 1 + Math.floor(rand() * 3);
    for (let e = 0; e < events; e++) {
      const type = k % 5 === 0 && e === events - 1 ? 'purchase' : 'view';
      rows.push({ kind: 'event', event: { id: asEventId(`heavy-${n++}`), userId: HEAVY_ID, itemId, type, ts: start + Math.floor(rand() * span) } });
    }
    k++;
  }
  for (let f = 0; f < 200; f++) {
    const to = asUserId(`u${1 + Math.floor(rand() * USERS)}`);
    rows.push({ kind: 'social', edge: { kind: f < 150 ? 'FRIEND' : 'FOLLOWS', from: HEAVY_ID, to } });
  }
  return rows;
}

interface Case { readonly name: string; readonly current: () => Promise<Row[] | readonly { itemId?: string; userId?: string }[]>; readonly baseline: () => Promise<Row[]> }

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  const cfg = loadConfig();
  const keep = opts.store !== undefined;
  const reuse = keep && existsSync(join(opts.store!, 'data', 'databases', 'neo4j'));
  const storeDir = opts.store ?? mkdtempSync(join(tmpdir(), 'grec-bench-cypher-'));
  const neo = { ...cfg.neo4j, uri: undefined, local: { ...cfg.neo4j.local, heap: process.env['GREC_NEO4J_HEAP'] ?? '4g', pageCache: '1g' } };
  // The graph is written by `grec load`'s bulk path (neo4j-admin import into the empty store): the product's
  // own graph shape, in a fraction of the batched writer's time on a shared machine.
  const config = { ...cfg, neo4j: { ...neo, local: { ...neo.local, storeDir, port: 0 } } };
  let t = performance.now();
  log(`loading the demo shop: ${USERS} users, ${ITEMS} items, ~${EVENTS} events, + the long-history user`);
  const demoRows = createDemoSource(demo);
  const heavy = heavyRows();
  const source: DataSource = { name: 'bench', async *rows() { yield* demoRows.rows(); yield* heavy; } };
  const events = reuse ? null : (await loadGraph(config, source, { path: 'auto', batchSize: 10_000 }, log)).report.kinds.event?.written ?? 0;
  const loadS = (performance.now() - t) / 1000;
  const graph = await connectGraph(neo, log, { storeDir, port: 0, txTimeoutMs: Number(opts.timeout) * 1000 });
  const ex = graph.executor;
  try {
    const popularIds = (await ex.read('MATCH (i:Item) RETURN i.id AS id ORDER BY COUNT { (i)<-[:INTERACTED]-() } DESC, id LIMIT 1')).map((r) => asItemId(String(r['id'])));
    const [shape] = await ex.read(`MATCH (u:User) WITH count(u) AS users MATCH (i:Item) WITH users, count(i) AS items
      MATCH ()-[r:INTERACTED]->() WITH users, items, count(r) AS interactions MATCH (e:Event) RETURN users, items, interactions, count(e) AS events`);
    const [maxItem] = await ex.read('MATCH (i:Item) RETURN max(COUNT { (i)<-[:INTERACTED]-() }) AS users');
    const [heavyShape] = await ex.read('MATCH (u:User {id: $id}) RETURN COUNT { (u)-[:INTERACTED]->() } AS items, COUNT { (u)-[:FRIEND]-() } AS friends', { id: HEAVY_ID });
    // Typical users: the median history length among users with one at least.
    const typical = (await ex.read(`MATCH (u:User) WHERE u.id STARTS WITH 'u' WITH u.id AS id, COUNT { (u)-[:INTERACTED]->() } AS n WHERE n > 0
      WITH id, n ORDER BY n, id WITH collect({id: id, n: n}) AS xs
      RETURN [x IN xs[size(xs) / 2 - 1..size(xs) / 2 + 2] | x.id] AS ids, xs[size(xs) / 2].n AS n`))[0]!;
    const typicalIds = (typical['ids'] as string[]).map(asUserId);
    log(`loaded in ${loadS.toFixed(0)} s: ${JSON.stringify(shape)}, busiest item ${String(maxItem?.['users'])} users, heavy ${JSON.stringify(heavyShape)}, typical ${typicalIds.join(',')} (${String(typical['n'])} items)`);

    const store = new RecsStore(ex);
    const now = await new ReferenceClock(() => store.latestEventTs(), RECS_CONFIG.referenceTime, Date.now).get();
    const unbounded = (file: string): string => readFileSync(join(import.meta.dirname, 'cypher', 'recs-unbounded', `${file}.cypher`), 'utf8');
    /** The parameters the unbounded text takes: the API's minus the caps (an unknown parameter is ignored anyway). */
    const run = (file: string, params: Record<string, unknown>) => () => ex.read(unbounded(file), params);
    const cases = (userId: UserId, who: string, itemId: ItemId): Case[] => {
      const req = parseRecommendArgs({ userId, first: 20 });
      const limit = req.offset + req.first + 1;
      const f = req.filter;
      const strategy = (name: string, source: CypherSource, file: string, call: (p: ReturnType<typeof strategyParams>) => Promise<readonly { itemId: string }[]>): Case => {
        const p = strategyParams(source, RECS_CONFIG, now);
        return { name: `${name} (${who})`, current: () => call(p), baseline: run(file, { ...p, ...filterParams(f), userId, limit }) };
      };
      return [
        strategy('ITEM_CF', 'ITEM_CF', 'item-cf', (p) => store.itemCf(userId, f, p, limit)),
        strategy('USER_CF', 'USER_CF', 'user-cf', (p) => store.userCf(userId, f, p, limit)),
        strategy('SOCIAL', 'SOCIAL', 'social', (p) => store.social(userId, f, p, limit)),
        strategy('CONTENT', 'CONTENT', 'content', (p) => store.content(userId, f, p, limit)),
        strategy('POPULAR', 'POPULAR', 'popular', (p) => store.popular(userId, f, p, limit)),
        strategy('TRENDING', 'TRENDING', 'trending', (p) => store.trending(userId, f, p, limit)),
        {
          name: `peopleYouMayKnow (${who})`,
          current: () => store.peopleYouMayKnow(userId, peopleParams(RECS_CONFIG), 10),
          baseline: run('people-you-may-know', { ...peopleParams(RECS_CONFIG), userId, limit: 10 }),
        },
        {
          name: `similarItems (${who === 'long history' ? 'most popular item' : 'median item'})`,
          current: () => store.similarItems(itemId, 10, similarParams(RECS_CONFIG)),
          baseline: run('similar-items', { ...similarParams(RECS_CONFIG), itemId, limit: 10 }),
        },
      ];
    };
    /** --neighbours: the lists (current) against today's bounded files (baseline), USER_CF as usual. */
    const lists = new ItemNeighboursStore(ex);
    let rebuildLine = '';
    const kept = NEIGHBOURS && opts.keepLists === true ? await lists.status() : null;
    if (kept !== null) {
      rebuildLine = `Lists kept from an earlier run's rebuild (K ${kept.k}): ${kept.items} items, ${kept.edges} SIMILAR edges; that rebuild took ${(kept.ms / 1000).toFixed(1)} s.`;
      log(rebuildLine);
    } else if (NEIGHBOURS) {
      t = performance.now();
      const { interactions } = await new RecsGraphStore(ex).loadEdges(false, ALL_GRANTED);
      const readMs = performance.now() - t;
      t = performance.now();
      const rows = await neighbourRows(interactions, RECS_CONFIG.itemNeighbours.k);
      const computeMs = performance.now() - t;
      t = performance.now();
      const status = await new ItemNeighbours(lists, new RecsGraphStore(ex), RECS_CONFIG.itemNeighbours, Date.now).rebuild();
      const rebuildMs = performance.now() - t;
      rebuildLine = `Rebuild of the lists (K ${status.k}): ${status.items} items, ${status.edges} SIMILAR edges; whole rebuild ${(rebuildMs / 1000).toFixed(1)} s (read + compute + write); measured apart: read ${(readMs / 1000).toFixed(1)} s (${interactions.length} positive interactions), compute ${(computeMs / 1000).toFixed(2)} s (${rows.length} lists, main thread, yielding every 20 ms).`;
      log(rebuildLine);
    }
    const neighbourCases = (userId: UserId, who: string, itemId: ItemId, withUnbounded: boolean): Case[] => {
      const req = parseRecommendArgs({ userId, first: 20 });
      const limit = req.offset + req.first + 1;
      const f = req.filter;
      const p = strategyParams('ITEM_CF', RECS_CONFIG, now);
      const current = () => lists.itemCf(userId, f, itemCfNeighbourParams(RECS_CONFIG), limit);
      const out: Case[] = [
        { name: `ITEM_CF lists vs bounded (${who})`, current, baseline: () => store.itemCf(userId, f, p, limit) as unknown as Promise<Row[]> },
        ...(withUnbounded ? [{ name: `ITEM_CF lists vs unbounded (${who})`, current, baseline: run('item-cf', { ...p, ...filterParams(f), userId, limit }) }] : []),
        {
          name: `similarItems lists vs bounded (${who === 'long history' ? 'most popular item' : 'median item'})`,
          current: () => lists.similarItems(itemId, 10),
          baseline: () => store.similarItems(itemId, 10, similarParams(RECS_CONFIG)) as unknown as Promise<Row[]>,
        },
      ];
      return [...out, ...cases(userId, who, itemId).filter((c) => c.name.startsWith('USER_CF'))];
    };
    const [medianItem] = await ex.read(`MATCH (i:Item) WITH i, COUNT { (i)<-[:INTERACTED]-() } AS n ORDER BY n, i.id
      WITH collect(i.id) AS ids RETURN ids[size(ids) / 2] AS id`);
    const all = (NEIGHBOURS
      ? [
        ...neighbourCases(HEAVY_ID, 'long history', popularIds[0]!, false),
        ...typicalIds.flatMap((u, k) => neighbourCases(u, 'typical', asItemId(String(medianItem?.['id'])), true).filter((c) => k === 0 || !c.name.startsWith('similarItems'))),
      ]
      : [
        ...cases(HEAVY_ID, 'long history', popularIds[0]!),
        ...typicalIds.flatMap((u, k) => cases(u, 'typical', asItemId(String(medianItem?.['id']))).filter((c) => k === 0 || !c.name.startsWith('similarItems'))),
      ]).filter((c) => ONLY === undefined || ONLY.some((n) => c.name.startsWith(`${n} `)));

    const idsOf = (rows: readonly unknown[]): string[] => rows.map((r) => {
      const o = r as Record<string, unknown>;
      return String(o['itemId'] ?? o['userId'] ?? o['id']);
    }).slice(0, 20);
    const results = new Map<string, { cur: number[]; base: number[]; same: number[]; curErrors: Set<string>; baseErrors: Set<string> }>();
    for (const c of all) {
      const started = performance.now();
      const entry = results.get(c.name) ?? { cur: [], base: [], same: [], curErrors: new Set<string>(), baseErrors: new Set<string>() };
      results.set(c.name, entry);
      for (let k = 0; k < WARMUP + RUNS; k++) {
        // A query Neo4j refuses (e.g. over the transaction memory limit) is recorded, not fatal.
        const timed = async <T>(q: () => Promise<T>, fail: Set<string>): Promise<[T | null, number]> => {
          const t0 = performance.now();
          try {
            return [await q(), performance.now() - t0];
          } catch (e) {
            fail.add((e as Error).message.slice(0, 60));
            return [null, Number.POSITIVE_INFINITY];
          }
        };
        const [cur, curMs] = await timed(c.current, entry.curErrors);
        const [base, baseMs] = await timed(c.baseline, entry.baseErrors);
        if (k >= WARMUP) {
          entry.cur.push(curMs);
          entry.base.push(baseMs);
        }
        if (k === 0 && cur !== null && base !== null) {
          const a = idsOf(cur);
          const b = new Set(idsOf(base));
          entry.same.push(a.filter((x) => b.has(x)).length / Math.max(1, b.size));
        }
        if (performance.now() - started > BUDGET_MS && k >= WARMUP + 2) break;
      }
      const p95 = (xs: readonly number[]) => percentile([...xs].sort((a, b) => a - b), 95).toFixed(1);
      log(`${c.name}: ${entry.cur.length} runs, p95 bounded ${p95(entry.cur)} ms, unbounded ${p95(entry.base)} ms`);
    }

    const lines = [
      `#### Cypher strategies on a dense catalogue (\`npm run bench:cypher -- --users ${USERS} --items ${ITEMS} --events ${EVENTS} --heavy ${HEAVY}${NEIGHBOURS ? ' --neighbours' : ''}${opts.only !== undefined ? ` --only ${opts.only}` : ''}\`)`,
      '',
      `Machine: ${machineLine()}. Neo4j 5.26 embedded (heap ${neo.local.heap}, page cache ${neo.local.pageCache}). ${new Date().toISOString().slice(0, 16)} UTC.`,
      `Graph: ${JSON.stringify(shape)}; busiest item ${String(maxItem?.['users'])} users; long-history user ${JSON.stringify(heavyShape)}; typical users ${typicalIds.join(', ')} (median history, ${String(typical['n'])} items). ${events === null ? 'Store reused from an earlier run.' : `Loaded in ${loadS.toFixed(0)} s (grec load's bulk path, ${events} events).`}`,
      `Each query as the API sends it (RecsStore, strategyParams + default filter, limit 21; people 10, similar 10), ${WARMUP} warm-up runs then up to ${RUNS} measured (at most ${opts.budget} s per row, at least 2 measured), bounded and unbounded interleaved; transaction timeout ${opts.timeout} s. Typical rows pool ${typicalIds.length} users.`,
      ...(NEIGHBOURS ? [rebuildLine, 'Columns: "current" = the row\'s first named query (the lists, or bounded USER_CF), "baseline" = the second (today\'s bounded file, or the unbounded one).'] : []),
      '',
      NEIGHBOURS
        ? '| query (user) | current p50 ms | current p95 ms | baseline p50 ms | baseline p95 ms | p95 ratio | same top-20 | runs |'
        : '| strategy (user) | bounded p50 ms | bounded p95 ms | unbounded p50 ms | unbounded p95 ms | p95 ratio | same top-20 | runs |',
      '|---|---|---|---|---|---|---|---|',
    ];
    for (const [name, e] of results) {
      const cur = [...e.cur].sort((a, b) => a - b);
      const base = [...e.base].sort((a, b) => a - b);
      const same = e.same.reduce((s, x) => s + x, 0) / Math.max(1, e.same.length);
      const ms = (xs: readonly number[], p: number) => (Number.isFinite(percentile(xs, p)) ? percentile(xs, p).toFixed(1) : `> ${Number(opts.timeout) * 1000} (failed)`);
      const errors = [...e.curErrors].map((x) => `bounded: ${x}`).concat([...e.baseErrors].map((x) => `unbounded: ${x}`));
      lines.push(`| ${name} | ${ms(cur, 50)} | ${ms(cur, 95)} | ${ms(base, 50)} | ${ms(base, 95)} | ${Number.isFinite(percentile(base, 95) / percentile(cur, 95)) ? `${(percentile(base, 95) / percentile(cur, 95)).toFixed(1)}x` : `> ${(Number(opts.timeout) * 1000 / percentile(cur, 95)).toFixed(1)}x`} | ${e.same.length === 0 ? 'n/a' : `${(same * 100).toFixed(0)} %`} | ${cur.length}${errors.length > 0 ? ` (${errors.join('; ')})` : ''} |`);
    }
    const md = `${lines.join('\n')}\n`;
    process.stdout.write(md);
    mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
    writeFileSync(join(import.meta.dirname, 'out', NEIGHBOURS ? 'cypher-neighbours.md' : 'cypher-strategies.md'), md);
  } finally {
    await graph.close();
    if (!keep) rmSync(storeDir, { recursive: true, force: true });
  }
}

await main();
