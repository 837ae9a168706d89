// Fault tests of batch loading (issue 7, section 6): SIGKILL of the loader, and separately of the Neo4j
// JVM, in the middle of a `grec load demo`; then restart and load again. The graph must equal a clean load
// of the same data: the same events (0 lost, 0 duplicated) and every INTERACTED aggregate (per-type
// counts, weight, firstTs, lastTs); the reload counts the events that survived the crash as duplicates.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createDemoSource, demoPreset } from '../../src/sources/demo/demo-source.ts';
import { wipeGraph } from '../../src/storage/admin.ts';
import { connectGraph, type GraphConnection } from '../../src/storage/connect.ts';
import { GraphWriter } from '../../src/storage/graph-writer.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/storage/local-neo4j/launcher.ts';
import { applySchema } from '../../src/storage/schema.ts';
import type { IngestReport } from '../../src/usecases/ingest/ingest-report.ts';
import { ingestSource } from '../../src/usecases/ingest/ingest-source.ts';
import { Children, waitUntil, type Child } from '../support/child-process.ts';
import { openTestGraph } from '../support/graph.ts';
import { DEMO_ARGS, eventCount, loadSnapshot, type LoadSnapshot } from './load-snapshot.ts';

const TOTAL_EVENTS_AT_LEAST = 4000;

describe('a load killed half-way and loaded again equals a clean load', () => {
  const children = new Children();
  const cfg = loadConfig();
  const stores: string[] = [];
  const jvms: LocalNeo4j[] = [];
  const connections: GraphConnection[] = [];
  let runGraph: GraphConnection;
  let clean: LoadSnapshot;

  const load = (neo4jUri: string): Child => children.spawnNode('bin/grec.js', DEMO_ARGS, { NEO4J_URI: neo4jUri });
  const reportOf = (c: Child): IngestReport => JSON.parse(c.stdout) as IngestReport;
  const connect = async (uri: string): Promise<GraphConnection> => {
    const g = await connectGraph({ ...cfg.neo4j, uri }, () => {});
    connections.push(g);
    return g;
  };
  const startJvm = async (store: string): Promise<LocalNeo4j> => {
    const neo = await startLocalNeo4j({
      moduleDir: cfg.neo4j.local.moduleDir, homeDir: store, port: 0, heap: '384m', pageCache: '64m', javaBin: cfg.neo4j.local.javaBin,
    });
    jvms.push(neo);
    return neo;
  };
  /** Waits until some but not all batches are committed, so the kill lands in the middle of the load. */
  const waitMidLoad = (g: GraphConnection) => waitUntil('the load is under way', async () => (await eventCount(g.executor).catch(() => 0)) >= 500, 120_000, 50);

  beforeAll(async () => {
    runGraph = await openTestGraph();
    connections.push(runGraph);
    // The reference: the same demo data loaded cleanly in-process (same source, same batch size).
    const report = await ingestSource(createDemoSource(demoPreset('tiny', { eventsTarget: 4000 })), new GraphWriter(runGraph.executor), { batchSize: 100 });
    expect(report.kinds.event?.read).toBeGreaterThanOrEqual(TOTAL_EVENTS_AT_LEAST);
    clean = await loadSnapshot(runGraph.executor);
    expect(clean.events.length).toBe(report.kinds.event?.read);
    await wipeGraph(runGraph.executor);
  }, 300_000);

  afterAll(async () => {
    children.killAll(stores);
    for (const c of connections) await c.close().catch(() => undefined);
    for (const j of jvms) await j.stop().catch(() => undefined);
    for (const s of stores) rmSync(s, { recursive: true, force: true });
  });

  it('SIGKILL of the loader mid-load, then a reload: identical graph, survivors counted once', async () => {
    const uri = inject('neo4jUri');
    const killed = load(uri);
    await waitMidLoad(runGraph);
    killed.proc.kill('SIGKILL');
    expect((await killed.exited).signal).toBe('SIGKILL');
    const survived = await eventCount(runGraph.executor);
    expect(survived).toBeGreaterThan(0);
    expect(survived).toBeLessThan(clean.events.length); // really killed in the middle

    const reload = load(uri);
    expect((await reload.exited).code, reload.stderr).toBe(0);
    const report = reportOf(reload);
    expect(report.kinds.event).toEqual({ read: clean.events.length, written: clean.events.length - survived, duplicates: survived });
    expect(await loadSnapshot(runGraph.executor)).toEqual(clean);
  }, 180_000);

  it('SIGKILL of the Neo4j JVM mid-load: the loader fails UNAVAILABLE; after a restart a reload gives an identical graph', async () => {
    const store = mkdtempSync(join(tmpdir(), 'grec-fault-load-'));
    stores.push(store);
    const first = await startJvm(store);
    const before = await connect(first.boltUri);
    await applySchema(before.executor);
    const loader = load(first.boltUri);
    await waitMidLoad(before);
    process.kill(first.pid, 'SIGKILL');
    const exit = await loader.exited;
    expect(exit.code, loader.stderr).toBe(1);
    expect(loader.stderr).toMatch(/\[UNAVAILABLE\]/);

    const second = await startJvm(store); // same store: Neo4j recovers it from its transaction log
    const after = await connect(second.boltUri);
    const survived = await eventCount(after.executor);
    expect(survived).toBeGreaterThan(0);
    expect(survived).toBeLessThan(clean.events.length);
    const reload = load(second.boltUri);
    expect((await reload.exited).code, reload.stderr).toBe(0);
    expect(reportOf(reload).kinds.event).toEqual({ read: clean.events.length, written: clean.events.length - survived, duplicates: survived });
    expect(await loadSnapshot(after.executor)).toEqual(clean);
  }, 300_000);
});
