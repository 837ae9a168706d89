import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { DataSource } from '../domain/ingest.ts';
import { storeIsEmpty } from '../storage/admin.ts';
import { BulkGraph } from '../storage/bulk/bulk-graph.ts';
import { writeImportFiles } from '../storage/bulk/import-files.ts';
import { runBulkImport } from '../storage/bulk/run-import.ts';
import { GraphWriter } from '../storage/graph-writer.ts';
import type { IngestReport } from '../usecases/ingest/ingest-report.ts';
import { ingestSource, type IngestOptions } from '../usecases/ingest/ingest-source.ts';
import { withGraph } from './with-graph.ts';

/** `auto`: the bulk importer when the embedded store is empty, else batched; `batched`: always batched (--no-bulk). */
export type LoadPath = 'auto' | 'batched';

export interface LoadResult {
  readonly report: IngestReport;
  readonly path: 'bulk' | 'batched';
}

/**
 * Loads a source. Into an empty embedded store (NEO4J_URI unset, no node but schema bookkeeping) it uses
 * Neo4j's own bulk importer: the source goes through the same ingestSource (validation, rejections,
 * de-duplication, report) into an in-memory BulkGraph, which is written as CSV files, imported offline
 * with `neo4j-admin database import full`, and the schema is applied when the store starts again.
 * Otherwise (external Neo4j, a store with data, or --no-bulk) the batched UNWIND path runs.
 */
export async function loadGraph(config: Config, source: DataSource, opts: IngestOptions & { readonly path: LoadPath }, log: (m: string) => void): Promise<LoadResult> {
  const started = Date.now();
  const { path, ...ingestOpts } = opts;
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
  const phase = (name: string, since: number): void => log(`bulk load: ${name} in ${((Date.now() - since) / 1000).toFixed(1)} s`);
  let t = Date.now();
  const graph = new BulkGraph();
  const report = await ingestSource(source, graph, ingestOpts);
  phase('read and validated the source', t);
  const dir = mkdtempSync(join(tmpdir(), 'grec-bulk-'));
  try {
    t = Date.now();
    const files = writeImportFiles(graph, dir);
    phase(`wrote ${files.files.length} import files`, t);
    t = Date.now();
    await runBulkImport(files, { moduleDir: local.moduleDir, homeDir: local.storeDir, javaBin: local.javaBin, heap: local.heap, log });
    phase('imported', t);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  t = Date.now();
  await withGraph(config, async () => undefined); // starts on the imported store and applies the schema
  phase('started the store and applied the schema', t);
  report.elapsedMs = Date.now() - started;
  return { report, path: 'bulk' };
}
