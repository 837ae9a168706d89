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
import { tmpdir } from 'node:os';
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

/** (d): the whole demo (entities, then events) into a fresh, empty embedded store through `grec load`'s bulk path. */
async function bulkRow(cfg: ReturnType<typeof loadConfig>, rows: readonly SourceRow[], heap: string): Promise<{ seconds: number; events: number; counts: GraphCounts }> {
  const store = mkdtempSync(join(tmpdir(), 'grec-bench-bulk-'));
  const config = { ...cfg, neo4j: { ...cfg.neo4j, uri: undefined, local: { ...cfg.neo4j.local, storeDir: store, port: 0, heap, pageCache: '2g' } } };
  try {
    const t = performance.now();
    const { report, path } = await loadGraph(config, sourceOf('demo', rows), { path: 'auto', batchSize: BATCH }, log);
    const seconds = (performance.now() - t) / 1000;
    if (path !== 'bulk') throw new Error(`expected the bulk path, got ${path}`);
    const graph = await connectGraph(config.neo4j, log, { port: 0, txTimeoutMs: 3_600_000 });
    try {
      return { seconds, events: report.kinds.event?.written ?? 0, counts: await graphCounts(graph.executor) };
    } finally {
      await graph.close();
    }
  } finally {
    rmSync(store, { recursive: true, force: true });
  }
}

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
  const d = await bulkRow(cfg, [...entities, ...events.map((event): SourceRow => ({ kind: 'event', event }))], neoCfg.local.heap);
  log(`(d) ${d.events} events in ${d.seconds.toFixed(1)} s`);
  const dRow = `| (d) empty store: bulk import (grec load, entities + events, end to end) | ${d.events} | ${d.seconds.toFixed(1)} | ${Math.round(d.events / d.seconds)} |`;
  if (opts.bulkOnly === true) {
    const md = [
      `### Ingestion, bulk only (\`npm run bench:ingest -- --events ${EVENTS} --bulk-only\`)`,
      '',
      `Machine: ${machineLine()}. Neo4j 5.26 embedded, importer heap ${neoCfg.local.heap}. ${new Date().toISOString().slice(0, 10)}.`,
      `Demo shop: ${events.length} events over ${options.users} users and ${options.items} items. Counts after (d): ${JSON.stringify(d.counts)}.`,
      '',
      '| path | events | seconds | events/s |',
      '|---|---|---|---|',
      dRow,
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
      `${dRow} ${(a / Math.round(d.events / d.seconds)).toFixed(2)} |`,
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
