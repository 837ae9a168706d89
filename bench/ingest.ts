/**
 * Ingestion benchmark (issue 2, section 6). One fresh embedded Neo4j, one run, three ways to write the same
 * generated events:
 *   (a) the product's batched path: ingestSource -> GraphWriter (UNWIND batches, 5 statements per tx);
 *   (b) Neo4j's own LOAD CSV of the same rows (bench/cypher/load-csv-events.cypher, IN TRANSACTIONS);
 *   (c) one transaction per event, on a small slice (it is ~1000x slower; a full run would take hours);
 *   (d) into an empty store: `grec load`'s bulk path (src/cli/load-graph.ts: ingestSource into memory, CSV
 *       files, neo4j-admin database import, start, schema), entities and events together, end to end.
 * Prints a markdown table and writes bench/out/ingest.md. Usage:
 *   npm run bench:ingest -- [--events 1000000] [--slice 1000] [--batch 10000] [--bulk-only]
 */
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../src/config.ts';
import type { InteractionEvent } from '../src/domain/events.ts';
import { eventWeight } from '../src/domain/interaction-weights.ts';
import type { DataSource, SourceRow } from '../src/domain/ingest.ts';
import { createDemoSource, demoPreset } from '../src/sources/index.ts';
import { graphCounts } from '../src/storage/admin.ts';
import { connectGraph } from '../src/storage/connect.ts';
import { GraphWriter } from '../src/storage/graph-writer.ts';
import { applySchema } from '../src/storage/schema.ts';
import { ingestSource } from '../src/usecases/ingest/ingest-source.ts';
import { loadGraph } from '../src/cli/load-graph.ts';
import { startPhaseClock } from '../src/cli/phase-clock.ts';
import type { GraphCounts } from '../src/storage/admin.ts';
import { machineLine } from './machine.ts';

const opts = new Command('bench:ingest')
  .option('--events <n>', 'events to generate', '1000000')
  .option('--slice <n>', 'events for the one-transaction-per-event baseline', '1000')
  .option('--batch <n>', 'rows per transaction (batched and LOAD CSV)', '10000')
  .option('--bulk-only', 'run only (d), the empty-store bulk import')
  .parse(process.argv)
  .opts<{ events: string; slice: string; batch: string; bulkOnly?: boolean }>();
const EVENTS = Number(opts.events);
const SLICE = Number(opts.slice);
const BATCH = Number(opts.batch);
/** The batched path's events/s in run 3 (docs/benchmarks.md section 1), issue 10's reference for the bulk target (10x). */
const RUN3_BATCHED = 4565;

const log = (m: string): void => void process.stderr.write(`[bench:ingest] ${m}\n`);
const options = demoPreset('large', { eventsTarget: EVENTS, users: Math.max(100, Math.round(EVENTS / 24)), items: Math.max(200, Math.round(EVENTS / 12)) });

/** Splits the demo source into entity rows and event rows (events are replayed three ways). */
async function split(): Promise<{ entities: SourceRow[]; events: InteractionEvent[] }> {
  const entities: SourceRow[] = [];
  const events: InteractionEvent[] = [];
  const src = createDemoSource(options) as DataSource & { batches(): AsyncIterable<readonly SourceRow[]> };
  for await (const batch of src.batches()) {
    for (const row of batch) {
      if (row.kind === 'event') events.push(row.event);
      else entities.push(row);
    }
  }
  return { entities, events };
}

const sourceOf = (name: string, rows: readonly SourceRow[]): DataSource & { batches(): AsyncIterable<readonly SourceRow[]> } => ({
  name,
  estimatedRows: rows.length,
  async *rows() { yield* rows; },
  async *batches() { for (let k = 0; k < rows.length; k += 50_000) yield rows.slice(k, k + 50_000); },
});

interface BulkRun {
  /** `grec load` end to end: the store holds the data, offline, its schema left to the next start. */
  readonly seconds: number;
  /** The next start: the embedded JVM up, the schema applied and every index online (what the API does first). */
  readonly startSeconds: number;
  readonly events: number;
  readonly counts: GraphCounts;
  /** The load's own phase lines (wall and CPU seconds). */
  readonly phases: string[];
}

/** (d): the whole demo (entities, then events) into a fresh, empty embedded store through `grec load`'s bulk path. */
async function bulkRow(cfg: ReturnType<typeof loadConfig>, rows: readonly SourceRow[], heap: string): Promise<BulkRun> {
  const store = mkdtempSync(join(tmpdir(), 'grec-bench-bulk-'));
  const config = { ...cfg, neo4j: { ...cfg.neo4j, uri: undefined, local: { ...cfg.neo4j.local, storeDir: store, port: 0, heap, pageCache: '2g' } } };
  const phases: string[] = [];
  const keep = (m: string): void => {
    if (m.startsWith('bulk load:')) phases.push(m.slice('bulk load: '.length));
    log(m);
  };
  try {
    let t = performance.now();
    // The same options as `grec load` (src/cli/main.ts).
    const { report, path } = await loadGraph(config, sourceOf('demo', rows), { path: 'auto', schema: 'next-start', batchSize: BATCH }, keep);
    const seconds = (performance.now() - t) / 1000;
    if (path !== 'bulk') throw new Error(`expected the bulk path, got ${path}`);
    t = performance.now();
    const clock = startPhaseClock();
    const graph = await connectGraph(config.neo4j, log, { port: 0, txTimeoutMs: 3_600_000 });
    let startSeconds = 0;
    let counts: GraphCounts;
    try {
      await applySchema(graph.executor);
      startSeconds = (performance.now() - t) / 1000;
      counts = await graphCounts(graph.executor);
    } finally {
      await graph.close();
    }
    // The JVM's CPU is counted once it has exited (after the counts, which read Neo4j's count store).
    phases.push(`the next start, schema online: ${startSeconds.toFixed(1)} s (cpu up to the stop, counts included: ${clock.lap().replace(/^.*cpu /, '').replace(')', '')})`);
    return { seconds, startSeconds, events: report.kinds.event?.written ?? 0, counts, phases };
  } finally {
    rmSync(store, { recursive: true, force: true });
  }
}

/** Load average over 1, 5 and 15 minutes: the machine is shared with other jobs. */
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' / ');

async function main(): Promise<void> {
  const cfg = loadConfig();
  const store = mkdtempSync(join(tmpdir(), 'grec-bench-ingest-'));
  const importDir = join(store, 'import');
  mkdirSync(importDir, { recursive: true });
  log(`generating ${EVENTS} demo events`);
  const t0 = performance.now();
  const { entities, events } = await split();
  log(`generated ${events.length} events + ${entities.length} entity rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // LOAD CSV reads a file: write the same rows once, before any timing.
  const csv = createWriteStream(join(importDir, 'events.csv'));
  csv.write('id,userId,itemId,type,ts,w,v\n');
  for (const e of events) csv.write(`${e.id},${e.userId},${e.itemId},${e.type},${e.ts},${eventWeight(e.type, e.value)},${e.value ?? ''}\n`);
  await new Promise<void>((r) => csv.end(r));

  const neoCfg = { ...cfg.neo4j, local: { ...cfg.neo4j.local, heap: process.env['GREC_NEO4J_HEAP'] ?? '4g', pageCache: '2g' } };

  log(`(d) bulk import into an empty store: ${entities.length} entity rows + ${events.length} events`);
  const loadBefore = load();
  const d = await bulkRow(cfg, [...entities, ...events.map((event): SourceRow => ({ kind: 'event', event }))], neoCfg.local.heap);
  const loadAfter = load();
  log(`(d) ${d.events} events in ${d.seconds.toFixed(1)} s, then the first start with the schema in ${d.startSeconds.toFixed(1)} s`);
  const dRate = Math.round(d.events / d.seconds);
  const dServeRate = Math.round(d.events / (d.seconds + d.startSeconds));
  const dRows = [
    `| (d) empty store: bulk import (\`grec load\`: read + import files + neo4j-admin import; schema left to the next start) | ${d.events} | ${d.seconds.toFixed(1)} | ${dRate} | ${(dRate / RUN3_BATCHED).toFixed(2)} |`,
    `| (d) + the next start (JVM up, constraints and indexes built and online: ready to serve) | ${d.events} | ${(d.seconds + d.startSeconds).toFixed(1)} | ${dServeRate} | ${(dServeRate / RUN3_BATCHED).toFixed(2)} |`,
  ];
  const dNotes = [
    `Phases of (d) (wall, and CPU of the Node process plus its finished child JVMs): ${d.phases.join('; ')}.`,
    `Load average (1 / 5 / 15 min) before (d): ${loadBefore}; after: ${loadAfter}.`,
  ];
  if (opts.bulkOnly === true) {
    const md = [
      `### Ingestion, bulk only (\`npm run bench:ingest -- --events ${EVENTS} --bulk-only\`)`,
      '',
      `Machine: ${machineLine()}. Neo4j 5.26 embedded, importer heap ${neoCfg.local.heap}. ${new Date().toISOString().slice(0, 10)}.`,
      `Demo shop: ${events.length} events over ${options.users} users and ${options.items} items. Counts after (d): ${JSON.stringify(d.counts)}.`,
      '',
      `| path | events | seconds | events/s | vs run 3's batched ${RUN3_BATCHED} ev/s |`,
      '|---|---|---|---|---|',
      ...dRows,
      '',
      ...dNotes,
      '',
    ].join('\n');
    process.stdout.write(`${md}\n`);
    mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
    writeFileSync(join(import.meta.dirname, 'out', 'ingest-bulk.md'), md);
    rmSync(store, { recursive: true, force: true });
    return;
  }
  // Bulk statements (the reset, LOAD CSV) run far past the API's 30 s transaction timeout.
  const graph = await connectGraph({ ...neoCfg, uri: undefined }, log, { storeDir: store, port: 0, txTimeoutMs: 3_600_000 });
  // Embedded Neo4j leaves LOAD CSV's file root unset, so it may read the file by absolute file:// URL.
  const ex = graph.executor;
  try {
    await applySchema(ex);
    const writer = new GraphWriter(ex);
    log('loading entities (users, items, categories, tags, friends)');
    await ingestSource(sourceOf('entities', entities), writer, { batchSize: BATCH });

    // (a) batched
    log(`(a) batched: ${events.length} events in batches of ${BATCH}`);
    let t = performance.now();
    const rep = await ingestSource(sourceOf('events', events.map((event) => ({ kind: 'event', event }))), writer, { batchSize: BATCH });
    const batchedS = (performance.now() - t) / 1000;
    const countsA = await graphCounts(ex);
    log(`(a) ${rep.kinds.event?.written} events in ${batchedS.toFixed(1)} s`);

    // reset events, then (b) LOAD CSV of the same rows
    await ex.autoCommit('MATCH ()-[r:INTERACTED]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS');
    await ex.autoCommit('MATCH (e:Event) CALL (e) { DETACH DELETE e } IN TRANSACTIONS OF 20000 ROWS');
    await ex.autoCommit('MATCH (u:User) CALL (u) { REMOVE u.views, u.favourites, u.carts, u.purchases, u.cancels, u.ratings, u.monetary, '
      + 'u.unpricedPurchases, u.firstActivityTs, u.lastActivityTs, u.lastPurchaseTs } IN TRANSACTIONS OF 20000 ROWS');
    log(`(b) LOAD CSV: the same ${events.length} rows, IN TRANSACTIONS OF ${BATCH} ROWS`);
    t = performance.now();
    await ex.autoCommit(readFileSync(join(import.meta.dirname, 'cypher', 'load-csv-events.cypher'), 'utf8'), {
      url: `file://${join(importDir, 'events.csv')}`, batch: BATCH,
    });
    const loadCsvS = (performance.now() - t) / 1000;
    const countsB = await graphCounts(ex);
    log(`(b) in ${loadCsvS.toFixed(1)} s`);
    const same = countsA['Event'] === countsB['Event'] && countsA['INTERACTED'] === countsB['INTERACTED'];

    // (c) one transaction per event, on fresh ids (same graph size as at the end of (a))
    const slice = events.slice(0, SLICE).map((e) => ({ ...e, id: `${e.id}-single` as InteractionEvent['id'] }));
    log(`(c) one transaction per event: ${slice.length} events`);
    t = performance.now();
    for (const e of slice) await writer.events([e]);
    const singleS = (performance.now() - t) / 1000;

    const rate = (n: number, s: number): number => Math.round(n / s);
    const a = rate(events.length, batchedS);
    const b = rate(events.length, loadCsvS);
    const c = rate(slice.length, singleS);
    const md = [
      `### Ingestion (\`npm run bench:ingest -- --events ${EVENTS}\`)`,
      '',
      `Machine: ${machineLine()}. Neo4j 5.26 embedded, heap ${neoCfg.local.heap}, page cache 2g. ${new Date().toISOString().slice(0, 10)}.`,
      `Demo shop: ${events.length} events over ${options.users} users and ${options.items} items; same rows for (a) and (b); graph counts after (a) and (b) ${same ? 'identical' : `DIFFER: ${JSON.stringify(countsA)} vs ${JSON.stringify(countsB)}`}.`,
      '',
      '| path | events | seconds | events/s | batched / this |',
      '|---|---|---|---|---|',
      `| (a) batched UNWIND (product path, ${BATCH}/tx) | ${events.length} | ${batchedS.toFixed(1)} | ${a} | 1.00 |`,
      `| (b) LOAD CSV, same rows, IN TRANSACTIONS OF ${BATCH} | ${events.length} | ${loadCsvS.toFixed(1)} | ${b} | ${(a / b).toFixed(2)} |`,
      `| (c) one transaction per event (slice) | ${slice.length} | ${singleS.toFixed(1)} | ${c} | ${(a / c).toFixed(0)} |`,
      ...dRows.map((r) => `${r.slice(0, r.lastIndexOf('|', r.length - 2))}| ${(a / Number(r.split('|')[4])).toFixed(2)} |`),
      '',
      ...dNotes,
      '',
      `Graph counts after (d) ${sameCounts(countsA, d.counts) ? 'equal those after (a)' : `DIFFER from (a): ${JSON.stringify(d.counts)}`}.`,
      '',
    ].join('\n');
    process.stdout.write(`${md}\n`);
    mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
    writeFileSync(join(import.meta.dirname, 'out', 'ingest.md'), md);
  } finally {
    await graph.close();
    rmSync(store, { recursive: true, force: true });
  }
}

function sameCounts(a: GraphCounts, b: GraphCounts): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:ingest failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
