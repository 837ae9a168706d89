import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { DataSource } from '../domain/ingest.ts';
import { storeIsEmpty } from '../storage/admin.ts';
import { BulkGraph } from '../storage/bulk/bulk-graph.ts';
import { ImportFileWriter } from '../storage/bulk/import-files.ts';
import { runBulkImport } from '../storage/bulk/run-import.ts';
import { GraphWriter } from '../storage/graph-writer.ts';
import type { IngestReport } from '../usecases/ingest/ingest-report.ts';
import { ingestSource, type IngestOptions } from '../usecases/ingest/ingest-source.ts';
import { startPhaseClock } from './phase-clock.ts';
import { withGraph } from './with-graph.ts';

/** `auto`: the bulk importer when the embedded store is empty, else batched; `batched`: always batched (--no-bulk). */
export type LoadPath = 'auto' | 'batched';

/**
 * After a bulk import: `now` starts the store once to build the schema before returning (for callers that
 * then connect without applying it); `next-start` leaves that to the store's next start (`grec load`).
 */
export type BulkSchema = 'now' | 'next-start';

export interface LoadResult {
  readonly report: IngestReport;
  readonly path: 'bulk' | 'batched';
}

/**
 * Loads a source. Into an empty embedded store (NEO4J_URI unset, no node but schema bookkeeping) it uses
 * Neo4j's own bulk importer: the source goes through the same ingestSource (validation, rejections,
 * de-duplication, report) into an in-memory BulkGraph, which is written as CSV files and imported offline
 * with `neo4j-admin database import full`. Community's importer cannot build constraints or indexes
 * (`--schema` needs the Enterprise block format), so they are built by a start of the store: with
 * `schema: 'next-start'` (`grec load`) the load ends with the store offline and the next start builds them,
 * which saves a start and a stop. Every start through src/main.ts (before the API listens) or
 * cli/with-graph.ts (before a command's work) applies the schema and waits for the indexes to be online, so
 * no query or write of the product sees the imported data without its constraints. `schema: 'now'` (the
 * default) starts the store once here to build them, for callers that then connect without applying it.
 * Otherwise (external Neo4j, a store with data, or --no-bulk) the batched UNWIND path runs.
 */
export async function loadGraph(config: Config, source: DataSource, opts: IngestOptions & { readonly path: LoadPath; readonly schema?: BulkSchema }, log: (m: string) => void): Promise<LoadResult> {
  const started = Date.now();
  const { path, schema = 'now', ...ingestOpts } = opts;
  const batched = (): Promise<LoadResult> =>
    withGraph(config, async (graph) => ({ report: await ingestSource(source, new GraphWriter(graph.executor), ingestOpts), path: 'batched' }));
  if (path === 'batched' || config.neo4j.uri !== undefined) return batched();

  const local = config.neo4j.local;
  if (existsSync(join(local.storeDir, 'data', 'databases', 'neo4j'))) {
    // The store exists: look inside it, and load in the same session when it holds data.
    const done = await withGraph(config, async (graph): Promise<LoadResult | undefined> => {
      if (await storeIsEmpty(graph.executor)) return undefined;
      log('the store holds data: loading with batched transactions');
      return { report: await ingestSource(source, new GraphWriter(graph.executor), ingestOpts), path: 'batched' };
    });
    if (done !== undefined) return done;
  }

  log('the store is empty: loading with the bulk importer (neo4j-admin database import)');
  const clock = startPhaseClock();
  const dir = mkdtempSync(join(tmpdir(), 'grec-bulk-'));
  let report: IngestReport;
  try {
    // Events go to their import files as they are read; the rest of the graph is written once the source ends.
    const writer = new ImportFileWriter(dir);
    const graph = new BulkGraph(writer);
    report = await ingestSource(source, graph, ingestOpts);
    log(`bulk load: read and validated the source, events written as they came, in ${clock.lap()}`);
    const files = writer.finish(graph);
    log(`bulk load: wrote the other nodes and relationships (${files.files.length} import files) in ${clock.lap()}`);
    await runBulkImport(files, { moduleDir: local.moduleDir, homeDir: local.storeDir, javaBin: local.javaBin, heap: local.heap, log });
    log(`bulk load: imported in ${clock.lap()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (schema === 'now') {
    await withGraph(config, async () => undefined); // starts on the imported store and applies the schema
    log(`bulk load: started the store and applied the schema in ${clock.lap()}`);
  } else {
    log('bulk load: the schema (constraints and indexes) is built at the store\'s next start, before it serves');
  }
  report.elapsedMs = Date.now() - started;
  return { report, path: 'bulk' };
}
